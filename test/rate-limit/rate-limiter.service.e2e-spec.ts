import type Redis from 'ioredis';
import { loadConfig } from '../../src/config/app-config';
import type { Principal } from '../../src/common/context/principal';
import { GatewayError } from '../../src/common/errors/gateway-error';
import { MetricsRegistry } from '../../src/metrics/metrics.module';
import { TenantMetricLabel } from '../../src/metrics/tenant-metric-label';
import { RateLimitMetrics } from '../../src/rate-limit/rate-limit.metrics';
import {
  normalizePlan,
  type RateLimitPlan,
  type RateLimitPlanSource,
} from '../../src/rate-limit/rate-limit-plan';
import { RateLimiterService } from '../../src/rate-limit/rate-limiter.service';
import { connectTestRedis, PrivateRedis, testRedisUrl, uniquePrefix } from '../helpers/redis';

/* The limiter against a real Redis: isolation between tenants, one budget shared by several replicas,
 * behaviour when Redis goes away, and refill over time. */

const principal = (tenantId: string, subject = 'key1'): Principal => ({
  tenantId,
  kind: 'api_key',
  subject,
  scopes: ['read'],
});

function client(url: string, commandTimeout = 250): Redis {
  // The same options as RedisModule, so outage behaviour matches production.
  const r = connectTestRedis(url, {
    commandTimeout,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 50, 500),
  });
  r.on('error', () => undefined);
  return r;
}

async function ready(r: Redis): Promise<Redis> {
  if (r.status !== 'ready') await new Promise<void>((res) => r.once('ready', () => res()));
  return r;
}

function service(
  redis: Redis | null,
  opts: {
    prefix: string;
    window?: number;
    failMode?: 'open' | 'closed';
    plans?: Record<string, Partial<RateLimitPlan>>;
    registry?: MetricsRegistry;
  },
): RateLimiterService {
  const config = loadConfig({
    NODE_ENV: 'test',
    REDIS_KEY_PREFIX: opts.prefix,
    RATE_LIMIT_WINDOW_S: String(opts.window ?? 60),
    RATE_LIMIT_FAIL_MODE: opts.failMode ?? 'open',
  });
  const plans: RateLimitPlanSource = { planFor: (t) => normalizePlan(opts.plans?.[t]) };
  return new RateLimiterService(
    config,
    redis,
    new RateLimitMetrics(opts.registry ?? new MetricsRegistry(), TenantMetricLabel.of(true)),
    plans,
  );
}

async function drain(svc: RateLimiterService, p: Principal, n: number): Promise<boolean[]> {
  const plan = await svc.planFor(p.tenantId);
  const out: boolean[] = [];
  for (let i = 0; i < n; i++) out.push((await svc.consume(p, plan, 'requests', 1)).allowed);
  return out;
}

