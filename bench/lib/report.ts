import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONSOLE_BASELINE,
  PASS_THROUGH_MERGE,
  SOAK_MIN_S,
  SOAK_WARMUP_S,
  TARGETS,
  UPSTREAM_LATENCY_MS,
} from '../bench.config';
import type { HotFunction } from './cpu-profile';
import type { LoadResult } from './load';

/* bench/REPORT.md from the raw results: tables, ratios against the peer, targets met or missed. */

const BENCH_DIR = join(__dirname, '..');
const RESULTS_DIR = join(BENCH_DIR, 'results');

export interface ScenarioResult {
  id: string;
  title: string;
  server: 'ours' | 'peer' | 'simulator';
  variant?: string;
  load?: LoadResult;
  cpuPercent?: number;
  /** Server CPU time per correct (or business) answer, ms: cpuPercent × duration ÷ answers. */
  cpuMsPerAnswer?: number;
  peakRssMb?: number;
  simCpuPercent?: number;
  upstreamCalls?: number;
  upstreamPerOp?: number;
  /** Upstream calls per operation, by Barrack operation id. */
  upstreamByOperation?: Record<string, number>;
  failed?: string;
  /** 1-min load average when the scenario started and when it ended. */
  loadBefore?: number;
  loadAfter?: number;
  /** When ours and the peer alternated: each round's figures; the fields above are their medians. */
  rounds?: { okPerSec: number; p50: number; p99: number; loadBefore?: number; failed?: string }[];
}

/** Above this 1-min load average a report says at its top that the machine was busy. */
export const QUIET_LOAD = 1.5;

const median = (xs: number[]): number => {
  const v = [...xs].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
};

/**
 * One result from alternating rounds: the median of each figure over the rounds that succeeded (a failed round
 * is listed, not averaged in). All rounds failed: the first failure.
 */
export function medianScenario(rounds: ScenarioResult[]): ScenarioResult {
  const ok = rounds.filter((r) => !r.failed && r.load);
  const list = rounds.map((r) => ({
    okPerSec: r.load?.okPerSec ?? NaN,
    p50: r.load?.latencyMs.p50 ?? NaN,
    p99: r.load?.latencyMs.p99 ?? NaN,
    loadBefore: r.loadBefore,
    ...(r.failed ? { failed: r.failed } : {}),
  }));
  if (!ok.length) return { ...rounds[0]!, rounds: list };
  const mid = (pick: (r: ScenarioResult) => number | undefined): number =>
    median(ok.map(pick).filter((x): x is number => x !== undefined && !Number.isNaN(x)));
  const base = ok[0]!;
  const load = base.load!;
  return {
    ...base,
    load: {
      ...load,
      okPerSec: mid((r) => r.load?.okPerSec),
      errors: Math.max(...ok.map((r) => r.load!.errors)),
      latencyMs: {
        p50: mid((r) => r.load?.latencyMs.p50),
        p90: mid((r) => r.load?.latencyMs.p90),
        p99: mid((r) => r.load?.latencyMs.p99),
        avg: mid((r) => r.load?.latencyMs.avg),
        max: Math.max(...ok.map((r) => r.load!.latencyMs.max)),
      },
    },
    cpuPercent: mid((r) => r.cpuPercent),
    cpuMsPerAnswer: mid((r) => r.cpuMsPerAnswer),
    peakRssMb: Math.max(...ok.map((r) => r.peakRssMb ?? 0)),
    simCpuPercent: mid((r) => r.simCpuPercent),
    loadBefore: Math.max(...rounds.map((r) => r.loadBefore ?? 0)),
    loadAfter: Math.max(...rounds.map((r) => r.loadAfter ?? 0)),
    rounds: list,
  };
}

/** The highest 1-min load average any scenario started with (NaN when none was recorded). */
export function maxStartLoad(r: RunResults): number {
  const loads = r.scenarios.map((x) => x.loadBefore).filter((x): x is number => typeof x === 'number');
  return loads.length ? Math.max(...loads) : NaN;
}

export interface ProfileSummary {
  scenario: 'S1' | 'S2' | 'S3';
  /** What was profiled, in words, and how (connections, the simulator's added latency). */
  path?: string;
  connections?: number;
  upstreamLatencyMs?: number;
  /** The missed targets this profile explains. */
  why: string;
  file: string;
  totalMs: number;
  hot: HotFunction[];
  /** The gateway's own functions (src/) by self time. */
  gatewayHot?: HotFunction[];
  areas: { area: string; percent: number }[];
}

export interface SoakResult {
  seconds: number;
  connections: number;
  tenants?: number;
  responseCache?: boolean;
  mixDescription?: string;
  mix?: NonNullable<RunResults['mix']>;
  load: LoadResult;
  /** A diagnostic soak (other connections, env or node flags than the target's): never the committed report. */
  variant?: { connections: number; env: Record<string, string>; nodeArgs: string[] };
  samples: SoakSample[];
}

/**
 * One soak sample: the gateway's /metrics (prom-client's process and heap figures, and the gateway's own
 * memory-metrics.ts) and /proc/<pid>/status, read together. Fields after heapUsedMb are absent in older soaks.
 */
export interface SoakSample {
  atS: number;
  rssMb: number;
  heapUsedMb: number;
  /** V8 heap committed (process.memoryUsage().heapTotal): the part of RSS the JS heap can hold. */
  heapTotalMb?: number;
  /** Memory of C++ objects bound to JS objects, ArrayBuffers included (process.memoryUsage().external). */
  externalMb?: number;
  /** ArrayBuffers and Buffers (process.memoryUsage().arrayBuffers). */
  arrayBuffersMb?: number;
  /** Heap used right after the last mark-compact: the live set. */
  heapAfterGcMb?: number;
  majorGcs?: number;
  /** Per V8 heap space (old, new, code, large_object, …): used and committed size, MB. */
  spaceUsedMb?: Record<string, number>;
  spaceSizeMb?: Record<string, number>;
  /** /proc/<pid>/status: anonymous (heap, malloc, stacks) and file-backed (code, mapped files) resident. */
  rssAnonMb?: number;
  rssFileMb?: number;
  activeHandles?: number;
  eventLoopP50Ms: number;
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
}

export interface RunResults {
  startedAt: string;
  finishedAt: string;
  options: Record<string, unknown>;
  machine: { cpus: number; cpuModel: string; node: string };
  loadAvgStart: string;
  loadAvgEnd: string;
  scenarios: ScenarioResult[];
  peer: { versions: Record<string, string>; patches: string[]; error?: string; restarts?: string[] };
  profiles: ProfileSummary[];
  soak?: SoakResult;
  /** S7's own counts: reads, response-cache hits, reads that missed their connection's own last write. */
  mix?: { reads: number; hits: number; scriptsReads: number; staleAfterOwnWrite: number };
  resultsDir: string;
}

