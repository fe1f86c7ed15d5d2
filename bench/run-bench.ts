import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import Redis from 'ioredis';
import * as cfg from './bench.config';
import { startOtlpSink } from './lib/otlp-sink';
import { summariseCpuProfile, selfTimeByArea } from './lib/cpu-profile';
import { runLatency } from './lib/latency';
import {
  gqlPost,
  jsonVerify,
  runLoad,
  type LoadResult,
  type OneRequest,
  type RequestFactory,
} from './lib/load';
import {
  composeSupergraph,
  ensurePeerInstalled,
  peerArgs,
  peerContractCopy,
  peerInstalled,
  peerVersions,
  PEER_DIR,
} from './lib/peer';
import {
  freePort,
  loadAverage,
  loadAverage1,
  ProcSampler,
  startChild,
  waitForQuiet,
  waitReady,
  type Child,
} from './lib/proc';
import {
  medianScenario,
  writeReport,
  type ProfileSummary,
  type RunResults,
  type ScenarioResult,
  type SoakResult,
} from './lib/report';
import { buildWorld, simCallsSinceReset, simCounters, simResetLog, type World } from './lib/world';

/*
 * `npm run bench [-- --quick] [--duration 8] [--warmup 2] [--rounds 3] [--max-load 1.5] [--quiet-wait 120]
 *                [--soak 600 [--soak-connections N] [--soak-env KEY=VALUE]… [--soak-node-arg ARG]…]
 *                [--no-peer] [--no-profile | --profile]`
 * Starts the simulator, our gateway (three configurations, one at a time) and the peer in separate processes,
 * drives each scenario with a verified load, and writes bench/REPORT.md plus raw JSON in bench/results/.
 *
 * Honesty rules (issue 14): the peer is installed when missing (bench/peer, `npm ci` from its lock file) and a
 * run without it fails unless `--no-peer`; before each scenario the harness waits (at most --quiet-wait s) for
 * a 1-min load average below --max-load and records the load before and after; a report with any scenario
 * started above it says so at its top; ours and the peer alternate (A B A B …, --rounds >= 3) and the report
 * gives medians. `--quick` (smoke) writes bench/results/REPORT-quick.md, never the committed bench/REPORT.md.
 */

const ROOT = join(__dirname, '..');
/** Requests sent one at a time to count upstream calls per operation. */
const UPSTREAM_SAMPLE = 20;
/** Our gateway serves /metrics on its main port only behind METRICS_TOKEN; the soak scrapes it that way. */
const BENCH_METRICS_TOKEN = `bench-metrics-${process.pid}-${Date.now()}`;
const RESULTS_DIR = join(ROOT, 'bench', 'results');

interface Options {
  durationS: number;
  warmupS: number;
  latencyDurationS: number;
  quick: boolean;
  soakS: number;
  /** Soak connections (default MIX_TENANTS, one tenant each). */
  soakConnections: number;
  /** Extra env of the soak's gateway, e.g. RESPONSE_CACHE_ENABLED=false (a diagnostic soak). */
  soakEnv: Record<string, string>;
  /** Extra node flags of the soak's gateway, e.g. --max-semi-space-size=64 (a diagnostic soak). */
  soakNodeArgs: string[];
  peer: boolean;
  profile: boolean;
  /** Alternating rounds of ours vs the peer per compared scenario (>= 3). */
  rounds: number;
  /** 1-min load average a scenario should start below. */
  maxLoad: number;
  /** How long to wait for it before measuring anyway. */
  quietWaitS: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    durationS: Number(process.env.BENCH_DURATION_S ?? 8),
    warmupS: Number(process.env.BENCH_WARMUP_S ?? 2),
    latencyDurationS: 0,
    quick: false,
    soakS: 0,
    soakConnections: cfg.MIX_TENANTS,
    soakEnv: {},
    soakNodeArgs: [],
    peer: process.env.BENCH_PEER !== 'off',
    profile: process.env.BENCH_PROFILE !== 'off',
    rounds: 3,
    maxLoad: 1.5,
    quietWaitS: 120,
  };
  let quietWaitGiven = false;
  let profileGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${a} needs a positive number`);
      return v;
    };
    if (a === '--quick') o.quick = true;
    else if (a === '--duration') o.durationS = num();
    else if (a === '--warmup') o.warmupS = num();
    else if (a === '--soak') o.soakS = num();
    else if (a === '--soak-connections') o.soakConnections = Math.round(num());
    else if (a === '--soak-env') {
      const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(argv[++i] ?? '');
      if (!m) throw new Error('--soak-env needs KEY=VALUE');
      o.soakEnv[m[1]!] = m[2]!;
    } else if (a === '--soak-node-arg') {
      const v = argv[++i] ?? '';
      if (!v.startsWith('--')) throw new Error('--soak-node-arg needs a node flag (--…)');
      o.soakNodeArgs.push(v);
    } else if (a === '--no-peer') o.peer = false;
    else if (a === '--no-profile') o.profile = false;
    else if (a === '--profile') {
      o.profile = true;
      profileGiven = true;
    } else if (a === '--rounds') o.rounds = Math.max(3, Math.round(num()));
    else if (a === '--max-load') o.maxLoad = num();
    else if (a === '--quiet-wait') {
      o.quietWaitS = num();
      quietWaitGiven = true;
    } else
      throw new Error(
        `unknown flag ${a} (use --quick, --duration S, --warmup S, --rounds N, --max-load L, --quiet-wait S, --soak S, --soak-connections N, --soak-env KEY=VALUE, --soak-node-arg ARG, --no-peer, --no-profile, --profile)`,
      );
  }
  if (o.quick) {
    o.durationS = Math.min(o.durationS, 2);
    o.warmupS = Math.min(o.warmupS, 1);
    // A smoke run checks the harness, not the figures: do not wait minutes for a quiet machine.
    if (!quietWaitGiven) o.quietWaitS = 5;
    // Profiles of missed targets are off in a smoke run unless asked for (`--quick --profile`).
    if (!profileGiven) o.profile = false;
  }
  o.latencyDurationS = Math.max(2, Math.round(o.durationS * 0.75));
  return o;
}

function log(msg: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

/** Newest mtime of the .ts files under `dir`. */
function newestTs(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestTs(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts'))
      newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** The harness's own build of the gateway and simulator (never dist/, which other builds wipe and rewrite). */
const BUILD_DIR = join(RESULTS_DIR, '.build');

/**
 * Compiles src/ and simulator/ with tsconfig.build.json into BUILD_DIR when a source is newer than the last
 * build. tsc emits even when a file being edited elsewhere has a type error: that is reported, not fatal.
 */
function ensureBuilt(): void {
  const marker = join(BUILD_DIR, '.built');
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  const source = Math.max(newestTs(join(ROOT, 'src')), newestTs(join(ROOT, 'simulator')));
  if (built >= source && existsSync(join(BUILD_DIR, 'src/main.js'))) return;
  log(`build is stale: tsc -p tsconfig.build.json --outDir ${BUILD_DIR.slice(ROOT.length + 1)}`);
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', BUILD_DIR],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (!existsSync(join(BUILD_DIR, 'src/main.js')) || !existsSync(join(BUILD_DIR, 'simulator/main.js'))) {
    throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
  }
  if (r.status !== 0)
    log(`tsc reported type errors (output emitted anyway):\n${r.stdout.split('\n').slice(0, 10).join('\n')}`);
  writeFileSync(marker, new Date(started).toISOString());
  // The marker's mtime is the start of the build, so an edit made during the build triggers the next one.
  utimesSync(marker, new Date(started), new Date(started));
}

/** The run's Redis: REDIS_URL, else 127.0.0.1:6379, else a private redis-server on a free port. */
async function ensureRedis(dir: string): Promise<{ url: string; child?: Child }> {
  const ping = async (url: string): Promise<boolean> => {
    const r = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      retryStrategy: () => null,
    });
    r.on('error', () => undefined);
    try {
      await r.connect();
      return (await r.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      r.disconnect();
    }
  };
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (await ping(url)) return { url };
  const port = await freePort();
  const logFile = join(dir, 'redis.log');
  const child = startChild(
    'redis',
    'redis-server',
    ['--port', String(port), '--save', '', '--appendonly', 'no'],
    {},
    logFile,
  );
  const local = `redis://127.0.0.1:${port}`;
  await waitReady(child, () => ping(local), logFile, 10_000);
  log(`no Redis at ${url}: started a private redis-server on ${port}`);
  return { url: local, child };
}

