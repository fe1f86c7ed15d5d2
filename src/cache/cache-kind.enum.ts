import { registerEnumType } from '@nestjs/graphql';
import type { CacheKind } from './cache-kinds';

/**
 * The GraphQL enum mirrors CacheKind one to one (the `satisfies` keeps them in step): GraphQL names are
 * SCREAMING_SNAKE_CASE (`GPU_STOCK`), the values behind them the internal kinds (`gpuStock`).
 */
export const CacheKindEnum = {
  REGIONS: 'regions',
  GPU_STOCK: 'gpuStock',
  PRICING: 'pricing',
  PRICING_QUOTE: 'pricingQuote',
  GPU_SPECS: 'gpuSpecs',
  OS_IMAGES: 'osImages',
  VOLUME_TYPES: 'volumeTypes',
  FIREWALL_PROTOCOLS: 'firewallProtocols',
  AI_MODELS: 'aiModels',
} as const satisfies { [K in CacheKind as ScreamingSnake<K>]: K };

/** `gpuStock` -> `GPU_STOCK`. */
type ScreamingSnake<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Uppercase<H> ? `_${H}` : Uppercase<H>}${ScreamingSnake<T>}`
  : '';

registerEnumType(CacheKindEnum, {
  name: 'CacheKind',
  description: 'A kind of cached catalogue data. Each kind has its own TTL.',
  valuesMap: {
    REGIONS: { description: 'Regions (shared by all tenants).' },
    GPU_STOCK: { description: 'GPU stock per region (shared by all tenants).' },
    PRICING: { description: 'Price lists (per tenant: prices follow the account currency and tier).' },
    PRICING_QUOTE: { description: 'Price quotes for a configuration (per tenant).' },
    GPU_SPECS: { description: 'GPU specifications (shared by all tenants).' },
    OS_IMAGES: { description: 'Operating-system images (shared by all tenants).' },
    VOLUME_TYPES: { description: 'Volume types (shared by all tenants).' },
    FIREWALL_PROTOCOLS: { description: 'Firewall protocols (shared by all tenants).' },
    AI_MODELS: { description: 'AI models available for chat (shared by all tenants).' },
  },
});
