import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type Redis from 'ioredis';

/**
 * Apollo's automatic-persisted-query store in Redis, shared by every replica, so a hash registered through one
 * replica is found through the others. Redis trouble is a cache miss, never a failed request: Apollo then
 * answers PERSISTED_QUERY_NOT_FOUND and the client resends the full document (the APQ protocol's own retry).
 */
export class RedisApqCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly defaultTtlS: number,
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.prefix + key)) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttl = options?.ttl ?? this.defaultTtlS;
    try {
      await this.redis.set(this.prefix + key, value, 'EX', Math.max(1, Math.ceil(ttl)));
    } catch {
      /* a lost registration costs one resend of the document */
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      return (await this.redis.del(this.prefix + key)) > 0;
    } catch {
      return false;
    }
  }
}
