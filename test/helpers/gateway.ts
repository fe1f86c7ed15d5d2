import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApiKey } from '../../src/auth/api-key';
import { type GatewayAppOptions, startGateway } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app-config';
import { SCOPES, type Scope } from '../../src/common/context/principal';
import { startSimulator } from '../../simulator/simulator';
import { testRedisUrl, uniquePrefix } from './redis';

/*
 * One place that boots the whole system the way production runs it: the Barrack simulator on a free port,
 * the real gateway (startGateway) pointed at it through a tenants file, and the shared test Redis under a
 * unique key prefix. Every e2e suite that needs "gateway over HTTP" uses this.
 */

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;

/** Demo Barrack keys the simulator knows (one Barrack account each). */
export const SIM_DEMO_KEY = 'sim-demo-key';
export const SIM_OTHER_KEY = 'sim-other-key';

export interface GqlResponse<D = Record<string, unknown>> {
  status: number;
  body: {
    data?: D | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
    extensions?: Record<string, unknown>;
  };
  headers: Headers;
}

export interface GqlOptions {
  /** Gateway API key to send (as `Authorization: Bearer`); defaults to the demo tenant's all-scopes key. Null sends none. */
  apiKey?: string | null;
  headers?: Record<string, string>;
}

export interface TestGateway {
  gatewayUrl: string;
  /** The running Nest app (its schema, providers), for suites that inspect the gateway itself. */
  app: Awaited<ReturnType<typeof startGateway>>['app'];
  /** The metrics-only listener's /metrics URL (a free loopback port in tests); null with METRICS_PORT=off. */
  metricsUrl: string | null;
  sim: Simulator;
  /** Gateway API keys: `demo`/`other` hold every scope; `demoRead` holds read only; `demoNoBilling` read+write. */
  keys: { demo: string; other: string; demoRead: string; demoNoBilling: string };
  tenantIds: { demo: string; other: string };
  /** The tenants asked for with `tenants`, by name: an all-scopes gateway key and the tenant id. */
  extra: Record<string, { key: string; tenantId: string }>;
  gql<D = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    opts?: GqlOptions,
  ): Promise<GqlResponse<D>>;
  close(): Promise<void>;
  /**
   * Another gateway replica with the same configuration (same tenants file, simulator, Redis prefix), as a
   * second pod behind the load balancer. Closed by close().
   */
  replica(): Promise<{ gatewayUrl: string; gql: TestGateway['gql']; close(): Promise<void> }>;
}

export interface StartTestGatewayOptions {
  /** Passed to startSimulator; the demo accounts (sim-demo-key, sim-other-key) are seeded unless `seed` says otherwise. */
  simulator?: Parameters<typeof startSimulator>[0];
  /** Extra environment for loadConfig (overrides the defaults below). */
  env?: Record<string, string | undefined>;
  /**
   * Rate-limit plan of both tenants. Defaults to a generous plan so functional suites are not throttled;
   * rate-limit suites pass their own.
   */
  plan?: Record<string, number | boolean>;
  /** Extra tenants-file fields per tenant (e.g. `{ demo: { documents: 'trusted' } }`). */
  tenantFields?: { demo?: Record<string, unknown>; other?: Record<string, unknown> };
  /**
   * More tenants beside demo and other, each on its own simulator account: create the account with
   * `simulator.accounts` (e.g. `{ apiKey: 'sim-inr-key', currency: 'INR' }`). Tenant id `e2e-<name>`.
   */
  tenants?: { name: string; barrackKey: string }[];
  /** Start-up options for the (first) gateway: an in-memory `spanExporter` (tracing suites), a `logDestination`. */
  gateway?: Pick<GatewayAppOptions, 'spanExporter' | 'logDestination'>;
}

const GENEROUS_PLAN = {
  requestsPerMinute: 100_000,
  costPerMinute: 10_000_000,
  burst: 10_000,
  billableMutationsPerHour: 100_000,
};

function keyEntry(scopes: readonly Scope[], label: string) {
  const k = generateApiKey();
  return { key: k.key, entry: { id: k.id, hash: k.hash, scopes: [...scopes], label } };
}

