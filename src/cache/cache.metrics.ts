import { Counter, type Registry } from 'prom-client';
import type { CacheKind } from './cache-kinds';

export type CacheEvent = 'hit' | 'miss' | 'stale' | 'refresh' | 'error';

const NAME = 'gateway_cache_events_total';

/** `gateway_cache_events_total{kind, event}` on the app's registry (or nowhere, in service-level tests). */
export class CacheMetrics {
  private readonly counter: Counter<'kind' | 'event'> | null;

  constructor(registry: Registry | null) {
    if (!registry) {
      this.counter = null;
      return;
    }
    // Two services on one registry (tests) share the counter instead of failing on a duplicate name.
    const existing = registry.getSingleMetric(NAME) as Counter<'kind' | 'event'> | undefined;
    this.counter =
      existing ??
      new Counter({
        name: NAME,
        help: 'Catalogue cache events by resource kind: hit, miss, stale (served after TTL), refresh (background reload), error (store or loader failure).',
        labelNames: ['kind', 'event'],
        registers: [registry],
      });
  }

  count(kind: CacheKind, event: CacheEvent): void {
    this.counter?.inc({ kind, event });
  }
}