async function httpOk(url: string, init?: RequestInit): Promise<boolean> {
  const r = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
  await r.arrayBuffer();
  return r.ok;
}

const typenameProbe = (origin: string, apiKey?: string) => () =>
  httpOk(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
    body: JSON.stringify({ query: cfg.TYPENAME_QUERY }),
  });

interface Server {
  name: string;
  origin: string;
  child: Child;
}

class Bench {
  readonly stamp = new Date().toISOString().replace(/[:.]/g, '-');
  readonly dir = join(RESULTS_DIR, this.stamp);
  readonly children: Child[] = [];
  redisUrl = '';
  sim!: Server;
  simFast!: Server;
  world!: World;
  readonly scenarios: ScenarioResult[] = [];

  constructor(readonly o: Options) {
    mkdirSync(this.dir, { recursive: true });
  }

  private cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
    return { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
  }

  async startSimulator(name: string, latencyMs: number): Promise<Server> {
    const port = await freePort();
    const logFile = join(this.dir, `${name}.log`);
    const args = [
      join(BUILD_DIR, 'simulator/main.js'),
      '--port',
      String(port),
      '--latency',
      `${latencyMs}ms`,
      '--delay',
      '0ms',
    ];
    const child = startChild(name, process.execPath, args, { cwd: ROOT, env: this.cleanEnv({}) }, logFile);
    this.children.push(child);
    const origin = `http://127.0.0.1:${port}`;
    await waitReady(child, () => httpOk(`${origin}/__sim/health`), logFile);
    return { name, origin, child };
  }

  async startGateway(
    name: string,
    env: Record<string, string> = {},
    nodeArgs: string[] = [],
  ): Promise<Server> {
    const port = await freePort();
    const logFile = join(this.dir, `${name}.log`);
    const child = startChild(
      name,
      process.execPath,
      [...nodeArgs, join(BUILD_DIR, 'src/main.js')],
      {
        cwd: ROOT,
        env: this.cleanEnv({
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: String(port),
          LOG_LEVEL: 'warn',
          BARRACK_BASE_URL: `${this.sim.origin}/api`,
          TENANTS_FILE: this.world.tenantsFile,
          REDIS_URL: this.redisUrl,
          REDIS_KEY_PREFIX: `bench:${this.stamp}:${name}:`,
          METRICS_PORT: 'off',
          METRICS_TOKEN: BENCH_METRICS_TOKEN,
          ...env,
        }),
      },
      logFile,
    );
    this.children.push(child);
    const origin = `http://127.0.0.1:${port}`;
    await waitReady(child, typenameProbe(origin, this.world.mainApiKey), logFile);
    return { name, origin, child };
  }

  async stop(s: Server): Promise<void> {
    await s.child.stop();
  }

