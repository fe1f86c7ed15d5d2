import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { RedisBudget, RedisGuard, type GuardedClient } from '../../src/redis/redis-guard';
import { RedisResponseCacheStore, type StoredAnswer } from '../../src/response-cache/response-cache.store';
import { connectTestRedis, uniquePrefix } from '../helpers/redis';
import { waitFor } from '../helpers/gateway';

/*
 * The Redis response-cache store on a real Redis, its breaker driven by hand: the guard watches a stand-in client
 * (connection events, PING), so "Redis is away" is the guard's verdict while the store's own client still works,
 * and what the store left in Redis can be read back. An invalidation the breaker refused is owed: the slot reads
 * as a miss and takes no writes until the invalidation reached Redis after the breaker closed.
 */

/** The guard's view of Redis: a lost connection on demand, PINGs that answer. */
class Watched extends EventEmitter implements GuardedClient {
  ping(): Promise<unknown> {
    return Promise.resolve('PONG');
  }
}

const answer = (body: string): StoredAnswer => ({ body, etag: '"e"', storedAt: Date.now(), ttlS: 60 });

describe('RedisResponseCacheStore when Redis is away', () => {
  beforeAll(() => Logger.overrideLogger(false));

  let redis: Redis;
  let watched: Watched;
  let guard: RedisGuard;
  let store: RedisResponseCacheStore;
  beforeEach(() => {
    redis = connectTestRedis();
    watched = new Watched();
    guard = new RedisGuard(watched, {
      commandTimeoutMs: 200,
      requestBudgetMs: 200,
      breakerThreshold: 3,
      probeIntervalMs: 50,
    });
    store = new RedisResponseCacheStore(redis, guard, uniquePrefix('rcs'));
  });
  afterEach(() => {
    store.close();
    guard.shutdown();
    redis.disconnect();
  });

  const put = (slot: string, key: string, tags: string[], generation = '0') =>
    store.put(slot, key, answer(`{"data":"${key}","extensions":{}}`), tags, generation, 60_000);

  /** The breaker open (a lost connection opens it at once); its next probe closes it. */
  function breakerOpen(): void {
    watched.emit('reconnecting');
    expect(guard.state).toBe('open');
  }

  it('owes a refused invalidation: misses and no writes for that slot until it reached Redis', async () => {
    expect(await put('t:a', 'list', ['list:SshKey'])).toBe(true);
    expect(await put('t:b', 'list', ['list:SshKey'])).toBe(true);
    breakerOpen();
    await expect(store.invalidate('t:a', ['list:SshKey'])).rejects.toMatchObject({ reason: 'breaker_open' });
    expect(store.owing.slots).toEqual(['t:a']);
    // The probe closes the breaker; the owed invalidation is sent then.
    await waitFor('the owed invalidation to reach Redis', () =>
      Promise.resolve(store.owing.slots.length === 0 ? true : undefined),
    );
    expect(guard.state).toBe('closed');
    // Quiet after the recovery (probe interval + command timeout), then the other slot's entry answers again
    // while the invalidated one is gone from Redis, not only hidden.
    const other = await waitFor(
      'the quiet time after recovery to end',
      async () => (await store.get('t:b', 'list')) ?? undefined,
    );
    expect(other.body).toContain('list');
    expect(await store.get('t:a', 'list')).toBeNull();
    expect((await store.peek('t:a', 'list')).generation).toBe('1');
  });

  it('owes an invalidation its request had no budget left for: misses, no writes, then sent at once', async () => {
    expect(await put('t:a', 'k', ['Instance:1'])).toBe(true);
    expect(await put('t:a', 'other', ['Instance:2'])).toBe(true);
    const spent = new RedisBudget(200);
    spent.charge(200);
    await expect(store.invalidate('t:a', ['Instance:1'], spent)).rejects.toMatchObject({
      reason: 'budget_spent',
    });
    // The breaker is closed and Redis holds the entries, but this replica does not trust the slot yet.
    expect(store.owing.slots).toEqual(['t:a']);
    expect(await store.get('t:a', 'other')).toBeNull();
    expect((await store.peek('t:a', 'other')).entry).toBeNull();
    expect(await put('t:a', 'new', [])).toBe(false);
    await waitFor('the owed invalidation to reach Redis', () =>
      Promise.resolve(store.owing.slots.length === 0 ? true : undefined),
    );
    expect(await store.get('t:a', 'k')).toBeNull();
    expect((await store.get('t:a', 'other'))?.body).toContain('other');
    // Its generation moved: a read that began before the mutation cannot store its answer after it.
    expect((await store.peek('t:a', 'k')).generation).toBe('1');
    expect(await put('t:a', 'k', ['Instance:1'], '0')).toBe(false);
  });

  it('owes every slot a kind reached when its registry could not be read', async () => {
    expect(await put('pub', 'stock', ['kind:gpuStock'])).toBe(true);
    expect(await put('t:a', 'console', ['kind:gpuStock'])).toBe(true);
    await store.noteKinds('t:a', ['gpuStock']);
    breakerOpen();
    await expect(store.invalidateKind('gpuStock', undefined)).rejects.toMatchObject({
      reason: 'breaker_open',
    });
    expect(store.owing.kinds).toEqual(['gpuStock']);
    await waitFor('the kind invalidation to reach Redis', () =>
      Promise.resolve(store.owing.kinds.length === 0 && store.owing.slots.length === 0 ? true : undefined),
    );
    await waitFor('the quiet time after recovery to end', async () =>
      (await put('t:z', 'probe', [])) && (await store.get('t:z', 'probe')) ? true : undefined,
    );
    expect(await store.get('pub', 'stock')).toBeNull();
    expect(await store.get('t:a', 'console')).toBeNull();
  });
});
