import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LoadResult, runLoad } from '../lib/load';
import { type Child, freePort, loadAverage, ProcSampler, startChild, waitReady } from '../lib/proc';
import { ADAPTERS, type BenchAdapter, SCENARIOS, type Scenario } from './shape';

/*
 * `npm run bench:adapters [-- --duration 5] [--warmup 2] [--rounds 3] [--connections 16] [--middlewares N]`
 * Express vs Fastify under the same minimal Nest + Apollo app (bench/adapters/server.ts), both processes up
 * at once, driven alternately (express, fastify, express, fastify …, per scenario and round) with autocannon;
 * every answer is checked (status 200, the path's shape, stored bytes only on the stored path). Reports per
 * scenario the median req/s and server CPU ms per answer (from /proc, the server process only) and the
 * fastify/express ratios, plus the load average around every round: the machine is shared, so compare
 * ratios and CPU per answer from the same run, not absolute req/s. Raw JSON goes to bench/results/.
 */

const ROOT = join(__dirname, '..', '..');
const RESULTS_DIR = join(ROOT, 'bench', 'results');

interface Options {
  durationS: number;
  warmupS: number;
  rounds: number;
  connections: number;
  middlewares: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { durationS: 5, warmupS: 2, rounds: 3, connections: 16, middlewares: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (min: number): number => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < min) throw new Error(`${a} needs a number >= ${min}`);
      return v;
    };
    if (a === '--duration') o.durationS = num(1);
    else if (a === '--warmup') o.warmupS = num(1);
    else if (a === '--rounds') o.rounds = Math.max(3, Math.round(num(3)));
    else if (a === '--connections') o.connections = Math.round(num(1));
    else if (a === '--middlewares') o.middlewares = Math.round(num(0));
    else
      throw new Error(
        `unknown flag ${a} (use --duration S, --warmup S, --rounds N, --connections C, --middlewares N)`,
      );
  }
  return o;
}

interface Window {
  round: number;
  adapter: BenchAdapter;
  scenario: string;
  okPerSec: number;
  errors: number;
  errorSamples: string[];
  p50Ms: number;
  p99Ms: number;
  cpuPercent: number;
  cpuMsPerAnswer: number;
  loadBefore: string;
  loadAfter: string;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function drive(
  origin: string,
  scenario: Scenario,
  connections: number,
  durationS: number,
): Promise<LoadResult> {
  const body = JSON.stringify({ query: scenario.query });
  return runLoad(
    origin,
    () => ({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body,
      verify: (status, text) => {
        if (status !== 200) return { kind: 'error', reason: `status ${status}: ${text.slice(0, 120)}` };
        try {
          const problem = scenario.check(JSON.parse(text) as Parameters<Scenario['check']>[0]);
          return problem ? { kind: 'error', reason: problem } : { kind: 'ok' };
        } catch {
          return { kind: 'error', reason: `not JSON: ${text.slice(0, 120)}` };
        }
      },
    }),
    connections,
    durationS,
  );
}

async function measure(
  child: Child,
  origin: string,
  scenario: Scenario,
  o: Options,
): Promise<Omit<Window, 'round' | 'adapter' | 'scenario' | 'loadBefore' | 'loadAfter'>> {
  const sampler = new ProcSampler(child.pid);
  const t0 = performance.now();
  sampler.start();
  const r = await drive(origin, scenario, o.connections, o.durationS);
  const stats = sampler.stop();
  const seconds = (performance.now() - t0) / 1000;
  const cpuMs = (stats.cpuPercent / 100) * seconds * 1000;
  return {
    okPerSec: r.okPerSec,
    errors: r.errors,
    errorSamples: r.errorSamples,
    p50Ms: r.latencyMs.p50,
    p99Ms: r.latencyMs.p99,
    cpuPercent: stats.cpuPercent,
    cpuMsPerAnswer: r.ok > 0 ? cpuMs / r.ok : NaN,
  };
}

async function startServer(adapter: BenchAdapter, o: Options, logFile: string): Promise<[Child, string]> {
  const port = await freePort();
  const child = startChild(
    adapter,
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'server.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        BENCH_ADAPTER: adapter,
        PORT: String(port),
        BENCH_MIDDLEWARES: String(o.middlewares),
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
      },
    },
    logFile,
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitReady(
    child,
    async () => {
      const res = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      return res.status === 200;
    },
    logFile,
  );
  return [child, origin];
}