  /** Changes the latency the run's simulator (this.sim) adds to every Barrack call; the world stays. */
  async setSimLatency(ms: number): Promise<void> {
    const res = await fetch(`${this.sim.origin}/__sim/latency`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms }),
    });
    const body = (await res.json()) as { ms?: number };
    if (!res.ok || body.ms !== ms) throw new Error(`simulator refused latency ${ms} ms: ${res.status}`);
    log(`simulator latency now ${ms} ms`);
  }

  /** Runs `fn` with the simulator at `ms` added latency, then puts it back to UPSTREAM_LATENCY_MS. */
  async atSimLatency<T>(ms: number, fn: () => Promise<T>): Promise<T> {
    if (ms === cfg.UPSTREAM_LATENCY_MS) return fn();
    await this.setSimLatency(ms);
    try {
      return await fn();
    } finally {
      await this.setSimLatency(cfg.UPSTREAM_LATENCY_MS);
    }
  }

  /** Warm up, then measure one scenario: verified load, CPU and RSS of the server, upstream calls per answer. */
  async measure(
    meta: Omit<
      ScenarioResult,
      | 'load'
      | 'cpuPercent'
      | 'peakRssMb'
      | 'upstreamCalls'
      | 'upstreamPerOp'
      | 'upstreamByOperation'
      | 'simCpuPercent'
      | 'cpuMsPerAnswer'
    >,
    server: Server,
    factory: RequestFactory,
    connections: number,
    mode: 'throughput' | 'latency' = 'throughput',
    record = true,
  ): Promise<ScenarioResult> {
    const run = mode === 'latency' ? runLatency : runLoad;
    const duration = mode === 'latency' ? this.o.latencyDurationS : this.o.durationS;
    const quiet = await waitForQuiet(this.o.maxLoad, this.o.quietWaitS, log);
    log(
      `${meta.id} ${meta.title} on ${server.name} (${connections} connections, ${duration} s, load ${quiet.load.toFixed(2)})`,
    );
    let result: ScenarioResult;
    try {
      await this.prime(server, factory);
      // One-at-a-time rows first take the same request at saturating load: at 1 connection a 2 s warm-up is
      // ~80 requests (20 ms upstream), too few for V8 to optimise the request path, so the figure would be the
      // interpreter's cost, not the steady-state cost a server under traffic has. Both sides of a delta (OV-gw and
      // OV-direct, I7-on and I7-off) get the same treatment; the one-connection warm-up below then settles.
      if (mode === 'latency')
        await runLoad(server.origin, factory, cfg.LOAD.saturate.connections, this.o.warmupS);
      // A cold process (JIT, lazy schema load in the peer, cold cache) may answer nothing within a short
      // warm-up on a loaded machine: warm up again rather than measure a cold start.
      for (let attempt = 1; ; attempt++) {
        const warm = await run(
          server.origin,
          factory,
          connections,
          Math.max(this.o.warmupS, attempt > 1 ? 3 : 0),
        );
        if (warm.ok + warm.business > 0) break;
        this.assertAlive(server);
        if (attempt === 3) {
          throw new Error(
            `warm-up had no correct answer: ${warm.errorSamples.join(' | ') || 'no response in time'}`,
          );
        }
      }
      const sampler = new ProcSampler(server.child.pid);
      const simSampler = new ProcSampler(this.sim.child.pid);
      sampler.start();
      simSampler.start();
      const load: LoadResult = await run(server.origin, factory, connections, duration);
      this.assertAlive(server);
      const stats = sampler.stop();
      const simStats = simSampler.stop();
      const calls =
        server === this.simFast || server === this.sim
          ? undefined
          : await this.upstreamCalls(server, factory);
      result = {
        ...meta,
        load,
        cpuPercent: stats.cpuPercent,
        cpuMsPerAnswer:
          load.ok + load.business
            ? (stats.cpuPercent * 10 * load.durationS) / (load.ok + load.business)
            : undefined,
        peakRssMb: stats.peakRssMb,
        simCpuPercent: simStats.cpuPercent,
        upstreamCalls: calls?.calls,
        upstreamPerOp: calls?.perOp,
        upstreamByOperation: calls?.byOperation,
        loadBefore: quiet.load,
        loadAfter: loadAverage1(),
      };
      const l = load.latencyMs;
      log(
        `  ${load.okPerSec.toFixed(0)} ok/s  p50 ${l.p50.toFixed(2)} ms  p99 ${l.p99.toFixed(2)} ms  errors ${load.errors}` +
          `${load.business ? `  business ${load.business}` : ''}  cpu ${stats.cpuPercent.toFixed(0)}%  rss ${stats.peakRssMb.toFixed(0)} MB` +
          `  upstream/op ${(result.upstreamPerOp ?? 0).toFixed(3)}`,
      );
      if (load.errorSamples.length) log(`  error samples: ${load.errorSamples.join(' | ')}`);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log(`  FAILED: ${message}`);
      result = { ...meta, failed: message, loadBefore: quiet.load, loadAfter: loadAverage1() };
    }
    if (record) this.scenarios.push(result);
    return result;
  }

  /**
   * Upstream calls per operation, exactly: once the load's abandoned requests have drained, the simulator's
   * counter is reset and UPSTREAM_SAMPLE requests are sent one at a time. (Counting during the load would
   * also count requests still in flight when autocannon stops.)
   */
  private async upstreamCalls(
    server: Server,
    factory: RequestFactory,
  ): Promise<{ calls: number; perOp: number; byOperation: Record<string, number> }> {
    let last = -1;
    for (let i = 0; i < 50; i++) {
      const now = await simCallsSinceReset(this.sim.origin);
      if (now === last) break;
      last = now;
      await delay(200);
    }
    await simResetLog(this.sim.origin);
    let sent = 0;
    for (let i = 0; i < UPSTREAM_SAMPLE; i++) {
      const r = factory(0, 1_000_000 + i, 0);
      const res = await fetch(`${server.origin}${r.path}`, {
        method: r.method,
        headers: { ...r.headers },
        body: r.body,
      });
      r.verify(res.status, await res.text());
      sent++;
    }
    const counters = await simCounters(this.sim.origin);
    const byOperation = Object.fromEntries(
      Object.entries(counters.byOperation).map(([op, n]) => [op, n / sent]),
    );
    return { calls: counters.total, perOp: counters.total / sent, byOperation };
  }

  /** One request at a time until one is answered correctly (up to 60 s): absorbs start-up work. */
  private async prime(server: Server, factory: RequestFactory): Promise<void> {
    const deadline = Date.now() + 60_000;
    let last = '';
    while (Date.now() < deadline) {
      this.assertAlive(server);
      const r = factory(0, 0, 0);
      try {
        const res = await fetch(`${server.origin}${r.path}`, {
          method: r.method,
          headers: { ...r.headers },
          body: r.body,
          signal: AbortSignal.timeout(30_000),
        });
        const v = r.verify(res.status, await res.text());
        if (v.kind !== 'error') return;
        last = v.reason;
      } catch (e) {
        last = e instanceof Error ? e.message : String(e);
      }
      await delay(250);
    }
    throw new Error(`no correct answer to a single request within 60 s: ${last}`);
  }

  private assertAlive(server: Server): void {
    const p = server.child.proc;
    if (p.exitCode !== null || p.signalCode !== null) {
      const logFile = join(this.dir, `${server.name}.log`);
      const tail = existsSync(logFile)
        ? readFileSync(logFile, 'utf8')
            .split('\n')
            .filter((l) => !/^\s+at /.test(l))
            .slice(-8)
            .join(' / ')
        : '';
      throw new Error(
        `${server.name} exited (${p.exitCode ?? p.signalCode}) during the scenario: ${tail.slice(0, 600)}`,
      );
    }
  }

  async closeAll(): Promise<void> {
    for (const c of [...this.children].reverse()) await c.stop('SIGTERM', 5_000).catch(() => undefined);
  }
}

// ------------------------------------------------------------------------------------------- requests

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const constant =
  (r: OneRequest): RequestFactory =>
  () =>
    r;