interface TargetRow {
  name: string;
  goal: string;
  measured: string;
  status: 'met' | 'missed' | 'not measured' | 'not run';
  margin: string;
  /** The path whose profile says where the time goes when missed (none for counts and correctness). */
  profile?: 'S1' | 'S2' | 'S3';
  /** Extra lines for the missed-targets section (e.g. upstream calls by operation). */
  detail?: string[];
}

const f0 = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(0));
const f1 = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(1));
const f2 = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(2));
const f3 = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(3));

function find(
  r: RunResults,
  id: string,
  server: ScenarioResult['server'] = 'ours',
): ScenarioResult | undefined {
  const s = r.scenarios.find((x) => x.id === id && x.server === server);
  return s?.load ? s : undefined;
}

/** Margin of a "≥ goal" ratio: how far above, or how far short (in % of the goal). */
function atLeast(value: number, goal: number, unit = '×'): { met: boolean; margin: string } {
  const met = value >= goal;
  return {
    met,
    margin: met
      ? `${f0((value / goal - 1) * 100)}% above the goal (${f2(value)}${unit} vs ${f2(goal)}${unit})`
      : `${f0((1 - value / goal) * 100)}% short (${f2(value)}${unit} of ${f2(goal)}${unit})`,
  };
}

/** Margin of a "≤ bound" figure: how much to spare, or how much over. */
function atMost(value: number, bound: number, unit: string): { met: boolean; margin: string } {
  const met = value <= bound;
  return {
    met,
    margin: met ? `${f2(bound - value)}${unit} to spare` : `${f2(value - bound)}${unit} over`,
  };
}

/** A row judged by `t` (from atLeast / atMost). */
const judged = (
  name: string,
  goal: string,
  measured: string,
  t: { met: boolean; margin: string },
  profile?: TargetRow['profile'],
): TargetRow => ({ name, goal, measured, status: t.met ? 'met' : 'missed', margin: t.margin, profile });

const notMeasured = (name: string, goal: string, why: string, profile?: TargetRow['profile']): TargetRow => ({
  name,
  goal,
  measured: '–',
  status: 'not measured',
  margin: why,
  profile,
});

/** The least-squares fit of the soak's RSS (and heap) after warm-up. */
export interface SoakFit {
  warmupS: number;
  samples: number;
  spanS: number;
  rssSlopeMbPerMin: number;
  heapSlopeMbPerMin: number;
  rssFirstMb: number;
  rssLastMb: number;
  rssMinMb: number;
  rssMaxMb: number;
  /** The same fit for every part of memory the samples hold (absent in older soaks: NaN rows left out). */
  parts: SoakPartFit[];
}

/** One memory series over the samples after warm-up: its least-squares slope and its span. */
export interface SoakPartFit {
  part: string;
  slopeMbPerMin: number;
  firstMb: number;
  lastMb: number;
  minMb: number;
  maxMb: number;
}

/** The series a soak's parts table lists, in order: what RSS is made of, then V8's heap spaces (committed). */
const SOAK_PARTS: { part: string; of: (x: SoakSample) => number | undefined }[] = [
  { part: 'RSS', of: (x) => x.rssMb },
  { part: 'RSS anonymous (/proc)', of: (x) => x.rssAnonMb },
  { part: 'RSS file-backed (/proc)', of: (x) => x.rssFileMb },
  { part: 'V8 heap committed (heapTotal)', of: (x) => x.heapTotalMb },
  { part: 'RSS − heapTotal (native: malloc, stacks, code)', of: (x) => x.rssMb - (x.heapTotalMb ?? NaN) },
  { part: 'heap used (any moment)', of: (x) => x.heapUsedMb },
  { part: 'heap used after the last major GC', of: (x) => x.heapAfterGcMb },
  { part: 'external', of: (x) => x.externalMb },
  { part: 'arrayBuffers', of: (x) => x.arrayBuffersMb },
  ...['old', 'new', 'code', 'large_object', 'new_large_object', 'code_large_object'].map((space) => ({
    part: `heap space ${space} (committed)`,
    of: (x: SoakSample) => x.spaceSizeMb?.[space],
  })),
];

/** Slope of the least-squares line through (x, y), per unit of x; NaN with fewer than 2 distinct x. */
export function leastSquaresSlope(points: { x: number; y: number }[]): number {
  const p = points.filter((q) => Number.isFinite(q.x) && Number.isFinite(q.y));
  if (p.length < 2) return NaN;
  const mx = p.reduce((s, q) => s + q.x, 0) / p.length;
  const my = p.reduce((s, q) => s + q.y, 0) / p.length;
  const sxx = p.reduce((s, q) => s + (q.x - mx) ** 2, 0);
  if (sxx === 0) return NaN;
  return p.reduce((s, q) => s + (q.x - mx) * (q.y - my), 0) / sxx;
}

export function soakFit(s: SoakResult): SoakFit {
  const warmupS = Math.min(SOAK_WARMUP_S, s.seconds / 5);
  const after = s.samples.filter((x) => x.atS >= warmupS && Number.isFinite(x.rssMb));
  const rss = after.map((x) => x.rssMb);
  return {
    warmupS,
    samples: after.length,
    spanS: after.length ? after[after.length - 1]!.atS - after[0]!.atS : 0,
    rssSlopeMbPerMin: leastSquaresSlope(after.map((x) => ({ x: x.atS / 60, y: x.rssMb }))),
    heapSlopeMbPerMin: leastSquaresSlope(after.map((x) => ({ x: x.atS / 60, y: x.heapUsedMb }))),
    rssFirstMb: rss[0] ?? NaN,
    rssLastMb: rss[rss.length - 1] ?? NaN,
    rssMinMb: rss.length ? Math.min(...rss) : NaN,
    rssMaxMb: rss.length ? Math.max(...rss) : NaN,
    parts: SOAK_PARTS.flatMap(({ part, of }) => {
      const pts = after.map((x) => ({ x: x.atS / 60, y: of(x) ?? NaN })).filter((q) => Number.isFinite(q.y));
      if (pts.length < 2) return [];
      const ys = pts.map((q) => q.y);
      return [
        {
          part,
          slopeMbPerMin: leastSquaresSlope(pts),
          firstMb: ys[0]!,
          lastMb: ys[ys.length - 1]!,
          minMb: Math.min(...ys),
          maxMb: Math.max(...ys),
        },
      ];
    }),
  };
}

/** A soak belongs to a report when it ran within this long of the report's main run. */
const SOAK_MAX_AGE_MS = 12 * 3600_000;

export interface SoakRun {
  startedAt: string;
  soak: SoakResult;
}

/** The soak that goes with `main`: run within SOAK_MAX_AGE_MS of it (before or after), else none. */
function soakFor(main: RunResults, soak: SoakRun | undefined): SoakRun | undefined {
  if (!soak) return undefined;
  const gap = Math.abs(Date.parse(soak.startedAt) - Date.parse(main.startedAt));
  return Number.isFinite(gap) && gap <= SOAK_MAX_AGE_MS ? soak : undefined;
}

