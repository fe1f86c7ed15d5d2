import { CacheService } from './cache.service';
import type { CacheConfig } from './cache-kinds';

/** The in-process store (no REDIS_URL) must behave like Redis: hit/miss, single-flight, SWR, expiry. */
describe('CacheService with the in-process store', () => {
  const config: CacheConfig = {
    CACHE_ENABLED: true,
    CACHE_TTL_STOCK_S: 15,
    CACHE_TTL_PRICING_S: 300,
    CACHE_TTL_REGIONS_S: 3_600,
    CACHE_TTL_CATALOG_S: 3_600,
    CACHE_MAX_STALE_S: 60,
    CACHE_LOCK_TTL_MS: 10_000,
    CACHE_LOCK_WAIT_MS: 2_500,
    CACHE_MEMORY_MAX_ENTRIES: 100,
    REDIS_KEY_PREFIX: 'unit:',
    REDIS_COMMAND_TIMEOUT_MS: 250,
  };
  let t = 1_000_000;
  const now = () => t;
  const spec = { kind: 'gpuStock' as const, tenantId: 't1', key: 'GET /stocks' };

  it('misses, hits, coalesces, serves stale while refreshing once, and expires', async () => {
    const cache = new CacheService(config, null, null, { now });
    expect(cache.storeName).toBe('memory');
    let calls = 0;
    let open: () => void = () => undefined;
    let gate: Promise<void> | null = null;
    const loader = async () => {
      calls++;
      const n = calls;
      if (gate) await gate;
      return `v${n}`;
    };

    const cold = await Promise.all(Array.from({ length: 100 }, () => cache.getOrLoad(spec, loader)));
    expect(calls).toBe(1);
    expect(cold.every((r) => r.value === 'v1' && !r.stale)).toBe(true);
    expect((await cache.getOrLoad(spec, loader)).value).toBe('v1');
    expect(calls).toBe(1);

    t += 16_000;
    gate = new Promise((r) => (open = r));
    const stale = await Promise.all(Array.from({ length: 20 }, () => cache.getOrLoad(spec, loader)));
    expect(stale.every((r) => r.value === 'v1' && r.stale && r.ageSeconds === 16)).toBe(true);
    open();
    gate = null;
    await cache.idle();
    expect(calls).toBe(2);
    expect(await cache.getOrLoad(spec, loader)).toMatchObject({ value: 'v2', stale: false });

    t += 80_000; // beyond TTL + max-stale
    expect(await cache.getOrLoad(spec, loader)).toMatchObject({ value: 'v3', stale: false });
  });

  it('stays within its entry bound, dropping the least recently used entries', async () => {
    const cache = new CacheService({ ...config, CACHE_MEMORY_MAX_ENTRIES: 10 }, null, null, { now });
    let calls = 0;
    const loader = () => Promise.resolve(++calls);
    for (let i = 0; i < 20; i++) await cache.getOrLoad({ ...spec, key: `k${i}` }, loader);
    await cache.getOrLoad({ ...spec, key: 'k19' }, loader);
    expect(calls).toBe(20);
    await cache.getOrLoad({ ...spec, key: 'k0' }, loader);
    expect(calls).toBe(21);
  });
});
