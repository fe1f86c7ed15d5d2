import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { generateApiKey } from '../src/auth/api-key';
import { SCOPES } from '../src/common/context/principal';
import { DEMO_API_KEY } from '../simulator/simulator';
import * as cfg from './bench.config';
import { runLatency } from './lib/latency';
import { gqlPost, jsonVerify, runLoad, type LoadResult, type OneRequest } from './lib/load';
import { freePort, ProcSampler, startChild, waitReady, type Child } from './lib/proc';
import { buildConsoleAccount, buildTenantAccounts, simCounters, simResetLog } from './lib/world';

/*
 * `npx ts-node --transpile-only bench/probe.ts [--seconds 5] [--connections 32] [--profile] [--no-build]
 *  [--env KEY=VALUE ...] [--only S1,TYPENAME,PT,S3,S5,S1L] [--s3-connections 16] [--sim-latency 0]
 *  [--variant KEY=VALUE ... --rounds N]`
 * `--only PT1,DIRECT1 --sim-latency 20`: the pass-through overhead (the bench's OV-gw minus OV-direct): PT1 is
 * PT one request at a time (bench/lib/latency.ts, one connection), DIRECT1 the simulator's
 * GET /api/instances/{id}/ that PT1 makes, sent directly, one at a time. Each first runs a saturating warm-up
 * (`--connections`, 2 s) as run-bench.ts measure() does, so V8 has optimised the path; then a 2 s one-at-a-time
 * warm-up and `--seconds` of measurement. Prints p50/p99 per round and the p50 delta PT1 - DIRECT1 (medians over
 * the rounds with --rounds/--variant); DIRECT1 runs after every configuration's gateway, so both sides of each
 * delta see the same machine.
 * A quick per-change probe (not the report): one simulator (0 ms), one gateway process on a fresh tsc build,
 * Redis at REDIS_URL or 127.0.0.1:6379, then for each case a warm-up and a verified autocannon load, printing
 * correct req/s and the gateway's CPU ms per correct answer (CPU time of its process over the answers, which
 * depends far less on the machine's load than req/s does). `--profile` runs the gateway under `--cpu-prof`.
 * PT is S2's pass-through query (instance by id, one Barrack call, never cached) over the console account's
 * 50 instances in turn, at `--connections`, the simulator at 0 ms: the S2-0ms case.
 * S5 is S1's catalogue query over TENANT_COUNT tenants, each with its own API key and Barrack account, the
 * requests rotating through the keys as run-bench.ts sends them; S1 and S5 run on the same gateway, so the two
 * figures of one round compare a hit of one tenant with a hit of a hundred. `--sim-latency` sets the
 * simulator's added latency (the bench runs S1 and S5 at UPSTREAM_LATENCY_MS, 20 ms; misses and refreshes
 * then wait that long).
 * `--variant KEY=VALUE` measures a second configuration B (the env plus the variant) against A, alternating A B A B
 * for `--rounds` rounds, and prints the medians: the comparison to trust on a busy machine.
 */

const ROOT = join(__dirname, '..');
/** Every probe tenant's plan: budgets far above any probe's load, so no case is throttled. */
const PROBE_PLAN = {
  requestsPerMinute: 100_000_000,
  costPerMinute: 2_000_000_000,
  burst: 10_000_000,
  billableMutationsPerHour: 10_000,
};
const OUT = join(ROOT, 'bench', 'results', 'probe');

/** One measured case; `direct`: sent to the simulator itself (DIRECT1), not through the gateway. */
interface ProbeCase {
  id: string;
  next: () => OneRequest;
  connections?: number;
  direct?: boolean;
}
const BUILD = join(OUT, '.build');

interface Args {
  seconds: number;
  connections: number;
  profile: boolean;
  build: boolean;
  env: Record<string, string>;
  only?: string[];
  /** S3's connections (default: the bench's console load, LOAD.console.connections). */
  s3Connections?: number;
  rounds: number;
  variant?: Record<string, string>;
  simLatencyMs: number;
}

