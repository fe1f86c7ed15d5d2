import { setTimeout as delay } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Registry } from 'prom-client';
import { registerMemoryMetrics } from './memory-metrics';

/** A full collection on demand: `--expose-gc` set at run time, `gc` taken from a fresh context. */
function fullGc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const valueOf = async (r: Registry, name: string): Promise<number> => {
  const m = (await r.getMetricsAsJSON()).find((x) => x.name === name);
  return Number((m?.values as { value: number }[] | undefined)?.[0]?.value ?? NaN);
};

describe('registerMemoryMetrics', () => {
  it('reports the ArrayBuffers held, growing with a Buffer kept alive', async () => {
    const r = new Registry();
    const metrics = registerMemoryMetrics(r);
    try {
      const before = await valueOf(r, 'nodejs_array_buffers_bytes');
      const kept = Buffer.alloc(8 * 2 ** 20, 1);
      const after = await valueOf(r, 'nodejs_array_buffers_bytes');
      expect(after - before).toBeGreaterThanOrEqual(kept.length);
    } finally {
      metrics.stop();
    }
  });

  it('records the heap used after each major collection, and counts them', async () => {
    const r = new Registry();
    const metrics = registerMemoryMetrics(r);
    try {
      expect(await valueOf(r, 'nodejs_major_gc_total')).toBe(0);
      fullGc();
      // GC entries reach observers asynchronously.
      for (let i = 0; i < 50 && (await valueOf(r, 'nodejs_major_gc_total')) === 0; i++) await delay(10);
      expect(await valueOf(r, 'nodejs_major_gc_total')).toBeGreaterThanOrEqual(1);
      const live = await valueOf(r, 'nodejs_heap_used_after_major_gc_bytes');
      expect(live).toBeGreaterThan(0);
      expect(live).toBeLessThanOrEqual(process.memoryUsage().heapTotal);
    } finally {
      metrics.stop();
    }
  });
});
