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
import { RedisGuard, type RedisBudget } from '../redis/redis-guard';
import { REDIS_CLIENT } from '../redis/redis.tokens';
import { hashTagOf, tenantHashTag } from '../redis/hash-tag';
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

/** What one operation drew: the request budget, and the cost budget unless the request was refused first. */
export interface OperationDraw {
  requests: BudgetDecision;
  cost?: BudgetDecision;
}

/*
 * An operation's request and cost draws in one script, so a request costs one Redis round trip for all its
 * budgets. Each draw is rate-limiter-flexible's own incr-with-TTL (RateLimiterRedis' script) on the same keys,
 * so draws made here and by RateLimiterRedis (the billable budget, refunds) count in the same windows. The
 * request budget overflows into its burst pool (BurstyRateLimiter's rule); the cost is drawn only when the
 * request was allowed, as the HTTP path always did. KEYS share the budget key's hash tag (Redis Cluster).
 * KEYS: requests, requests-burst, cost, then any keys to read. ARGV: request limit, window s, burst, burst
 * window s, cost points (-1: none), cost window s, cost limit. Returns consumed/ttl pairs for the three (-1 when
 * not drawn), then, only when every budget allowed the operation, the value of each key to read (nil if none):
 * a response-cache hit's entry and generation come back with its budgets (see drawOperationAndRead).
 */
const DRAW_OPERATION = `
local function draw(key, points, window)
  redis.call('set', key, 0, 'EX', window, 'NX')
  local consumed = redis.call('incrby', key, points)
  local ttl = redis.call('pttl', key)
  if ttl == -1 then
    redis.call('expire', key, window)
    ttl = 1000 * window
  end
  return consumed, ttl
end
local rc, rt = draw(KEYS[1], 1, ARGV[2])
local bc, bt = -1, 0
local allowed = rc <= tonumber(ARGV[1])
if not allowed and tonumber(ARGV[3]) > 0 then
  bc, bt = draw(KEYS[2], 1, ARGV[4])
  allowed = bc <= tonumber(ARGV[3])
end
local r = {rc, rt, bc, bt, -1, 0}
if allowed and ARGV[5] ~= '-1' then
  r[5], r[6] = draw(KEYS[3], tonumber(ARGV[5]), ARGV[6])
  allowed = r[5] <= tonumber(ARGV[7])
end
if allowed then
  for i = 4, #KEYS do r[i + 3] = redis.call('get', KEYS[i]) end
end
return r`;

type DrawOperationClient = Redis & {
  /** numkeys first (the read keys vary); replies as Buffers, so read values arrive as the bytes Redis holds. */
  gatewayDrawOperationBuffer?(...args: (string | number)[]): Promise<(number | Buffer | null)[]>;
};

/** What drawOperationAndRead returns: the draw, and the keys' values when Redis made the draw and allowed it. */
export interface DrawAndRead {
  draw: OperationDraw;
  /** One value per key asked for (null: no such key); absent when refused or drawn by the fallback. */
  values?: (Buffer | null)[];
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

  /**
   * The budget key: the tenant, or the tenant's principal when the plan says so. Never an IP or a token. In
   * braces (a hash tag), so every budget of one holder lives in one Redis Cluster slot and one script can
   * draw them together.
   */
  keyFor(principal: Principal, plan: RateLimitPlan): string {
    if (!plan.perPrincipal) return tenantHashTag(principal.tenantId);
    return `{${encodeURIComponent(principal.tenantId)}:${principal.kind}:${encodeURIComponent(principal.subject)}}`;
  }

