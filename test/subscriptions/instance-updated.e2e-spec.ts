import { join } from 'node:path';
import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { RunningGateway } from '../../src/bootstrap';
import type { RequestLogEntry } from '../../simulator/simulator';
import {
  apiKeyEntry,
  eventually,
  newKey,
  startWithTenants,
  tempDir,
  writeTenants,
} from '../auth/auth-test-kit';
import { SIM_DEMO_KEY, SIM_OTHER_KEY, startTestGateway, waitFor, type TestGateway } from '../helpers/gateway';

/*
 * instanceUpdated over graphql-ws against the real gateway, the simulator (transitions last 60 s on its
 * clock; advanceClock moves them along) and real Redis. Barrack has no push, so the gateway polls: these
 * tests read the simulator's request log to see who polled, how often and with which credential.
 */

const POLL_MS = 100;
const TRANSITION_MS = 60_000;
const IMAGE = 'Ubuntu Server 22.04 LTS R535 CUDA 12.2';
const SUBSCRIPTION = `subscription($id: ID!) { instanceUpdated(id: $id) { id: barrackId name status publicIp } }`;

interface Event {
  id: string;
  name: string;
  status: string;
  publicIp: string | null;
}

interface Watch {
  events: Event[];
  errors: { message: string; extensions?: Record<string, unknown> }[];
  completed: boolean;
  stop(): void;
}

function wsUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/graphql`;
}

function wsClient(gatewayUrl: string, key: string): Client {
  return createClient({
    url: wsUrl(gatewayUrl),
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${key}` },
    retryAttempts: 0,
  });
}

function watch(client: Client, id: string): Watch {
  const w: Watch = { events: [], errors: [], completed: false, stop: () => undefined };
  w.stop = client.subscribe<{ instanceUpdated: Event }>(
    { query: SUBSCRIPTION, variables: { id } },
    {
      next: (r) => {
        if (r.data?.instanceUpdated) w.events.push(r.data.instanceUpdated);
        if (r.errors) w.errors.push(...(r.errors as Watch['errors']));
      },
      error: (e) => w.errors.push({ message: e instanceof Error ? e.message : JSON.stringify(e) }),
      complete: () => (w.completed = true),
    },
  );
  return w;
}

function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  // eslint-disable-next-line @typescript-eslint/require-await
  return waitFor(what, async () => probe(), 10_000, 10);
}

/** Opens a raw graphql-transport-ws socket, sends connection_init with `payload`, resolves with the close code (or 'ack'). */
function rawConnect(gatewayUrl: string, payload: unknown, headers: Record<string, string> = {}) {
  return new Promise<number | 'ack'>((resolve, reject) => {
    const ws = new WebSocket(wsUrl(gatewayUrl), 'graphql-transport-ws', { headers });
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload })));
    ws.on('message', (m: WebSocket.RawData) => {
      const text = (Array.isArray(m) ? Buffer.concat(m) : Buffer.from(m as Uint8Array)).toString('utf8');
      if ((JSON.parse(text) as { type: string }).type === 'connection_ack') {
        ws.close();
        resolve('ack');
      }
    });
    ws.on('close', (code) => resolve(code));
    ws.on('error', reject);
  });
}