const fmt = (n: number, d = 0): string =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })
    : 'n/a';

function report(o: Options, windows: Window[], loadStart: string, loadEnd: string): string {
  const lines: string[] = [];
  lines.push(
    `Load average (1/5/15 min) at start ${loadStart}, at end ${loadEnd}; ${o.rounds} rounds x ${o.durationS} s, ` +
      `${o.connections} connections, ${o.middlewares} pass-through Nest middlewares.`,
    '',
    '| Path | Express req/s | Fastify req/s | F/E req/s | Express CPU ms/answer | Fastify CPU ms/answer | E/F CPU per answer | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const s of SCENARIOS) {
    const of = (a: BenchAdapter) => windows.filter((w) => w.scenario === s.name && w.adapter === a);
    const e = of('express');
    const f = of('fastify');
    // Ratios per round (the two windows of a round are seconds apart, under nearly the same load), then median.
    const rps = median(e.map((w, i) => (f[i]?.okPerSec ?? NaN) / w.okPerSec));
    const cpu = median(e.map((w, i) => w.cpuMsPerAnswer / (f[i]?.cpuMsPerAnswer ?? NaN)));
    const errors = [...e, ...f].reduce((n, w) => n + w.errors, 0);
    lines.push(
      `| ${s.what} | ${fmt(median(e.map((w) => w.okPerSec)))} | ${fmt(median(f.map((w) => w.okPerSec)))} | ` +
        `${fmt(rps, 2)}x | ${fmt(median(e.map((w) => w.cpuMsPerAnswer)), 3)} | ` +
        `${fmt(median(f.map((w) => w.cpuMsPerAnswer)), 3)} | ${fmt(cpu, 2)}x | ${errors} |`,
    );
  }
  lines.push('', 'Ratios are medians of the per-round ratios; > 1.00x means Fastify is ahead.');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const loadStart = loadAverage();
  console.log(`adapter bench: load average ${loadStart}`);
  const servers = new Map<BenchAdapter, [Child, string]>();
  try {
    for (const a of ADAPTERS)
      servers.set(a, await startServer(a, o, join(RESULTS_DIR, `adapters-${a}-${stamp}.log`)));
    for (const s of SCENARIOS)
      for (const a of ADAPTERS) {
        const [child, origin] = servers.get(a) as [Child, string];
        const w = await measure(child, origin, s, { ...o, durationS: o.warmupS });
        if (w.errors)
          throw new Error(`${a} ${s.name} warm-up: ${w.errors} errors, ${w.errorSamples.join('; ')}`);
      }
    const windows: Window[] = [];
    for (let round = 1; round <= o.rounds; round++)
      for (const s of SCENARIOS)
        for (const a of ADAPTERS) {
          const [child, origin] = servers.get(a) as [Child, string];
          const loadBefore = loadAverage();
          const w = await measure(child, origin, s, o);
          windows.push({ round, adapter: a, scenario: s.name, ...w, loadBefore, loadAfter: loadAverage() });
          console.log(
            `round ${round} ${s.name.padEnd(8)} ${a.padEnd(7)} ${fmt(w.okPerSec).padStart(7)} req/s ` +
              `${fmt(w.cpuMsPerAnswer, 3)} CPU ms/answer, p99 ${w.p99Ms} ms, errors ${w.errors}, load ${loadBefore}`,
          );
        }
    const loadEnd = loadAverage();
    const text = report(o, windows, loadStart, loadEnd);
    const file = join(RESULTS_DIR, `adapters-${stamp}.json`);
    writeFileSync(file, JSON.stringify({ options: o, loadStart, loadEnd, windows }, null, 2));
    console.log(`\n${text}\n\nraw: ${file}`);
    if (windows.some((w) => w.errors)) process.exitCode = 1;
  } finally {
    for (const [child] of servers.values()) await child.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