export async function startTestGateway(opts: StartTestGatewayOptions = {}): Promise<TestGateway> {
  const sim = await startSimulator({ seed: 'demo', ...opts.simulator });
  const dir = mkdtempSync(join(tmpdir(), 'bgw-e2e-'));
  try {
    writeFileSync(join(dir, 'demo.key'), SIM_DEMO_KEY, { mode: 0o600 });
    writeFileSync(join(dir, 'other.key'), SIM_OTHER_KEY, { mode: 0o600 });
    const demo = keyEntry(SCOPES, 'e2e all scopes');
    const demoRead = keyEntry(['read'], 'e2e read only');
    const demoNoBilling = keyEntry(['read', 'write'], 'e2e read+write');
    const other = keyEntry(SCOPES, 'e2e other tenant');
    const extra = (opts.tenants ?? []).map((t) => {
      writeFileSync(join(dir, `extra-${t.name}.key`), t.barrackKey, { mode: 0o600 });
      return { ...t, tenantId: `e2e-${t.name}`, apiKey: keyEntry(SCOPES, `e2e ${t.name} tenant`) };
    });
    const tenantsFile = join(dir, 'tenants.json');
    const tenants = {
      tenants: [
        {
          id: 'e2e-demo',
          name: 'E2E demo tenant',
          barrackCredential: { file: join(dir, 'demo.key') },
          scopes: [...SCOPES],
          plan: opts.plan ?? GENEROUS_PLAN,
          apiKeys: [demo.entry, demoRead.entry, demoNoBilling.entry],
          ...opts.tenantFields?.demo,
        },
        {
          id: 'e2e-other',
          name: 'E2E other tenant',
          barrackCredential: { file: join(dir, 'other.key') },
          scopes: [...SCOPES],
          plan: opts.plan ?? GENEROUS_PLAN,
          apiKeys: [other.entry],
          ...opts.tenantFields?.other,
        },
        ...extra.map((t) => ({
          id: t.tenantId,
          name: `E2E ${t.name} tenant`,
          barrackCredential: { file: join(dir, `extra-${t.name}.key`) },
          scopes: [...SCOPES],
          plan: opts.plan ?? GENEROUS_PLAN,
          apiKeys: [t.apiKey.entry],
        })),
      ],
    };
    writeFileSync(tenantsFile, JSON.stringify(tenants, null, 2), { mode: 0o600 });

    const config = loadConfig({
      BARRACK_BASE_URL: sim.url,
      TENANTS_FILE: tenantsFile,
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: uniquePrefix('gw'),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      ...opts.env,
    });
    const gateway = await startGateway(config, opts.gateway);
    const gatewayUrl = gateway.url;
    const replicas: Awaited<ReturnType<typeof startGateway>>[] = [];

    const gqlAt =
      (baseUrl: string) =>
      async <D>(
        query: string,
        variables: Record<string, unknown> = {},
        o: GqlOptions = {},
      ): Promise<GqlResponse<D>> => {
        const apiKey = o.apiKey === undefined ? demo.key : o.apiKey;
        const res = await fetch(`${baseUrl}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
            ...o.headers,
          },
          body: JSON.stringify({ query, variables }),
        });
        const text = await res.text();
        let body: GqlResponse<D>['body'];
        try {
          body = JSON.parse(text) as GqlResponse<D>['body'];
        } catch {
          throw new Error(`gateway answered ${res.status} with non-JSON: ${text.slice(0, 200)}`);
        }
        return { status: res.status, body, headers: res.headers };
      };
    const gql = gqlAt(gatewayUrl);

    return {
      gatewayUrl,
      app: gateway.app,
      metricsUrl: gateway.metricsUrl,
      sim,
      keys: { demo: demo.key, other: other.key, demoRead: demoRead.key, demoNoBilling: demoNoBilling.key },
      tenantIds: { demo: 'e2e-demo', other: 'e2e-other' },
      extra: Object.fromEntries(extra.map((t) => [t.name, { key: t.apiKey.key, tenantId: t.tenantId }])),
      gql,
      replica: async () => {
        const r = await startGateway(config);
        replicas.push(r);
        let closed: Promise<void> | undefined;
        // Closing twice (the test, then close() below) closes once.
        const close = () => (closed ??= r.close());
        replicas[replicas.length - 1] = { ...r, close };
        return { gatewayUrl: r.url, gql: gqlAt(r.url), close };
      },
      close: async () => {
        try {
          await Promise.all(replicas.map((r) => r.close()));
          await gateway.close();
        } finally {
          await sim.close();
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (e) {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 10_000,
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}