/** Issue 14's targets, one row each, from one run (and the soak run with it, when there is one). */
function targets(r: RunResults, soakRun: SoakRun | undefined): TargetRow[] {
  const rows: TargetRow[] = [];
  const peerWhy = r.peer.error ?? (r.options.peer === false ? 'run with --no-peer' : 'scenario failed');
  const T = TARGETS;

  // S1 vs the peer's response cache.
  const s1 = find(r, 'S1');
  const p1 = find(r, 'S1', 'peer');
  {
    const name = 'S1 hit path vs the peer’s response cache';
    const goal = `≥ ${T.catalogueThroughputVsPeer}× the peer's throughput, p99 ≤ the peer's`;
    if (s1 && p1) {
      const ratio = s1.load!.okPerSec / p1.load!.okPerSec;
      const t = atLeast(ratio, T.catalogueThroughputVsPeer);
      const p99 = atMost(s1.load!.latencyMs.p99, p1.load!.latencyMs.p99, ' ms');
      rows.push({
        name,
        goal,
        measured: `${f0(s1.load!.okPerSec)} vs ${f0(p1.load!.okPerSec)} req/s = ${f2(ratio)}×; p99 ${f1(s1.load!.latencyMs.p99)} vs ${f1(p1.load!.latencyMs.p99)} ms`,
        status: t.met && p99.met ? 'met' : 'missed',
        margin: `throughput ${t.margin}; p99 ${p99.margin}`,
        profile: 'S1',
      });
    } else rows.push(notMeasured(name, goal, s1 ? peerWhy : 'S1 failed', 'S1'));
  }

  // S1 vs the raw node:http ceiling.
  const s6a = find(r, 'S6a', 'simulator');
  {
    const name = 'S1 hit path vs the raw node:http ceiling (S6a)';
    const goal = `≥ ${f0(T.hitPathVsRawCeiling * 100)}% of S6a, same run`;
    if (s1 && s6a) {
      const share = s1.load!.okPerSec / s6a.load!.okPerSec;
      const t = atLeast(share * 100, T.hitPathVsRawCeiling * 100, '%');
      rows.push(
        judged(
          name,
          goal,
          `${f0(s1.load!.okPerSec)} vs ${f0(s6a.load!.okPerSec)} req/s = ${f1(share * 100)}%`,
          t,
          'S1',
        ),
      );
    } else rows.push(notMeasured(name, goal, 'S1 or S6a failed', 'S1'));
  }

  // S2 at 20 ms: overhead over the direct call.
  const ov = find(r, 'OV-gw');
  const direct = find(r, 'OV-direct', 'simulator');
  {
    const name = `S2 overhead over the direct upstream call (${UPSTREAM_LATENCY_MS} ms upstream, p50)`;
    const goal = `≤ ${T.overheadP50MaxMs} ms (OV-gw p50 − OV-direct p50)`;
    if (ov && direct) {
      const d = ov.load!.latencyMs.p50 - direct.load!.latencyMs.p50;
      const t = atMost(d, T.overheadP50MaxMs, ' ms');
      rows.push(
        judged(
          name,
          goal,
          `+${f2(d)} ms (${f2(ov.load!.latencyMs.p50)} vs ${f2(direct.load!.latencyMs.p50)} ms)`,
          t,
          'S2',
        ),
      );
    } else rows.push(notMeasured(name, goal, 'OV-gw or OV-direct failed', 'S2'));
  }

  // S2 at 20 ms: gateway CPU per answer vs the peer's.
  const s2 = find(r, 'S2');
  const p2 = find(r, 'S2', 'peer');
  {
    const name = `S2 gateway CPU per answer vs the peer (${UPSTREAM_LATENCY_MS} ms upstream)`;
    const goal = `≤ ${f2(T.passThroughCpuVsPeerMax)}× the peer's CPU ms per answer`;
    if (s2?.cpuMsPerAnswer !== undefined && p2?.cpuMsPerAnswer !== undefined) {
      const ratio = s2.cpuMsPerAnswer / p2.cpuMsPerAnswer;
      const t = atMost(ratio, T.passThroughCpuVsPeerMax, '×');
      rows.push(
        judged(
          name,
          goal,
          `${f2(s2.cpuMsPerAnswer)} vs ${f2(p2.cpuMsPerAnswer)} ms = ${f2(ratio)}× (throughput ${f0(s2.load!.okPerSec)} vs ${f0(p2.load!.okPerSec)} req/s)`,
          t,
          'S2',
        ),
      );
    } else rows.push(notMeasured(name, goal, s2 ? peerWhy : 'S2 failed', 'S2'));
  }

  // S2 at 0 ms: throughput vs the peer.
  const z = find(r, 'S2-0ms');
  const pz = find(r, 'S2-0ms', 'peer');
  {
    const name = 'S2 at 0 ms upstream (S2-0ms) vs the peer';
    const goal = `≥ ${T.passThroughZeroLatencyVsPeer}× the peer's throughput`;
    if (z && pz) {
      const ratio = z.load!.okPerSec / pz.load!.okPerSec;
      const t = atLeast(ratio, T.passThroughZeroLatencyVsPeer);
      rows.push(
        judged(
          name,
          goal,
          `${f0(z.load!.okPerSec)} vs ${f0(pz.load!.okPerSec)} req/s = ${f2(ratio)}× (CPU ms/answer ${f2(z.cpuMsPerAnswer)} vs ${f2(pz.cpuMsPerAnswer)})`,
          t,
          'S2',
        ),
      );
    } else rows.push(notMeasured(name, goal, z ? peerWhy : 'S2-0ms failed', 'S2'));
  }

  // S3 pages/s vs the issue's baseline, at ≤ 4 upstream calls.
  const s3 = find(r, 'S3');
  {
    const name = 'S3 console page vs the baseline';
    const need = T.consoleVsBaseline * CONSOLE_BASELINE.pagesPerSec;
    const goal = `≥ ${T.consoleVsBaseline}× ${CONSOLE_BASELINE.pagesPerSec} pages/s (= ${f0(need)}; baseline: ${CONSOLE_BASELINE.origin}) at ≤ ${T.consoleUpstreamCallsMax} upstream calls`;
    if (s3) {
      const ratio = s3.load!.okPerSec / CONSOLE_BASELINE.pagesPerSec;
      const t = atLeast(ratio, T.consoleVsBaseline);
      const calls = s3.upstreamPerOp ?? NaN;
      const c = atMost(calls, T.consoleUpstreamCallsMax, ' calls');
      const by = s3.upstreamByOperation ?? {};
      rows.push({
        name,
        goal,
        measured: `${f0(s3.load!.okPerSec)} pages/s = ${f2(ratio)}× the baseline; ${f2(calls)} upstream calls per page`,
        status: t.met && c.met ? 'met' : 'missed',
        margin: `pages/s ${t.margin}; upstream calls ${c.margin}`,
        profile: t.met ? undefined : 'S3',
        detail: c.met
          ? undefined
          : [
              'Barrack calls per console page, by operation:',
              '',
              ...Object.entries(by).map(([op, n]) => `- \`${op}\`: ${f2(n)}`),
              '',
              'Next lever for the call count: one call per resource kind per page, whatever the page size (Barrack’s largest page size for instances; snapshots, volumes and firewalls of the whole page with one account listing each, batched per request).',
            ],
      });
    } else rows.push(notMeasured(name, goal, 'S3 failed', 'S3'));
  }

  // S5 vs S1.
  const s5 = find(r, 'S5');
  // S1 measured in alternation with S5 (reports before that change compared with S1's first rounds).
  const s1ForS5 = find(r, 'S1-S5') ?? s1;
  {
    const name = 'S5 (100 tenants) vs S1';
    const goal = `≥ ${f2(T.tenantsVsCatalogue)}× S1's throughput (S1 alternating with S5)`;
    if (s5 && s1ForS5) {
      const ratio = s5.load!.okPerSec / s1ForS5.load!.okPerSec;
      const t = atLeast(ratio, T.tenantsVsCatalogue);
      rows.push(
        judged(
          name,
          goal,
          `${f0(s5.load!.okPerSec)} vs ${f0(s1ForS5.load!.okPerSec)} req/s = ${f2(ratio)}×`,
          t,
          'S1',
        ),
      );
    } else rows.push(notMeasured(name, goal, 'S5 or S1 failed', 'S1'));
  }

  // S7 stale-after-own-write.
  const s7 = find(r, 'S7');
  {
    const name = 'S7 realistic mix: reads older than the reader’s own last write';
    const goal = `= ${T.staleAfterOwnWriteMax}`;
    if (s7 && r.mix) {
      const m = r.mix;
      const met = m.staleAfterOwnWrite <= T.staleAfterOwnWriteMax;
      rows.push({
        name,
        goal,
        measured: `${m.staleAfterOwnWrite} of ${m.scriptsReads} checked reads; hit rate ${m.reads ? f1((100 * m.hits) / m.reads) : '–'}%; ${f0(s7.load!.okPerSec)} req/s, p99 ${f1(s7.load!.latencyMs.p99)} ms`,
        status: met ? 'met' : 'missed',
        margin: met ? 'none stale' : `${m.staleAfterOwnWrite - T.staleAfterOwnWriteMax} stale reads too many`,
        detail: met
          ? undefined
          : [
              'A correctness failure, not a speed one: a scripts-page read after the connection’s own create or delete did not reflect it. Look at the response cache’s invalidation of the `Script` list tag and the per-tenant generation check (src/response-cache/).',
            ],
      });
    } else rows.push(notMeasured(name, goal, 'S7 failed'));
  }

  // Soak.
  {
    const name = 'Soak: RSS flat over 10 minutes, response cache on';
    const goal = `least-squares RSS slope after ${SOAK_WARMUP_S} s of warm-up ≤ ${f1(T.soakRssSlopeMaxMbPerMin)} MB/min over a soak of ≥ ${SOAK_MIN_S} s`;
    const soak = soakRun?.soak;
    if (!soak) {
      rows.push({
        name,
        goal,
        measured: '–',
        status: 'not run',
        margin: `not run in this report: \`npm run bench -- --soak ${SOAK_MIN_S}\` (adds its figures to this report)`,
      });
    } else {
      const fit = soakFit(soak);
      const t = atMost(fit.rssSlopeMbPerMin, T.soakRssSlopeMaxMbPerMin, ' MB/min');
      const measured = `${f2(fit.rssSlopeMbPerMin)} MB/min over ${f0(fit.spanS)} s (${fit.samples} samples; RSS ${f0(fit.rssFirstMb)} → ${f0(fit.rssLastMb)} MB, range ${f0(fit.rssMinMb)}–${f0(fit.rssMaxMb)} MB); ${soak.responseCache ? 'response cache on' : 'response cache state not recorded'}; soak of ${soakRun.startedAt}`;
      if (soak.seconds < SOAK_MIN_S)
        rows.push({
          name,
          goal,
          measured,
          status: 'not measured',
          margin: `soak of ${soak.seconds} s is shorter than ${SOAK_MIN_S} s: rerun \`npm run bench -- --soak ${SOAK_MIN_S}\``,
        });
      else
        rows.push({
          name,
          goal,
          measured,
          status: t.met ? 'met' : 'missed',
          margin: t.margin,
          detail: t.met
            ? undefined
            : [
                `Heap used slope over the same samples: ${f2(fit.heapSlopeMbPerMin)} MB/min${partSlope(fit, 'heap used after the last major GC', 'live heap after major GC')}${partSlope(fit, 'V8 heap committed (heapTotal)', 'heap committed')}${partSlope(fit, 'RSS − heapTotal (native: malloc, stacks, code)', 'RSS outside the V8 heap')}${partSlope(fit, 'arrayBuffers', 'arrayBuffers')} (a rising live heap points at retained JS objects — take a heap snapshot of the soak gateway; a flat live heap with a rising committed heap is V8 sizing its heap; a rising RSS outside the heap points at native memory: Buffers, sockets, malloc). The Soak section lists every part.`,
              ],
        });
    }
  }
  return rows;
}

