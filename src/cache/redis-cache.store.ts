import Redis, { type Cluster } from 'ioredis';
import type { CacheStore } from './cache-store';

/** Compare-and-delete: only the holder's token frees the lock. One key, so it is cluster-safe. */
const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Glob metacharacters in tenant ids or prefixes must match literally in SCAN MATCH. */
function escapeGlob(s: string): string {
  return s.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

export class CacheStoreTimeoutError extends Error {
  constructor(ms: number) {
    super(`cache store did not answer within ${ms} ms`);
    this.name = 'CacheStoreTimeoutError';
  }
}

/**
 * The Redis store. Works with a single node, Sentinel or Cluster client. Every command is raced against a
 * short deadline on top of ioredis' own commandTimeout, so a slow Redis costs a request at most that long.
 */
export class RedisCacheStore implements CacheStore {
  readonly name = 'redis';

  constructor(
    private readonly redis: Redis | Cluster,
    private readonly timeoutMs: number,
  ) {}

  async get(key: string): Promise<string | null> {
    return this.bounded(this.redis.get(key));
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.bounded(this.redis.set(key, value, 'PX', ttlMs));
  }

  async acquireLock(key: string, token: string, ttlMs: number): Promise<boolean> {
    return (await this.bounded(this.redis.set(key, token, 'PX', ttlMs, 'NX'))) === 'OK';
  }

  async releaseLock(key: string, token: string): Promise<void> {
    await this.bounded(this.redis.eval(RELEASE_LOCK, 1, key, token));
  }

  /** SCAN + UNLINK on every master (a Cluster spreads keys over nodes). Admin path: no short deadline. */
  async deleteByPrefix(prefix: string): Promise<number> {
    const nodes: Redis[] = this.redis instanceof Redis ? [this.redis] : this.redis.nodes('master');
    let deleted = 0;
    for (const node of nodes) {
      let cursor = '0';
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', `${escapeGlob(prefix)}*`, 'COUNT', 500);
        cursor = next;
        // One UNLINK per key: keys of one batch may sit in different cluster slots.
        const results = await Promise.all(keys.map((k) => node.unlink(k)));
        deleted += results.reduce((a, b) => a + b, 0);
      } while (cursor !== '0');
    }
    return deleted;
  }

  private bounded<T>(command: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CacheStoreTimeoutError(this.timeoutMs)), this.timeoutMs);
    });
    return Promise.race([command, deadline]).finally(() => clearTimeout(timer));
  }
}
