/* eslint-disable @typescript-eslint/no-explicit-any -- the bodies checked here are untyped JSON of the systems under test */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateApiKey } from '../../src/auth/api-key';
import { SCOPES } from '../../src/common/context/principal';
import { demoPublicKey } from '../../simulator/sim-seed';
import { CONSOLE_INSTANCES, LOAD, TENANT_COUNT } from '../bench.config';

/*
 * The benchmark's world, built through the simulator's own HTTP API (admin /__sim for accounts and stock,
 * Barrack REST for resources) and a tenants file with one API key per tenant.
 */

export const REGION = 'CANADA-1';
const GPU_MODEL = 'A100-PCIe-80GB';
const IMAGE = 'Ubuntu Server 22.04 LTS R535 CUDA 12.2';
/** Barrack accounts allow 25 firewalls; the console's instances share a few, as real accounts do. */
const CONSOLE_FIREWALLS = 5;

/** Plans generous enough that no scenario is ever limited (scenario 5 measures the limiter's cost, not 429s). */
const GENEROUS_PLAN = {
  requestsPerMinute: 100_000_000,
  costPerMinute: 2_000_000_000,
  burst: 10_000_000,
  billableMutationsPerHour: 10_000_000,
};

export interface World {
  /** Barrack key of the main account (console page, pass-through) and the gateway key of its tenant. */
  mainBarrackKey: string;
  mainApiKey: string;
  /** Instances of the main account (the console page's 50). */
  mainInstanceIds: string[];
  mutationApiKey: string;
  /** One VM per mutation-mix connection, all ACTIVE at the start. */
  mutationInstanceIds: string[];
  /** Scenario 5: one API key per tenant, each tenant its own Barrack account. */
  tenantApiKeys: string[];
  tenantsFile: string;
}

async function call(
  origin: string,
  method: string,
  path: string,
  key: string | null,
  body?: unknown,
): Promise<any> {
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** Runs `fn` over `items` with at most `width` at a time (the simulator adds 20 ms to each call). */
async function inBatches<T, R>(items: T[], width: number, fn: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) {
    out.push(...(await Promise.all(items.slice(i, i + width).map((t, j) => fn(t, i + j)))));
  }
  return out;
}

async function deployInstances(origin: string, key: string, prefix: string, n: number): Promise<string[]> {
  await call(origin, 'POST', '/api/ssh-keys/', key, { name: 'bench-key', public_key: demoPublicKey(prefix) });
  const ids = await inBatches([...Array(n).keys()], 10, async (i) => {
    const r = await call(origin, 'POST', '/api/instances/', key, {
      name: `${prefix}-${String(i).padStart(3, '0')}`,
      gpu_model: GPU_MODEL,
      gpu_count: 1,
      region: REGION,
      image_name: IMAGE,
      ssh_key_name: 'bench-key',
      assign_public_ip: true,
    });
    return String(r.data.instance_id);
  });
  // With a transition delay of 0 a VM is ACTIVE on its next read.
  await inBatches(ids, 10, (id) => call(origin, 'GET', `/api/instances/${id}/`, key));
  return ids;
}

/** Gives every console instance an attached volume, a snapshot and a firewall. */
async function furnishConsole(origin: string, key: string, ids: string[]): Promise<void> {
  await inBatches(ids, 10, async (id, i) => {
    const v = await call(origin, 'POST', '/api/volumes/', key, {
      name: `bench-vol-${i}`,
      region: REGION,
      size: 100,
    });
    await call(origin, 'POST', `/api/instances/${id}/attach-volumes/`, key, {
      volume_ids: [v.data.volume_id],
    });
    await call(origin, 'POST', '/api/snapshots/', key, { instance_id: id, name: `bench-snap-${i}` });
  });
  for (let f = 0; f < CONSOLE_FIREWALLS; f++) {
    const fw = await call(origin, 'POST', '/api/firewalls/', key, { name: `bench-fw-${f}`, region: REGION });
    const members = ids.filter((_, i) => i % CONSOLE_FIREWALLS === f);
    await call(origin, 'POST', `/api/firewalls/${fw.data.firewall_id}/attach/`, key, {
      instance_ids: members,
    });
  }
}

function keyEntry(label: string) {
  const k = generateApiKey();
  return { key: k.key, entry: { id: k.id, hash: k.hash, scopes: [...SCOPES], label } };
}

