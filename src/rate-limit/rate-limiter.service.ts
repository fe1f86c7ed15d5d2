import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type Redis from 'ioredis';
import {
  BurstyRateLimiter,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RedisGuard } from '../redis/redis-guard';
import { REDIS_CLIENT } from '../redis/redis.tokens';
import type { Principal } from '../common/context/principal';
import { GatewayError } from '../common/errors/gateway-error';
import { normalizePlan, RateLimitPlanSource, type RateLimitPlan } from './rate-limit-plan';
import { RateLimitMetrics, type Budget } from './rate-limit.metrics';

/** The outcome of drawing points from one budget. */
export interface BudgetDecision {
  budget: Budget;
  allowed: boolean;
  /** Points per window for this budget (the plan's number, without burst). */
  limit: number;
  remaining: number;
  /** Seconds until the window resets (whole seconds, at least 1 while anything is consumed). */
  resetSeconds: number;
  windowSeconds: number;
}

type Limiter = Pick<RateLimiterAbstract, 'consume' | 'reward'> | BurstyRateLimiter;

/** One budget's limiters: the shared one in Redis (when configured) and the in-process one with the same numbers. */
interface LimiterPair {
  shared: Limiter | null;
  local: Limiter;
}

/** Multiples of the base window for the burst pool and the billable-mutation budget. */
const BURST_WINDOWS = 10;
const MUTATION_WINDOWS = 60;

/**
 * Per-tenant (or per-principal) budgets in Redis, identical on every replica: rate-limiter-flexible's
 * RateLimiterRedis runs one atomic Lua INCR+EXPIRE per decision (a fixed window per budget). Each decision
 * goes through the RedisGuard (request budget, breaker). When Redis does not answer, or the breaker is open
 * (then without trying Redis at all): fail-open (default) draws from an in-process RateLimiterMemory with the
 * same numbers, so each replica enforces the plan on its own; fail-closed rejects with RATE_LIMITED
 * (reason LIMITER_UNAVAILABLE). Without REDIS_URL the in-process limiter is the only store (one replica).
 */
