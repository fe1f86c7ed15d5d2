import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit, Optional } from '@nestjs/common';
import type { Cluster } from 'ioredis';
import type Redis from 'ioredis';
import type { Registry } from 'prom-client';
import { APP_CONFIG } from '../config/app-config';
import type { GqlContext } from '../common/context/gql-context';
import { MetricsRegistry } from '../metrics/metrics.module';
import { RedisGuard, redisBudgetOf, RedisUnavailableError, type RedisBudget } from '../redis/redis-guard';
import { REDIS_CLIENT } from '../redis/redis.tokens';
import {
  type CacheConfig,
  type CacheKind,
  cacheKindPrefix,
  cacheScopeSegment,
  ttlSecondsOf,
} from './cache-kinds';
import { CacheMetrics } from './cache.metrics';
import type { CacheStore } from './cache-store';
import { MemoryCacheStore } from './memory-cache.store';
import { RedisCacheStore } from './redis-cache.store';

/**
 * Called by invalidate() before the store is reached; `budget`: the asking request's Redis budget (none for
 * background work), for the listener's own Redis commands.
 */
export type InvalidationListener = (
  kind: CacheKind,
  target: InvalidationTarget,
  budget: RedisBudget | undefined,
) => Promise<void>;

/** What invalidate() drops: every entry of the kind ('all'), or one tenant's (for a public kind: the public ones). */
export type InvalidationTarget = 'all' | { tenantId: string };

export interface CacheSpec {
  kind: CacheKind;
  /**
   * The calling tenant, always. Whether the key carries it is the kind's policy in CACHE_KIND_POLICY, never
   * the caller's choice: a caller cannot file a per-tenant answer where another tenant reads it.
   */
  tenantId: string;
  /** The canonical request (sorted query params, normalised body): equal requests must give equal keys. */
  key: string;
}

export interface Cached<T> {
  value: T;
  /** When the value was fetched from Barrack. The catalogue types expose it as `asOf`. */
  asOf: Date;
  /** True when served after its TTL (a refresh is running, or Barrack is failing). */
  stale: boolean;
  ageSeconds: number;
}

/** One entry of `extensions.cache` in a GraphQL response. */
export interface CacheExtensionEntry {
  kind: CacheKind;
  stale: boolean;
  ageSeconds: number;
  asOf: string;
}

export interface InvalidationResult {
  deletedKeys: number;
  /** False when the store could not be reached: entries then expire on their own within their TTL. */
  complete: boolean;
}

export interface CacheServiceOptions {
  /** Clock for entry ages (tests move time instead of sleeping). Redis expiry still uses real time. */
  now?: () => number;
  /** How often a request waiting for another replica's fill looks for the entry. */
  pollIntervalMs?: number;
}

export const CACHE_SERVICE_OPTIONS = Symbol('CACHE_SERVICE_OPTIONS');

/** What is stored: the loader's value (JSON) and when it was loaded. */
interface Entry {
  v: unknown;
  storedAt: number;
}

interface Keys {
  entry: string;
  /** Held while one replica fills a missing key. */
  lock: string;
  /** Held while one replica refreshes a stale key; kept after a failure to throttle retries. */
  refreshLock: string;
}

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Cache-aside for catalogue reads, shared by every replica through Redis.
 *
 * - Fresh (age < TTL): served. Stale (TTL <= age < TTL + CACHE_MAX_STALE_S): served at once while ONE
 *   background refresh runs (per-process single-flight plus a Redis SET NX lock across replicas); a failing
 *   refresh leaves the stale value in place (stale-if-error) and keeps its refresh lock until expiry, so a
 *   failing Barrack sees at most one refresh per key per CACHE_LOCK_TTL_MS.
 * - Miss: one fill per key: within a process through a map of in-flight promises, across processes through
 *   the lock; losers poll the key for up to CACHE_LOCK_WAIT_MS, then load themselves.
 * - Store trouble (Redis down or slow) never fails a request: the loader is called (still single-flight
 *   per process) and the next request tries Redis again, so the cache comes back on its own.
 *
 * Values go through JSON whether they come from the store or the loader, so callers see the same shape
 * either way (a Date becomes an ISO string): loaders should return plain JSON data.
 *
 * Keys: `{REDIS_KEY_PREFIX}cache:{kind}:{pub|t.<tenant>}:{<sha1>}` (scope from CACHE_KIND_POLICY), with the
 * fill lock at `<entry>:lock` and the refresh lock at `<entry>:refresh`. The sha1 (of scope and request) is a
 * Redis Cluster hash tag so an entry and its locks live in the same slot, while different tenants' entries
 * spread over slots; tenant ids are percent-encoded, so they cannot open a hash tag of their own.
 */