export async function buildWorld(simOrigin: string, dir: string): Promise<World> {
  mkdirSync(dir, { recursive: true });
  const mainBarrackKey = 'bench-main-key';
  const mutBarrackKey = 'bench-mut-key';
  const tenantBarrackKeys = [...Array(TENANT_COUNT).keys()].map(
    (i) => `bench-t${String(i).padStart(3, '0')}-key`,
  );
  const accounts = [mainBarrackKey, mutBarrackKey, ...tenantBarrackKeys];
  await inBatches(accounts, 20, (apiKey) =>
    call(simOrigin, 'POST', '/__sim/accounts', null, { apiKey, currency: 'USD', balance: 1_000_000_000 }),
  );
  await call(simOrigin, 'POST', '/__sim/stock', null, { region: REGION, model: GPU_MODEL, count: 100_000 });

  const mainInstanceIds = await deployInstances(
    simOrigin,
    mainBarrackKey,
    'bench-console',
    CONSOLE_INSTANCES,
  );
  await furnishConsole(simOrigin, mainBarrackKey, mainInstanceIds);
  const mutationInstanceIds = await deployInstances(
    simOrigin,
    mutBarrackKey,
    'bench-mut',
    LOAD.mutations.connections,
  );

  const tenant = (id: string, barrackKey: string, apiKeys: ReturnType<typeof keyEntry>[]) => {
    const file = join(dir, `${id}.barrack-key`);
    writeFileSync(file, barrackKey, { mode: 0o600 });
    return {
      id,
      name: `Benchmark ${id}`,
      barrackCredential: { file },
      scopes: [...SCOPES],
      plan: GENEROUS_PLAN,
      apiKeys: apiKeys.map((k) => k.entry),
    };
  };
  const main = keyEntry('bench main');
  const mut = keyEntry('bench mutations');
  const tenantKeys = tenantBarrackKeys.map((_, i) => keyEntry(`bench tenant ${i}`));
  const tenants = [
    tenant('bench-main', mainBarrackKey, [main]),
    tenant('bench-mut', mutBarrackKey, [mut]),
    ...tenantBarrackKeys.map((k, i) => tenant(`bench-t${String(i).padStart(3, '0')}`, k, [tenantKeys[i]!])),
  ];
  const tenantsFile = join(dir, 'tenants.json');
  writeFileSync(tenantsFile, JSON.stringify({ tenants }, null, 2), { mode: 0o600 });
  return {
    mainBarrackKey,
    mainApiKey: main.key,
    mainInstanceIds,
    mutationApiKey: mut.key,
    mutationInstanceIds,
    tenantApiKeys: tenantKeys.map((k) => k.key),
    tenantsFile,
  };
}

/**
 * One Barrack account holding just the console page's world (CONSOLE_INSTANCES furnished instances), for
 * bench/probe.ts's S3 case: the same shape as buildWorld's main account without the other accounts.
 */
export async function buildConsoleAccount(simOrigin: string, barrackKey: string): Promise<string[]> {
  await call(simOrigin, 'POST', '/__sim/accounts', null, {
    apiKey: barrackKey,
    currency: 'USD',
    balance: 1_000_000_000,
  });
  await call(simOrigin, 'POST', '/__sim/stock', null, { region: REGION, model: GPU_MODEL, count: 100_000 });
  const ids = await deployInstances(simOrigin, barrackKey, 'probe-console', CONSOLE_INSTANCES);
  await furnishConsole(simOrigin, barrackKey, ids);
  return ids;
}

/**
 * `count` Barrack accounts named `<prefix>NNN-key` (S5's tenants: each its own account), for bench/probe.ts's
 * S5 case; buildWorld makes the bench's the same way.
 */
export async function buildTenantAccounts(
  simOrigin: string,
  prefix: string,
  count: number,
): Promise<string[]> {
  const keys = [...Array(count).keys()].map((i) => `${prefix}${String(i).padStart(3, '0')}-key`);
  await inBatches(keys, 20, (apiKey) =>
    call(simOrigin, 'POST', '/__sim/accounts', null, { apiKey, currency: 'USD', balance: 1_000_000_000 }),
  );
  return keys;
}

/** Upstream calls the simulator has served since the last reset. */
export async function simCallsSinceReset(simOrigin: string): Promise<number> {
  const r = await call(simOrigin, 'GET', '/__sim/requests', null);
  return Number(r.counters.total);
}

export async function simResetLog(simOrigin: string): Promise<void> {
  await call(simOrigin, 'DELETE', '/__sim/requests', null);
}

/** The simulator's request counters since the last reset (total and per Barrack operation). */
export async function simCounters(
  simOrigin: string,
): Promise<{ total: number; byOperation: Record<string, number> }> {
  const r = await call(simOrigin, 'GET', '/__sim/requests', null);
  return { total: Number(r.counters.total), byOperation: r.counters.byOperation as Record<string, number> };
}