@Injectable()
export class RateLimiterService {
  private readonly log = new Logger('RateLimit');
  private readonly limiters = new Map<string, LimiterPair>();
  private readonly prefix: string;
  readonly windowSeconds: number;
  private degraded = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
    private readonly metrics: RateLimitMetrics,
    @Optional() private readonly plans?: RateLimitPlanSource,
    @Optional() private readonly guard?: RedisGuard,
  ) {
    this.prefix = `${config.REDIS_KEY_PREFIX}rl:`;
    this.windowSeconds = config.RATE_LIMIT_WINDOW_S;
    // Degraded is set by the fallback itself; the breaker closing or a decision from Redis clears it.
    guard?.onStateChange((state) => {
      if (state === 'closed') this.noteStore(true);
    });
  }

  get enabled(): boolean {
    return this.config.RATE_LIMIT_ENABLED;
  }

  async planFor(tenantId: string): Promise<RateLimitPlan> {
    return normalizePlan(this.plans ? await this.plans.planFor(tenantId) : undefined);
  }

  /** The budget key: the tenant, or the tenant's principal when the plan says so. Never an IP or a token. */
  keyFor(principal: Principal, plan: RateLimitPlan): string {
    const tenant = encodeURIComponent(principal.tenantId);
    return plan.perPrincipal
      ? `${tenant}:${principal.kind}:${encodeURIComponent(principal.subject)}`
      : tenant;
  }

  limitOf(plan: RateLimitPlan, budget: Budget): number {
    switch (budget) {
      case 'requests':
        return plan.requestsPerMinute;
      case 'cost':
        return plan.costPerMinute;
      case 'mutations':
        return plan.billableMutationsPerHour;
    }
  }

  windowOf(budget: Budget): number {
    return budget === 'mutations' ? this.windowSeconds * MUTATION_WINDOWS : this.windowSeconds;
  }

  /**
   * Draws `points` from one budget. A rejected draw still counts in the window (fixed-window semantics),
   * so a client that keeps retrying early does not get through sooner.
   */
  async consume(
    principal: Principal,
    plan: RateLimitPlan,
    budget: Budget,
    points: number,
  ): Promise<BudgetDecision> {
    const limit = this.limitOf(plan, budget);
    const windowSeconds = this.windowOf(budget);
    const pair = this.limiterFor(budget, limit, windowSeconds, budget === 'requests' ? plan.burst : 0);
    const key = this.keyFor(principal, plan);
    const n = Math.max(0, Math.ceil(points));
    let res: RateLimiterRes;
    let allowed: boolean;
    try {
      res = await this.draw(pair, key, n);
      allowed = true;
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      res = e;
      allowed = false;
    }
    this.metrics.record(principal.tenantId, budget, allowed ? 'allowed' : 'limited');
    return {
      budget,
      allowed,
      limit,
      remaining: Math.max(0, res.remainingPoints),
      resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
      windowSeconds,
    };
  }

  /**
   * Gives `points` back to one budget (rate-limiter-flexible's reward), e.g. a billable-mutation point drawn
   * for a create that never reached Barrack. Best effort: a store failure (or an open breaker) keeps the charge.
   */
  async refund(principal: Principal, plan: RateLimitPlan, budget: Budget, points: number): Promise<void> {
    const pair = this.limiterFor(
      budget,
      this.limitOf(plan, budget),
      this.windowOf(budget),
      budget === 'requests' ? plan.burst : 0,
    );
    const key = this.keyFor(principal, plan);
    const n = Math.ceil(points);
    if (n <= 0) return;
    const reward = async (limiter: Limiter) => {
      if ('reward' in limiter) await limiter.reward(key, n);
    };
    try {
      const { shared } = pair;
      if (shared) await (this.guard ? this.guard.run('rate limit', () => reward(shared)) : reward(shared));
      else await reward(pair.local);
    } catch (e) {
      this.log.warn(`refund of ${budget} points failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * Resolves or rejects with the RateLimiterRes of whichever store decided. Redis first (through the guard);
   * on Redis trouble the fallback of RATE_LIMIT_FAIL_MODE, at once while the breaker is open.
   */
  private async draw(pair: LimiterPair, key: string, points: number): Promise<RateLimiterRes> {
    const { shared } = pair;
    if (shared) {
      try {
        const decide = () => shared.consume(key, points);
        const res = await (this.guard ? this.guard.run('rate limit', decide) : decide());
        this.noteStore(true);
        return res;
      } catch (e) {
        if (e instanceof RateLimiterRes) {
          this.noteStore(true);
          throw e;
        }
        this.noteStore(false);
        if (this.config.RATE_LIMIT_FAIL_MODE === 'closed') {
          throw new GatewayError(
            'RATE_LIMITED',
            'Rate limiting is temporarily unavailable; retry shortly.',
            { reason: 'LIMITER_UNAVAILABLE' },
            undefined,
            1,
          );
        }
      }
    }
    return pair.local.consume(key, points);
  }

  private limiterFor(budget: Budget, points: number, duration: number, burst: number): LimiterPair {
    const id = `${budget}:${points}:${duration}:${burst}`;
    let pair = this.limiters.get(id);
    if (!pair) {
      const make = (store: (name: string, p: number, d: number) => RateLimiterAbstract): Limiter =>
        burst > 0
          ? new BurstyRateLimiter(
              store(budget, points, duration),
              store(`${budget}-burst`, burst, duration * BURST_WINDOWS),
            )
          : store(budget, points, duration);
      pair = {
        shared: this.redis ? make((n, p, d) => this.redisStore(n, p, d)) : null,
        local: make(
          (n, p, d) => new RateLimiterMemory({ keyPrefix: this.keyPrefix(n), points: p, duration: d }),
        ),
      };
      this.limiters.set(id, pair);
    }
    return pair;
  }

  /** The counter key carries no plan numbers, so a plan change mid-window keeps what was already used. */
  private keyPrefix(name: string): string {
    return `${this.prefix}${name}`;
  }

  private redisStore(name: string, points: number, duration: number): RateLimiterAbstract {
    return new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: this.keyPrefix(name),
      points,
      duration,
      // Do not wait for a command timeout when the connection is known to be down.
      rejectIfRedisNotReady: true,
    });
  }

  /** Logs each change between the shared store and the fallback once, not on every request. */
  private noteStore(healthy: boolean): void {
    if (healthy === !this.degraded) return;
    this.degraded = !healthy;
    if (this.degraded && this.config.RATE_LIMIT_FAIL_MODE === 'open') {
      this.log.warn(
        'Redis unavailable: rate limits now enforced per replica by the in-process limiter (fail-open)',
      );
    } else if (this.degraded) {
      this.log.warn('Redis unavailable: rate-limited requests are rejected (fail-closed)');
    } else {
      this.log.log('Redis available again: rate limits shared across replicas');
    }
  }
}
