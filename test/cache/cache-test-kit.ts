import type Redis from 'ioredis';
import { Registry } from 'prom-client';
import type { CacheConfig } from '../../src/cache/cache-kinds';
import { CacheService } from '../../src/cache/cache.service';
import { connectTestRedis, uniquePrefix } from '../helpers/redis';

/** Service-level helpers for the cache e2e specs (real Redis, controllable clock, counting loaders). */
export function cacheConfig(over: Partial<CacheConfig> = {}): CacheConfig {
  return {
    CACHE_ENABLED: true,
    CACHE_TTL_STOCK_S: 15,
    CACHE_TTL_PRICING_S: 300,
    CACHE_TTL_REGIONS_S: 3_600,
    CACHE_TTL_CATALOG_S: 3_600,
    CACHE_MAX_STALE_S: 600,
    CACHE_LOCK_TTL_MS: 10_000,
    CACHE_LOCK_WAIT_MS: 2_500,
    CACHE_MEMORY_MAX_ENTRIES: 1_000,
    REDIS_KEY_PREFIX: uniquePrefix('cache'),
    // Generous: a loaded CI machine must not turn slow replies into store errors (the outage spec stops Redis).
    REDIS_COMMAND_TIMEOUT_MS: 2_000,
    ...over,
  };
}

/** Same options as RedisModule: fail fast while disconnected, reconnect on its own. */
export async function connectRedis(url: string): Promise<Redis> {
  const client = connectTestRedis(url, {
    lazyConnect: true,
    commandTimeout: 2_000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 1_000,
    retryStrategy: (times) => Math.min(times * 50, 300),
  });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

export class Clock {
  t = Date.now();
  readonly now = (): number => this.t;
  advanceSeconds(s: number): void {
    this.t += s * 1000;
  }
}

/** A loader that counts calls and can be held open until released. */
export class CountingLoader<T> {
  calls = 0;
  private gate: Promise<void> | null = null;
  private open: (() => void) | null = null;

  constructor(private produce: (call: number) => T | Promise<T>) {}

  readonly load = async (): Promise<T> => {
    this.calls++;
    const call = this.calls;
    if (this.gate) await this.gate;
    return this.produce(call);
  };

  hold(): void {
    this.gate = new Promise((r) => (this.open = r));
  }

  release(): void {
    this.open?.();
    this.gate = null;
  }

  setProducer(produce: (call: number) => T | Promise<T>): void {
    this.produce = produce;
  }
}

export function makeService(
  config: CacheConfig,
  redis: Redis | null,
  opts: { clock?: Clock; registry?: Registry } = {},
): CacheService {
  return new CacheService(config, redis, opts.registry ?? null, { now: opts.clock?.now, pollIntervalMs: 10 });
}

export async function eventCount(registry: Registry, kind: string, event: string): Promise<number> {
  const metric = await registry.getSingleMetric('gateway_cache_events_total')?.get();
  return metric?.values.find((v) => v.labels.kind === kind && v.labels.event === event)?.value ?? 0;
}

export const tick = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `check` until it returns true or the deadline passes. */
export async function eventually(
  check: () => Promise<boolean>,
  deadlineMs = 10_000,
  everyMs = 50,
): Promise<void> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error('condition not met before the deadline');
    await tick(everyMs);
  }
}