function factories(w: World) {
  const main = bearer(w.mainApiKey);
  const instanceReqs = w.mainInstanceIds.map((id) =>
    gqlPost(cfg.INSTANCE_QUERY, { id }, main, cfg.checkInstance),
  );
  const tenantReqs = w.tenantApiKeys.map((k) =>
    gqlPost(cfg.CATALOGUE_QUERY, {}, bearer(k), cfg.checkCatalogue),
  );
  const runId = Date.now().toString(36);
  const mutationSteps = new Map<number, number>();
  let mutationKeys = 0;
  const mixStats = newMixStats();
  return {
    /** S7's counts (reads, hits, stale-after-own-write), filled by `mix` as its answers are verified. */
    mixStats,
    mix: mixFactory(w, runId, mixStats),
    catalogue: constant(gqlPost(cfg.CATALOGUE_QUERY, {}, main, cfg.checkCatalogue)),
    regions: constant(gqlPost(cfg.REGIONS_QUERY, {}, main, cfg.checkRegions)),
    instance: ((_slot, seq) => instanceReqs[seq % instanceReqs.length]!) as RequestFactory,
    console: constant(
      gqlPost(cfg.CONSOLE_QUERY, { pageSize: cfg.CONSOLE_INSTANCES }, main, cfg.checkConsole),
    ),
    typename: constant(gqlPost(cfg.TYPENAME_QUERY, {}, main, cfg.checkTypename)),
    tenants: ((_slot, seq) => tenantReqs[seq % tenantReqs.length]!) as RequestFactory,
    mutations: ((slot, seq) => {
      // The cycle position lives here, not in the load run, so a new run continues where the last one stopped.
      const step = mutationSteps.get(slot) ?? 0;
      mutationSteps.set(slot, step + 1);
      const name = cfg.MUTATION_CYCLE[step % cfg.MUTATION_CYCLE.length]!;
      const id = w.mutationInstanceIds[slot % w.mutationInstanceIds.length]!;
      return gqlPost(
        cfg.MUTATIONS[name],
        cfg.mutationVariables(name, id, seq),
        { ...bearer(w.mutationApiKey), 'idempotency-key': `bench-${runId}-${mutationKeys++}` },
        cfg.checkMutation(name),
        cfg.MUTATION_BUSINESS_CODES,
      );
    }) as RequestFactory,
    peerCatalogue: constant(gqlPost(cfg.PEER_CATALOGUE_QUERY, {}, {}, cfg.checkPeerCatalogue)),
    peerInstance: ((_slot, seq) => {
      const id = w.mainInstanceIds[seq % w.mainInstanceIds.length]!;
      return gqlPost(cfg.PEER_INSTANCE_QUERY, { id }, {}, cfg.checkPeerInstance);
    }) as RequestFactory,
    /** The simulator's REST regions (issue 3's and issue 9's ceiling). */
    simRegions: constant({
      method: 'GET',
      path: '/api/regions/',
      headers: bearer('sim-demo-key'),
      verify: jsonVerify((b) =>
        Array.isArray(b?.data?.regions) && b.data.regions.length ? undefined : 'no regions',
      ),
    }),
    /** The upstream call a pass-through query makes, sent directly (the overhead baseline). */
    simInstance: ((_slot, seq) => {
      const id = w.mainInstanceIds[seq % w.mainInstanceIds.length]!;
      return {
        method: 'GET',
        path: `/api/instances/${id}/`,
        headers: bearer(w.mainBarrackKey),
        verify: jsonVerify((b) => (b?.data?.instance_id === id ? undefined : 'wrong instance')),
      };
    }) as RequestFactory,
  };
}

/** What S7 counts beside the load result: reads, response-cache hits, reads that missed their own last write. */
type MixStats = NonNullable<RunResults['mix']>;
const newMixStats = (): MixStats => ({ scriptsReads: 0, hits: 0, staleAfterOwnWrite: 0, reads: 0 });

/**
 * S7's request factory (and the soak's): one tenant per connection (slot), its own script created and deleted
 * in turn; counts into `mixStats`.
 */
function mixFactory(w: World, runId: string, mixStats: MixStats): RequestFactory {
  const tenants = w.tenantApiKeys.slice(0, cfg.MIX_TENANTS);
  const own = new Map<number, { name: string; id?: string; present: boolean }>();
  const hit = (text: string) => /"responseCache":\{[^}]*"hit":true/.test(text);
  let phase = 0;
  return (slot, seq, step) => {
    // Each load run (prime, warm-up, measurement, the upstream-call sample) starts at seq 0. A request still in
    // flight when autocannon stopped the previous run is never verified, yet a create may still land in Barrack
    // after the stop; so each run names its scripts afresh and starts from "none of mine exists".
    if (seq === 0) {
      phase++;
      own.clear();
    }
    const key = tenants[slot % tenants.length] ?? w.mainApiKey;
    const headers = bearer(key);
    let mine = own.get(slot);
    if (!mine) own.set(slot, (mine = { name: `s7-${runId}-${phase}-${slot}`, present: false }));
    const state = mine;
    const kind = cfg.mixKind(step);
    if (kind === 'catalogue') {
      const r = gqlPost(cfg.CATALOGUE_QUERY, {}, headers, cfg.checkCatalogue);
      return {
        ...r,
        verify: (status, text) => {
          mixStats.reads++;
          if (hit(text)) mixStats.hits++;
          return r.verify(status, text);
        },
      };
    }
    if (kind === 'instance') {
      // Pass-through reads go to the main tenant's VMs (the mix tenants have none of their own).
      const id = w.mainInstanceIds[seq % w.mainInstanceIds.length]!;
      return gqlPost(cfg.INSTANCE_QUERY, { id }, bearer(w.mainApiKey), cfg.checkInstance);
    }
    if (kind === 'scripts') {
      const r = gqlPost(cfg.SCRIPTS_QUERY, {}, headers, (b) =>
        Array.isArray((b.data?.scripts as { nodes?: unknown } | undefined)?.nodes) ? undefined : 'no scripts',
      );
      return {
        ...r,
        verify: (status, text) => {
          const v = r.verify(status, text);
          if (v.kind !== 'ok') return v;
          mixStats.reads++;
          mixStats.scriptsReads++;
          if (hit(text)) mixStats.hits++;
          const listed = text.includes(`"name":"${state.name}"`);
          if (listed !== state.present) {
            mixStats.staleAfterOwnWrite++;
            return { kind: 'business', code: 'STALE_AFTER_OWN_WRITE' };
          }
          return v;
        },
      };
    }
    // A mutation that invalidates: create the connection's script, or delete it.
    if (!state.present || !state.id) {
      const r = gqlPost(
        cfg.CREATE_SCRIPT,
        { input: { name: state.name, content: '#!/bin/sh\necho s7\n' } },
        { ...headers, 'idempotency-key': `s7-${runId}-${seq}` },
        (b) => (b.data?.createScript ? undefined : 'no payload'),
      );
      return {
        ...r,
        verify: (status, text) => {
          const v = r.verify(status, text);
          const m = /"script":\{"id":"([^"]+)"/.exec(text);
          if (v.kind === 'ok' && m) {
            state.id = m[1];
            state.present = true;
          }
          return v;
        },
      };
    }
    const r = gqlPost(cfg.DELETE_SCRIPT, { input: { id: state.id } }, headers, (b) =>
      b.data?.deleteScript ? undefined : 'no payload',
    );
    return {
      ...r,
      verify: (status, text) => {
        const v = r.verify(status, text);
        if (v.kind === 'ok' && text.includes('"userErrors":[]')) {
          state.present = false;
          state.id = undefined;
        }
        return v;
      },
    };
  };
}

