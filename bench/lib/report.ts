import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TARGETS, UPSTREAM_LATENCY_MS } from '../bench.config';
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
  scenario: string;
  why: string;
  file: string;
  totalMs: number;
  hot: HotFunction[];
  areas: { area: string; percent: number }[];
}

export interface SoakResult {
  seconds: number;
  connections: number;
  load: LoadResult;
  samples: {
    atS: number;
    rssMb: number;
    heapUsedMb: number;
    eventLoopP50Ms: number;
    eventLoopP99Ms: number;
    eventLoopMaxMs: number;
  }[];
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
  status: 'met' | 'missed' | 'not measured';
  margin: string;
  /** Scenario to profile when missed (none when the target is a call count, not CPU). */
  profile?: 'S1' | 'S2';
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

function targets(r: RunResults): TargetRow[] {
  const rows: TargetRow[] = [];
  const s1 = find(r, 'S1');
  const p1 = find(r, 'S1', 'peer');
  if (s1 && p1) {
    const ratio = s1.load!.okPerSec / p1.load!.okPerSec;
    const p99ok = s1.load!.latencyMs.p99 <= p1.load!.latencyMs.p99;
    const met = ratio >= TARGETS.catalogueThroughputVsPeer && p99ok;
    rows.push({
      name: 'S1 warm cache vs peer with response cache',
      goal: `≥ ${TARGETS.catalogueThroughputVsPeer}× throughput and p99 ≤ peer's`,
      measured: `${f2(ratio)}× throughput; p99 ${f1(s1.load!.latencyMs.p99)} ms vs ${f1(p1.load!.latencyMs.p99)} ms`,
      status: met ? 'met' : 'missed',
      margin: met
        ? `${f0((ratio / TARGETS.catalogueThroughputVsPeer - 1) * 100)}% above the throughput goal`
        : [
            ratio < TARGETS.catalogueThroughputVsPeer
              ? `throughput ${f0((1 - ratio / TARGETS.catalogueThroughputVsPeer) * 100)}% short (${f2(ratio)}× of ${TARGETS.catalogueThroughputVsPeer}×)`
              : '',
            p99ok ? '' : `p99 ${f1(s1.load!.latencyMs.p99 - p1.load!.latencyMs.p99)} ms above the peer's`,
          ]
            .filter(Boolean)
            .join('; '),
      profile: 'S1',
    });
  } else {
    rows.push({
      name: 'S1 warm cache vs peer',
      goal: `≥ ${TARGETS.catalogueThroughputVsPeer}×, p99 ≤ peer`,
      measured: '–',
      status: 'not measured',
      margin: r.peer.error ?? 'scenario failed',
      profile: 'S1',
    });
  }
  const s2 = find(r, 'S2');
  const p2 = find(r, 'S2', 'peer');
  if (s2 && p2) {
    const ratio = s2.load!.okPerSec / p2.load!.okPerSec;
    const met = ratio >= TARGETS.passThroughThroughputVsPeer;
    rows.push({
      name: 'S2 pass-through vs peer',
      goal: `≥ ${TARGETS.passThroughThroughputVsPeer}× throughput`,
      measured: `${f2(ratio)}× (${f0(s2.load!.okPerSec)} vs ${f0(p2.load!.okPerSec)} req/s)`,
      status: met ? 'met' : 'missed',
      margin: met
        ? `${f0((ratio / TARGETS.passThroughThroughputVsPeer - 1) * 100)}% above`
        : `${f0((1 - ratio / TARGETS.passThroughThroughputVsPeer) * 100)}% short`,
      profile: 'S2',
    });
  } else {
    rows.push({
      name: 'S2 pass-through vs peer',
      goal: `≥ ${TARGETS.passThroughThroughputVsPeer}×`,
      measured: '–',
      status: 'not measured',
      margin: r.peer.error ?? 'scenario failed',
      profile: 'S2',
    });
  }
  const s3 = find(r, 'S3');
  if (s3) {
    const calls = s3.upstreamPerOp!;
    const met = calls <= TARGETS.consoleUpstreamCallsMax;
    rows.push({
      name: 'S3 upstream calls per console query',
      goal: `≤ ${TARGETS.consoleUpstreamCallsMax}`,
      measured: f2(calls),
      status: met ? 'met' : 'missed',
      margin: met
        ? `${f2(TARGETS.consoleUpstreamCallsMax - calls)} under`
        : `${f2(calls - TARGETS.consoleUpstreamCallsMax)} over`,
      profile: undefined,
    });
  } else {
    rows.push({
      name: 'S3 upstream calls per console query',
      goal: `≤ ${TARGETS.consoleUpstreamCallsMax}`,
      measured: '–',
      status: 'not measured',
      margin: 'scenario failed',
      profile: 'S2',
    });
  }
  const ov = find(r, 'OV-gw');
  const direct = find(r, 'OV-direct', 'simulator');
  if (ov && direct) {
    const d = ov.load!.latencyMs.p50 - direct.load!.latencyMs.p50;
    const met = d < TARGETS.overheadP50MaxMs;
    rows.push({
      name: 'Gateway overhead on a pass-through query (p50)',
      goal: `< ${TARGETS.overheadP50MaxMs} ms above the direct upstream call`,
      measured: `${f2(d)} ms (${f2(ov.load!.latencyMs.p50)} vs ${f2(direct.load!.latencyMs.p50)} ms)`,
      status: met ? 'met' : 'missed',
      margin: met
        ? `${f2(TARGETS.overheadP50MaxMs - d)} ms to spare`
        : `${f2(d - TARGETS.overheadP50MaxMs)} ms over`,
      profile: 'S2',
    });
  } else {
    rows.push({
      name: 'Gateway overhead (p50)',
      goal: `< ${TARGETS.overheadP50MaxMs} ms`,
      measured: '–',
      status: 'not measured',
      margin: 'scenario failed',
      profile: 'S2',
    });
  }
  return rows;
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
      `| ${s.id} | ${s.title} | ${server} | ${l.connections} | ${f0(l.okPerSec)} | ${f2(l.latencyMs.p50)} | ${f2(l.latencyMs.p99)} | ${l.errors} | ${biz} | ${f0(s.cpuPercent)} | ${l.ok + l.business ? f2(((s.cpuPercent ?? 0) * 10 * l.durationS) / (l.ok + l.business)) : '–'} | ${f0(s.peakRssMb)} | ${s.server === 'simulator' ? '–' : f3(s.upstreamPerOp)} | ${f0(s.simCpuPercent)} |`,
    );
  }
  return out;
}