  /**
   * Whether these keys share the hash tag of the holder's budget keys (one Redis Cluster slot), so
   * drawOperationAndRead may read them in its script. A tenant's budgets and its tenant-scoped response-cache
   * entries do (tenantHashTag); per-principal budgets and public entries do not, and keep two commands.
   */
  canReadWithDraw(principal: Principal, plan: RateLimitPlan, keys: readonly string[]): boolean {
    const tag = hashTagOf(`${this.prefix}requests:${this.keyFor(principal, plan)}`);
    return keys.every((k) => hashTagOf(k) === tag);
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
   * so a client that keeps retrying early does not get through sooner. `redis`: the Redis budget of the HTTP
   * request the draw serves (RedisGuard.run).
   */
  async consume(
    principal: Principal,
    plan: RateLimitPlan,
    budget: Budget,
    points: number,
    localOnly = false,
    redis?: RedisBudget,
  ): Promise<BudgetDecision> {
    const limit = this.limitOf(plan, budget);
    const windowSeconds = this.windowOf(budget);
    const pair = this.limiterFor(budget, limit, windowSeconds, budget === 'requests' ? plan.burst : 0);
    const key = this.keyFor(principal, plan);
    const n = Math.max(0, Math.ceil(points));
    let res: RateLimiterRes;
    let allowed: boolean;
    try {
      res = localOnly ? await pair.local.consume(key, n) : await this.draw(pair, key, n, redis);
      allowed = true;
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      res = e;
      allowed = false;
    }
    this.metrics.record(principal.tenantId, budget, allowed ? 'allowed' : 'limited');
    return this.decision(budget, allowed, limit, res.remainingPoints, res.msBeforeNext, windowSeconds);
  }

  /**
   * The request budget (1) and, when `costPoints` is given and the request is allowed, the cost budget, in one
   * Redis round trip (DRAW_OPERATION). On Redis trouble the same fallback as consume(): the in-process limiters
   * (fail-open) or RATE_LIMITED LIMITER_UNAVAILABLE (fail-closed). Never throws a refusal: the caller decides.
   */
  async drawOperation(
    principal: Principal,
    plan: RateLimitPlan,
    costPoints: number | null,
    redisBudget?: RedisBudget,
  ): Promise<OperationDraw> {
    return (await this.drawOperationAndRead(principal, plan, costPoints, [], redisBudget)).draw;
  }

  /**
   * drawOperation, and in the same script (one command, one round trip) the values of `readKeys` when every
   * budget allowed the operation: a response-cache hit's entry and generation. The keys must pass
   * canReadWithDraw (one Cluster slot with the budgets). Values are absent when refused or when the draw came
   * from the in-process fallback (Redis trouble), so the caller reads them its own way or not at all.
   */
  async drawOperationAndRead(
    principal: Principal,
    plan: RateLimitPlan,
    costPoints: number | null,
    readKeys: readonly string[],
    redisBudget?: RedisBudget,
  ): Promise<DrawAndRead> {
    const points = costPoints === null ? null : Math.max(0, Math.ceil(costPoints));
    const redis: DrawOperationClient | null = this.redis;
    if (redis) {
      try {
        const run = () => this.drawShared(redis, principal, plan, points, readKeys);
        const drawn = await (this.guard ? this.guard.run('rate limit', run, redisBudget) : run());
        this.noteStore(true);
        this.recorded(principal, drawn.draw);
        return drawn;
      } catch (e) {
        if (e instanceof GatewayError) throw e;
        this.noteStore(false);
        if (this.config.RATE_LIMIT_FAIL_MODE === 'closed') throw limiterUnavailable();
      }
    }
    const requests = await this.consume(principal, plan, 'requests', 1, true);
    if (!requests.allowed || points === null) return { draw: { requests } };
    return { draw: { requests, cost: await this.consume(principal, plan, 'cost', points, true) } };
  }

  private async drawShared(
    redis: DrawOperationClient,
    principal: Principal,
    plan: RateLimitPlan,
    points: number | null,
    readKeys: readonly string[],
  ): Promise<DrawAndRead> {
    if (!redis.gatewayDrawOperationBuffer)
      redis.defineCommand('gatewayDrawOperation', { lua: DRAW_OPERATION });
    const key = this.keyFor(principal, plan);
    const window = this.windowOf('requests');
    const r = await redis.gatewayDrawOperationBuffer!(
      3 + readKeys.length,
      `${this.keyPrefix('requests')}:${key}`,
      `${this.keyPrefix('requests-burst')}:${key}`,
      `${this.keyPrefix('cost')}:${key}`,
      ...readKeys,
      plan.requestsPerMinute,
      window,
      plan.burst,
      window * BURST_WINDOWS,
      points ?? -1,
      this.windowOf('cost'),
      plan.costPerMinute,
    );
    const [rc = 0, rt = 0, bc = -1, bt = 0, cc = -1, ct = 0] = r.slice(0, 6).map(Number);
    const reqLimit = plan.requestsPerMinute;
    let allowed = rc <= reqLimit;
    // BurstyRateLimiter's answer: the main window's numbers, reset at the sooner of the two windows.
    let resetMs = rt;
    if (bc >= 0) {
      allowed = bc <= plan.burst;
      resetMs = Math.min(rt, bt);
    }
    const requests = this.decision('requests', allowed, reqLimit, reqLimit - rc, resetMs, window);
    if (cc < 0) return { draw: { requests }, values: readValues(r, readKeys.length) };
    const costLimit = plan.costPerMinute;
    const cost = this.decision('cost', cc <= costLimit, costLimit, costLimit - cc, ct, this.windowOf('cost'));
    return { draw: { requests, cost }, values: readValues(r, readKeys.length) };
  }

  private decision(
    budget: Budget,
    allowed: boolean,
    limit: number,
    remaining: number,
    msBeforeNext: number,
    windowSeconds: number,
  ): BudgetDecision {
    return {
      budget,
      allowed,
      limit,
      remaining: Math.max(0, remaining),
      resetSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
      windowSeconds,
    };
  }

  private recorded(principal: Principal, draw: OperationDraw): void {
    this.metrics.record(principal.tenantId, 'requests', draw.requests.allowed ? 'allowed' : 'limited');
    if (draw.cost) this.metrics.record(principal.tenantId, 'cost', draw.cost.allowed ? 'allowed' : 'limited');
  }

  /**
   * Gives `points` back to one budget (rate-limiter-flexible's reward), e.g. a billable-mutation point drawn
   * for a create that never reached Barrack. Best effort: a store failure (or an open breaker) keeps the charge
   * (logged with `requestId`, the refunded request's).
   */
  async refund(
    principal: Principal,
    plan: RateLimitPlan,
    budget: Budget,
    points: number,
    redis?: RedisBudget,
    requestId?: string,
  ): Promise<void> {
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
      if (shared)
        await (this.guard ? this.guard.run('rate limit', () => reward(shared), redis) : reward(shared));
      else await reward(pair.local);
    } catch (e) {
      this.log.warn({
        msg: `refund of ${budget} points failed: ${e instanceof Error ? e.message : String(e)}`,
        requestId,
      });
    }
  }

