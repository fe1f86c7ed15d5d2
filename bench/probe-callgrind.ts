import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { generateApiKey } from '../src/auth/api-key';
import { SCOPES } from '../src/common/context/principal';
import * as cfg from './bench.config';
import { freePort, startChild, waitReady } from './lib/proc';
import { buildConsoleAccount, buildTenantAccounts, simCounters, simResetLog } from './lib/world';

/*
 * `npx ts-node --transpile-only bench/probe-callgrind.ts <build dir> [pages=10] [s3|typename|pt|s1|s5|s3-after-mutation] [warm-up=20]`
 * Instructions per answer, which do not depend on the machine's load (bench/PROFILE.md, "S3"): a simulator
 * (0 ms) with the console account of bench/lib/world, then the gateway of a tsc build (`tsc -p
 * tsconfig.build.json --outDir <dir>`, the dir inside the repo so node_modules resolve) under valgrind
 * callgrind with instrumentation off; after `warm-up` answers (20), instrumentation on, 5 more, counters zeroed,
 * then `pages` sequential answers counted. Prints M instructions per answer (all threads, and the main thread
 * alone) and upstream calls per answer.
 * `pt` is S2's pass-through query (instance by id, one Barrack call, never cached), the console account's
 * instances in turn; `typename` is `{ __typename }`; the default (`s3`) is the console page.
 * `s1` is S1's catalogue query by one tenant, `s5` the same over TENANT_COUNT tenants (each its own Barrack
 * account and API key, in turn): after the warm-up both are response-cache hits (s1's checked: `extensions.responseCache.hit`), so the two counts compare a
 * hit of one tenant with a hit of a hundred (the warm-up must cover every tenant: 400 is 4 answers each).
 * A/B two builds one after the other; repeated runs of one build agree within about 2.5% for S3. The cheap
 * cases (pt, typename: 5-10 M per answer) need a longer warm-up, else the optimising compiler's threads still
 * work during the counted answers: with `100 pt 300` (or `typename`) repeated runs agree within about 5% (all
 * threads) and 7% (main thread); compare medians of two runs or more.
 * `s3-after-mutation` sends one mutation before the warm-up: a gateway that has executed a mutation is the
 * steady state of a real process (an Apollo plugin's willResolveField, once used, instruments every field).
 * `GATEWAY_NODE_OPTIONS=<flags>` starts the gateway with those node flags (NODE_OPTIONS of its process only).
 * `CONCURRENCY=<n>` sends the answers n at a time instead of one by one. Not yet dependable for S3: with 16
 * pages in flight under valgrind one run of two had upstream failures open Barrack's breaker (a page short).
 * `MAP_LOG=1` runs the gateway under `node --log-maps` instead of valgrind and prints the hidden classes V8 built
 * per answer without caching them (bench/PROFILE.md, "S2: request shapes").
 * `GATEWAY_ENV='KEY=VALUE KEY2=VALUE2'` adds to the gateway's environment: an A/B of a config switch on one build.
 * The warm-up count can also be given as `WARM=<n>`: 20 leaves much of the page's code unoptimised (S3: 39.4 M at
 * 20, 25.9 M at 400, same build); 400 measures V8's steady state, which is what a loaded gateway runs.
 */

const ROOT = join(__dirname, '..');
/** CALLGRIND_DIR: another output directory, so two counts can run at once. */
const OUT = resolve(process.env.CALLGRIND_DIR ?? join(ROOT, 'bench', 'results', 'callgrind'));
/** valgrind names its control pipes after USER and HOST: the gateway's HOST, so callgrind_control must match. */
const CTL_ENV = { PATH: process.env.PATH, HOST: '127.0.0.1' };
const VGDB_PREFIX = join(OUT, 'vgdb');