// ------------------------------------------------------------------------------------------- phases

async function runScenarios(b: Bench, results: RunResults): Promise<void> {
  const f = factories(b.world);
  const L = cfg.LOAD;

  // Our gateway as configured by default: Redis cache on, rate limiter on.
  let gw = await b.startGateway('ours');
  // S1 and S2 are the comparison with the peer: measured first, alternating with it.
  const startPeer = b.o.peer ? preparePeer(b, results) : null;
  if (b.o.peer && !startPeer) throw new Error(`peer unavailable: ${results.peer.error ?? 'unknown'}`);
  await compare(
    b,
    results,
    {
      id: 'S1',
      title: 'Warm-cache catalogue query (regions, GPU stock, pricing)',
      peerTitle: 'Catalogue query, peer with Redis response cache',
    },
    { server: gw, factory: f.catalogue },
    startPeer && { start: startPeer, name: 'peer-cache', cache: true, factory: f.peerCatalogue },
    L.saturate.connections,
  );
  await compare(
    b,
    results,
    {
      id: 'S2',
      title: 'Pass-through query (instance by id, never cached)',
      peerTitle: 'Pass-through query (instance by id), peer plain',
    },
    { server: gw, factory: f.instance },
    startPeer && { start: startPeer, name: 'peer-plain', cache: false, factory: f.peerInstance },
    L.passThrough.connections,
  );
  // S2 at 0 ms upstream: with no wait upstream, throughput is the gateway's own work per answer. The run's
  // simulator is switched to 0 ms for it (S6a uses a separate 0 ms simulator, but the instances live here).
  await b.atSimLatency(0, () =>
    compare(
      b,
      results,
      {
        id: 'S2-0ms',
        title: 'Pass-through query (instance by id), 0 ms upstream latency',
        peerTitle: 'Pass-through query (instance by id), 0 ms upstream latency, peer plain',
      },
      { server: gw, factory: f.instance },
      startPeer && { start: startPeer, name: 'peer-plain-0ms', cache: false, factory: f.peerInstance },
      L.saturate.connections,
    ),
  );
  await b.measure(
    {
      id: 'S3',
      title: `Console page (${cfg.CONSOLE_INSTANCES} instances + snapshots, volumes, firewalls, billing)`,
      server: 'ours',
    },
    gw,
    f.console,
    L.console.connections,
  );
  await b.measure(
    {
      id: 'S4',
      title: 'Mutation mix (add rule → stop → start per VM), unique Idempotency-Key each',
      server: 'ours',
    },
    gw,
    f.mutations,
    L.mutations.connections,
  );
  // S5's target is a ratio to S1, so it is taken side by side: S5 and S1 alternate on the same gateway for
  // `rounds` rounds (medians), both after S2-S4, instead of S5 once against S1's rounds from the run's start.
  const s5Rounds: ScenarioResult[] = [];
  const s1Rounds: ScenarioResult[] = [];
  for (let round = 1; round <= b.o.rounds; round++) {
    log(`S5 round ${round}/${b.o.rounds}`);
    s5Rounds.push(
      await b.measure(
        {
          id: 'S5',
          title: `Catalogue query, ${cfg.TENANT_COUNT} tenants each with its own API key`,
          server: 'ours',
        },
        gw,
        f.tenants,
        L.saturate.connections,
        'throughput',
        false,
      ),
    );
    s1Rounds.push(
      await b.measure(
        {
          id: 'S1-S5',
          title: "S1's catalogue query again, alternating with S5 (S5's ratio)",
          server: 'ours',
        },
        gw,
        f.catalogue,
        L.saturate.connections,
        'throughput',
        false,
      ),
    );
  }
  b.scenarios.push(medianScenario(s5Rounds), medianScenario(s1Rounds));
  await b.measure(
    {
      id: 'S7',
      title: `Realistic mix, ${cfg.MIX_TENANTS} tenants: 80% console/catalogue reads, 15% pass-through, 5% invalidating mutations`,
      server: 'ours',
    },
    gw,
    f.mix,
    cfg.MIX_TENANTS,
  );
  results.mix = { ...f.mixStats };
  await b.measure(
    { id: 'S6b', title: 'Ceiling: `{ __typename }` through the gateway', server: 'ours' },
    gw,
    f.typename,
    L.saturate.connections,
  );
  await b.measure(
    { id: 'I3-gw', title: 'Regions query through the gateway (warm cache)', server: 'ours' },
    gw,
    f.regions,
    L.saturate.connections,
  );
  await b.measure(
    { id: 'OV-gw', title: 'Pass-through query, one at a time (overhead figure)', server: 'ours' },
    gw,
    f.instance,
    L.latency.connections,
    'latency',
  );
  await b.measure(
    { id: 'I7-on', title: '`{ __typename }`, one at a time, rate limiter ON', server: 'ours' },
    gw,
    f.typename,
    L.latency.connections,
    'latency',
  );
  await b.measure(
    { id: 'I7-on-pt', title: 'Pass-through, one at a time, rate limiter ON', server: 'ours' },
    gw,
    f.instance,
    L.latency.connections,
    'latency',
  );
  await b.stop(gw);

  gw = await b.startGateway('ours-nocache', { CACHE_ENABLED: 'false' });
  await b.measure(
    {
      id: 'I6-off',
      title: 'Catalogue query, CACHE_ENABLED=false (20 ms upstream)',
      server: 'ours',
      variant: 'cache off',
    },
    gw,
    f.catalogue,
    L.saturate.connections,
  );
  await b.stop(gw);

  gw = await b.startGateway('ours-nolimit', { RATE_LIMIT_ENABLED: 'false' });
  await b.measure(
    {
      id: 'I7-off',
      title: '`{ __typename }`, one at a time, rate limiter OFF',
      server: 'ours',
      variant: 'limiter off',
    },
    gw,
    f.typename,
    L.latency.connections,
    'latency',
  );
  await b.measure(
    {
      id: 'I7-off-pt',
      title: 'Pass-through, one at a time, rate limiter OFF',
      server: 'ours',
      variant: 'limiter off',
    },
    gw,
    f.instance,
    L.latency.connections,
    'latency',
  );
  await b.stop(gw);

  // Issue 15: the cost of tracing. S2 and OV again with every span exported over OTLP/HTTP (batched, the
  // production setting) to a local sink that drops them; compared with S2 / OV-gw above (tracing off).
  const sink = await startOtlpSink();
  try {
    gw = await b.startGateway('ours-traced', {
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
    });
    await b.measure(
      {
        id: 'S2-traced',
        title: 'Pass-through query (instance by id), tracing ON (OTLP to a local sink)',
        server: 'ours',
        variant: 'tracing on',
      },
      gw,
      f.instance,
      L.passThrough.connections,
    );
    await b.measure(
      {
        id: 'OV-traced',
        title: 'Pass-through query, one at a time, tracing ON',
        server: 'ours',
        variant: 'tracing on',
      },
      gw,
      f.instance,
      L.latency.connections,
      'latency',
    );
    await b.stop(gw);
    const got = sink.stats();
    log(`tracing sink received ${got.requests} OTLP exports, ${(got.bytes / 1e6).toFixed(1)} MB`);
    if (got.requests === 0) throw new Error('tracing on, but the OTLP sink received no export');
  } finally {
    await sink.close();
  }

  // Issue 14: merging identical in-flight upstream reads is allowed, but S2 is then reported with it off too.
  if (cfg.PASS_THROUGH_MERGE) {
    const m = cfg.PASS_THROUGH_MERGE;
    gw = await b.startGateway('ours-nomerge', { [m.env]: m.off });
    await b.measure(
      {
        id: 'S2-nomerge',
        title: `Pass-through query (instance by id), in-flight merging off (${m.env}=${m.off})`,
        server: 'ours',
        variant: 'merge off',
      },
      gw,
      f.instance,
      L.passThrough.connections,
    );
    await b.atSimLatency(0, () =>
      b.measure(
        {
          id: 'S2-0ms-nomerge',
          title: `Pass-through query, 0 ms upstream, in-flight merging off (${m.env}=${m.off})`,
          server: 'ours',
          variant: 'merge off',
        },
        gw,
        f.instance,
        L.saturate.connections,
      ),
    );
    await b.stop(gw);
  }

  // Direct references: the simulator itself.
  await b.measure(
    {
      id: 'S6a',
      title: 'Ceiling: simulator REST GET /api/regions/ directly (0 ms added latency)',
      server: 'simulator',
    },
    b.simFast,
    f.simRegions,
    L.saturate.connections,
  );
  await b.measure(
    {
      id: 'OV-direct',
      title: 'Direct upstream GET /api/instances/{id}/ (20 ms), one at a time',
      server: 'simulator',
    },
    b.sim,
    f.simInstance,
    L.latency.connections,
    'latency',
  );
}