function parse(argv: string[]): Args {
  const a: Args = {
    seconds: 5,
    connections: 32,
    profile: false,
    build: true,
    env: {},
    rounds: 1,
    simLatencyMs: 0,
  };
  for (let i = 0; i < argv.length; i++) {
    const f = argv[i];
    if (f === '--seconds') a.seconds = Number(argv[++i]);
    else if (f === '--connections') a.connections = Number(argv[++i]);
    else if (f === '--profile') a.profile = true;
    else if (f === '--no-build') a.build = false;
    else if (f === '--only') a.only = (argv[++i] ?? '').split(',');
    else if (f === '--s3-connections') a.s3Connections = Number(argv[++i]);
    else if (f === '--rounds') a.rounds = Number(argv[++i]);
    else if (f === '--sim-latency') a.simLatencyMs = Number(argv[++i]);
    else if (f === '--env' || f === '--variant') {
      const [k, ...v] = (argv[++i] ?? '').split('=');
      if (!k) continue;
      if (f === '--env') a.env[k] = v.join('=');
      else a.variant = { ...a.variant, [k]: v.join('=') };
    } else throw new Error(`unknown flag ${f}`);
  }
  return a;
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  if (args.build) {
    rmSync(BUILD, { recursive: true, force: true });
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', BUILD],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (r.status !== 0) console.error(r.stdout.split('\n').slice(0, 10).join('\n'));
  }
  const simPort = await freePort();
  const sim = startChild(
    'sim',
    process.execPath,
    [
      join(BUILD, 'simulator/main.js'),
      '--port',
      String(simPort),
      '--latency',
      `${args.simLatencyMs}ms`,
      '--delay',
      '0ms',
    ],
    { cwd: ROOT, env: { PATH: process.env.PATH } },
    join(OUT, 'sim.log'),
  );
  const simOrigin = `http://127.0.0.1:${simPort}`;
  await waitReady(sim, async () => (await fetch(`${simOrigin}/__sim/health`)).ok, join(OUT, 'sim.log'));

  const key = generateApiKey();
  writeFileSync(join(OUT, 'barrack.key'), DEMO_API_KEY, { mode: 0o600 });
  const s3 = await s3Setup(args, simOrigin);
  const s5 = await s5Setup(args, simOrigin);
  const tenantsFile = join(OUT, 'tenants.json');
  writeFileSync(
    tenantsFile,
    JSON.stringify({
      tenants: [
        {
          id: 'probe',
          name: 'probe tenant',
          barrackCredential: { file: join(OUT, 'barrack.key') },
          scopes: [...SCOPES],
          plan: PROBE_PLAN,
          apiKeys: [{ id: key.id, hash: key.hash, scopes: [...SCOPES], label: 'probe' }],
        },
        ...s3.tenants,
        ...s5.tenants,
      ],
    }),
    { mode: 0o600 },
  );
  const auth = { authorization: `Bearer ${key.key}` };
  const typename = gqlPost(cfg.TYPENAME_QUERY, {}, auth, cfg.checkTypename);
  const catalogue = gqlPost(cfg.CATALOGUE_QUERY, {}, auth, cfg.checkCatalogue);
  const cases: ProbeCase[] = [
    { id: 'S1', next: () => catalogue },
    { id: 'TYPENAME', next: () => typename },
    ...s3.cases,
    ...s5.cases,
    // S1L: S1 again, last, on the same gateway: does S1 itself cost more late in a process's life (the
    // bench measures S5 after S2-S4 on one gateway, S1 first)?
    { id: 'S1L', next: () => catalogue },
  ].filter((c) => !args.only || args.only.includes(c.id));
  // A and B alternate (A B A B …) so both see the same machine; one configuration when there is no variant.
  const configs: { name: string; env: Record<string, string> }[] = [{ name: 'A', env: args.env }];
  if (args.variant) configs.push({ name: 'B', env: { ...args.env, ...args.variant } });
  const cpu = new Map<string, number[]>();
  const p50s = new Map<string, number[]>();
  try {
    for (let round = 0; round < args.rounds; round++) {
      for (const conf of configs) {
        const gw = await startGateway(args, conf.env, simOrigin, tenantsFile, typename);
        try {
          for (const c of cases) {
            const connections = c.connections ?? args.connections;
            const origin = c.direct ? simOrigin : gw.origin;
            // One-at-a-time cases: the saturating warm-up first (see the header), then one at a time.
            if (connections === 1) await runLoad(origin, c.next, args.connections, 2);
            const run = connections === 1 ? runLatency : runLoad;
            await run(origin, c.next, connections, 2);
            await simResetLog(simOrigin);
            const sampler = new ProcSampler(c.direct ? sim.pid : gw.child.pid);
            sampler.start();
            const r: LoadResult = await run(origin, c.next, connections, args.seconds);
            const st = sampler.stop();
            const counters = await simCounters(simOrigin);
            const upstream = counters.total / Math.max(1, r.answered);
            const perAnswer = ((st.cpuPercent / 100) * r.durationS * 1000) / Math.max(1, r.ok);
            const id = `${c.id} ${conf.name}`;
            cpu.set(id, [...(cpu.get(id) ?? []), perAnswer]);
            if (connections === 1) {
              p50s.set(id, [...(p50s.get(id) ?? []), r.latencyMs.p50]);
              console.log(
                `${id.padEnd(11)} p50 ${r.latencyMs.p50.toFixed(3)} ms  p99 ${r.latencyMs.p99.toFixed(3)} ms  ${r.okPerSec.toFixed(0)} req/s  ${perAnswer.toFixed(3)} CPU ms/answer  upstream ${upstream.toFixed(2)}/answer  errors ${r.errors}${r.errorSamples.length ? ` (${r.errorSamples[0]})` : ''}`,
              );
              const pt = p50s.get(`PT1 ${conf.name}`)?.[round];
              if (c.id === 'DIRECT1' && pt !== undefined)
                console.log(
                  `delta ${conf.name}     PT1 - DIRECT1 p50 ${(pt - r.latencyMs.p50).toFixed(3)} ms`,
                );
              continue;
            }
            console.log(
              `${id.padEnd(11)} ${r.okPerSec.toFixed(0).padStart(6)} req/s  ${perAnswer.toFixed(3)} CPU ms/answer  p99 ${r.latencyMs.p99} ms  peak RSS ${st.peakRssMb.toFixed(0)} MB  upstream ${upstream.toFixed(2)}/answer  errors ${r.errors}${r.errorSamples.length ? ` (${r.errorSamples[0]})` : ''}`,
            );
            // Where upstream calls of a cached case come from (refreshes, misses): by Barrack operation.
            if (c.id === 'S1' || c.id === 'S5' || c.id === 'S1L') {
              const ops = Object.entries(counters.byOperation).filter(([, n]) => n > 0);
              if (ops.length)
                console.log(
                  `            upstream by operation: ${ops.map(([o, n]) => `${o} ${n}`).join(', ')}`,
                );
            }
          }
        } finally {
          // SIGINT: the gateway drains and exits, which is when --cpu-prof writes its profile.
          await gw.child.stop('SIGINT');
        }
      }
    }
    if (!args.only || args.only.includes('S6A')) {
      // The raw node:http ceiling (the issue's S6a): the simulator's GET /api/regions/ directly.
      const regions: OneRequest = {
        method: 'GET',
        path: '/api/regions/',
        headers: { authorization: `Bearer ${DEMO_API_KEY}` },
        verify: jsonVerify((b: { data?: { regions?: unknown[] } }) =>
          b.data?.regions?.length ? undefined : 'no regions',
        ),
      };
      await runLoad(simOrigin, () => regions, args.connections, 2);
      const r = await runLoad(simOrigin, () => regions, args.connections, args.seconds);
      console.log(
        `S6A (raw)   ${r.okPerSec.toFixed(0).padStart(6)} req/s  p99 ${r.latencyMs.p99} ms  errors ${r.errors}`,
      );
    }
    if (args.rounds > 1 || args.variant) {
      for (const [id, v] of cpu) console.log(`median ${id.padEnd(11)} ${median(v).toFixed(3)} CPU ms/answer`);
      for (const conf of configs) {
        const pt = p50s.get(`PT1 ${conf.name}`);
        const direct = p50s.get(`DIRECT1 ${conf.name}`);
        if (!pt || !direct) continue;
        const deltas = pt.map((v, i) => v - (direct[i] ?? NaN));
        console.log(
          `median delta ${conf.name} PT1 - DIRECT1 p50 ${median(deltas).toFixed(3)} ms (rounds: ${deltas.map((d) => d.toFixed(2)).join(', ')})`,
        );
      }
    }
  } finally {
    await sim.stop();
    await delay(100);
  }
}

