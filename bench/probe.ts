import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { generateApiKey } from '../src/auth/api-key';
import { SCOPES } from '../src/common/context/principal';
import { DEMO_API_KEY } from '../simulator/simulator';
import * as cfg from './bench.config';
import { gqlPost, runLoad, type OneRequest } from './lib/load';
import { freePort, ProcSampler, startChild, waitReady } from './lib/proc';

/*
 * `npx ts-node --transpile-only bench/probe.ts [--seconds 5] [--connections 32] [--profile] [--no-build]
 *  [--env KEY=VALUE ...] [--only S1,TYPENAME]`
 * A quick per-change probe (not the report): one simulator (0 ms), one gateway process on a fresh tsc build,
 * Redis at REDIS_URL or 127.0.0.1:6379, then for each case a warm-up and a verified autocannon load, printing
 * correct req/s and the gateway's CPU ms per correct answer (CPU time of its process over the answers, which
 * depends far less on the machine's load than req/s does). `--profile` runs the gateway under `--cpu-prof`.
 */

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'bench', 'results', 'probe');
const BUILD = join(OUT, '.build');

interface Args {
  seconds: number;
  connections: number;
  profile: boolean;
  build: boolean;
  env: Record<string, string>;
  only?: string[];
}

function parse(argv: string[]): Args {
  const a: Args = { seconds: 5, connections: 32, profile: false, build: true, env: {} };
  for (let i = 0; i < argv.length; i++) {
    const f = argv[i];
    if (f === '--seconds') a.seconds = Number(argv[++i]);
    else if (f === '--connections') a.connections = Number(argv[++i]);
    else if (f === '--profile') a.profile = true;
    else if (f === '--no-build') a.build = false;
    else if (f === '--only') a.only = (argv[++i] ?? '').split(',');
    else if (f === '--env') {
      const [k, ...v] = (argv[++i] ?? '').split('=');
      if (k) a.env[k] = v.join('=');
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
    [join(BUILD, 'simulator/main.js'), '--port', String(simPort), '--latency', '0ms', '--delay', '0ms'],
    { cwd: ROOT, env: { PATH: process.env.PATH } },
    join(OUT, 'sim.log'),
  );
  const simOrigin = `http://127.0.0.1:${simPort}`;
  await waitReady(sim, async () => (await fetch(`${simOrigin}/__sim/health`)).ok, join(OUT, 'sim.log'));

  const key = generateApiKey();
  writeFileSync(join(OUT, 'barrack.key'), DEMO_API_KEY, { mode: 0o600 });
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
          plan: {
            requestsPerMinute: 100_000_000,
            costPerMinute: 2_000_000_000,
            burst: 10_000_000,
            billableMutationsPerHour: 10_000,
          },
          apiKeys: [{ id: key.id, hash: key.hash, scopes: [...SCOPES], label: 'probe' }],
        },
      ],
    }),
    { mode: 0o600 },
  );
  const port = await freePort();
  const gwLog = join(OUT, 'gateway.log');
  const gw = startChild(
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
        ...args.env,
      },
    },
    gwLog,
  );
  const origin = `http://127.0.0.1:${port}`;
  const auth = { authorization: `Bearer ${key.key}` };
  const typename = gqlPost(cfg.TYPENAME_QUERY, {}, auth, cfg.checkTypename);
  await waitReady(
    gw,
    async () =>
      (await fetch(`${origin}/graphql`, { method: 'POST', headers: typename.headers, body: typename.body }))
        .ok,
    gwLog,
  );
  const cases: { id: string; req: OneRequest }[] = [
    { id: 'S1', req: gqlPost(cfg.CATALOGUE_QUERY, {}, auth, cfg.checkCatalogue) },
    { id: 'TYPENAME', req: typename },
  ];
  try {
    for (const c of cases) {
      if (args.only && !args.only.includes(c.id)) continue;
      await runLoad(origin, () => c.req, args.connections, 2);
      const sampler = new ProcSampler(gw.pid);
      sampler.start();
      const r = await runLoad(origin, () => c.req, args.connections, args.seconds);
      const s = sampler.stop();
      const cpuMs = (s.cpuPercent / 100) * r.durationS * 1000;
      console.log(
        `${c.id.padEnd(9)} ${r.okPerSec.toFixed(0).padStart(6)} req/s  ${(cpuMs / Math.max(1, r.ok)).toFixed(3)} CPU ms/answer  p99 ${r.latencyMs.p99} ms  errors ${r.errors}${r.errorSamples.length ? ` (${r.errorSamples[0]})` : ''}`,
      );
    }
  } finally {
    // SIGINT: the gateway drains and exits, which is when --cpu-prof writes its profile.
    await gw.stop('SIGINT');
    await sim.stop();
    await delay(100);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