type StartPeer = (name: string, cache: boolean) => Promise<Server>;

/** Composes the peer's supergraph for this run; returns how to start a peer, or records why it cannot. */
function preparePeer(b: Bench, results: RunResults): StartPeer | null {
  const missing = peerInstalled();
  results.peer.versions = peerVersions();
  if (missing) {
    results.peer.error = missing;
    log(`peer missing: ${missing}`);
    return null;
  }
  const supergraph = join(b.dir, 'supergraph.graphql');
  try {
    const source = join(b.dir, 'barrack.openapi.peer.yaml');
    results.peer.patches = peerContractCopy(join(ROOT, 'contract', 'barrack.openapi.yaml'), source);
    log('peer: composing the supergraph with GraphQL Mesh');
    composeSupergraph(`${b.sim.origin}/api`, b.world.mainBarrackKey, source, supergraph);
  } catch (e) {
    results.peer.error = `composition failed: ${e instanceof Error ? e.message : String(e)}`;
    log(results.peer.error);
    return null;
  }
  return async (name: string, cache: boolean): Promise<Server> => {
    const port = await freePort();
    const logFile = join(b.dir, `${name}.log`);
    const child = startChild(
      name,
      process.execPath,
      peerArgs(supergraph, port),
      {
        cwd: PEER_DIR,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: 'production',
          PEER_CACHE: cache ? 'on' : 'off',
          PEER_REDIS_URL: b.redisUrl,
          PEER_REDIS_PREFIX: `bench:${b.stamp}:${name}:`,
        },
      },
      logFile,
    );
    b.children.push(child);
    const origin = `http://127.0.0.1:${port}`;
    await waitReady(child, typenameProbe(origin), logFile, 90_000);
    return { name, origin, child };
  };
}

/**
 * Ours and the peer on the same scenario, alternating A B A B … for `rounds` rounds while both processes stay
 * up, so a change in machine load hits both alike; records the median of each. A peer process that dies
 * mid-run (seen once under heavy load: its Redis client's rejection is unhandled) is restarted once.
 */
