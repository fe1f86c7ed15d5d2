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

/** The in-process fallback; rate-limiter-flexible calls it only when Redis failed, which is worth a log line. */
class InsuranceLimiter extends RateLimiterMemory {
  constructor(
    opts: ConstructorParameters<typeof RateLimiterMemory>[0],
    private readonly onUse: () => void,
  ) {
    super(opts);
  }

  override consume(...args: Parameters<RateLimiterMemory['consume']>): Promise<RateLimiterRes> {
    this.onUse();
    return super.consume(...args);
  }
}

type Limiter = Pick<RateLimiterAbstract, 'consume' | 'reward'> | BurstyRateLimiter;

/** Multiples of the base window for the burst pool and the billable-mutation budget. */
const BURST_WINDOWS = 10;
const MUTATION_WINDOWS = 60;

/**
 * Per-tenant (or per-principal) budgets in Redis, identical on every replica: rate-limiter-flexible's
 * RateLimiterRedis runs one atomic Lua INCR+EXPIRE per decision (a fixed window per budget). When Redis does
 * not answer: fail-open (default) draws from an in-process RateLimiterMemory insurance limiter with the same
 * numbers, so each replica enforces the plan on its own; fail-closed rejects with RATE_LIMITED
 * (reason LIMITER_UNAVAILABLE). Without REDIS_URL the in-process limiter is the only store (one replica).
 */
@Injectable()
export class RateLimiterService {
  private readonly log = new Logger('RateLimit');
  private readonly limiters = new Map<string, Limiter>();
  private readonly prefix: string;
  readonly windowSeconds: number;
  private degraded = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
    private readonly metrics: RateLimitMetrics,
    @Optional() private readonly plans?: RateLimitPlanSource,
  ) {
    this.prefix = `${config.REDIS_KEY_PREFIX}rl:`;
    this.windowSeconds = config.RATE_LIMIT_WINDOW_S;
    // Degraded is set by the fallback itself (InsuranceLimiter, fail-closed refusal); a reconnect clears it.
    redis?.on('ready', () => this.noteStore(true));
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
    const limiter = this.limiterFor(budget, limit, windowSeconds, budget === 'requests' ? plan.burst : 0);
    const key = this.keyFor(principal, plan);
    let res: RateLimiterRes;
    let allowed: boolean;
    try {
      res = await limiter.consume(key, Math.max(0, Math.ceil(points)));
      allowed = true;
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) {
        this.noteStore(false);
        throw new GatewayError(
          'RATE_LIMITED',
          'Rate limiting is temporarily unavailable; retry shortly.',
          { reason: 'LIMITER_UNAVAILABLE' },
          undefined,
          1,
        );
      }
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
   * Gives `points` back to one budget (rate-limiter-flexible's reward), e.g. billable-mutation points that
   * were reserved for a create that never reached Barrack. Best effort: a store failure keeps the charge.
   */
  async refund(principal: Principal, plan: RateLimitPlan, budget: Budget, points: number): Promise<void> {
    const limit = this.limitOf(plan, budget);
    const limiter = this.limiterFor(
      budget,
      limit,
      this.windowOf(budget),
      budget === 'requests' ? plan.burst : 0,
    );
    if (!('reward' in limiter) || points <= 0) return;
    try {
      await limiter.reward(this.keyFor(principal, plan), Math.ceil(points));
    } catch (e) {
      this.log.warn(`refund of ${budget} points failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private limiterFor(budget: Budget, points: number, duration: number, burst: number): Limiter {
    const id = `${budget}:${points}:${duration}:${burst}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      const main = this.store(budget, points, duration);
      limiter =
        burst > 0
          ? new BurstyRateLimiter(main, this.store(`${budget}-burst`, burst, duration * BURST_WINDOWS))
          : main;
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  private store(name: string, points: number, duration: number): RateLimiterAbstract {
    // The counter key carries no plan numbers, so a plan change mid-window keeps what was already used.
    const keyPrefix = `${this.prefix}${name}`;
    if (!this.redis) return new RateLimiterMemory({ keyPrefix, points, duration });
    return new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix,
      points,
      duration,
      // Do not wait for a command timeout when the connection is known to be down.
      rejectIfRedisNotReady: true,
      insuranceLimiter:
        this.config.RATE_LIMIT_FAIL_MODE === 'open'
          ? new InsuranceLimiter({ keyPrefix, points, duration }, () => this.noteStore(false))
          : undefined,
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