  /**
   * Resolves or rejects with the RateLimiterRes of whichever store decided. Redis first (through the guard);
   * on Redis trouble the fallback of RATE_LIMIT_FAIL_MODE, at once while the breaker is open.
   */
  private async draw(
    pair: LimiterPair,
    key: string,
    points: number,
    redis: RedisBudget | undefined,
  ): Promise<RateLimiterRes> {
    const { shared } = pair;
    if (shared) {
      try {
        const decide = () => shared.consume(key, points);
        const res = await (this.guard ? this.guard.run('rate limit', decide, redis) : decide());
        this.noteStore(true);
        return res;
      } catch (e) {
        if (e instanceof RateLimiterRes) {
          this.noteStore(true);
          throw e;
        }
        this.noteStore(false);
        if (this.config.RATE_LIMIT_FAIL_MODE === 'closed') throw limiterUnavailable();
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

/** The script's read values (after its six numbers), or undefined when it read none (refused, or none asked). */
function readValues(reply: (number | Buffer | null)[], n: number): (Buffer | null)[] | undefined {
  if (n === 0 || reply.length < 6 + n) return undefined;
  return reply.slice(6, 6 + n).map((v) => (Buffer.isBuffer(v) ? v : null));
}

/** Fail-closed with the shared store out of reach: every budget decision is refused. */
function limiterUnavailable(): GatewayError {
  return new GatewayError(
    'RATE_LIMITED',
    'Rate limiting is temporarily unavailable; retry shortly.',
    { reason: 'LIMITER_UNAVAILABLE' },
    undefined,
    1,
  );
}