describe('RateLimiterService (real Redis)', () => {
  const clients: Redis[] = [];
  const shared = async (): Promise<Redis> => {
    // A patient timeout: on a loaded machine a slow command would otherwise fall back to the insurance limiter.
    const r = await ready(client(testRedisUrl(), 5_000));
    clients.push(r);
    return r;
  };
  afterAll(() => {
    for (const c of clients) c.disconnect();
  });

  it('limits a tenant after its budget while another tenant is unaffected', async () => {
    const registry = new MetricsRegistry();
    const plans = { a: { requestsPerMinute: 5, burst: 0 }, b: { requestsPerMinute: 5, burst: 0 } };
    const svc = service(await shared(), { prefix: uniquePrefix('rl'), plans, registry });

    expect(await drain(svc, principal('a'), 7)).toEqual([true, true, true, true, true, false, false]);
    expect(await drain(svc, principal('b'), 5)).toEqual([true, true, true, true, true]);

    const plan = await svc.planFor('a');
    const limited = await svc.consume(principal('a'), plan, 'requests', 1);
    expect(limited).toMatchObject({ allowed: false, limit: 5, remaining: 0, windowSeconds: 60 });
    expect(limited.resetSeconds).toBeGreaterThanOrEqual(1);
    expect(limited.resetSeconds).toBeLessThanOrEqual(60);

    const text = await registry.metrics();
    expect(text).toContain(
      'gateway_rate_limit_decisions_total{tenant="a",budget="requests",outcome="allowed"} 5',
    );
    expect(text).toContain(
      'gateway_rate_limit_decisions_total{tenant="a",budget="requests",outcome="limited"} 3',
    );
    expect(text).toContain(
      'gateway_rate_limit_decisions_total{tenant="b",budget="requests",outcome="allowed"} 5',
    );
  });

  it('lets burst requests through above the per-window rate, then limits', async () => {
    const svc = service(await shared(), {
      prefix: uniquePrefix('rl'),
      plans: { t: { requestsPerMinute: 3, burst: 2 } },
    });
    expect(await drain(svc, principal('t'), 6)).toEqual([true, true, true, true, true, false]);
  });

  it('draws request, burst and cost in one script on the same windows as consume()', async () => {
    const registry = new MetricsRegistry();
    const svc = service(await shared(), {
      prefix: uniquePrefix('rl'),
      plans: { t: { requestsPerMinute: 2, burst: 1, costPerMinute: 25 } },
      registry,
    });
    const p = principal('t');
    const plan = await svc.planFor('t');
    // One request through consume(), then operations through the script: both count in one window.
    expect((await svc.consume(p, plan, 'requests', 1)).allowed).toBe(true);
    const second = await svc.drawOperation(p, plan, 10);
    expect(second.requests).toMatchObject({ allowed: true, remaining: 0, limit: 2 });
    expect(second.cost).toMatchObject({ allowed: true, remaining: 15, limit: 25 });
    // Over the rate: the burst pool lets one more through, and its cost is drawn.
    const third = await svc.drawOperation(p, plan, 10);
    expect(third.requests.allowed).toBe(true);
    expect(third.cost).toMatchObject({ allowed: true, remaining: 5 });
    // Burst spent: refused, and no cost drawn for a refused request.
    const fourth = await svc.drawOperation(p, plan, 10);
    expect(fourth.requests.allowed).toBe(false);
    expect(fourth.cost).toBeUndefined();
    // The cost window is the one consume() sees: 5 points left.
    expect(await svc.consume(p, plan, 'cost', 6)).toMatchObject({ allowed: false, remaining: 0 });
    const text = await registry.metrics();
    expect(text).toContain(
      'gateway_rate_limit_decisions_total{tenant="t",budget="requests",outcome="limited"} 1',
    );
    expect(text).toContain(
      'gateway_rate_limit_decisions_total{tenant="t",budget="cost",outcome="allowed"} 2',
    );
  });

  it('shares one budget between two replicas with their own Redis connections', async () => {
    const prefix = uniquePrefix('rl');
    const plans = { shared: { requestsPerMinute: 7, burst: 0 } };
    const one = service(await shared(), { prefix, plans });
    const two = service(await shared(), { prefix, plans });
    const plan = await one.planFor('shared');
    const p = principal('shared');
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? one : two).consume(p, plan, 'requests', 1)),
    );
    const allowed = results.filter((r) => r.allowed).length;
    expect(allowed).toBeLessThanOrEqual(7);
    // Atomic counting in Redis: nothing is lost either, the whole budget is usable.
    expect(allowed).toBe(7);
  });

  it('keeps budgets per principal when the plan says so', async () => {
    const svc = service(await shared(), {
      prefix: uniquePrefix('rl'),
      plans: { t: { requestsPerMinute: 2, burst: 0, perPrincipal: true } },
    });
    expect(await drain(svc, principal('t', 'k1'), 3)).toEqual([true, true, false]);
    expect(await drain(svc, principal('t', 'k2'), 2)).toEqual([true, true]);
  });

  it('draws cost points and billable mutations from their own budgets', async () => {
    const svc = service(await shared(), {
      prefix: uniquePrefix('rl'),
      plans: { t: { costPerMinute: 100, billableMutationsPerHour: 2 } },
    });
    const p = principal('t');
    const plan = await svc.planFor('t');
    expect(await svc.consume(p, plan, 'cost', 60)).toMatchObject({ allowed: true, remaining: 40 });
    expect(await svc.consume(p, plan, 'cost', 60)).toMatchObject({ allowed: false, remaining: 0 });
    expect(await svc.consume(p, plan, 'mutations', 2)).toMatchObject({ allowed: true, windowSeconds: 3600 });
    expect(await svc.consume(p, plan, 'mutations', 1)).toMatchObject({ allowed: false });
    // The request budget was never touched.
    expect(await svc.consume(p, plan, 'requests', 1)).toMatchObject({ allowed: true });
  });

  it('refills the budget when the window passes', async () => {
    const svc = service(await shared(), {
      prefix: uniquePrefix('rl'),
      window: 1,
      plans: { t: { requestsPerMinute: 2, burst: 0 } },
    });
    const p = principal('t');
    expect(await drain(svc, p, 3)).toEqual([true, true, false]);
    const plan = await svc.planFor('t');
    const deadline = Date.now() + 5_000;
    let allowed = false;
    while (!allowed && Date.now() < deadline) {
      allowed = (await svc.consume(p, plan, 'requests', 1)).allowed;
      if (!allowed) await new Promise((r) => setTimeout(r, 100));
    }
    expect(allowed).toBe(true);
  });

  it('uses the in-process limiter without Redis', async () => {
    const svc = service(null, {
      prefix: uniquePrefix('rl'),
      plans: { t: { requestsPerMinute: 2, burst: 0 } },
    });
    expect(await drain(svc, principal('t'), 3)).toEqual([true, true, false]);
  });
});