async function main(): Promise<void> {
  const build = resolve(process.argv[2] ?? join(ROOT, 'bench', 'results', 'probe', '.build'));
  const pages = Number(process.argv[3] ?? 10);
  const requested = process.argv[4] ?? 's3';
  // `s3-after-mutation`: S3 on a gateway that has executed one mutation first (see the header).
  const afterMutation = requested === 's3-after-mutation';
  const mode = afterMutation ? 's3' : requested;
  const warmUp = Number(process.argv[5] ?? process.env.WARM ?? 20);
  if (!['s3', 'typename', 'pt', 's1', 's5'].includes(mode)) throw new Error(`unknown mode ${mode}`);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const simPort = await freePort();
  const simLog = join(OUT, 'sim.log');
  const sim = startChild(
    'sim',
    process.execPath,
    [join(build, 'simulator/main.js'), '--port', String(simPort), '--latency', '0ms', '--delay', '0ms'],
    { cwd: ROOT, env: { PATH: process.env.PATH } },
    simLog,
  );
  const simOrigin = `http://127.0.0.1:${simPort}`;
  await waitReady(sim, async () => (await fetch(`${simOrigin}/__sim/health`)).ok, simLog);
  const instanceIds = await buildConsoleAccount(simOrigin, 'callgrind-key');
  writeFileSync(join(OUT, 'barrack.key'), 'callgrind-key', { mode: 0o600 });
  const key = generateApiKey();
  const plan = { requestsPerMinute: 1e8, costPerMinute: 2e9, burst: 1e7, billableMutationsPerHour: 1e4 };
  const tenant = {
    id: 'callgrind',
    name: 'callgrind',
    barrackCredential: { file: join(OUT, 'barrack.key') },
    scopes: [...SCOPES],
    plan,
    apiKeys: [{ id: key.id, hash: key.hash, scopes: [...SCOPES], label: 'callgrind' }],
  };
  // s5: TENANT_COUNT more tenants, each its own Barrack account and API key.
  const tenantKeys: string[] = [];
  const others: object[] = [];
  if (mode === 's5') {
    const barrackKeys = await buildTenantAccounts(simOrigin, 'callgrind-t', cfg.TENANT_COUNT);
    barrackKeys.forEach((barrackKey, i) => {
      const id = `callgrind-t${String(i).padStart(3, '0')}`;
      const file = join(OUT, `${id}.barrack-key`);
      writeFileSync(file, barrackKey, { mode: 0o600 });
      const k = generateApiKey();
      tenantKeys.push(k.key);
      others.push({
        id,
        name: id,
        barrackCredential: { file },
        scopes: [...SCOPES],
        plan,
        apiKeys: [{ id: k.id, hash: k.hash, scopes: [...SCOPES], label: id }],
      });
    });
  }
  writeFileSync(join(OUT, 'tenants.json'), JSON.stringify({ tenants: [tenant, ...others] }), {
    mode: 0o600,
  });

  const port = await freePort();
  const gwLog = join(OUT, 'gateway.log');
  // MAP_LOG=1: no valgrind; the gateway runs under `node --log-maps` and writes V8's map events to
  // <OUT>/v8.log (bench/PROFILE.md, "S2: request shapes": hidden classes made per request).
  const mapLog = process.env.MAP_LOG === '1';
  const gw = startChild(
    'gateway',
    mapLog ? process.execPath : 'valgrind',
    mapLog
      ? [
          '--log-maps',
          '--log-code',
          `--logfile=${join(OUT, 'v8.log')}`,
          '--no-logfile-per-isolate',
          join(build, 'src/main.js'),
        ]
      : [
          '--tool=callgrind',
          '--instr-atstart=no',
          // One output file per thread: the main thread's count apart from V8's compiler and GC helper threads.
          '--separate-threads=yes',
          '--smc-check=all-non-file',
          `--vgdb-prefix=${VGDB_PREFIX}`,
          `--callgrind-out-file=${OUT}/callgrind.out.%p`,
          process.execPath,
          join(build, 'src/main.js'),
        ],
    {
      cwd: ROOT,
      env: {
        ...CTL_ENV,
        NODE_ENV: 'production',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        BARRACK_BASE_URL: `${simOrigin}/api`,
        TENANTS_FILE: join(OUT, 'tenants.json'),
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        REDIS_KEY_PREFIX: `callgrind:${Date.now()}:`,
        METRICS_PORT: 'off',
        // Under valgrind the event loop is slow enough for Redis answers to miss the default 1 s guard (then
        // the breaker opens and every feature takes its fallback); the code path is the same with more time.
        REDIS_COMMAND_TIMEOUT_MS: '10000',
        // With CONCURRENCY pages in flight under valgrind, Barrack answers can take longer than the defaults.
        ...(process.env.CONCURRENCY
          ? { BARRACK_TIMEOUT_MS: '60000', BARRACK_HEADERS_TIMEOUT_MS: '60000' }
          : {}),
        // s1/s5 count hits: under valgrind a round of 100 tenants takes longer than GPU stock's 15 s TTL, so
        // every s5 answer would be a refresh (S5 at ~4000 req/s revisits a tenant every ~25 ms).
        ...(mode === 's1' || mode === 's5' ? { CACHE_TTL_STOCK_S: '3600' } : {}),
        // GATEWAY_NODE_OPTIONS: node flags for the gateway alone (e.g. --max-semi-space-size=64), not the probe.
        ...(process.env.GATEWAY_NODE_OPTIONS ? { NODE_OPTIONS: process.env.GATEWAY_NODE_OPTIONS } : {}),
        ...gatewayEnv(),
      },
    },
    gwLog,
  );
  let sent = 0;
  const next = (): {
    query: string;
    variables: Record<string, unknown>;
    check: cfg.Check;
    apiKey?: string;
  } => {
    if (mode === 's1') return { query: cfg.CATALOGUE_QUERY, variables: {}, check: checkCatalogueHit };
    if (mode === 's5')
      return {
        query: cfg.CATALOGUE_QUERY,
        variables: {},
        check: cfg.checkCatalogue,
        apiKey: tenantKeys[sent++ % tenantKeys.length],
      };
    if (mode === 'typename') return { query: cfg.TYPENAME_QUERY, variables: {}, check: cfg.checkTypename };
    if (mode === 'pt')
      return {
        query: cfg.INSTANCE_QUERY,
        variables: { id: instanceIds[sent++ % instanceIds.length] },
        check: cfg.checkInstance,
      };
    return {
      query: cfg.CONSOLE_QUERY,
      variables: { pageSize: cfg.CONSOLE_INSTANCES },
      check: cfg.checkConsole,
    };
  };
  const answer = async (): Promise<void> => {
    const { query, variables, check, apiKey } = next();
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey ?? key.key}` },
      body: JSON.stringify(
        mode === 'typename' || mode === 's1' || mode === 's5' ? { query } : { query, variables },
      ),
    });
    const text = await res.text();
    const problem = check(JSON.parse(text) as cfg.GqlBody, variables);
    if (res.status !== 200 || problem)
      throw new Error(`bad answer ${res.status}: ${problem ?? text.slice(0, 200)}`);
  };
  const ctl = (...a: string[]) =>
    mapLog
      ? ''
      : execFileSync('callgrind_control', [`--vgdb-prefix=${VGDB_PREFIX}`, ...a, String(gw.pid)], {
          encoding: 'utf8',
          env: CTL_ENV,
        });
  try {
    await waitReady(gw, async () => (await answer(), true), gwLog, 300_000);
    if (afterMutation) {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key.key}` },
        body: JSON.stringify({ query: 'mutation { stopInstance(input: { id: "none" }) { requestId } }' }),
      });
      const text = await res.text();
      console.log(`mutation: ${text.slice(0, 300)}`);
      if (!text.includes('stopInstance')) throw new Error(`mutation not executed: ${text.slice(0, 200)}`);
    }
    // CONCURRENCY=<n>: answers in groups of n at once, so the count includes what n requests in flight cost
    // (the garbage collector copies and promotes what is still live), as under the bench's load.
    const concurrency = Math.max(1, Number(process.env.CONCURRENCY ?? 1));
    const answers = async (n: number): Promise<void> => {
      for (let i = 0; i < n; i += concurrency)
        await Promise.all(Array.from({ length: Math.min(concurrency, n - i) }, () => answer()));
    };
    await answers(warmUp);
    ctl('-i', 'on');
    await answers(5);
    ctl('-z');
    await simResetLog(simOrigin);
    await answers(pages);
    const calls = (await simCounters(simOrigin)).total;
    ctl('-d');
    ctl('-i', 'off');
    if (mapLog) {
      await gw.stop('SIGINT', 60_000);
      await printUncachedTransitions(join(OUT, 'v8.log'), warmUp + 5 + pages);
      return;
    }
    let instructions = 0;
    let mainThread = 0;
    for (const f of readdirSync(OUT).filter((x) => x.startsWith('callgrind.out'))) {
      const m = /^(?:summary|totals): (\d+)/m.exec(readFileSync(join(OUT, f), 'utf8'));
      if (!m) continue;
      instructions += Number(m[1]);
      // callgrind.out.<pid>.<part>-<thread>: thread 01 is the main (JavaScript) thread.
      if (f.endsWith('-01')) mainThread = Number(m[1]);
    }
    console.log(
      `${mode.toUpperCase()} ${build}: ${(instructions / pages / 1e6).toFixed(2)} M instructions/answer ` +
        `(main thread ${(mainThread / pages / 1e6).toFixed(2)} M; ${pages} answers after ${warmUp} warm-up), ` +
        `upstream calls/answer ${(calls / pages).toFixed(2)}`,
    );
  } finally {
    await gw.stop('SIGINT', 60_000);
    await sim.stop();
  }
}

