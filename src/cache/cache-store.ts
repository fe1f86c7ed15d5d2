import type { RedisBudget } from '../redis/redis-guard';

/**
 * Where cache entries and fill locks live. Two implementations with the same semantics: Redis (shared by
 * every replica) and an in-process map (REDIS_URL unset). Any method may reject; the service treats a
 * rejection as "store unavailable" and goes to the loader instead. `budget`: the Redis budget of the HTTP
 * request the call serves (the Redis store bounds its commands by it; none for background work).
 */
export interface CacheStore {
  readonly name: 'redis' | 'memory';
  get(key: string, budget?: RedisBudget): Promise<string | null>;
  set(key: string, value: string, ttlMs: number, budget?: RedisBudget): Promise<void>;
  /** SET NX PX: true when this caller now holds the lock. */
  acquireLock(key: string, token: string, ttlMs: number, budget?: RedisBudget): Promise<boolean>;
  /** Deletes the lock only when `token` still holds it (a late caller never frees another's lock). */
  releaseLock(key: string, token: string, budget?: RedisBudget): Promise<void>;
  /** Deletes every key that starts with `prefix` (entries and their locks); returns how many. */
  deleteByPrefix(prefix: string, budget?: RedisBudget): Promise<number>;
}