describe('instanceUpdated subscription (graphql-ws)', () => {
  let gw: TestGateway;
  const clients: Client[] = [];
  const client = (key: string): Client => {
    const c = wsClient(gw.gatewayUrl, key);
    clients.push(c);
    return c;
  };

  const polls = (id: string): RequestLogEntry[] =>
    gw.sim.admin
      .requestLog()
      .filter(
        (e) => e.operationId === 'getInstance' && e.path.includes(id) && e.requestId?.startsWith('sub-'),
      );

  async function deploy(name: string): Promise<string> {
    const r = await gw.gql<{ createInstance: { instance: { id: string; status: string } } }>(
      `mutation($input: CreateInstanceInput!) { createInstance(input: $input) { instance { id: barrackId status } } }`,
      {
        input: {
          name,
          gpuModel: 'RTX_A6000',
          gpuCount: 1,
          region: 'NORWAY_1',
          imageName: IMAGE,
          sshKeyName: 'demo-key',
        },
      },
    );
    expect(r.body.errors).toBeUndefined();
    const instance = r.body.data?.createInstance.instance;
    expect(instance?.status).toBe('CREATING');
    return instance!.id;
  }

  async function act(mutation: 'stopInstance' | 'deleteInstance', id: string): Promise<void> {
    const r = await gw.gql(`mutation($id: ID!) { ${mutation}(input: { id: $id }) { instanceId } }`, { id });
    expect(r.body.errors).toBeUndefined();
  }

  async function requestsAllowed(): Promise<number> {
    const text = await (await fetch(gw.metricsUrl!)).text();
    const line = text
      .split('\n')
      .find(
        (l) =>
          l.startsWith('gateway_rate_limit_decisions_total{') &&
          l.includes('tenant="e2e-demo"') &&
          l.includes('budget="requests"') &&
          l.includes('outcome="allowed"'),
      );
    return line ? Number(line.split(' ').pop()) : 0;
  }

  beforeAll(async () => {
    gw = await startTestGateway({
      simulator: { transitionDelayMs: TRANSITION_MS },
      env: { SUBSCRIPTION_POLL_MS: String(POLL_MS), METRICS_TENANT_LABELS: 'true' },
    });
  });

  afterAll(async () => {
    for (const c of clients) await Promise.resolve(c.dispose());
    await gw?.close();
  });

  it('follows an instance CREATING → ACTIVE → SHUTOFF → DELETED, then completes', async () => {
    const id = await deploy('sub-lifecycle');
    const before = await requestsAllowed();
    const w = watch(client(gw.keys.demo), id);

    await until('the current state', () => w.events[0]);
    expect(w.events[0]).toMatchObject({ id, name: 'sub-lifecycle', status: 'CREATING' });

    gw.sim.admin.advanceClock(TRANSITION_MS);
    await until('ACTIVE', () => w.events.find((e) => e.status === 'ACTIVE'));
    // Several polls and two events so far, one request against the tenant's budget: the subscription
    // counts once, when it starts.
    expect(polls(id).length).toBeGreaterThan(1);
    expect((await requestsAllowed()) - before).toBe(1);

    await act('stopInstance', id);
    await until('STOPPING', () => w.events.find((e) => e.status === 'STOPPING'));
    gw.sim.admin.advanceClock(TRANSITION_MS);
    await until('SHUTOFF', () => w.events.find((e) => e.status === 'SHUTOFF'));

    await act('deleteInstance', id);
    await until('DELETING', () => w.events.find((e) => e.status === 'DELETING'));
    gw.sim.admin.advanceClock(TRANSITION_MS);
    await until('completion', () => (w.completed ? true : undefined));

    const statuses = w.events.map((e) => e.status);
    expect(statuses.slice(0, 5)).toEqual(['CREATING', 'ACTIVE', 'STOPPING', 'SHUTOFF', 'DELETING']);
    // One event per change: polls that saw nothing new sent nothing.
    expect(new Set(statuses).size).toBe(statuses.length);
    expect(w.errors).toEqual([]);
    // Every poll carried the subscriber's tenant credential and nothing else.
    expect(new Set(polls(id).map((e) => e.credential))).toEqual(new Set([SIM_DEMO_KEY]));
  });

  it('shares one poller between subscribers of the same instance and stops it when the last leaves', async () => {
    const id = await deploy('sub-shared');
    const a = watch(client(gw.keys.demo), id);
    const b = watch(client(gw.keys.demoRead), id);
    await until('both subscribers see the current state', () =>
      a.events.length && b.events.length ? true : undefined,
    );
    const start = polls(id).length;
    await until('ten shared polls', () => (polls(id).length >= start + 10 ? true : undefined));
    gw.sim.admin.advanceClock(TRANSITION_MS);
    await until('both see ACTIVE', () =>
      a.events.some((e) => e.status === 'ACTIVE') && b.events.some((e) => e.status === 'ACTIVE')
        ? true
        : undefined,
    );

    // One feed: every poll request id is `sub-<feed>-<n>` with the same feed and no n twice.
    const ids = polls(id).map((e) => e.requestId!);
    const feeds = new Set(ids.map((r) => r.split('-')[1]));
    expect(feeds.size).toBe(1);
    expect(new Set(ids).size).toBe(ids.length);

    // The first to leave does not stop the poller: b still hears about changes.
    a.stop();
    await act('stopInstance', id);
    await until('b sees STOPPING', () => b.events.find((e) => e.status === 'STOPPING'));
    expect(a.events.some((e) => e.status === 'STOPPING')).toBe(false);

    // The last to leave does. Another instance's feed polling ten times shows time passed.
    b.stop();
    const afterLeave = polls(id).length;
    const other = await deploy('sub-clock');
    const o = watch(client(gw.keys.demo), other);
    await until('the other feed polls ten times', () => (polls(other).length >= 10 ? true : undefined));
    o.stop();
    // At most the one poll that was already in flight when b left.
    expect(polls(id).length - afterLeave).toBeLessThanOrEqual(1);
  });

  it("answers another tenant's instance id with NOT_FOUND, polled with that tenant's credential only", async () => {
    const id = await deploy('sub-isolated');
    const w = watch(client(gw.keys.other), id);
    await until('an error', () => w.errors[0]);
    expect(w.events).toEqual([]);
    expect(w.errors[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(typeof w.errors[0]?.extensions?.requestId).toBe('string');
    await until('completion', () => (w.completed ? true : undefined));
    expect(polls(id).map((e) => e.credential)).toEqual([SIM_OTHER_KEY]);
  });

  it('refuses a connection without a valid credential (close 4401) and accepts one in the upgrade headers', async () => {
    expect(await rawConnect(gw.gatewayUrl, {})).toBe(4401);
    expect(await rawConnect(gw.gatewayUrl, { Authorization: 'Bearer bgw_nope_nope' })).toBe(4401);
    expect(await rawConnect(gw.gatewayUrl, { 'x-api-key': 'not-a-key' })).toBe(4401);
    expect(await rawConnect(gw.gatewayUrl, { 'x-api-key': gw.keys.demo })).toBe('ack');
    expect(await rawConnect(gw.gatewayUrl, {}, { 'x-api-key': gw.keys.demo })).toBe('ack');
  });

  it('serves queries over the socket but refuses mutations (HTTP only)', async () => {
    const c = client(gw.keys.demo);
    const q = await new Promise<unknown>((resolve, reject) =>
      c.subscribe(
        { query: '{ viewer { tenantId } }' },
        { next: resolve, error: reject, complete: () => undefined },
      ),
    );
    expect(q).toEqual({ data: { viewer: { tenantId: 'e2e-demo' } } });
    const m = await new Promise<unknown>((resolve) =>
      c.subscribe(
        { query: 'mutation { deleteInstance(input: { id: "BRK-1" }) { instanceId } }' },
        { next: resolve, error: resolve, complete: () => undefined },
      ),
    );
    expect(JSON.stringify(m)).toContain('BAD_USER_INPUT');
  });
});

describe('instanceUpdated: scopes and shutdown', () => {
  let gateway: RunningGateway | undefined;
  let cleanup: () => Promise<void>;
  const noRead = newKey();
  const reader = newKey();

  beforeAll(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    process.env.BGW_TEST_SUB_KEY = 'unused';
    const file = join(t.dir, 'tenants.yaml');
    await writeTenants(file, [
      {
        id: 'acme',
        name: 'Acme',
        barrackCredential: { env: 'BGW_TEST_SUB_KEY' },
        scopes: ['read', 'write'],
        apiKeys: [apiKeyEntry(noRead, { scopes: ['write'] }), apiKeyEntry(reader, { scopes: ['read'] })],
      },
    ]);
    gateway = await startWithTenants(file);
  });

  afterAll(async () => {
    await gateway?.close();
    await cleanup?.();
  });

  it('gives a key without the read scope FORBIDDEN (before any upstream call: Barrack is a closed port here)', async () => {
    const c = wsClient(gateway!.url, noRead.key);
    try {
      const r = await new Promise<FormattedExecutionResult>((resolve, reject) =>
        c.subscribe(
          { query: SUBSCRIPTION, variables: { id: 'BRK-100001D' } },
          { next: resolve, error: reject, complete: () => undefined },
        ),
      );
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', missingScopes: ['read'] });
    } finally {
      await c.dispose();
    }
  });

  it('closes open WebSocket connections when the gateway shuts down', async () => {
    const ws = new WebSocket(wsUrl(gateway!.url), 'graphql-transport-ws');
    let closed: number | undefined;
    ws.on('close', (code) => (closed = code));
    await new Promise<void>((resolve, reject) => {
      ws.on('open', () =>
        ws.send(JSON.stringify({ type: 'connection_init', payload: { 'x-api-key': reader.key } })),
      );
      ws.on('message', () => resolve());
      ws.on('error', reject);
    });
    await gateway!.close();
    gateway = undefined;
    await eventually(() => Promise.resolve(closed !== undefined), 5_000, 10);
    expect(ws.readyState).toBe(WebSocket.CLOSED);
  });
});
