/**
 * Where cache entries and fill locks live. Two implementations with the same semantics: Redis (shared by
 * every replica) and an in-process map (REDIS_URL unset). Any method may reject; the service treats a
 * rejection as "store unavailable" and goes to the loader instead.
 */
export interface CacheStore {
  readonly name: 'redis' | 'memory';
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** SET NX PX: true when this caller now holds the lock. */
  acquireLock(key: string, token: string, ttlMs: number): Promise<boolean>;
  /** Deletes the lock only when `token` still holds it (a late caller never frees another's lock). */
  releaseLock(key: string, token: string): Promise<void>;
  /** Deletes every key that starts with `prefix` (entries and their locks); returns how many. */
  deleteByPrefix(prefix: string): Promise<number>;
}
