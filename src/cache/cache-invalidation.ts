import type { CacheService, InvalidationResult } from './cache.service';

/** Mutations that change what the GPU stock list shows. */
export type StockChangingMutation =
  'createInstance' | 'deleteInstance' | 'restoreSnapshot' | 'hibernateInstance' | 'restoreInstance';

/**
 * Call after a mutation that Barrack accepted and that takes or frees GPU capacity, so the next stock read
 * is fresh. Stock is shared by all tenants, hence 'all'. Never throws: see CacheService.invalidate.
 */
export function invalidateAfterMutation(
  cache: Pick<CacheService, 'invalidate'>,
  _mutation: StockChangingMutation,
): Promise<InvalidationResult> {
  return cache.invalidate('gpuStock', 'all');
}
