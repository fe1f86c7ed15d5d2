import { PerformanceObserver, constants } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { Counter, Gauge, type Registry } from 'prom-client';

/** What a 'gc' performance entry carries in `detail` (Node >= 16). */
interface NodeGcDetail {
  kind: number;
}

/**
 * Memory figures that prom-client's default metrics leave out, for telling a leak from allocator noise:
 * - `nodejs_array_buffers_bytes`: process.memoryUsage().arrayBuffers (Buffers and ArrayBuffers, a part of
 *   `nodejs_external_memory_bytes`), read at scrape time.
 * - `nodejs_heap_used_after_major_gc_bytes`: the JS heap in use right after the last mark-compact. Heap used
 *   sampled at any other moment also counts garbage not yet collected, so on a busy process it swings by
 *   the size of the old generation's allocation budget (60 to 200 MB in the soak); after a full collection
 *   it is the live set, which only grows when something keeps objects.
 * - `nodejs_major_gc_total`: mark-compacts so far, so a reader knows how many the gauge above has seen.
 * One GC observer: it runs once per collection (a few per second at most) and only reads V8's counters.
 */
export function registerMemoryMetrics(registry: Registry): { stop(): void } {
  new Gauge({
    name: 'nodejs_array_buffers_bytes',
    help: 'Memory held by ArrayBuffers and Buffers (process.memoryUsage().arrayBuffers), bytes.',
    registers: [registry],
    collect() {
      this.set(process.memoryUsage().arrayBuffers);
    },
  });
  const afterMajor = new Gauge({
    name: 'nodejs_heap_used_after_major_gc_bytes',
    help: 'JS heap used right after the last major (mark-compact) collection: the live set, bytes.',
    registers: [registry],
  });
  const majors = new Counter({
    name: 'nodejs_major_gc_total',
    help: 'Major (mark-compact) collections since the process started.',
    registers: [registry],
  });
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = 'detail' in entry ? (entry.detail as NodeGcDetail | null) : null;
      if (detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      afterMajor.set(getHeapStatistics().used_heap_size);
      majors.inc();
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return { stop: () => observer.disconnect() };
}