/** `; <label> <slope> MB/min` when the fit has that part (newer soaks), else nothing. */
function partSlope(fit: SoakFit, part: string, label: string): string {
  const p = fit.parts.find((x) => x.part === part);
  return p ? `; ${label} ${f2(p.slopeMbPerMin)} MB/min` : '';
}

function cpuPerAnswer(s: ScenarioResult | undefined): string {
  const l = s?.load;
  if (!s || !l) return '–';
  if (s.cpuMsPerAnswer !== undefined) return f2(s.cpuMsPerAnswer);
  return l.ok + l.business ? f2(((s.cpuPercent ?? 0) * 10 * l.durationS) / (l.ok + l.business)) : '–';
}

function scenarioTable(r: RunResults): string[] {
  const out = [
    '| # | Scenario | Server | Conns | Correct req/s | p50 ms | p99 ms | Errors | Business answers | Server CPU % | CPU ms / answer | Peak RSS MB | Upstream calls/op | Simulator CPU % |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const s of r.scenarios) {
    const server = s.variant ? `${s.server} (${s.variant})` : s.server;
    if (!s.load) {
      out.push(`| ${s.id} | ${s.title} | ${server} | – | **failed** | – | – | – | – | – | – | – | – | – |`);
      continue;
    }
    const l = s.load;
    const biz = l.business
      ? `${l.business} (${Object.entries(l.businessCodes)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')})`
      : '0';
    out.push(
      `| ${s.id} | ${s.title} | ${server} | ${l.connections} | ${f0(l.okPerSec)} | ${f2(l.latencyMs.p50)} | ${f2(l.latencyMs.p99)} | ${l.errors} | ${biz} | ${f0(s.cpuPercent)} | ${cpuPerAnswer(s)} | ${f0(s.peakRssMb)} | ${s.server === 'simulator' ? '–' : f3(s.upstreamPerOp)} | ${f0(s.simCpuPercent)} |`,
    );
  }
  return out;
}

