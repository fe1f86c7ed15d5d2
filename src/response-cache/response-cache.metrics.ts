import { Counter, Gauge, type Registry } from 'prom-client';
import type { ResponseCacheStore } from './response-cache.store';

/**
 * What the response cache did with a cacheable query:
 * - `hit`: a fresh stored answer was served (the fast path or Apollo's path);
 * - `stale`: a stale one was served, while another request refreshes it or because the refresh failed
 *   (stale-if-error);
 * - `miss`: nothing usable was stored, so the query was executed;
 * - `refresh`: this request executed the query to replace a stale answer (it holds the key's refresh lock).
 */
export type ResponseCacheEvent = 'hit' | 'stale' | 'miss' | 'refresh';

const EVENTS: readonly ResponseCacheEvent[] = ['hit', 'stale', 'miss', 'refresh'];

/**
 * `gateway_response_cache_events_total{event}` and `gateway_response_cache_owed{what}`. A hit is counted with
 * one integer increment: the Prometheus counter reads the tallies when /metrics is scraped (its `collect`),
 * so the hot path never hashes labels. The owed gauge is read the same way from the store: slots whose
 * invalidation Redis has not confirmed (this replica reads them as misses until it has), and catalogue kinds
 * whose every-tenant invalidation could not find its slots (every slot is distrusted meanwhile).
 */
export class ResponseCacheMetrics {
  private readonly tallies: Record<ResponseCacheEvent, number> = { hit: 0, stale: 0, miss: 0, refresh: 0 };

  constructor(registry: Registry | null, store: Pick<ResponseCacheStore, 'owing'> | null) {
    if (!registry) return;
    const tallies = this.tallies;
    if (!registry.getSingleMetric('gateway_response_cache_events_total')) {
      new Counter({
        name: 'gateway_response_cache_events_total',
        help: 'Cacheable queries by what the response cache did: hit (fresh answer served), stale (stale answer served), miss (executed), refresh (executed to replace a stale answer).',
        labelNames: ['event'],
        registers: [registry],
        collect(this: Counter<'event'>) {
          this.reset();
          for (const event of EVENTS) this.inc({ event }, tallies[event]);
        },
      });
    }
    if (!registry.getSingleMetric('gateway_response_cache_owed')) {
      new Gauge({
        name: 'gateway_response_cache_owed',
        help: 'Invalidations this replica has not had confirmed by Redis: slots (each read as a miss until replayed), kinds (every slot distrusted until their slots are found).',
        labelNames: ['what'],
        registers: [registry],
        collect(this: Gauge<'what'>) {
          const owing = store?.owing;
          this.set({ what: 'slots' }, owing?.slots.length ?? 0);
          this.set({ what: 'kinds' }, owing?.kinds.length ?? 0);
        },
      });
    }
  }

  count(event: ResponseCacheEvent): void {
    this.tallies[event]++;
  }
}