describe('RateLimiterService when Redis goes away', () => {
  let redis: PrivateRedis;
  let c: Redis;
  beforeEach(async () => {
    redis = await PrivateRedis.create();
    c = await ready(client(redis.url));
  });
  afterEach(async () => {
    c.disconnect();
    await redis.stop();
  });

  it('fail-open: keeps enforcing the plan with the in-process insurance limiter', async () => {
    const svc = service(c, {
      prefix: uniquePrefix('rl'),
      failMode: 'open',
      plans: { t: { requestsPerMinute: 4, burst: 0 } },
    });
    const p = principal('t');
    expect(await drain(svc, p, 2)).toEqual([true, true]);
    await redis.stop();
    // The insurance limiter starts from zero (it never saw the Redis counts), then enforces the same numbers.
    expect(await drain(svc, p, 5)).toEqual([true, true, true, true, false]);
  });

  it('fail-closed: refuses with RATE_LIMITED (LIMITER_UNAVAILABLE) and recovers when Redis returns', async () => {
    const svc = service(c, {
      prefix: uniquePrefix('rl'),
      failMode: 'closed',
      plans: { t: { requestsPerMinute: 100 } },
    });
    const p = principal('t');
    const plan = await svc.planFor('t');
    expect((await svc.consume(p, plan, 'requests', 1)).allowed).toBe(true);
    await redis.stop();
    const err = await svc.consume(p, plan, 'requests', 1).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({
      code: 'RATE_LIMITED',
      details: { reason: 'LIMITER_UNAVAILABLE' },
      retryAfter: 1,
    });

    await redis.start();
    const deadline = Date.now() + 10_000;
    let back = false;
    while (!back && Date.now() < deadline) {
      back = await svc.consume(p, plan, 'requests', 1).then(
        (d) => d.allowed,
        () => false,
      );
      if (!back) await new Promise((r) => setTimeout(r, 100));
    }
    expect(back).toBe(true);
  });
});