function ratioLine(a: ScenarioResult | undefined, b: ScenarioResult | undefined, label: string): string {
  if (!a || !b) return `| ${label} | – | – | – | – | – |`;
  const la = a.load!;
  const lb = b.load!;
  return `| ${label} | ${f0(la.okPerSec)} / ${f0(lb.okPerSec)} = **${f2(la.okPerSec / lb.okPerSec)}×** | ${f2(la.latencyMs.p50)} / ${f2(lb.latencyMs.p50)} | ${f2(la.latencyMs.p99)} / ${f2(lb.latencyMs.p99)} | ${cpuPerAnswer(a)} / ${cpuPerAnswer(b)} | ${f0(a.cpuPercent)} / ${f0(b.cpuPercent)} % , ${f0(a.peakRssMb)} / ${f0(b.peakRssMb)} MB |`;
}

/**
 * The next lever per profiled path, by the layer the profile blames. Read against the profile above it: the
 * lever that applies is the one whose layer tops the "self time by area" table.
 */
const LEVERS: Record<ProfileSummary['scenario'], string[]> = {
  S1: [
    '`graphql` / `@apollo/server` on top (parse, validate, plugin hooks, execution): answer a hit before Apollo’s request pipeline — a fast path keyed by document hash, scope and canonical variables, after authentication and the budgets — so a hit costs neither parsing, validation nor execution.',
    '`JSON.parse` / `JSON.stringify` on top: write the stored bytes as they are (with the `extensions` spliced in) instead of parsing the stored body and serialising it again.',
    '`ioredis` / node core `net` on top: fewer Redis round trips per hit — the budget decision and the cache read in one pipeline or script — or the in-process layer for public entries.',
    '`express` / `@nestjs/*` on top: the Fastify adapter (issue 14, build step 4), measured against Express in this bench.',
  ],
  S2: [
    'Fixed per-request cost before and after the one Barrack call (guards, interceptors, Apollo plugins, cost analysis, limiter round trips, logging) is what both the overhead and the CPU per answer measure: the lever is whichever of these layers tops the profile — the per-document structure and cost computed once per hash, one Redis round trip for all budget decisions, one log line per request, the Fastify adapter.',
    '`graphql` execution on top: fewer resolvers per answer (the instance mapped once, not per field), or graphql-jit for hot documents.',
    '`undici` / node core `net` on top: the Barrack call path itself — a keep-alive pool sized for the load, no per-call copies of headers or bodies.',
  ],
  S3: [
    '`graphql` execution on top: the page is ~50 instances × nested lists, several hundred resolver calls; resolve the nested lists from the batched per-page loads without per-field promises, or graphql-jit.',
    'Gateway mappers on top (src/*/…mapper): map each Barrack object once per request (the batched loads hand out mapped objects), not per field.',
  ],
};

function profileSection(p: ProfileSummary): string[] {
  const how =
    p.connections !== undefined
      ? ` at ${p.connections} connections, simulator at ${p.upstreamLatencyMs ?? UPSTREAM_LATENCY_MS} ms added latency`
      : '';
  return [
    `### Profile of the ${p.path ?? p.scenario}`,
    '',
    `Explains: ${p.why}. \`node --cpu-prof\` on a gateway of its own for the scenario${how}; ${f0(p.totalMs)} ms sampled during the measured load (\`${p.file}\`, open in Chrome DevTools or speedscope).`,
    '',
    'Self time by area:',
    '',
    '| Area | Self time % |',
    '|---|---:|',
    ...p.areas.map((a) => `| ${a.area} | ${f1(a.percent)} |`),
    '',
    'Top self-time functions:',
    '',
    '| Function | Where | Self ms | % |',
    '|---|---|---:|---:|',
    ...p.hot.map((h) => `| \`${h.name}\` | ${h.where} | ${f0(h.selfMs)} | ${f1(h.selfPercent)} |`),
    '',
    ...(p.gatewayHot?.length
      ? [
          'Top self-time functions of the gateway’s own code (src/):',
          '',
          '| Function | Where | Self ms | % |',
          '|---|---|---:|---:|',
          ...p.gatewayHot.map(
            (h) => `| \`${h.name}\` | ${h.where} | ${f0(h.selfMs)} | ${f1(h.selfPercent)} |`,
          ),
          '',
        ]
      : []),
  ];
}

/**
 * What the parts say, in one sentence: the live heap, memory outside the V8 heap, or V8's committed heap (its
 * sizing of the old generation: pages kept for the next cycle, not objects kept) is what moves.
 */
function soakReading(fit: SoakFit): string[] {
  const part = (name: string) => fit.parts.find((p) => p.part.startsWith(name));
  const live = part('heap used after the last major GC');
  const native = part('RSS − heapTotal');
  const committed = part('V8 heap committed');
  const old = part('heap space old');
  if (!live || !native || !committed) return [];
  const bound = TARGETS.soakRssSlopeMaxMbPerMin;
  let reading: string;
  if (live.slopeMbPerMin > bound)
    reading = `the live heap grows (${f2(live.slopeMbPerMin)} MB/min after major GCs): objects are being kept — take a heap snapshot of the soak gateway.`;
  else if (native.slopeMbPerMin > bound)
    reading = `memory outside the V8 heap grows (${f2(native.slopeMbPerMin)} MB/min; external ${f2(part('external')?.slopeMbPerMin)}, arrayBuffers ${f2(part('arrayBuffers')?.slopeMbPerMin)} MB/min): native allocations (Buffers, sockets, malloc) are being kept.`;
  else if (fit.rssSlopeMbPerMin > bound)
    reading = `the live heap (${f2(live.slopeMbPerMin)} MB/min, ${f1(live.minMb)}–${f1(live.maxMb)} MB) and memory outside the V8 heap (${f2(native.slopeMbPerMin)} MB/min) are flat; RSS follows V8's committed heap (${f2(committed.slopeMbPerMin)} MB/min${old ? `; old space committed ${f1(old.lastMb)} MB for a live set of ${f1(live.lastMb)} MB, ${f1(old.lastMb / live.lastMb)}×` : ''}): V8 sizing its old generation between major GCs, pages it keeps for the next cycle, not objects the gateway keeps.`;
  else
    reading = `RSS is flat, and so are the live heap (${f2(live.slopeMbPerMin)} MB/min) and memory outside the V8 heap (${f2(native.slopeMbPerMin)} MB/min).`;
  return [`**Reading:** ${reading}`, ''];
}

