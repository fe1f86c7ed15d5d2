import Redis, { type Cluster } from 'ioredis';
import type { RedisBudget, RedisGuard } from '../redis/redis-guard';
import type { CacheStore } from './cache-store';

/** Compare-and-delete: only the holder's token frees the lock. One key, so it is cluster-safe. */
const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Glob metacharacters in tenant ids or prefixes must match literally in SCAN MATCH. */
function escapeGlob(s: string): string {
  return s.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

/**
 * The Redis store. Works with a single node, Sentinel or Cluster client. Every command goes through the
 * RedisGuard: bounded by the request's Redis budget, refused at once while the Redis breaker is open (the
 * service then calls the loader).
 */
export class RedisCacheStore implements CacheStore {
  readonly name = 'redis';

  constructor(
    private readonly redis: Redis | Cluster,
    private readonly guard: RedisGuard,
  ) {}

  get(key: string, budget?: RedisBudget): Promise<string | null> {
    return this.guard.run('cache get', () => this.redis.get(key), budget);
  }

  async set(key: string, value: string, ttlMs: number, budget?: RedisBudget): Promise<void> {
    await this.guard.run('cache set', () => this.redis.set(key, value, 'PX', ttlMs), budget);
  }

  async acquireLock(key: string, token: string, ttlMs: number, budget?: RedisBudget): Promise<boolean> {
    const reply = await this.guard.run(
      'cache lock',
      () => this.redis.set(key, token, 'PX', ttlMs, 'NX'),
      budget,
    );
    return reply === 'OK';
  }

  async releaseLock(key: string, token: string, budget?: RedisBudget): Promise<void> {
    await this.guard.run('cache unlock', () => this.redis.eval(RELEASE_LOCK, 1, key, token), budget);
  }

  /**
   * SCAN + UNLINK on every master (a Cluster spreads keys over nodes). Each round trip goes through the guard,
   * so an invalidation during an outage gives up quickly (the service reports it as incomplete).
   */
  async deleteByPrefix(prefix: string, budget?: RedisBudget): Promise<number> {
    const nodes: Redis[] = this.redis instanceof Redis ? [this.redis] : this.redis.nodes('master');
    let deleted = 0;
    for (const node of nodes) {
      let cursor = '0';
      do {
        const [next, keys] = await this.guard.run(
          'cache scan',
          () => node.scan(cursor, 'MATCH', `${escapeGlob(prefix)}*`, 'COUNT', 500),
          budget,
        );
        cursor = next;
        // One UNLINK per key: keys of one batch may sit in different cluster slots.
        const results = await this.guard.run(
          'cache unlink',
          () => Promise.all(keys.map((k) => node.unlink(k))),
          budget,
        );
        deleted += results.reduce((a, b) => a + b, 0);
      } while (cursor !== '0');
    }
    return deleted;
  }
}
