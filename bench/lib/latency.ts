import { Pool } from 'undici';
import type { LoadResult, RequestFactory, Verdict } from './load';

/*
 * A closed-loop client for latency deltas (gateway overhead, limiter cost). autocannon's histogram keeps whole
 * milliseconds, too coarse for "under 2 ms above the upstream", so this records every request's time with
 * performance.now() and takes exact percentiles. Light load only: nothing should queue.
 */

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export async function runLatency(
  origin: string,
  factory: RequestFactory,
  connections: number,
  durationS: number,
): Promise<LoadResult> {
  const pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
  const times: number[] = [];
  const counts = { ok: 0, business: 0, errors: 0 };
  const businessCodes: Record<string, number> = {};
  const samples: string[] = [];
  let seq = 0;
  const started = performance.now();
  const deadline = started + durationS * 1000;
  const loop = async (slot: number): Promise<void> => {
    for (let step = 0; performance.now() < deadline; step++) {
      const r = factory(slot, seq++, step);
      const t0 = performance.now();
      let v: Verdict;
      try {
        const res = await pool.request({
          method: r.method,
          path: r.path,
          headers: { ...r.headers },
          body: r.body,
        });
        const text = await res.body.text();
        times.push(performance.now() - t0);
        v = r.verify(res.statusCode, text);
      } catch (e) {
        v = { kind: 'error', reason: e instanceof Error ? e.message : String(e) };
      }
      if (v.kind === 'ok') counts.ok++;
      else if (v.kind === 'business') {
        counts.business++;
        businessCodes[v.code] = (businessCodes[v.code] ?? 0) + 1;
      } else {
        counts.errors++;
        if (samples.length < 5) samples.push(v.reason);
      }
    }
  };
  await Promise.all([...Array(connections).keys()].map((slot) => loop(slot)));
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  const sorted = times.sort((a, b) => a - b);
  const avg = sorted.reduce((s, t) => s + t, 0) / Math.max(1, sorted.length);
  return {
    durationS: elapsed,
    connections,
    okPerSec: counts.ok / elapsed,
    ok: counts.ok,
    business: counts.business,
    businessCodes,
    errors: counts.errors,
    timeouts: 0,
    answered: counts.ok + counts.business + counts.errors,
    latencyMs: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      avg,
      max: sorted[sorted.length - 1] ?? NaN,
    },
    errorSamples: samples,
  };
}