async function compare(
  b: Bench,
  results: RunResults,
  meta: { id: string; title: string; peerTitle: string },
  ours: { server: Server; factory: RequestFactory },
  peer: { start: StartPeer; name: string; cache: boolean; factory: RequestFactory } | null,
  connections: number,
): Promise<void> {
  let peerServer = peer ? await peer.start(peer.name, peer.cache) : null;
  let restarted = false;
  const oursRounds: ScenarioResult[] = [];
  const peerRounds: ScenarioResult[] = [];
  for (let round = 1; round <= b.o.rounds; round++) {
    const tag = `${meta.id} round ${round}/${b.o.rounds}`;
    log(tag);
    oursRounds.push(
      await b.measure(
        { id: meta.id, title: meta.title, server: 'ours' },
        ours.server,
        ours.factory,
        connections,
        'throughput',
        false,
      ),
    );
    if (!peer || !peerServer) continue;
    let r = await b.measure(
      { id: meta.id, title: meta.peerTitle, server: 'peer' },
      peerServer,
      peer.factory,
      connections,
      'throughput',
      false,
    );
    if (r.failed?.includes('exited') && !restarted) {
      restarted = true;
      results.peer.restarts = [...(results.peer.restarts ?? []), `${tag}: ${r.failed}`];
      log(`peer died during ${tag}: restarting it once`);
      peerServer = await peer.start(`${peer.name}-retry`, peer.cache);
      r = await b.measure(
        { id: meta.id, title: meta.peerTitle, server: 'peer' },
        peerServer,
        peer.factory,
        connections,
        'throughput',
        false,
      );
    }
    peerRounds.push(r);
  }
  if (peerServer) await b.stop(peerServer);
  b.scenarios.push(medianScenario(oursRounds));
  if (peerRounds.length) b.scenarios.push(medianScenario(peerRounds));
  const fmt = (rs: ScenarioResult[]) =>
    rs.map((r) => (r.failed ? 'failed' : (r.load?.okPerSec ?? 0).toFixed(0))).join(' / ');
  log(
    `${meta.id} ok/s by round: ours ${fmt(oursRounds)}${peerRounds.length ? `; peer ${fmt(peerRounds)}` : ''}`,
  );
}

/** What each profile runs: the path a missed target's time goes through. */
const PROFILED: Record<
  ProfileSummary['scenario'],
  {
    path: string;
    factory: (f: ReturnType<typeof factories>) => RequestFactory;
    connections: number;
    latencyMs: number;
  }
> = {
  S1: {
    path: 'S1 hit path (warm catalogue query answered from the response cache)',
    factory: (f) => f.catalogue,
    connections: cfg.LOAD.saturate.connections,
    latencyMs: cfg.UPSTREAM_LATENCY_MS,
  },
  // At 0 ms upstream the profile holds many more answers of the same per-request work as S2 at 20 ms.
  S2: {
    path: 'S2 pass-through path (instance by id, one Barrack call, at 0 ms upstream)',
    factory: (f) => f.instance,
    connections: cfg.LOAD.saturate.connections,
    latencyMs: 0,
  },
  S3: {
    path: 'S3 console page (50 instances with nested lists)',
    factory: (f) => f.console,
    connections: cfg.LOAD.console.connections,
    latencyMs: cfg.UPSTREAM_LATENCY_MS,
  },
};

/** Re-runs a scenario against a gateway started with --cpu-prof and summarises where the time goes. */
async function profileScenario(
  b: Bench,
  id: ProfileSummary['scenario'],
  why: string,
): Promise<ProfileSummary> {
  const spec = PROFILED[id];
  const factory = spec.factory(factories(b.world));
  const profDir = join(b.dir, `profile-${id}`);
  mkdirSync(profDir, { recursive: true });
  const gw = await b.startGateway(`ours-prof-${id}`, {}, ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
  log(`profiling ${spec.path} (${why})`);
  const measuredS = Math.max(3, Math.round(b.o.durationS / 2));
  await b.atSimLatency(spec.latencyMs, async () => {
    await runLoad(gw.origin, factory, spec.connections, Math.max(1, b.o.warmupS));
    await runLoad(gw.origin, factory, spec.connections, measuredS);
  });
  const stopAt = Date.now();
  await b.stop(gw);
  // Only the samples of the measured load (plus the shutdown, which is short) are summarised.
  const windowMs = measuredS * 1000 + (Date.now() - stopAt);
  const file = readdirSync(profDir).find((n) => n.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile written in ${profDir}`);
  const path = join(profDir, file);
  const { hot, totalMs } = summariseCpuProfile(path, 15, windowMs);
  const gatewayHot = summariseCpuProfile(path, 100_000, windowMs)
    .hot.filter((h) => h.where.startsWith('src/'))
    .slice(0, 10);
  return {
    scenario: id,
    path: spec.path,
    connections: spec.connections,
    upstreamLatencyMs: spec.latencyMs,
    why,
    file: path.slice(ROOT.length + 1),
    totalMs,
    hot,
    gatewayHot,
    areas: selfTimeByArea(path, windowMs),
  };
}

/**
 * The soak: S7's realistic mix (catalogue and scripts reads, pass-through reads, invalidating mutations, one
 * tenant per connection across MIX_TENANTS tenants) with the response cache on, for `seconds`. Every sample
 * reads the gateway's /metrics (RSS; heap used, committed and per space; external and ArrayBuffer memory; the
 * heap after the last mark-compact; event-loop lag) and its /proc status (anonymous and file-backed RSS), so
 * the report shows which part of RSS moves. The report fits a least-squares line through each after warm-up.
 * --soak-connections, --soak-env and --soak-node-arg make it a diagnostic soak (see SoakResult.variant).
 */
async function runSoak(b: Bench, seconds: number): Promise<SoakResult> {
  const stats = newMixStats();
  const mix = mixFactory(b.world, `soak-${Date.now().toString(36)}`, stats);
  const o = b.o;
  const gw = await b.startGateway(
    'ours-soak',
    { RESPONSE_CACHE_ENABLED: 'true', ...o.soakEnv },
    o.soakNodeArgs,
  );
  const connections = o.soakConnections;
  const diagnostic =
    connections !== cfg.MIX_TENANTS || Object.keys(o.soakEnv).length > 0 || o.soakNodeArgs.length > 0;
  const responseCache = (o.soakEnv.RESPONSE_CACHE_ENABLED ?? 'true') === 'true';
  const samples: SoakResult['samples'] = [];
  const every = Math.max(5, Math.round(seconds / 60));
  const t0 = Date.now();
  let done = false;
  const mb = (bytes: number) => bytes / 2 ** 20;
  const scrape = async (): Promise<void> => {
    while (!done) {
      try {
        const text = await (
          await fetch(`${gw.origin}/metrics`, { headers: bearer(BENCH_METRICS_TOKEN) })
        ).text();
        const proc = procMemory(gw.child.pid);
        const metric = (name: string): number => {
          const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(text);
          return m ? Number(m[1]) : NaN;
        };
        /** `name{space="…"} value` for every space, in MB. */
        const bySpace = (name: string): Record<string, number> => {
          const out: Record<string, number> = {};
          for (const m of text.matchAll(new RegExp(`^${name}\\{space="([a-z_]+)"\\} ([0-9.e+-]+)$`, 'gm')))
            out[m[1]!] = mb(Number(m[2]));
          return out;
        };
        samples.push({
          atS: Math.round((Date.now() - t0) / 1000),
          rssMb: mb(metric('process_resident_memory_bytes')),
          heapUsedMb: mb(metric('nodejs_heap_size_used_bytes')),
          heapTotalMb: mb(metric('nodejs_heap_size_total_bytes')),
          externalMb: mb(metric('nodejs_external_memory_bytes')),
          arrayBuffersMb: mb(metric('nodejs_array_buffers_bytes')),
          heapAfterGcMb: mb(metric('nodejs_heap_used_after_major_gc_bytes')),
          majorGcs: metric('nodejs_major_gc_total'),
          spaceUsedMb: bySpace('nodejs_heap_space_size_used_bytes'),
          spaceSizeMb: bySpace('nodejs_heap_space_size_total_bytes'),
          rssAnonMb: proc.rssAnonMb,
          rssFileMb: proc.rssFileMb,
          activeHandles: metric('nodejs_active_handles_total'),
          eventLoopP50Ms: metric('nodejs_eventloop_lag_p50_seconds') * 1000,
          eventLoopP99Ms: metric('nodejs_eventloop_lag_p99_seconds') * 1000,
          eventLoopMaxMs: metric('nodejs_eventloop_lag_max_seconds') * 1000,
        });
      } catch (e) {
        log(`soak scrape failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      await delay(every * 1000);
    }
  };
  const variant = diagnostic
    ? ` (diagnostic: env ${JSON.stringify(o.soakEnv)}, node ${o.soakNodeArgs.join(' ') || 'defaults'})`
    : '';
  log(
    `soak: ${seconds} s of S7's mix, ${connections} connections across ${Math.min(connections, cfg.MIX_TENANTS)} tenants, response cache ${responseCache ? 'on' : 'off'}, /metrics every ${every} s${variant}`,
  );
  const scraping = scrape();
  const load = await runLoad(gw.origin, mix, connections, seconds);
  done = true;
  await scraping;
  await b.stop(gw);
  log(
    `soak: ${load.okPerSec.toFixed(0)} ok/s, ${load.errors} errors, hit rate ${stats.reads ? ((100 * stats.hits) / stats.reads).toFixed(1) : '0'}%, stale after own write ${stats.staleAfterOwnWrite}`,
  );
  return {
    seconds,
    connections,
    tenants: Math.min(connections, cfg.MIX_TENANTS),
    responseCache,
    mixDescription: `S7's mix: 80% catalogue and scripts-page reads, 15% pass-through reads, 5% invalidating mutations (create/delete a script), one tenant per connection across ${Math.min(connections, cfg.MIX_TENANTS)} tenants`,
    mix: stats,
    load,
    ...(diagnostic ? { variant: { connections, env: o.soakEnv, nodeArgs: o.soakNodeArgs } } : {}),
    samples,
  };
}

