import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { components } from '../src/barrack/contract/barrack-api.types';
import { CURRENCIES } from './catalog';
import { allHandlers } from './handlers/all-handlers';
import { SimClock, iso } from './sim-clock';
import { compileContract } from './sim-contract';
import { FaultRegistry, type FaultSpec } from './sim-faults';
import { RequestLog, type RequestCounters, type RequestLogEntry } from './sim-request-log';
import { seedDemo } from './sim-seed';
import { SimServer } from './sim-server';
import { SimState, type AccountSeed } from './sim-state';
import {
  firewallView,
  imageView,
  instanceView,
  scriptView,
  snapshotView,
  sshKeyView,
  volumeView,
} from './sim-views';

export type { AccountSeed } from './sim-state';
export type { FaultSpec } from './sim-faults';
export type { RequestCounters, RequestLogEntry } from './sim-request-log';
export { DEMO_API_KEY, OTHER_API_KEY } from './sim-seed';

type S = components['schemas'];

export interface SimulatorOptions {
  /** 0 (default) = a free port. */
  port?: number;
  host?: string;
  /** 'demo' seeds the demo accounts (sim-demo-key, sim-other-key); default 'none'. */
  seed?: 'demo' | 'none';
  accounts?: AccountSeed[];
  /** How long transitional VM states last on the simulated clock (default 0: complete on the next read). */
  transitionDelayMs?: number;
  /** Latency added to every Barrack route (faults add to it). */
  latencyMs?: number;
  now?: () => Date;
}

export interface AccountState {
  accountId: string;
  name: string;
  currency: S['CurrencyEnum'];
  balance: number;
  instances: S['VMInstance'][];
  volumes: S['VolumeResponse'][];
  snapshots: S['Snapshot'][];
  images: S['Image'][];
  firewalls: S['FirewallResponse'][];
  sshKeys: S['SSHKeyResponse'][];
  scripts: S['Script'][];
  aiTransactions: number;
}

/** Control of the simulator, in-process; the same operations are served over HTTP under /__sim/. */
export interface SimulatorAdmin {
  createAccount(seed: AccountSeed): string;
  advanceClock(ms: number): string;
  now(): Date;
  setFault(target: string, spec: FaultSpec): void;
  clearFaults(): void;
  /** The latency added to every Barrack route (the `--latency` flag), changed at run time. */
  latencyMs(): number;
  setLatency(ms: number): void;
  requestLog(): RequestLogEntry[];
  counters(): RequestCounters;
  resetLog(): void;
  getAccountState(apiKey: string): AccountState;
  setStock(region: string, model: string, gpus: number): void;
  stock(region: string, model: string): number;
}

export interface RunningSimulator {
  /** Base URL including the /api path prefix, e.g. http://127.0.0.1:41234/api */
  url: string;
  /** Origin of the admin endpoints (/__sim/...). */
  origin: string;
  port: number;
  admin: SimulatorAdmin;
  close(): Promise<void>;
}

export const SIM_PATH_PREFIX = '/api';

