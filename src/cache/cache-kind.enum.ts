import { registerEnumType } from '@nestjs/graphql';
import type { CacheKind } from './cache-kinds';

/** The GraphQL enum mirrors CacheKind one to one (the `satisfies` keeps them in step). */
export const CacheKindEnum = {
  regions: 'regions',
  gpuStock: 'gpuStock',
  pricing: 'pricing',
  pricingQuote: 'pricingQuote',
  gpuSpecs: 'gpuSpecs',
  osImages: 'osImages',
  volumeTypes: 'volumeTypes',
  firewallProtocols: 'firewallProtocols',
  aiModels: 'aiModels',
} as const satisfies { [K in CacheKind]: K };

registerEnumType(CacheKindEnum, {
  name: 'CacheKind',
  description: 'A kind of cached catalogue data. Each kind has its own TTL.',
  valuesMap: {
    regions: { description: 'Regions (shared by all tenants).' },
    gpuStock: { description: 'GPU stock per region (shared by all tenants).' },
    pricing: { description: 'Price lists (per tenant: prices follow the account currency and tier).' },
    pricingQuote: { description: 'Price quotes for a configuration (per tenant).' },
    gpuSpecs: { description: 'GPU specifications (shared by all tenants).' },
    osImages: { description: 'Operating-system images (shared by all tenants).' },
    volumeTypes: { description: 'Volume types (shared by all tenants).' },
    firewallProtocols: { description: 'Firewall protocols (shared by all tenants).' },
    aiModels: { description: 'AI models available for chat (shared by all tenants).' },
  },
});
