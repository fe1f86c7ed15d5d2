import { Registry } from 'prom-client';
import type { ResponseCacheStore } from './response-cache.store';
import { ResponseCacheMetrics } from './response-cache.metrics';

describe('ResponseCacheMetrics', () => {
  it('exports the tallies as a counter when scraped, and what the store owes as a gauge', async () => {
    const registry = new Registry();
    const store: Pick<ResponseCacheStore, 'owing'> = { owing: { slots: ['t:a', 't:b'], kinds: [] } };
    const m = new ResponseCacheMetrics(registry, store);
    m.count('hit');
    m.count('hit');
    m.count('miss');
    const text = await registry.metrics();
    expect(text).toContain('# TYPE gateway_response_cache_events_total counter');
    expect(text).toContain('gateway_response_cache_events_total{event="hit"} 2');
    expect(text).toContain('gateway_response_cache_events_total{event="miss"} 1');
    expect(text).toContain('gateway_response_cache_events_total{event="stale"} 0');
    expect(text).toContain('gateway_response_cache_owed{what="slots"} 2');
    expect(text).toContain('gateway_response_cache_owed{what="kinds"} 0');
    // A later scrape reports the running totals, not the increments since the last one.
    m.count('hit');
    expect(await registry.metrics()).toContain('gateway_response_cache_events_total{event="hit"} 3');
  });

  it('counts without a registry and reads a store that owes nothing as 0', async () => {
    expect(() => new ResponseCacheMetrics(null, null).count('refresh')).not.toThrow();
    const registry = new Registry();
    new ResponseCacheMetrics(registry, {});
    expect(await registry.metrics()).toContain('gateway_response_cache_owed{what="slots"} 0');
  });
});
