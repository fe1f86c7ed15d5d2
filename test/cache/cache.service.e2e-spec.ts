import type Redis from 'ioredis';
import { Registry } from 'prom-client';
import { invalidateAfterMutation } from '../../src/cache/cache-invalidation';
import type { CacheExtensionEntry } from '../../src/cache/cache.service';
import { testRedisUrl } from '../helpers/redis';
import {
  cacheConfig,
  Clock,
  connectRedis,
  CountingLoader,
  eventCount,
  makeService,
  tick,
} from './cache-test-kit';

describe('CacheService against a real Redis', () => {
  const clients: Redis[] = [];
  const redis = async (): Promise<Redis> => {
    const c = await connectRedis(testRedisUrl());
    clients.push(c);
    return c;
  };
  afterAll(() => clients.forEach((c) => c.disconnect()));

  it('misses, then hits without calling the loader, and counts both', async () => {
    const registry = new Registry();
    const cache = makeService(cacheConfig(), await redis(), { registry });
    const loader = new CountingLoader(() => ({ regions: ['CANADA-1', 'NORWAY-1'] }));
    const ctx = { responseExtensions: {} as Record<string, unknown> };

    const first = await cache.getOrLoad(
      { kind: 'regions', tenantId: 't1', key: 'GET /regions' },
      loader.load,
      ctx,
    );
    const second = await cache.getOrLoad(
      { kind: 'regions', tenantId: 't1', key: 'GET /regions' },
      loader.load,
    );

    expect(loader.calls).toBe(1);
    expect(first).toMatchObject({
      value: { regions: ['CANADA-1', 'NORWAY-1'] },
      stale: false,
      ageSeconds: 0,
    });
    expect(second.value).toEqual(first.value);
    expect(second.asOf.getTime()).toBe(first.asOf.getTime());
    expect(ctx.responseExtensions.cache).toEqual([
      { kind: 'regions', stale: false, ageSeconds: 0, asOf: first.asOf.toISOString() },
    ]);
    expect(await eventCount(registry, 'regions', 'miss')).toBe(1);
    expect(await eventCount(registry, 'regions', 'hit')).toBe(1);
  });

  it('keeps entries in Redis for TTL + max-stale and reloads once both have passed', async () => {
    const clock = new Clock();
    const config = cacheConfig({ CACHE_TTL_STOCK_S: 15, CACHE_MAX_STALE_S: 60 });
    const client = await redis();
    const cache = makeService(config, client, { clock });
    const loader = new CountingLoader((n) => `stock-v${n}`);
    const spec = { kind: 'gpuStock' as const, tenantId: 't1', key: 'GET /stocks' };

    await cache.getOrLoad(spec, loader.load);
    const [key] = await client.keys(`${config.REDIS_KEY_PREFIX}cache:gpuStock:t.t1:*`);
    expect(key).toMatch(/:\{[0-9a-f]{40}\}$/);
    const pttl = await client.pttl(key!);
    expect(pttl).toBeGreaterThan(70_000);
    expect(pttl).toBeLessThanOrEqual(75_000);

    clock.advanceSeconds(14);
    expect((await cache.getOrLoad(spec, loader.load)).value).toBe('stock-v1');
    clock.advanceSeconds(62); // 76 s: beyond TTL + max-stale
    const reloaded = await cache.getOrLoad(spec, loader.load);
    expect(reloaded).toMatchObject({ value: 'stock-v2', stale: false });
    expect(loader.calls).toBe(2);
  });

  it('serves stale at once and runs exactly one refresh for 50 concurrent readers on two instances', async () => {
    const clock = new Clock();
    const config = cacheConfig();
    const registry = new Registry();
    const registryB = new Registry();
    const a = makeService(config, await redis(), { clock, registry });
    const b = makeService(config, await redis(), { clock, registry: registryB });
    const loader = new CountingLoader((n) => ({ price: n }));
    const spec = { kind: 'pricing' as const, tenantId: 'acme', key: 'GET /pricebook' };
    await a.getOrLoad(spec, loader.load);

    clock.advanceSeconds(301);
    loader.hold();
    const ctx = { responseExtensions: {} as Record<string, unknown> };
    const reads = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? a : b).getOrLoad(spec, loader.load, i === 0 ? undefined : ctx),
      ),
    );
    expect(reads.every((r) => r.stale && r.value.price === 1)).toBe(true);
    expect(reads[0]!.ageSeconds).toBe(301);
    const ext = ctx.responseExtensions.cache as CacheExtensionEntry[];
    expect(ext).toHaveLength(49);
    expect(ext[0]).toMatchObject({ kind: 'pricing', stale: true, ageSeconds: 301 });

    loader.release();
    await Promise.all([a.idle(), b.idle()]);
    expect(loader.calls).toBe(2);
    const after = await b.getOrLoad(spec, loader.load);
    expect(after).toMatchObject({ value: { price: 2 }, stale: false });
    expect(loader.calls).toBe(2);
    // Exactly one refresh across both instances: whichever took the lock (their two connections race to Redis).
    const refreshes =
      (await eventCount(registry, 'pricing', 'refresh')) +
      (await eventCount(registryB, 'pricing', 'refresh'));
    expect(refreshes).toBe(1);
    expect(await eventCount(registry, 'pricing', 'stale')).toBe(25);
  });

  it('serves the stale value with the stale flag when the refresh fails, until max-stale', async () => {
    const clock = new Clock();
    const registry = new Registry();
    const cache = makeService(cacheConfig({ CACHE_MAX_STALE_S: 600 }), await redis(), { clock, registry });
    const loader = new CountingLoader<string>(() => 'regions-v1');
    const spec = { kind: 'regions' as const, tenantId: 't1', key: 'GET /regions' };
    await cache.getOrLoad(spec, loader.load);

    loader.setProducer(() => {
      throw new Error('Barrack 503');
    });
    clock.advanceSeconds(3_700);
    const stale = await cache.getOrLoad(spec, loader.load);
    await cache.idle();
    expect(stale).toMatchObject({ value: 'regions-v1', stale: true, ageSeconds: 3_700 });
    expect(loader.calls).toBe(2);
    expect(await eventCount(registry, 'regions', 'error')).toBe(1);

    // The failed refresh keeps its lock: Barrack is not retried on every read while it is failing.
    const again = await cache.getOrLoad(spec, loader.load);
    await cache.idle();
    expect(again).toMatchObject({ value: 'regions-v1', stale: true });
    expect(loader.calls).toBe(2);

    clock.advanceSeconds(600); // beyond TTL + max-stale: nothing left to serve
    await expect(cache.getOrLoad(spec, loader.load)).rejects.toThrow('Barrack 503');
  });

  it('makes one loader call for 200 concurrent reads of a cold key', async () => {
    const cache = makeService(cacheConfig(), await redis());
    const loader = new CountingLoader(async () => {
      await tick(30);
      return ['H100', 'A100'];
    });
    const spec = { kind: 'gpuSpecs' as const, tenantId: 't1', key: 'GET /gpus' };
    const results = await Promise.all(Array.from({ length: 200 }, () => cache.getOrLoad(spec, loader.load)));
    expect(loader.calls).toBe(1);
    expect(results.every((r) => JSON.stringify(r.value) === '["H100","A100"]')).toBe(true);
  });

  it('makes one loader call for 200 concurrent reads split across two gateway processes', async () => {
    const config = cacheConfig();
    const a = makeService(config, await redis());
    const b = makeService(config, await redis());
    const loader = new CountingLoader(async () => {
      await tick(50);
      return { images: 3 };
    });
    const spec = { kind: 'osImages' as const, tenantId: 't1', key: 'GET /images?region=CANADA-1' };
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).getOrLoad(spec, loader.load)),
    );
    expect(loader.calls).toBe(1);
    expect(results.every((r) => r.value.images === 3)).toBe(true);
  });

  it("never serves one tenant's pricing to another", async () => {
    const config = cacheConfig();
    const client = await redis();
    const cache = makeService(config, client);
    const key = 'POST /pricebook/quote {"flavor":"n3-H100x1","hours":1}';
    const forA = new CountingLoader(() => ({ currency: 'EUR', total: '2.40' }));
    const forB = new CountingLoader(() => ({ currency: 'USD', total: '2.55' }));

    await cache.getOrLoad({ kind: 'pricingQuote', tenantId: 'tenant-a', key }, forA.load);
    const b = await cache.getOrLoad({ kind: 'pricingQuote', tenantId: 'tenant-b', key }, forB.load);
    const a = await cache.getOrLoad({ kind: 'pricingQuote', tenantId: 'tenant-a', key }, forA.load);

    expect(b.value).toEqual({ currency: 'USD', total: '2.55' });
    expect(a.value).toEqual({ currency: 'EUR', total: '2.40' });
    expect([forA.calls, forB.calls]).toEqual([1, 1]);
    const keys = await client.keys(`${config.REDIS_KEY_PREFIX}cache:pricingQuote:*`);
    expect(keys.map((k) => k.split(':').slice(-2, -1)[0]).sort()).toEqual(['t.tenant-a', 't.tenant-b']);

    // A per-tenant kind without a tenant fails loudly; a public kind gives every tenant the same entry.
    await expect(cache.getOrLoad({ kind: 'pricing', tenantId: '', key }, forA.load)).rejects.toThrow(
      /per tenant/,
    );
    const protocols = new CountingLoader(() => ['tcp', 'udp']);
    await cache.getOrLoad({ kind: 'firewallProtocols', tenantId: 'tenant-a', key: 'p' }, protocols.load);
    await cache.getOrLoad({ kind: 'firewallProtocols', tenantId: 'tenant-b', key: 'p' }, protocols.load);
    expect(protocols.calls).toBe(1);
    const pub = await client.keys(`${config.REDIS_KEY_PREFIX}cache:firewallProtocols:*`);
    expect(pub.map((k) => k.split(':').slice(-2, -1)[0])).toEqual(['pub']);
  });

  it('invalidates one tenant, all tenants, and GPU stock after a deploy', async () => {
    const cache = makeService(cacheConfig(), await redis());
    const loader = new CountingLoader((n) => n);
    const pricing = (tenantId: string) => ({
      kind: 'pricing' as const,
      tenantId,
      key: 'GET /pricebook',
    });
    const stock = { kind: 'gpuStock' as const, tenantId: 't1', key: 'GET /stocks' };
    await cache.getOrLoad(pricing('a'), loader.load);
    await cache.getOrLoad(pricing('a:b'), loader.load);
    await cache.getOrLoad(stock, loader.load);
    expect(loader.calls).toBe(3);

    // Tenant "a" must not reach tenant "a:b" through a shared key prefix.
    expect(await cache.invalidate('pricing', { tenantId: 'a' })).toEqual({ deletedKeys: 1, complete: true });
    expect((await cache.getOrLoad(pricing('a:b'), loader.load)).value).toBe(2);
    expect((await cache.getOrLoad(pricing('a'), loader.load)).value).toBe(4);

    expect((await invalidateAfterMutation(cache, 'createInstance')).complete).toBe(true);
    expect((await cache.getOrLoad(stock, loader.load)).value).toBe(5);

    expect((await cache.invalidate('pricing', 'all')).deletedKeys).toBe(2);
    expect((await cache.getOrLoad(pricing('a:b'), loader.load)).value).toBe(6);
  });

  it('does not write a load that started before an invalidation', async () => {
    const config = cacheConfig();
    const client = await redis();
    const cache = makeService(config, client);
    const loader = new CountingLoader((n) => `stock-v${n}`);
    const spec = { kind: 'gpuStock' as const, tenantId: 't1', key: 'GET /stocks' };
    loader.hold();
    const before = cache.getOrLoad(spec, loader.load);
    await tick(20);
    await cache.invalidate('gpuStock', 'all');
    loader.release();
    expect((await before).value).toBe('stock-v1');
    expect(await client.keys(`${config.REDIS_KEY_PREFIX}cache:gpuStock:*`)).toEqual([]);
    expect((await cache.getOrLoad(spec, loader.load)).value).toBe('stock-v2');
  });

  it('bypasses the cache when CACHE_ENABLED is false', async () => {
    const config = cacheConfig({ CACHE_ENABLED: false });
    const client = await redis();
    const cache = makeService(config, client);
    const loader = new CountingLoader((n) => n);
    const spec = { kind: 'volumeTypes' as const, tenantId: 't1', key: 'GET /volume-types' };
    await cache.getOrLoad(spec, loader.load);
    await cache.getOrLoad(spec, loader.load);
    expect(loader.calls).toBe(2);
    expect(await client.keys(`${config.REDIS_KEY_PREFIX}*`)).toEqual([]);
  });
});
