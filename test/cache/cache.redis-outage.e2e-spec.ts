import type Redis from 'ioredis';
import { Registry } from 'prom-client';
import { PrivateRedis } from '../helpers/redis';
import {
  cacheConfig,
  connectRedis,
  CountingLoader,
  eventCount,
  eventually,
  makeService,
  tick,
} from './cache-test-kit';

describe('CacheService when Redis goes away and comes back', () => {
  let server: PrivateRedis;
  let client: Redis;

  beforeAll(async () => {
    server = await PrivateRedis.create();
    client = await connectRedis(server.url);
  });
  afterAll(async () => {
    client.disconnect();
    await server.stop();
  });

  it('answers every request from the loader while Redis is down, coalesced per process, then uses Redis again', async () => {
    const registry = new Registry();
    const config = cacheConfig();
    const cache = makeService(config, client, { registry });
    const loader = new CountingLoader(async (n) => {
      await tick(20);
      return { regions: ['CANADA-1'], load: n };
    });
    const spec = { kind: 'regions' as const, tenantId: 't1', key: 'GET /regions' };

    await cache.getOrLoad(spec, loader.load);
    await cache.getOrLoad(spec, loader.load);
    expect(loader.calls).toBe(1);

    await server.stop();
    const during = await Promise.all(Array.from({ length: 50 }, () => cache.getOrLoad(spec, loader.load)));
    expect(during.every((r) => (r.value as { regions: string[] }).regions[0] === 'CANADA-1')).toBe(true);
    expect(loader.calls).toBe(2); // 50 concurrent requests, one Barrack call
    const one = await cache.getOrLoad(spec, loader.load);
    expect(one.stale).toBe(false);
    expect(await eventCount(registry, 'regions', 'error')).toBeGreaterThanOrEqual(50);
    // A mutation's invalidation does not throw while Redis is down; it says it did not reach the store.
    expect(await cache.invalidate('gpuStock', 'all')).toEqual({ deletedKeys: 0, complete: false });

    await server.start();
    // The client reconnects on its own; once it has, a read fills Redis and the next one is a hit.
    await eventually(async () => {
      await cache.getOrLoad(spec, loader.load);
      const before = loader.calls;
      await cache.getOrLoad(spec, loader.load);
      return loader.calls === before;
    });
    expect(
      await client.exists((await client.keys(`${config.REDIS_KEY_PREFIX}cache:regions:*`))[0] ?? 'none'),
    ).toBe(1);
  });
});
