import { registerEnumType } from '@nestjs/graphql';
import { CACHE_KIND_POLICY, CACHE_KINDS, type CacheKind } from './cache-kinds';

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

/** Each value's description is its row of CACHE_KIND_POLICY, so the schema states the same scope as the code. */
registerEnumType(CacheKindEnum, {
  name: 'CacheKind',
  description:
    'A kind of cached catalogue data. Each kind has its own TTL and scope (per tenant, or shared).',
  valuesMap: Object.fromEntries(
    CACHE_KINDS.map((k) => {
      const p = CACHE_KIND_POLICY[k];
      return [
        k,
        { description: `${p.scope === 'public' ? 'Shared by all tenants' : 'Per tenant'}: ${p.reason}` },
      ];
    }),
  ),
});