// ---------------------------------------------------------------- S3 (console page) and PT (instance by id)
/*
 * S3 as run-bench.ts runs it: one Barrack account with the console's 50 furnished instances (bench/lib/world),
 * its own tenant and key, CONSOLE_QUERY with pageSize 50 at the bench's console connections; PT reads those
 * instances one by one (INSTANCE_QUERY). Built only when S3 or PT is selected (or no --only), since seeding
 * the simulator takes a few seconds.
 */
async function s3Setup(args: Args, simOrigin: string): Promise<{ tenants: object[]; cases: ProbeCase[] }> {
  const wanted = (id: string) => !args.only || args.only.includes(id);
  if (!['S3', 'PT', 'PT1', 'DIRECT1'].some(wanted)) return { tenants: [], cases: [] };
  const barrackKey = 'probe-console-key';
  const ids = await buildConsoleAccount(simOrigin, barrackKey);
  writeFileSync(join(OUT, 'console.barrack-key'), barrackKey, { mode: 0o600 });
  const key = generateApiKey();
  const tenant = {
    id: 'probe-console',
    name: 'probe console tenant',
    barrackCredential: { file: join(OUT, 'console.barrack-key') },
    scopes: [...SCOPES],
    plan: PROBE_PLAN,
    apiKeys: [{ id: key.id, hash: key.hash, scopes: [...SCOPES], label: 'probe console' }],
  };
  const auth = { authorization: `Bearer ${key.key}` };
  const req = gqlPost(cfg.CONSOLE_QUERY, { pageSize: cfg.CONSOLE_INSTANCES }, auth, cfg.checkConsole);
  const instances = ids.map((id) => gqlPost(cfg.INSTANCE_QUERY, { id }, auth, cfg.checkInstance));
  // The upstream call a PT request makes, sent directly (run-bench.ts f.simInstance).
  const direct = ids.map((id): OneRequest => ({
    method: 'GET',
    path: `/api/instances/${id}/`,
    headers: { authorization: `Bearer ${barrackKey}` },
    verify: jsonVerify((b: { data?: { instance_id?: string } }) =>
      b.data?.instance_id === id ? undefined : 'wrong instance',
    ),
  }));
  let sent = 0;
  let sentDirect = 0;
  return {
    tenants: [tenant],
    cases: [
      { id: 'PT', next: () => instances[sent++ % instances.length] as OneRequest },
      { id: 'S3', next: () => req, connections: args.s3Connections ?? cfg.LOAD.console.connections },
      { id: 'PT1', next: () => instances[sent++ % instances.length] as OneRequest, connections: 1 },
      {
        id: 'DIRECT1',
        next: () => direct[sentDirect++ % direct.length] as OneRequest,
        connections: 1,
        direct: true,
      },
    ],
  };
}