function soakSection(run: SoakRun): string[] {
  const s = run.soak;
  const fit = soakFit(s);
  const step = Math.max(1, Math.ceil(s.samples.length / 20));
  const m = s.mix;
  return [
    `## Soak (${s.seconds} s, ${s.connections} connections, ${s.responseCache ? 'response cache on' : s.variant ? 'response cache off' : 'response cache state not recorded'})`,
    ...(s.variant
      ? [
          '',
          `> **Diagnostic soak** (not the target's configuration): ${s.variant.connections} connections, gateway env ${JSON.stringify(s.variant.env)}, node flags ${s.variant.nodeArgs.join(' ') || 'none'}.`,
        ]
      : []),
    '',
    `Run ${run.startedAt}. Load: ${s.mixDescription ?? 'mixed catalogue / pass-through / console / `__typename` (an older soak)'}.`,
    '',
    `${s.load.ok} correct answers (${f0(s.load.okPerSec)}/s), ${s.load.errors} errors, p50 ${f2(s.load.latencyMs.p50)} ms, p99 ${f2(s.load.latencyMs.p99)} ms${m ? `; response-cache hit rate ${m.reads ? f1((100 * m.hits) / m.reads) : '–'}% of ${m.reads} checked reads; reads older than the reader's own last write: ${m.staleAfterOwnWrite}` : ''}.`,
    '',
    `**Flat** means: the least-squares line through the RSS samples after the warm-up (the first ${f0(fit.warmupS)} s) rises by at most ${f1(TARGETS.soakRssSlopeMaxMbPerMin)} MB per minute, over a soak of at least ${SOAK_MIN_S} s. Measured: **${f2(fit.rssSlopeMbPerMin)} MB/min** over ${fit.samples} samples spanning ${f0(fit.spanS)} s (RSS ${f0(fit.rssFirstMb)} → ${f0(fit.rssLastMb)} MB, range ${f0(fit.rssMinMb)}–${f0(fit.rssMaxMb)} MB); heap used ${f2(fit.heapSlopeMbPerMin)} MB/min.`,
    '',
    ...(fit.parts.length > 1
      ? [
          `Which part of memory moves (least-squares slope over the same ${fit.samples} samples after warm-up; heap used at an arbitrary moment swings with garbage not yet collected, the heap after a major GC is the live set):`,
          '',
          '| Part | Slope MB/min | First → last MB | Range MB |',
          '|---|---:|---:|---:|',
          ...fit.parts.map(
            (p) =>
              `| ${p.part} | ${f2(p.slopeMbPerMin)} | ${f1(p.firstMb)} → ${f1(p.lastMb)} | ${f1(p.minMb)}–${f1(p.maxMb)} |`,
          ),
          '',
          ...soakReading(fit),
        ]
      : []),
    '| t (s) | RSS MB | anon MB | file MB | heap total MB | heap used MB | after major GC MB | external MB | arrayBuffers MB | major GCs | Event-loop lag p50 ms | p99 ms | max ms |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...s.samples
      .filter((_, i) => i % step === 0 || i === s.samples.length - 1)
      .map(
        (x) =>
          `| ${x.atS} | ${f0(x.rssMb)} | ${f0(x.rssAnonMb)} | ${f0(x.rssFileMb)} | ${f1(x.heapTotalMb)} | ${f1(x.heapUsedMb)} | ${f1(x.heapAfterGcMb)} | ${f1(x.externalMb)} | ${f1(x.arrayBuffersMb)} | ${f0(x.majorGcs)} | ${f2(x.eventLoopP50Ms)} | ${f2(x.eventLoopP99Ms)} | ${f1(x.eventLoopMaxMs)} |`,
      ),
    '',
    'Every RSS sample (t s: MB):',
    '',
    s.samples.map((x) => `${x.atS}: ${f1(x.rssMb)}`).join(', ') || 'none',
    '',
  ];
}

