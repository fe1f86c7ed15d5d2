import type { AppConfig } from '../config/app-config';

/*
 * The one table that says, for every kind of Barrack answer the gateway caches, who may share a cached copy
 * and for how long. Plain data with no Nest import, so anything that caches Barrack answers (CacheService
 * today, a whole-response cache later) takes its scope from here and from nowhere else.
 */

/**
 * `public`: Barrack's answer is the same for every account, so one entry serves every tenant.
 * `tenant`: the answer can depend on the account (currency, plan, visible regions, images, quotas), so the
 * entry belongs to one tenant and its key carries the tenant id. When in doubt, a kind is `tenant`.
 */
export type CacheKindScope = 'public' | 'tenant';

/** The configuration variables that hold TTLs (seconds). */
export type CacheTtlVariable =
  'CACHE_TTL_STOCK_S' | 'CACHE_TTL_PRICING_S' | 'CACHE_TTL_REGIONS_S' | 'CACHE_TTL_CATALOG_S';

export interface CacheKindPolicy {
  scope: CacheKindScope;
  /** Which variable holds this kind's freshness window. */
  ttl: CacheTtlVariable;
  /** Why the scope is what it is (shown in the README table). */
  reason: string;
}

/**
 * Kind -> { scope, ttl, reason }. `satisfies` makes a new kind without a decision a compile error. Only a kind
 * whose answer cannot name anything account-bound is `public`.
 */
export const CACHE_KIND_POLICY = {
  regions: {
    scope: 'tenant',
    ttl: 'CACHE_TTL_REGIONS_S',
    reason:
      'Barrack lists the regions available to the calling account; visibility may follow its plan or billing country.',
  },
  gpuStock: {
    scope: 'tenant',
    ttl: 'CACHE_TTL_STOCK_S',
    reason:
      "Covers the regions the account sees, and deployable-VM counts may reflect the account's quotas; Barrack does not say it is account-independent.",
  },
  pricing: {
    scope: 'tenant',
    ttl: 'CACHE_TTL_PRICING_S',
    reason: "Prices default to the account's currency (from its billing country) and may follow its tier.",
  },
  pricingQuote: {
    scope: 'tenant',
    ttl: 'CACHE_TTL_PRICING_S',
    reason: "Quotes are in the account's currency unless one is asked for, and may follow its tier.",
  },
  gpuSpecs: {
    scope: 'tenant',
    ttl: 'CACHE_TTL_CATALOG_S',
    reason:
      "Each flavour carries hourly_rate and currency in the account's currency, and the regions the account sees.",
  },
  osImages: {
    scope: 'tenant',
    ttl: 'CACHE_TTL_CATALOG_S',
    reason:
      'Images per region the account sees; Barrack now lists OS images beside the account’s own images, so the answer may be account-bound.',
  },
  volumeTypes: {
    scope: 'tenant',
    ttl: 'CACHE_TTL_CATALOG_S',
    reason:
      'In doubt: volume types may follow the account’s plan or regions, and Barrack does not say otherwise.',
  },
  firewallProtocols: {
    scope: 'public',
    ttl: 'CACHE_TTL_CATALOG_S',
    reason:
      "Barrack's fixed ProtocolEnum (IP protocol names such as tcp, udp, icmp): nothing in it can name an account, price or region.",
  },
  aiModels: {
    scope: 'tenant',
    ttl: 'CACHE_TTL_CATALOG_S',
    reason:
      "Per-1k-token prices are in the account's currency (and the wire carries no currency, so the gateway adds the account's).",
  },
} as const satisfies Record<string, CacheKindPolicy>;

export type CacheKind = keyof typeof CACHE_KIND_POLICY;

/** Every kind, in table order. */
export const CACHE_KINDS = Object.keys(CACHE_KIND_POLICY) as CacheKind[];

export function isCacheKind(value: unknown): value is CacheKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CACHE_KIND_POLICY, value);
}

export function cacheScopeOf(kind: CacheKind): CacheKindScope {
  return CACHE_KIND_POLICY[kind].scope;
}

/** The configuration the cache reads; AppConfig satisfies it, and tests may pass a literal. */
export type CacheConfig = Pick<
  AppConfig,
  | 'CACHE_ENABLED'
  | CacheTtlVariable
  | 'CACHE_MAX_STALE_S'
  | 'CACHE_LOCK_TTL_MS'
  | 'CACHE_LOCK_WAIT_MS'
  | 'CACHE_MEMORY_MAX_ENTRIES'
  | 'REDIS_KEY_PREFIX'
  | 'REDIS_COMMAND_TIMEOUT_MS'
>;

export function ttlSecondsOf(kind: CacheKind, config: Pick<AppConfig, CacheTtlVariable>): number {
  return config[CACHE_KIND_POLICY[kind].ttl];
}

/**
 * The scope segment of a cache key: `pub` for a public kind, `t.<tenant>` for a tenant kind. The tenant id is
 * percent-encoded, so tenant "a" never prefixes tenant "a:b" and no tenant id can open a Redis Cluster hash tag
 * (`{` and `}` are encoded). A tenant kind without a tenant id is a programming error and throws: an entry
 * must never be filed where another tenant could read it.
 */
export function cacheScopeSegment(kind: CacheKind, tenantId: string | null | undefined): string {
  if (cacheScopeOf(kind) === 'public') return 'pub';
  if (!tenantId) throw new Error(`cache kind ${kind} is per tenant; a tenant id is required`);
  return `t.${encodeURIComponent(tenantId)}`;
}

/** `{REDIS_KEY_PREFIX}cache:{kind}:` — every entry of one kind, for every scope, starts with it. */
export function cacheKindPrefix(keyPrefix: string, kind: CacheKind): string {
  return `${keyPrefix}cache:${kind}:`;
}
