import { registerEnumType } from '@nestjs/graphql';
import { CACHE_KIND_POLICY, type CacheKind } from './cache-kinds';

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

/** Each value's description is its row of CACHE_KIND_POLICY, so the schema states the same scope as the code. */
registerEnumType(CacheKindEnum, {
  name: 'CacheKind',
  description:
    'A kind of cached catalogue data. Each kind has its own TTL and scope (per tenant, or shared).',
  // valuesMap is keyed by the GraphQL names (the enum's keys), not by the internal kinds behind them.
  valuesMap: Object.fromEntries(
    Object.entries(CacheKindEnum).map(([name, k]) => {
      const p = CACHE_KIND_POLICY[k];
      return [
        name,
        { description: `${p.scope === 'public' ? 'Shared by all tenants' : 'Per tenant'}: ${p.reason}` },
      ];
    }),
  ),
});