function createAdmin(sim: SimState, faults: FaultRegistry, log: RequestLog): SimulatorAdmin {
  return {
    createAccount: (seed) => sim.createAccount(seed).id,
    advanceClock: (ms) => iso(sim.clock.advance(ms)),
    now: () => new Date(sim.clock.nowMs()),
    setFault: (target, spec) => faults.set(target, spec),
    clearFaults: () => faults.clear(),
    latencyMs: () => faults.globalLatencyMs,
    setLatency: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('latency ms must be a number >= 0');
      faults.globalLatencyMs = ms;
    },
    requestLog: () => log.list(),
    counters: () => log.snapshot(),
    resetLog: () => log.reset(),
    setStock: (region, model, gpus) => sim.setStock(region, model, gpus),
    stock: (region, model) => sim.gpusInStock(region, model),
    getAccountState: (apiKey) => {
      const a = sim.accountsByKey.get(apiKey);
      if (!a) throw new Error('no account with this key');
      return {
        accountId: a.id,
        name: a.name,
        currency: a.currency,
        balance: sim.balance(a),
        instances: sim.liveInstances(a).map((i) => instanceView(sim, a, i)),
        volumes: [...a.volumes.values()].filter((v) => v.deletedAt === null).map((v) => volumeView(a, v)),
        snapshots: [...a.snapshots.values()]
          .filter((s) => s.deletedAt === null)
          .map((s) => snapshotView(sim, s)),
        images: [...a.images.values()].map((i) => imageView(a, i)),
        firewalls: [...a.firewalls.values()].map((f) => firewallView(sim, a, f)),
        sshKeys: [...a.sshKeys.values()].map(sshKeyView),
        scripts: [...a.scripts.values()].map(scriptView),
        aiTransactions: a.aiTransactions.length,
      };
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

function rec(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** /__sim/... : needs no Barrack credential; the gateway never calls it. */
function adminHttp(admin: SimulatorAdmin) {
  return (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: URLSearchParams,
    body: unknown,
  ): boolean => {
    const route = `${req.method ?? 'GET'} ${path.replace(/\/+$/, '')}`;
    const b = rec(body);
    try {
      switch (route) {
        case 'GET /__sim/health':
          sendJson(res, 200, { ok: true });
          return true;
        case 'POST /__sim/accounts': {
          const currency = b.currency as S['CurrencyEnum'] | undefined;
          if (typeof b.apiKey !== 'string' || (currency !== undefined && !CURRENCIES.includes(currency))) {
            sendJson(res, 400, { error: 'apiKey (string) required; currency USD|EUR|INR' });
            return true;
          }
          const id = admin.createAccount({
            apiKey: b.apiKey,
            currency,
            balance: typeof b.balance === 'number' ? b.balance : undefined,
            name: typeof b.name === 'string' ? b.name : undefined,
          });
          sendJson(res, 201, { account_id: id });
          return true;
        }
        case 'GET /__sim/accounts/state':
          sendJson(res, 200, admin.getAccountState(query.get('api_key') ?? ''));
          return true;
        case 'POST /__sim/clock/advance':
          sendJson(res, 200, { now: admin.advanceClock(Number(b.ms)) });
          return true;
        case 'GET /__sim/clock':
          sendJson(res, 200, { now: admin.now().toISOString() });
          return true;
        case 'POST /__sim/faults':
          admin.setFault(typeof b.target === 'string' ? b.target : '', b);
          sendJson(res, 200, { ok: true });
          return true;
        case 'DELETE /__sim/faults':
          admin.clearFaults();
          sendJson(res, 200, { ok: true });
          return true;
        case 'GET /__sim/latency':
          sendJson(res, 200, { ms: admin.latencyMs() });
          return true;
        case 'PUT /__sim/latency':
          admin.setLatency(typeof b.ms === 'number' ? b.ms : NaN);
          sendJson(res, 200, { ms: admin.latencyMs() });
          return true;
        case 'GET /__sim/requests':
          sendJson(res, 200, { entries: admin.requestLog(), counters: admin.counters() });
          return true;
        case 'DELETE /__sim/requests':
          admin.resetLog();
          sendJson(res, 200, { ok: true });
          return true;
        case 'POST /__sim/stock':
          admin.setStock(String(b.region), String(b.model), Number(b.count));
          sendJson(res, 200, { ok: true });
          return true;
        default:
          return false;
      }
    } catch (e) {
      sendJson(res, 400, { error: e instanceof Error ? e.message : String(e) });
      return true;
    }
  };
}

/** Starts a simulator on its own port; tests start one per suite, the gateway's embedded mode one per process. */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const contract = compileContract();
  const clock = new SimClock(opts.now);
  const sim = new SimState(clock, opts.transitionDelayMs ?? 0);
  const faults = new FaultRegistry((t) => {
    if (t === '*' || contract.templates.has(t)) return true;
    if (contract.routes.some((r) => r.operationId === t)) return true;
    const [method, template] = t.split(' ');
    return contract.routes.some((r) => r.method === method && r.template === template);
  }, opts.latencyMs ?? 0);
  const log = new RequestLog();
  const handlers = allHandlers(contract.routes.map((r) => r.operationId));
  if (opts.seed === 'demo') seedDemo(sim);
  for (const a of opts.accounts ?? []) sim.createAccount(a);
  const admin = createAdmin(sim, faults, log);
  const server = new SimServer({
    sim,
    handlers,
    faults,
    log,
    prefix: SIM_PATH_PREFIX,
    admin: adminHttp(admin),
  });
  const http = createServer({ keepAliveTimeout: 30_000 }, server.listener);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port ?? 0, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}${SIM_PATH_PREFIX}`,
    origin,
    port,
    admin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close();
        http.close((err) => (err ? reject(err) : resolve()));
        http.closeAllConnections();
      }),
  };
}