/** Anonymous and file-backed resident memory of a process (/proc/<pid>/status), MB; NaN when unreadable. */
function procMemory(pid: number): { rssAnonMb: number; rssFileMb: number } {
  let status = '';
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    // not Linux, or the process is gone
  }
  const kb = (field: string) => {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  };
  return { rssAnonMb: kb('RssAnon'), rssFileMb: kb('RssFile') };
}

// ------------------------------------------------------------------------------------------- main

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  // Before anything else: a run that would report without the peer fails here, unless --no-peer.
  if (o.peer && !o.soakS) {
    const why = ensurePeerInstalled(log);
    if (why)
      throw new Error(
        `the peer is not installed and could not be: ${why}\n(rerun with --no-peer to benchmark without it)`,
      );
  }
  const b = new Bench(o);
  const results: RunResults = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    options: { ...o },
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
    loadAvgStart: loadAverage(),
    loadAvgEnd: '',
    scenarios: b.scenarios,
    peer: { versions: {}, patches: [] },
    profiles: [],
    resultsDir: b.dir.slice(ROOT.length + 1),
  };
  const onSignal = (): void => {
    void b.closeAll().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    ensureBuilt();
    const redis = await ensureRedis(b.dir);
    if (redis.child) b.children.push(redis.child);
    b.redisUrl = redis.url;
    log(`load average at start: ${results.loadAvgStart}`);
    b.sim = await b.startSimulator('simulator', cfg.UPSTREAM_LATENCY_MS);
    b.simFast = await b.startSimulator('simulator-0ms', 0);
    log('building the world (accounts, 50 console instances, tenants file)');
    b.world = await buildWorld(b.sim.origin, join(b.dir, 'world'));

    if (o.soakS) {
      results.soak = await runSoak(b, o.soakS);
    } else {
      await runScenarios(b, results);
      const { missed } = writeReport(results, { dryRun: true });
      if (o.profile) {
        // One profile per path that a missed target's time goes through (S1 hit, S2 pass-through, S3 page).
        for (const id of ['S1', 'S2', 'S3'] as const) {
          const why = missed.filter((m) => m.profile === id).map((m) => m.name);
          if (!why.length) continue;
          try {
            results.profiles.push(await profileScenario(b, id, why.join('; ')));
          } catch (e) {
            log(`profile ${id} failed: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
      }
    }
  } finally {
    results.finishedAt = new Date().toISOString();
    results.loadAvgEnd = loadAverage();
    await b.closeAll();
  }
  const file = join(b.dir, o.soakS ? 'soak.json' : 'results.json');
  writeFileSync(file, JSON.stringify(results, null, 2));
  // A diagnostic soak stays in its run directory: the committed report's soak is the target's soak.
  if (!results.soak?.variant)
    writeFileSync(
      join(RESULTS_DIR, o.soakS ? 'soak-latest.json' : 'latest.json'),
      JSON.stringify(results, null, 2),
    );
  if (o.peer && !o.soakS && results.peer.error) {
    throw new Error(
      `the peer could not be measured (${results.peer.error}); no report written (raw results: ${file.slice(ROOT.length + 1)}; use --no-peer to report without it)`,
    );
  }
  const report = writeReport(results).file ?? '';
  log(`raw results: ${file.slice(ROOT.length + 1)}; report: ${report.slice(ROOT.length + 1)}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  },
);