function cpuPerAnswer(s: ScenarioResult | undefined): string {
  const l = s?.load;
  if (!s || !l || !(l.ok + l.business)) return '–';
  return f2(((s.cpuPercent ?? 0) * 10 * l.durationS) / (l.ok + l.business));
}

function ratioLine(a: ScenarioResult | undefined, b: ScenarioResult | undefined, label: string): string {
  if (!a || !b) return `| ${label} | – | – | – | – |`;
  const la = a.load!;
  const lb = b.load!;
  return `| ${label} | ${f0(la.okPerSec)} / ${f0(lb.okPerSec)} = **${f2(la.okPerSec / lb.okPerSec)}×** | ${f2(la.latencyMs.p50)} / ${f2(lb.latencyMs.p50)} | ${f2(la.latencyMs.p99)} / ${f2(lb.latencyMs.p99)} | ${f0(a.cpuPercent)} / ${f0(b.cpuPercent)} % , ${f0(a.peakRssMb)} / ${f0(b.peakRssMb)} MB |`;
}

const REMEDIES: Record<'S1' | 'S2', string[]> = {
  S1: [
    'Cache whole catalogue operations: store the serialised response of the (tenant, operation, variables) triple and answer it without running the GraphQL executor, the way the peer’s response cache does; today every request still runs parse/validate/execute and three cache reads.',
    'Persisted queries (or a parsed-document LRU) to skip parsing and validation of the same document on every request.',
    'graphql-jit for the execution of hot documents; and the Fastify adapter instead of Express for the HTTP layer.',
    'Fewer per-request plugins on the hot path (cost analysis, audit, logging): cache the cost of a document by its hash.',
  ],
  S2: [
    'Per-request fixed costs dominate a one-call query: Express + Nest guards/interceptors + Apollo plugins + cost analysis. The Fastify adapter and caching the parsed/validated document (persisted queries) cut the per-request CPU.',
    'graphql-jit for execution; fewer allocations in the Barrack call path (one undici request, no per-call object copies).',
  ],
};