function readJson(file: string): RunResults | undefined {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RunResults) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes bench/REPORT.md (unless dryRun) and returns the missed targets, so the harness can profile them. */
export function writeReport(
  current: RunResults,
  opts: { dryRun?: boolean } = {},
): { missed: TargetRow[]; file?: string } {
  const main = current.soak ? readJson(join(RESULTS_DIR, 'latest.json')) : current;
  const soakJson = current.soak ? current : readJson(join(RESULTS_DIR, 'soak-latest.json'));
  const soakAny: SoakRun | undefined = soakJson?.soak
    ? { startedAt: soakJson.startedAt, soak: soakJson.soak }
    : undefined;
  // A diagnostic soak (variant flags) is reported on its own, beside the last main run but never in its file.
  const diagnostic = current.soak?.variant !== undefined;
  // Only a soak run close in time to the main run goes into its report (and its targets table).
  const soak = main && !diagnostic ? soakFor(main, soakAny) : soakAny;
  const rows = main ? targets(main, soak) : [];
  const missed = rows.filter((t) => t.status === 'missed');
  if (opts.dryRun) return { missed };

  const md: string[] = ['# Benchmark report', ''];
  const busiest = main ? maxStartLoad(main) : NaN;
  if (main?.options.quick) {
    md.push(
      '> **Smoke run (`--quick`)**: checks that the harness works end to end; the figures are too short to mean anything.',
      '',
    );
  }
  if (busiest >= QUIET_LOAD) {
    md.push(
      `> **Written on a busy machine:** at least one scenario started with a 1-minute load average of ${busiest.toFixed(2)} (quiet means below ${QUIET_LOAD}; the harness waited up to ${String(main?.options.quietWaitS)} s each time). Absolute figures and ratios are unreliable; rerun on a quiet machine before drawing conclusions.`,
      '',
    );
  }
  md.push(
    '_Generated by `npm run bench` (bench/run-bench.ts). Every figure is taken side by side in one run on a shared, noisy 2-core machine: compare ratios, not absolute numbers. Raw JSON: `bench/results/` (not committed)._',
    '',
  );
  if (main) {
    const o = main.options;
    md.push(
      `- Run: ${main.startedAt} → ${main.finishedAt}; ${main.machine.cpus} × ${main.machine.cpuModel}; Node ${main.machine.node}.`,
      `- Load average (1/5/15 min) at start: ${main.loadAvgStart}; at end: ${main.loadAvgEnd}; highest 1-min load a scenario started with: ${f2(busiest)} (each scenario waits up to ${String(o.quietWaitS)} s for one below ${String(typeof o.maxLoad === 'number' ? o.maxLoad : QUIET_LOAD)}; per-scenario loads are in the raw JSON).`,
      `- Ours and the peer alternate, A B A B …, over ${String(o.rounds)} rounds per compared scenario (S1, S2, S2-0ms); their rows give the median of the rounds (CPU ms / answer too: the median of each round's own figure).`,
      `- ${String(o.durationS)} s per throughput scenario, ${String(o.latencyDurationS)} s per one-request-at-a-time latency scenario, after ${String(o.warmupS)} s of warm-up each${o.quick ? ' (**--quick smoke run**: too short for conclusions)' : ''}.`,
      `- Simulator as Barrack with ${UPSTREAM_LATENCY_MS} ms added latency per call (transition delay 0), in its own process; each gateway in its own process (\`node bench/results/.build/src/main.js\`, the harness's own build of src/; NODE_ENV=production, LOG_LEVEL=warn, Redis); the load generator (autocannon) in a third.`,
      '',
      '## Targets (issue 14)',
      '',
      `Issue 14's targets, each from this run (S1, S2 and S2-0ms are medians of ${String(o.rounds)} alternating rounds against the peer). A missed target links to the profile of where its time goes, under “Missed targets” below.`,
      '',
      '| Target | Goal | Measured | Status | By how much |',
      '|---|---|---|---|---|',
      ...rows.map((t) => `| ${t.name} | ${t.goal} | ${t.measured} | **${t.status}** | ${t.margin} |`),
      '',
      mergeNote(main),
      '',
      '## Scenarios',
      '',
      '“Correct req/s” counts only responses with status 200, no GraphQL `errors` and the expected shape (checked on every response); everything else is in “Errors”. p50/p99 from autocannon (whole ms) at saturating load; from an exact per-request timer in the one-connection rows (OV-*, I7-*: one request at a time, nothing queues; each first takes its request for the warm-up time at the saturating load’s connections, so V8 has optimised the path as under traffic, then settles at one connection before it is measured). Server CPU is user+system time of the server process tree over wall time (200% = both cores); CPU ms / answer divides that CPU time by the correct (and business) answers. Upstream calls/op = simulator requests counted while 20 requests of the scenario are sent one at a time right after its load (exact; a count during the load would include requests still in flight when it stops).',
      '',
      ...scenarioTable(main),
      '',
    );
    const s = (id: string, server: ScenarioResult['server'] = 'ours') => find(main, id, server);
    md.push(
      '## Ours vs the peer (GraphQL Hive Gateway + GraphQL Mesh)',
      '',
      main.peer.error
        ? `**Peer not measured:** ${main.peer.error}`
        : `Peer: ${Object.entries(main.peer.versions)
            .map(([k, v]) => `${k} ${v}`)
            .join(
              ', ',
            )}; one process (\`--fork 1\`), supergraph composed at run time from \`contract/barrack.openapi.yaml\` (peer-only copy: ${main.peer.patches.length ? main.peer.patches.join('; ') : 'no patch needed'}). Scenario 1 with its Redis-backed response cache (one global session, TTL 5 min); scenario 2 (and S2-0ms) plain. The peer does no per-tenant authentication, rate limiting or cost analysis: it forwards one fixed Barrack key.`,
      '',
      ...(main.peer.restarts?.length
        ? [`Peer restarted during the run: ${main.peer.restarts.join('; ')}`, '']
        : []),
      '| Scenario | Throughput ours / peer | p50 ms ours / peer | p99 ms ours / peer | CPU ms / answer ours / peer | CPU %, RSS ours / peer |',
      '|---|---|---|---|---|---|',
      ratioLine(s('S1'), s('S1', 'peer'), 'S1 catalogue (response cache, both)'),
      ratioLine(s('S2'), s('S2', 'peer'), `S2 pass-through, ${UPSTREAM_LATENCY_MS} ms upstream`),
      ratioLine(s('S2-0ms'), s('S2-0ms', 'peer'), 'S2-0ms pass-through, 0 ms upstream'),
      '',
      '## Figures asked by other issues',
      '',
    );
    const i3sim = s('S6a', 'simulator');
    const i3gw = s('I3-gw');
    md.push(
      `- **Issue 3 (simulator never the bottleneck):** simulator GET /api/regions/ ${f0(i3sim?.load?.okPerSec)} req/s vs the same regions through the gateway (warm cache) ${f0(i3gw?.load?.okPerSec)} req/s → **${i3sim && i3gw ? f1(i3sim.load!.okPerSec / i3gw.load!.okPerSec) : '–'}×** (target ≥ 10×; both at ${i3gw?.load?.connections ?? '–'} connections, simulator at 0 ms added latency).`,
    );
    const on6 = s('S1');
    const off6 = s('I6-off');
    md.push(
      `- **Issue 6 (catalogue cache):** catalogue query, warm Redis cache ${f0(on6?.load?.okPerSec)} req/s, p99 ${f1(on6?.load?.latencyMs.p99)} ms (upstream calls/op ${f3(on6?.upstreamPerOp)}) vs CACHE_ENABLED=false ${f0(off6?.load?.okPerSec)} req/s, p99 ${f1(off6?.load?.latencyMs.p99)} ms (upstream calls/op ${f3(off6?.upstreamPerOp)}), simulator at ${UPSTREAM_LATENCY_MS} ms → **${on6 && off6 ? f1(on6.load!.okPerSec / off6.load!.okPerSec) : '–'}×** throughput.`,
    );
    const delta = (a?: ScenarioResult, b?: ScenarioResult) =>
      a && b
        ? `p50 ${f2(a.load!.latencyMs.p50)} vs ${f2(b.load!.latencyMs.p50)} ms (**${f2(a.load!.latencyMs.p50 - b.load!.latencyMs.p50)} ms**), p99 ${f2(a.load!.latencyMs.p99)} vs ${f2(b.load!.latencyMs.p99)} ms (**${f2(a.load!.latencyMs.p99 - b.load!.latencyMs.p99)} ms**)`
        : 'not measured';
    md.push(
      `- **Issue 7 (limiter cost per request, on − off, one request at a time):** \`{ __typename }\`: ${delta(s('I7-on'), s('I7-off'))}; pass-through: ${delta(s('I7-on-pt'), s('I7-off-pt'))}. Each figure is one sample pair on a shared machine: differences of a few ms (or negative ones) are noise, not an effect.`,
    );
    const s2 = s('S2');
    const s2t = s('S2-traced');
    md.push(
      `- **Issue 15 (tracing cost, OTLP/HTTP batched to a local sink):** pass-through throughput traced / untraced ${f0(s2t?.load?.okPerSec)} / ${f0(s2?.load?.okPerSec)} req/s = **${s2 && s2t ? f2(s2t.load!.okPerSec / s2.load!.okPerSec) : '–'}×**, CPU ms / answer ${cpuPerAnswer(s2t)} vs ${cpuPerAnswer(s2)}; one request at a time: ${delta(s('OV-traced'), s('OV-gw'))}. Tracing is off by default (OTEL_TRACES_EXPORTER=none); S2 untraced is the median of the rounds against the peer, S2-traced one run.`,
    );
    md.push(
      `- **Issues 2/9 (gateway overhead):** pass-through p50 minus the direct upstream p50 = ${delta(s('OV-gw'), s('OV-direct', 'simulator'))}.`,
      '',
      '## Method notes',
      '',
      '- **S4 mutation mix**: each connection owns one ACTIVE VM and cycles add security rule → stop → start on it, each request with a unique `Idempotency-Key` header (the simulator completes transitions at once: delay 0). The sequence only works if every step succeeds, so an `INVALID_STATE` answer (a correct business refusal, e.g. after a timed-out step) is counted under “Business answers”, never as a correct answer and never as an error. Only `startInstance` of the three is `@Idempotent()` in the gateway today, so the key costs a Redis claim there; stop and add-rule ignore it.',
      '- **S5**: 100 tenants, each with its own API key and its own Barrack account (created through the simulator’s `/__sim/accounts`), requests rotate through the keys; plans are generous so nothing is limited: the figure is the cost of key lookup and the limiter on the path. Pricing is cached per tenant, so the warm-up fills 100 entries.',
      `- **S2-0ms**: S2's query (instance by id, the main tenant's 50 VMs in turn) at ${String(s('S2-0ms')?.load?.connections ?? '–')} connections with the run's simulator switched to 0 ms added latency (\`PUT /__sim/latency\`, the same process and world as at ${UPSTREAM_LATENCY_MS} ms; S6a's ceiling uses a separate 0 ms simulator with no world), ours and the peer alternating; the latency is set back to ${UPSTREAM_LATENCY_MS} ms right after. With no wait upstream, throughput is bounded by the gateway's own work per answer.`,
      '- **S3** selects `Instance.billing` (rate and accrued cost carried by the instance itself); `billingHistory` per instance would be one call per instance by design.',
      '- **Ceilings** (S6a, S6b) show what the machine can do: the simulator is plain `node:http`, `__typename` is the gateway with no resolver work.',
      '',
    );
    for (const sc of main.scenarios.filter((x) => x.load?.errorSamples.length || x.failed)) {
      md.push(`- Errors in ${sc.id} (${sc.server}): ${sc.failed ?? sc.load!.errorSamples.join(' | ')}`);
    }
    md.push('');
    if (missed.length) {
      md.push(
        '## Missed targets: where the time goes and what the next lever is',
        '',
        `Each path a missed target runs through is profiled once (\`node --cpu-prof\` on a gateway of its own, after the run): ${(['S1', 'S2', 'S3'] as const).map((id) => `${id} → ${missed.filter((m) => m.profile === id).length || 'no'} missed target(s)`).join(', ')}.`,
        '',
      );
      for (const m of missed) {
        md.push(
          `- **${m.name}**: ${m.margin}.${m.profile ? ` Where the time goes: the ${m.profile} profile below.` : ''}`,
        );
      }
      md.push('');
      for (const m of missed.filter((x) => x.detail)) md.push(`**${m.name}**`, '', ...m.detail!, '');
      for (const id of ['S1', 'S2', 'S3'] as const) {
        const why = missed.filter((m) => m.profile === id);
        if (!why.length) continue;
        const p = main.profiles.find((x) => x.scenario === id);
        if (p) md.push(...profileSection(p));
        else
          md.push(
            `### Profile of ${id}`,
            '',
            main.options.profile === false
              ? `Not profiled: this run had profiling off (${main.options.quick ? '`--quick` without `--profile`' : '`--no-profile`'}). A full \`npm run bench\` profiles each path a missed target runs through.`
              : 'Profiling failed in this run (see the harness log).',
            '',
          );
        md.push(
          `Next lever for ${id}, by the layer that tops its profile:`,
          '',
          ...LEVERS[id].map((x) => `- ${x}`),
          '',
        );
      }
    }
  } else {
    md.push('No full benchmark run found in bench/results/latest.json: run `npm run bench`.', '');
  }
  if (main?.mix) {
    const m = main.mix;
    md.push(
      '## S7: realistic mix',
      '',
      `Reads checked: ${m.reads} (${m.scriptsReads} scripts-page reads checked against the connection's own last write).`,
      `Response-cache hit rate: ${m.reads ? ((100 * m.hits) / m.reads).toFixed(1) : '0'}%.`,
      `Reads older than the reader's own last mutation: **${m.staleAfterOwnWrite}** (target 0).`,
      '',
    );
  }
  if (soak) md.push(...soakSection(soak));
  else
    md.push(
      '## Soak',
      '',
      `Not run in this report${soakAny ? ` (the last soak, ${soakAny.startedAt}, is more than 12 h from this run)` : ''}: \`npm run bench -- --soak ${SOAK_MIN_S}\` runs S7's mix with the response cache on for 10 minutes and adds its RSS series and slope here.`,
      '',
    );
  md.push(
    '## Regenerate',
    '',
    '```sh',
    'npm run bench                 # full run (~4-5 min on this machine)',
    'npm run bench -- --quick      # smoke run: 2 s per scenario',
    'npm run bench -- --duration 15 --warmup 3',
    "npm run bench -- --soak 600   # 10-minute soak of S7's mix, response cache on: RSS series and slope",
    'npm run bench -- --quick --profile  # smoke run that also profiles the paths of missed targets',
    'npm run bench -- --no-peer    # without the Hive Gateway comparison',
    '```',
    '',
  );
  // A smoke run (or a soak joined to one) and a diagnostic soak never replace the committed report.
  const file = diagnostic
    ? join(RESULTS_DIR, 'REPORT-soak-diagnostic.md')
    : main?.options.quick
      ? join(RESULTS_DIR, 'REPORT-quick.md')
      : join(BENCH_DIR, 'REPORT.md');
  writeFileSync(file, md.join('\n'));
  // CI runs `prettier --check .`, so the committed report is written as prettier formats it (its tables).
  const prettier = join(process.cwd(), 'node_modules', '.bin', 'prettier');
  if (existsSync(prettier)) spawnSync(prettier, ['--write', file], { stdio: 'ignore' });
  return { missed, file };
}

/** What the report says about merging identical in-flight upstream reads (issue 14: report S2 with it off). */
function mergeNote(r: RunResults): string {
  if (!PASS_THROUGH_MERGE)
    return '**Merging of identical in-flight upstream reads:** the gateway does not merge them (src/ has no in-flight deduplication of Barrack reads; only the catalogue cache’s fill on a miss is single-flight per key, which the pass-through path never uses), so S2 and S2-0ms above are already measured without merging.';
  const line = (id: string, base: string) => {
    const off = find(r, id);
    const on = find(r, base);
    return off && on
      ? `${id} ${f0(off.load!.okPerSec)} req/s (${cpuPerAnswer(off)} CPU ms/answer) vs ${base} ${f0(on.load!.okPerSec)} req/s (${cpuPerAnswer(on)})`
      : `${id} not measured`;
  };
  return `**Merging of identical in-flight upstream reads** (\`${PASS_THROUGH_MERGE.env}\`) is on by default; with it off (\`${PASS_THROUGH_MERGE.env}=${PASS_THROUGH_MERGE.off}\`): ${line('S2-nomerge', 'S2')}; ${line('S2-0ms-nomerge', 'S2-0ms')}.`;
}
