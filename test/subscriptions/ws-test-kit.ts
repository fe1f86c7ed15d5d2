import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startGateway, type RunningGateway } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app-config';
import { startSimulator } from '../../simulator/simulator';
import { tempDir, writeTenants } from '../auth/auth-test-kit';
import { SIM_DEMO_KEY, type Simulator } from '../helpers/gateway';
import { testRedisUrl, uniquePrefix } from '../helpers/redis';

/** The gateway over a tenants file the test rewrites (hot reload), with the simulator as Barrack. */
export interface WsKit {
  url: string;
  sim: Simulator;
  dir: string;
  /** The demo account's seeded ACTIVE instance. */
  instanceId: string;
  writeTenants(tenants: Record<string, unknown>[]): Promise<void>;
  close(): Promise<void>;
}

/** `readKey`: an API key of a tenant on the demo Barrack account with the read scope. */
export async function startWsKit(
  /** The first tenants file; may write files it references into `dir` first. */
  tenants: (dir: string) => Record<string, unknown>[] | Promise<Record<string, unknown>[]>,
  readKey: string,
  env: Record<string, string> = {},
): Promise<WsKit> {
  const sim = await startSimulator({ seed: 'demo' });
  const t = await tempDir();
  const file = join(t.dir, 'tenants.yaml');
  let gw: RunningGateway | undefined;
  try {
    await writeFile(join(t.dir, 'demo.key'), SIM_DEMO_KEY, { mode: 0o600 });
    await writeTenants(file, await tenants(t.dir));
    gw = await startGateway(
      loadConfig({
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'silent',
        TENANTS_FILE: file,
        BARRACK_BASE_URL: sim.url,
        REDIS_URL: testRedisUrl(),
        REDIS_KEY_PREFIX: uniquePrefix('wsl'),
        ...env,
      }),
    );
  } catch (e) {
    await sim.close();
    await t.cleanup();
    throw e;
  }
  const running = gw;
  // The gateway's id of the seeded instance (ids are the gateway's own, not Barrack's).
  const res = await fetch(`${running.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${readKey}` },
    body: JSON.stringify({ query: '{ instances(first: 1) { nodes { id } } }' }),
  });
  const body = (await res.json()) as { data?: { instances: { nodes: { id: string }[] } } };
  const instanceId = body.data?.instances.nodes[0]?.id;
  if (!instanceId) {
    await running.close();
    await sim.close();
    await t.cleanup();
    throw new Error(`no seeded instance: ${JSON.stringify(body)}`);
  }
  return {
    url: running.url,
    sim,
    dir: t.dir,
    instanceId,
    writeTenants: (next) => writeTenants(file, next),
    close: async () => {
      try {
        await running.close();
      } finally {
        await sim.close();
        await t.cleanup();
      }
    },
  };
}

export function wsUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/graphql`;
}

/** A graphql-ws client that reports how its socket closed. */
export function wsClient(url: string, authorization: string): { client: Client; closed: Promise<number> } {
  let onClosed: (code: number) => void = () => undefined;
  const closed = new Promise<number>((r) => (onClosed = r));
  const client = createClient({
    url: wsUrl(url),
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: authorization },
    retryAttempts: 0,
    lazy: false,
    // The close is what the tests wait for; graphql-ws would also print it.
    onNonLazyError: () => undefined,
    on: { closed: (e) => onClosed((e as { code: number }).code) },
  });
  return { client, closed };
}

export interface Feed {
  data: unknown[];
  errors: { message: string; extensions?: Record<string, unknown> }[];
  done: Promise<void>;
  stop(): void;
}

/** Subscribes (or runs a query) and collects what arrives; `done` settles on complete or error. */
export function feed(client: Client, query: string, variables: Record<string, unknown> = {}): Feed {
  let settle: () => void = () => undefined;
  const f: Feed = {
    data: [],
    errors: [],
    done: new Promise<void>((r) => (settle = r)),
    stop: () => undefined,
  };
  f.stop = client.subscribe(
    { query, variables },
    {
      next: (r) => {
        if (r.data) f.data.push(r.data);
        if (r.errors) f.errors.push(...(r.errors as Feed['errors']));
      },
      error: (e) => {
        if (Array.isArray(e)) f.errors.push(...(e as Feed['errors']));
        else f.errors.push({ message: e instanceof Error ? e.message : 'closed' });
        settle();
      },
      complete: () => settle(),
    },
  );
  return f;
}

export const INSTANCE_UPDATED = `subscription($id: ID!) { instanceUpdated(id: $id) { id status } }`;