/**
 * MAP_LOG: V8 logs a property addition whose map transition it did not cache (the object's map has no back
 * pointer, e.g. after Object.setPrototypeOf) as `map,Transition,…,prototype,<name>`: a new hidden class each
 * time. Prints those by property name, per answer sent (the whole run, warm-up included).
 */
async function printUncachedTransitions(file: string, answers: number): Promise<void> {
  const byName = new Map<string, number>();
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (!line.startsWith('map,Transition,')) continue;
    const f = line.split(',');
    if (f[8] === 'prototype') byName.set(f[9] ?? '', (byName.get(f[9] ?? '') ?? 0) + 1);
  }
  const rows = [...byName].filter(([, n]) => n >= answers / 2).sort((a, b) => b[1] - a[1]);
  console.log(`uncached map transitions per answer (${answers} answers), ${file}:`);
  for (const [name, n] of rows) console.log(`  ${(n / answers).toFixed(2)}  ${name}`);
}

/** GATEWAY_ENV's `KEY=VALUE` pairs (space-separated). */
function gatewayEnv(): Record<string, string> {
  const pairs = (process.env.GATEWAY_ENV ?? '').split(/\s+/).filter(Boolean);
  return Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
}

/** S1's answer, and that it came from the response cache (the first answers of the warm-up are misses). */
let s1Answers = 0;
const checkCatalogueHit: cfg.Check = (b, v) => {
  const problem = cfg.checkCatalogue(b, v);
  if (problem || s1Answers++ < 2) return problem;
  const ext = (b as { extensions?: { responseCache?: { hit?: unknown } } }).extensions;
  return ext?.responseCache?.hit === true ? undefined : `not a response-cache hit: ${JSON.stringify(ext)}`;
};

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