function profileSection(p: ProfileSummary): string[] {
  const out = [
    `### Profile of ${p.scenario} (${p.why})`,
    '',
    `\`node --cpu-prof\` on the gateway for the scenario; ${f0(p.totalMs)} ms sampled (\`${p.file}\`, open in Chrome DevTools or speedscope).`,
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
  ];
  return out;
}

function soakSection(s: SoakResult): string[] {
  const first = s.samples.find((x) => x.atS >= Math.min(30, s.seconds / 4)) ?? s.samples[0];
  const last = s.samples[s.samples.length - 1];
  const step = Math.max(1, Math.ceil(s.samples.length / 20));
  const half = s.samples.filter((x) => x.atS >= s.seconds / 2);
  const slope =
    half.length > 1
      ? ((half[half.length - 1]!.heapUsedMb - half[0]!.heapUsedMb) /
          Math.max(1, half[half.length - 1]!.atS - half[0]!.atS)) *
        60
      : NaN;
  return [
    `## Soak (${s.seconds} s, ${s.connections} connections, mixed catalogue / pass-through / console / \`__typename\`)`,
    '',
    `${s.load.ok} correct answers (${f0(s.load.okPerSec)}/s), ${s.load.errors} errors, p50 ${f2(s.load.latencyMs.p50)} ms, p99 ${f2(s.load.latencyMs.p99)} ms.`,
    first && last
      ? `RSS ${f0(first.rssMb)} MB after warm-up → ${f0(last.rssMb)} MB at the end; heap used ${f0(first.heapUsedMb)} → ${f0(last.heapUsedMb)} MB; heap slope over the second half ${f2(slope)} MB/min.`
      : 'No samples.',
    '',
    '| t (s) | RSS MB | Heap used MB | Event-loop lag p50 ms | p99 ms | max ms |',
    '|---:|---:|---:|---:|---:|---:|',
    ...s.samples
      .filter((_, i) => i % step === 0 || i === s.samples.length - 1)
      .map(
        (x) =>
          `| ${x.atS} | ${f0(x.rssMb)} | ${f1(x.heapUsedMb)} | ${f2(x.eventLoopP50Ms)} | ${f2(x.eventLoopP99Ms)} | ${f1(x.eventLoopMaxMs)} |`,
      ),
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
export function writeReport(current: RunResults, opts: { dryRun?: boolean } = {}): { missed: TargetRow[] } {
  const main = current.soak ? readJson(join(RESULTS_DIR, 'latest.json')) : current;
  const soak = current.soak ? current.soak : readJson(join(RESULTS_DIR, 'soak-latest.json'))?.soak;
  const rows = main ? targets(main) : [];
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
      `- Ours and the peer alternate, A B A B …, over ${String(o.rounds)} rounds per compared scenario (S1, S2); their rows give the median of the rounds.`,
      `- ${String(o.durationS)} s per throughput scenario, ${String(o.latencyDurationS)} s per one-request-at-a-time latency scenario, after ${String(o.warmupS)} s of warm-up each${o.quick ? ' (**--quick smoke run**: too short for conclusions)' : ''}.`,
      `- Simulator as Barrack with ${UPSTREAM_LATENCY_MS} ms added latency per call (transition delay 0), in its own process; each gateway in its own process (\`node bench/results/.build/src/main.js\`, the harness's own build of src/; NODE_ENV=production, LOG_LEVEL=warn, Redis); the load generator (autocannon) in a third.`,
      '',
      '## Targets (issue 9)',
      '',
      '| Target | Goal | Measured | Status | By how much |',
      '|---|---|---|---|---|',
      ...rows.map((t) => `| ${t.name} | ${t.goal} | ${t.measured} | **${t.status}** | ${t.margin} |`),
      '',
      '## Scenarios',
      '',
      '“Correct req/s” counts only responses with status 200, no GraphQL `errors` and the expected shape (checked on every response); everything else is in “Errors”. p50/p99 from autocannon (whole ms) at saturating load; from an exact per-request timer in the one-connection rows (OV-*, I7-*: one request at a time, nothing queues). Server CPU is user+system time of the server process tree over wall time (200% = both cores); CPU ms / answer divides that CPU time by the correct (and business) answers. Upstream calls/op = simulator requests counted while 20 requests of the scenario are sent one at a time right after its load (exact; a count during the load would include requests still in flight when it stops).',
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
            )}; one process (\`--fork 1\`), supergraph composed at run time from \`contract/barrack.openapi.yaml\` (peer-only copy: ${main.peer.patches.length ? main.peer.patches.join('; ') : 'no patch needed'}). Scenario 1 with its Redis-backed response cache (one global session, TTL 5 min); scenario 2 plain. The peer does no per-tenant authentication, rate limiting or cost analysis: it forwards one fixed Barrack key.`,
      '',
      ...(main.peer.restarts?.length
        ? [`Peer restarted during the run: ${main.peer.restarts.join('; ')}`, '']
        : []),
      '| Scenario | Throughput ours / peer | p50 ms ours / peer | p99 ms ours / peer | CPU %, RSS ours / peer |',
      '|---|---|---|---|---|',
      ratioLine(s('S1'), s('S1', 'peer'), 'S1 catalogue (warm cache / response cache)'),
      ratioLine(s('S2'), s('S2', 'peer'), 'S2 pass-through'),
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
      '- **S3** selects `Instance.billing` (rate and accrued cost carried by the instance itself); `billingHistory` per instance would be one call per instance by design.',
      '- **Ceilings** (S6a, S6b) show what the machine can do: the simulator is plain `node:http`, `__typename` is the gateway with no resolver work.',
      '',
    );
    for (const sc of main.scenarios.filter((x) => x.load?.errorSamples.length || x.failed)) {
      md.push(`- Errors in ${sc.id} (${sc.server}): ${sc.failed ?? sc.load!.errorSamples.join(' | ')}`);
    }
    md.push('');
    if (missed.length) {
      md.push('## Missed targets: where the time goes and what would change it', '');
      const printed = new Set<string>();
      for (const m of missed) {
        md.push(`**${m.name}**: ${m.margin}.`, '');
        if (!m.profile) {
          const by = find(main, 'S3')?.upstreamByOperation ?? {};
          md.push(
            'Barrack calls per console query, by operation:',
            '',
            ...Object.entries(by).map(([op, n]) => `- \`${op}\`: ${f2(n)}`),
            '',
            'What would change it: one call per resource kind per request, whatever the page size: list instances with Barrack’s largest page size (100) instead of several default-size pages, and load snapshots, volumes and firewalls of the whole page with one account listing each (DataLoader per request).',
            '',
          );
          continue;
        }
        const p = main.profiles.find((x) => x.scenario === m.profile);
        if (p && printed.has(p.scenario)) md.push(`Profile: see the profile of ${p.scenario} above.`, '');
        else if (p) md.push(...profileSection(p));
        if (p) printed.add(p.scenario);
        md.push('What would change it:', '', ...REMEDIES[m.profile].map((x) => `- ${x}`), '');
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
  else md.push('## Soak', '', 'Not run yet: `npm run bench -- --soak 600` (seconds).', '');
  md.push(
    '## Regenerate',
    '',
    '```sh',
    'npm run bench                 # full run (~4-5 min on this machine)',
    'npm run bench -- --quick      # smoke run: 2 s per scenario',
    'npm run bench -- --duration 15 --warmup 3',
    'npm run bench -- --soak 600   # 10-minute soak: RSS and event-loop lag over time',
    'npm run bench -- --no-peer    # without the Hive Gateway comparison',
    '```',
    '',
  );
  // A smoke run never replaces the committed report.
  writeFileSync(
    main?.options.quick ? join(RESULTS_DIR, 'REPORT-quick.md') : join(BENCH_DIR, 'REPORT.md'),
    md.join('\n'),
  );
  return { missed };
}
