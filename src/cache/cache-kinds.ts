import type { AppConfig } from '../config/app-config';

/** Every kind of catalogue data the gateway caches. One TTL per kind (see `ttlSecondsOf`). */
export const CACHE_KINDS = [
  'regions',
  'gpuStock',
  'pricing',
  'pricingQuote',
  'gpuSpecs',
  'osImages',
  'volumeTypes',
  'firewallProtocols',
  'aiModels',
] as const;

export type CacheKind = (typeof CACHE_KINDS)[number];

export function isCacheKind(value: unknown): value is CacheKind {
  return typeof value === 'string' && (CACHE_KINDS as readonly string[]).includes(value);
}

/**
 * Who may share an entry. `shared`: Barrack answers the same for every account, so one entry serves all
 * tenants. `tenant`: the answer can differ by account, so the key carries the tenant id.
 *
 * - regions, gpuSpecs, volumeTypes, firewallProtocols, osImages, aiModels: public catalogue, same for all.
 * - gpuStock: capacity of the cloud as a whole, not of the account.
 * - pricing, pricingQuote: prices follow the account's currency and tier, so never shared.
 *
 * `satisfies` makes a new kind without a decision a compile error.
 */
export const CACHE_SCOPE_OF = {
  regions: 'shared',
  gpuStock: 'shared',
  pricing: 'tenant',
  pricingQuote: 'tenant',
  gpuSpecs: 'shared',
  osImages: 'shared',
  volumeTypes: 'shared',
  firewallProtocols: 'shared',
  aiModels: 'shared',
} as const satisfies Record<CacheKind, 'shared' | 'tenant'>;

/** The configuration the cache reads; AppConfig satisfies it, and tests may pass a literal. */
export type CacheConfig = Pick<
  AppConfig,
  | 'CACHE_ENABLED'
  | 'CACHE_TTL_STOCK_S'
  | 'CACHE_TTL_PRICING_S'
  | 'CACHE_TTL_REGIONS_S'
  | 'CACHE_TTL_CATALOG_S'
  | 'CACHE_MAX_STALE_S'
  | 'CACHE_LOCK_TTL_MS'
  | 'CACHE_LOCK_WAIT_MS'
  | 'CACHE_MEMORY_MAX_ENTRIES'
  | 'REDIS_KEY_PREFIX'
  | 'REDIS_COMMAND_TIMEOUT_MS'
>;

export function ttlSecondsOf(kind: CacheKind, config: CacheConfig): number {
  switch (kind) {
    case 'gpuStock':
      return config.CACHE_TTL_STOCK_S;
    case 'pricing':
    case 'pricingQuote':
      return config.CACHE_TTL_PRICING_S;
    case 'regions':
      return config.CACHE_TTL_REGIONS_S;
    case 'gpuSpecs':
    case 'osImages':
    case 'volumeTypes':
    case 'firewallProtocols':
    case 'aiModels':
      return config.CACHE_TTL_CATALOG_S;
  }
}