/*
 * S5 as run-bench.ts runs it: TENANT_COUNT tenants, each its own Barrack account and API key, the catalogue
 * query sent with the keys in turn (request n uses key n mod TENANT_COUNT). Built only when S5 is selected.
 */
async function s5Setup(args: Args, simOrigin: string): Promise<{ tenants: object[]; cases: ProbeCase[] }> {
  if (args.only && !args.only.includes('S5')) return { tenants: [], cases: [] };
  const barrackKeys = await buildTenantAccounts(simOrigin, 'probe-t', cfg.TENANT_COUNT);
  const tenants: object[] = [];
  const reqs: OneRequest[] = [];
  barrackKeys.forEach((barrackKey, i) => {
    const id = `probe-t${String(i).padStart(3, '0')}`;
    const file = join(OUT, `${id}.barrack-key`);
    writeFileSync(file, barrackKey, { mode: 0o600 });
    const key = generateApiKey();
    tenants.push({
      id,
      name: `probe tenant ${i}`,
      barrackCredential: { file },
      scopes: [...SCOPES],
      plan: PROBE_PLAN,
      apiKeys: [{ id: key.id, hash: key.hash, scopes: [...SCOPES], label: id }],
    });
    reqs.push(gqlPost(cfg.CATALOGUE_QUERY, {}, { authorization: `Bearer ${key.key}` }, cfg.checkCatalogue));
  });
  let sent = 0;
  return { tenants, cases: [{ id: 'S5', next: () => reqs[sent++ % reqs.length] as OneRequest }] };
}

function median(v: number[]): number {
  const s = [...v].sort((x, y) => x - y);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

async function startGateway(
  args: Args,
  env: Record<string, string>,
  simOrigin: string,
  tenantsFile: string,
  probe: OneRequest,
): Promise<{ origin: string; child: Child }> {
  const port = await freePort();
  const gwLog = join(OUT, 'gateway.log');
  const child = startChild(
    'gateway',
    process.execPath,
    [...(args.profile ? ['--cpu-prof', `--cpu-prof-dir=${OUT}`] : []), join(BUILD, 'src/main.js')],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        BARRACK_BASE_URL: `${simOrigin}/api`,
        TENANTS_FILE: tenantsFile,
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        REDIS_KEY_PREFIX: `probe:${Date.now()}:`,
        METRICS_PORT: 'off',
        ...env,
      },
    },
    gwLog,
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitReady(
    child,
    async () =>
      (await fetch(`${origin}/graphql`, { method: 'POST', headers: probe.headers, body: probe.body })).ok,
    gwLog,
  );
  return { origin, child };
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