@Injectable()
export class CacheService implements OnModuleInit {
  private readonly log = new Logger('Cache');
  private readonly store: CacheStore;
  private readonly metrics: CacheMetrics;
  private readonly now: () => number;
  private readonly pollIntervalMs: number;
  private readonly inflight = new Map<string, Promise<Entry>>();
  private readonly refreshing = new Map<string, Promise<void>>();
  /** Bumped by invalidate(): a load that started before it must not write its (older) answer. */
  private readonly epochs = new Map<CacheKind, number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: CacheConfig,
    @Inject(REDIS_CLIENT) redis: Redis | Cluster | null,
    @Optional() @Inject(MetricsRegistry) registry?: Registry | null,
    @Optional() @Inject(CACHE_SERVICE_OPTIONS) options?: CacheServiceOptions,
    @Optional() guard?: RedisGuard,
  ) {
    this.now = options?.now ?? Date.now;
    this.pollIntervalMs = options?.pollIntervalMs ?? 25;
    // Outside the app (CLI, service-level tests) the store gets a guard of its own.
    this.store = redis
      ? new RedisCacheStore(redis, guard ?? RedisGuard.standalone(redis, config.REDIS_COMMAND_TIMEOUT_MS))
      : new MemoryCacheStore(config.CACHE_MEMORY_MAX_ENTRIES, this.now);
    this.metrics = new CacheMetrics(registry ?? null);
  }

  /** Which store serves the cache: 'redis' (shared by replicas) or 'memory' (this process only). */
  get storeName(): CacheStore['name'] {
    return this.store.name;
  }

  onModuleInit(): void {
    const where =
      this.store.name === 'redis'
        ? 'Redis (shared by every replica)'
        : 'in-process store (this replica only; set REDIS_URL to share it)';
    this.log.log(`catalogue cache: ${this.config.CACHE_ENABLED ? where : 'disabled (CACHE_ENABLED=false)'}`);
  }

  /**
   * The cached value of `spec`, loading it on a miss. `ctx`: the request's context, for `extensions.cache`,
   * its Redis budget (its HTTP request's, which bounds the Redis commands of this read and of a fill it
   * starts; a background refresh has none) and its id (the store-failure lines of this read and that fill).
   */
  async getOrLoad<T>(
    spec: CacheSpec,
    loader: () => Promise<T>,
    ctx?: Pick<GqlContext, 'responseExtensions'> & { req?: object; requestId?: string },
  ): Promise<Cached<T>> {
    if (!this.config.CACHE_ENABLED) {
      return { value: await loader(), asOf: new Date(this.now()), stale: false, ageSeconds: 0 };
    }
    const keys = this.keysOf(spec);
    const asker: Asker = { budget: redisBudgetOf(ctx?.req), requestId: ctx?.requestId };
    let entry: Entry | null = null;
    let storeOk = true;
    try {
      entry = parseEntry(await this.store.get(keys.entry, asker.budget));
    } catch (e) {
      storeOk = false;
      this.storeFailed(spec.kind, 'get', e, asker);
    }
    const age = entry ? this.ageMs(entry) : Infinity;
    if (entry && age < this.ttlMs(spec.kind)) {
      this.metrics.count(spec.kind, 'hit');
      return this.answer<T>(spec.kind, entry, false, ctx);
    }
    if (entry && age < this.ttlMs(spec.kind) + this.maxStaleMs()) {
      this.metrics.count(spec.kind, 'stale');
      this.refreshInBackground(spec.kind, keys, loader);
      return this.answer<T>(spec.kind, entry, true, ctx);
    }
    this.metrics.count(spec.kind, 'miss');
    const filled = await this.fill(spec.kind, keys, loader, storeOk, asker);
    return this.answer<T>(spec.kind, filled, false, ctx);
  }

  /**
   * Called before every invalidation, so layers above (the whole-response cache) drop what they built from
   * the invalidated kind. Listeners must not throw; the cache never imports them.
   */
  onInvalidate(listener: InvalidationListener): void {
    this.invalidationListeners.push(listener);
  }

  private readonly invalidationListeners: InvalidationListener[] = [];

  /**
   * Drops entries of `kind`: one tenant's, or every tenant's with 'all'. Never throws (a mutation that
   * succeeded upstream must not fail because Redis is away); `complete: false` says the store was not
   * reached. For a public kind a tenant target clears the public entries, since those serve that tenant too.
   * `ctx`: the mutation's that asked: its HTTP request's Redis budget bounds every command of the invalidation
   * (the listeners' too), so a deploy during a Redis hang waits one budget in all, not one command timeout per
   * command; its id goes on the log line of a store failure. Without one (the CLI, background work) each
   * command gets one command timeout.
   */
  async invalidate(
    kind: CacheKind,
    target: InvalidationTarget,
    ctx?: { req?: object; requestId?: string },
  ): Promise<InvalidationResult> {
    // The epoch first and synchronously: a load that started before this call must not write after it.
    this.epochs.set(kind, (this.epochs.get(kind) ?? 0) + 1);
    const budget = redisBudgetOf(ctx?.req);
    await Promise.all(this.invalidationListeners.map((l) => l(kind, target, budget)));
    const prefix = this.prefixOf(kind, target);
    // Requests arriving after the invalidation must not join loads that started before it.
    for (const map of [this.inflight, this.refreshing]) {
      for (const key of [...map.keys()]) if (key.startsWith(prefix)) map.delete(key);
    }
    try {
      return { deletedKeys: await this.store.deleteByPrefix(prefix, budget), complete: true };
    } catch (e) {
      this.storeFailed(kind, 'invalidate', e, { requestId: ctx?.requestId });
      return { deletedKeys: 0, complete: false };
    }
  }

  /** Resolves when every background refresh started so far has finished (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.refreshing.size) await Promise.allSettled([...this.refreshing.values()]);
  }

  /** Every key of `kind` ('all'), or of the scope a tenant reads (its own, or the public one). */
  private prefixOf(kind: CacheKind, target: InvalidationTarget): string {
    const base = cacheKindPrefix(this.config.REDIS_KEY_PREFIX, kind);
    if (target === 'all') return base;
    return `${base}${cacheScopeSegment(kind, target.tenantId)}:`;
  }

  private keysOf(spec: CacheSpec): Keys {
    const scope = cacheScopeSegment(spec.kind, spec.tenantId);
    const hash = createHash('sha1').update(`${scope}\n${spec.key}`).digest('hex');
    const entry = `${cacheKindPrefix(this.config.REDIS_KEY_PREFIX, spec.kind)}${scope}:{${hash}}`;
    return { entry, lock: `${entry}:lock`, refreshLock: `${entry}:refresh` };
  }

  private ttlMs(kind: CacheKind): number {
    return ttlSecondsOf(kind, this.config) * 1000;
  }

  private maxStaleMs(): number {
    return this.config.CACHE_MAX_STALE_S * 1000;
  }

  private ageMs(entry: Entry): number {
    return Math.max(0, this.now() - entry.storedAt);
  }

  private isFresh(kind: CacheKind, entry: Entry | null): entry is Entry {
    return entry !== null && this.ageMs(entry) < this.ttlMs(kind);
  }

  private answer<T>(
    kind: CacheKind,
    entry: Entry,
    stale: boolean,
    ctx: Pick<GqlContext, 'responseExtensions'> | undefined,
  ): Cached<T> {
    const asOf = new Date(entry.storedAt);
    const ageSeconds = Math.floor(this.ageMs(entry) / 1000);
    if (ctx) {
      const existing = ctx.responseExtensions.cache;
      const list: CacheExtensionEntry[] = Array.isArray(existing) ? (existing as CacheExtensionEntry[]) : [];
      list.push({ kind, stale, ageSeconds, asOf: asOf.toISOString() });
      ctx.responseExtensions.cache = list;
    }
    return { value: entry.v as T, asOf, stale, ageSeconds };
  }

  /**
   * Per-process single-flight around one fill of a missing key. The fill's Redis commands are bounded by the
   * budget of the request that started it (the others wait on its promise).
   */
  private fill(
    kind: CacheKind,
    keys: Keys,
    loader: () => Promise<unknown>,
    storeOk: boolean,
    asker: Asker,
  ): Promise<Entry> {
    const running = this.inflight.get(keys.entry);
    if (running) return running;
    const p: Promise<Entry> = this.fillOnce(kind, keys, loader, storeOk, asker).finally(() => {
      if (this.inflight.get(keys.entry) === p) this.inflight.delete(keys.entry);
    });
    this.inflight.set(keys.entry, p);
    return p;
  }

  private async fillOnce(
    kind: CacheKind,
    keys: Keys,
    loader: () => Promise<unknown>,
    storeOk: boolean,
    asker: Asker,
  ): Promise<Entry> {
    const epoch = this.epochs.get(kind) ?? 0;
    if (!storeOk) return this.load(kind, keys, loader, epoch, false, asker);
    const token = randomUUID();
    let locked: boolean;
    try {
      locked = await this.store.acquireLock(keys.lock, token, this.config.CACHE_LOCK_TTL_MS, asker.budget);
    } catch (e) {
      this.storeFailed(kind, 'lock', e, asker);
      return this.load(kind, keys, loader, epoch, false, asker);
    }
    if (locked) {
      try {
        // Another replica may have filled the key between our miss and our lock.
        const again = await this.readQuietly(kind, keys.entry, asker);
        if (this.isFresh(kind, again)) return again;
        return await this.load(kind, keys, loader, epoch, true, asker);
      } finally {
        await this.releaseQuietly(kind, keys.lock, token, asker);
      }
    }
    // Another replica is filling: wait for its entry briefly, then load ourselves rather than fail.
    const deadline = Date.now() + this.config.CACHE_LOCK_WAIT_MS;
    while (Date.now() < deadline) {
      await delay(this.pollIntervalMs);
      let polled: Entry | null;
      try {
        polled = parseEntry(await this.store.get(keys.entry, asker.budget));
      } catch (e) {
        this.storeFailed(kind, 'get', e, asker);
        return this.load(kind, keys, loader, epoch, false, asker);
      }
      if (this.isFresh(kind, polled)) return polled;
    }
    return this.load(kind, keys, loader, epoch, true, asker);
  }

  private async load(
    kind: CacheKind,
    keys: Keys,
    loader: () => Promise<unknown>,
    epoch: number,
    write: boolean,
    asker: Asker,
  ): Promise<Entry> {
    let value: unknown;
    try {
      value = await loader();
    } catch (e) {
      this.metrics.count(kind, 'error');
      throw e;
    }
    const raw = JSON.stringify({ v: value, storedAt: this.now() } satisfies Entry);
    if (write && (this.epochs.get(kind) ?? 0) === epoch) {
      try {
        await this.store.set(keys.entry, raw, this.ttlMs(kind) + this.maxStaleMs(), asker.budget);
      } catch (e) {
        this.storeFailed(kind, 'set', e, asker);
      }
    }
    return JSON.parse(raw) as Entry;
  }

  private refreshInBackground(kind: CacheKind, keys: Keys, loader: () => Promise<unknown>): void {
    if (this.refreshing.has(keys.entry) || this.inflight.has(keys.entry)) return;
    const p: Promise<void> = this.refresh(kind, keys, loader).finally(() => {
      if (this.refreshing.get(keys.entry) === p) this.refreshing.delete(keys.entry);
    });
    this.refreshing.set(keys.entry, p);
  }

  /**
   * Never rejects: a failed refresh leaves the stale entry to be served (stale-if-error). The request that
   * found the entry stale does not wait for it, so no request budget bounds it: each command gets one
   * command timeout.
   */
  private async refresh(kind: CacheKind, keys: Keys, loader: () => Promise<unknown>): Promise<void> {
    const epoch = this.epochs.get(kind) ?? 0;
    const token = randomUUID();
    try {
      if (!(await this.store.acquireLock(keys.refreshLock, token, this.config.CACHE_LOCK_TTL_MS))) return;
    } catch (e) {
      this.storeFailed(kind, 'lock', e, BACKGROUND);
      return;
    }
    try {
      const again = await this.readQuietly(kind, keys.entry, BACKGROUND);
      if (!this.isFresh(kind, again)) {
        this.metrics.count(kind, 'refresh');
        await this.load(kind, keys, loader, epoch, true, BACKGROUND);
      }
      await this.releaseQuietly(kind, keys.refreshLock, token, BACKGROUND);
    } catch (e) {
      // The refresh lock stays until it expires: that throttles retries against a failing Barrack. Fills of a
      // missing key use the other lock, so they are not held up by it.
      this.log.warn(`background refresh of ${kind} failed; serving stale: ${errorMessage(e)}`);
    }
  }

  private async readQuietly(kind: CacheKind, key: string, asker: Asker): Promise<Entry | null> {
    try {
      return parseEntry(await this.store.get(key, asker.budget));
    } catch (e) {
      this.storeFailed(kind, 'get', e, asker);
      return null;
    }
  }

  private async releaseQuietly(kind: CacheKind, lock: string, token: string, asker: Asker): Promise<void> {
    try {
      await this.store.releaseLock(lock, token, asker.budget);
    } catch (e) {
      // It expires after CACHE_LOCK_TTL_MS anyway.
      this.storeFailed(kind, 'unlock', e, asker);
    }
  }

  private storeFailed(kind: CacheKind, op: string, e: unknown, asker: Asker): void {
    this.metrics.count(kind, 'error');
    // While the Redis breaker is open every request skips the store: the breaker has said so once.
    if (e instanceof RedisUnavailableError && e.reason === 'breaker_open') return;
    this.log.warn({
      msg: `cache store ${op} failed for ${kind}; using Barrack directly: ${errorMessage(e)}`,
      requestId: asker.requestId,
    });
  }
}

/**
 * What the request being served brings to a cache operation: its Redis budget and its id, for the log lines
 * of store failures (passed, not bound: see logging/nest-logger.ts). A background refresh has neither.
 */
interface Asker {
  budget?: RedisBudget;
  requestId?: string;
}

const BACKGROUND: Asker = {};

function parseEntry(raw: string | null): Entry | null {
  if (raw === null) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Entry>;
    return typeof parsed.storedAt === 'number' ? { v: parsed.v, storedAt: parsed.storedAt } : null;
  } catch {
    // A corrupt entry is a miss; the fill overwrites it.
    return null;
  }
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
