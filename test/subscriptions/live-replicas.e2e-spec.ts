import { barrackKeyOf } from '../../src/common/graphql/global-id';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { RequestLogEntry } from '../../simulator/simulator';
import { InstanceEventsService } from '../../src/instances/instance-events.service';
import { startTestGateway, waitFor, type TestGateway } from '../helpers/gateway';
import { sseFeed } from './sse-kit';

/*
 * Live updates across two gateway replicas sharing one Redis prefix (README "Subscriptions"): one poller per
 * (tenant, instance) across replicas under a lease, states fanned out through Redis pub/sub, mutations
 * published at once from whichever replica served them, and a takeover when the polling replica goes away.
 */

const TRANSITION_MS = 60_000;
const IMAGE = 'Ubuntu Server 22.04 LTS R535 CUDA 12.2';
const SUBSCRIPTION = `subscription($id: ID!) { instanceUpdated(id: $id) { id status } }`;

interface Watch {
  events: { id: string; status: string; at: number }[];
  errors: unknown[];
  completed: boolean;
}

function watch(client: Client, id: string): Watch {
  const w: Watch = { events: [], errors: [], completed: false };
  client.subscribe<{ instanceUpdated: { id: string; status: string } }>(
    { query: SUBSCRIPTION, variables: { id } },
    {
      next: (r) => {
        if (r.data?.instanceUpdated) w.events.push({ ...r.data.instanceUpdated, at: Date.now() });
        if (r.errors) w.errors.push(...r.errors);
      },
      error: (e) => w.errors.push(e),
      complete: () => (w.completed = true),
    },
  );
  return w;
}

function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  // eslint-disable-next-line @typescript-eslint/require-await
  return waitFor(what, async () => probe(), 10_000, 10);
}

/** The feed id in a poll's request id (`sub-{feed}-{n}`): which replica's feed made it. */
const feedOf = (e: RequestLogEntry): string => e.requestId!.split('-')[1]!;

async function deploy(gw: TestGateway, name: string): Promise<string> {
  const r = await gw.gql<{ createInstance: { instance: { id: string } } }>(
    `mutation($input: CreateInstanceInput!) { createInstance(input: $input) { instance { id } } }`,
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
  return r.body.data!.createInstance.instance.id;
}

function suite(pollMs: number) {
  const state: {
    gw?: TestGateway;
    b?: Awaited<ReturnType<TestGateway['replica']>>;
    clients: Client[];
  } = { clients: [] };
  const client = (url: string, key: string): Client => {
    const c = createClient({
      url: `${url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${key}` },
      retryAttempts: 0,
    });
    state.clients.push(c);
    return c;
  };
  const polls = (id: string): RequestLogEntry[] =>
    state
      .gw!.sim.admin.requestLog()
      .filter(
        (e) =>
          e.operationId === 'getInstance' &&
          e.path.includes(barrackKeyOf(id, 'Instance')!) &&
          e.requestId?.startsWith('sub-'),
      );
  beforeAll(async () => {
    state.gw = await startTestGateway({
      simulator: { transitionDelayMs: TRANSITION_MS },
      env: { SUBSCRIPTION_POLL_MS: String(pollMs) },
    });
    state.b = await state.gw.replica();
  });
  afterAll(async () => {
    for (const c of state.clients) await Promise.resolve(c.dispose());
    await state.gw?.close();
  });
  return { state, client, polls };
}

describe('live updates across replicas: polling (SUBSCRIPTION_POLL_MS=100)', () => {
  const POLL_MS = 100;
  const { state, client, polls } = suite(POLL_MS);

  it('two replicas with subscribers to one instance make one poller’s worth of Barrack calls', async () => {
    const gw = state.gw!;
    const id = await deploy(gw, 'live-one-poller');
    const onA = watch(client(gw.gatewayUrl, gw.keys.demo), id);
    const onB = watch(client(state.b!.gatewayUrl, gw.keys.demo), id);
    await until('both see the current state', () => (onA.events[0] && onB.events[0] ? true : undefined));

    const WINDOW_MS = 3_000;
    const from = polls(id).length;
    await new Promise((r) => setTimeout(r, WINDOW_MS));
    const window = polls(id).slice(from);
    console.log(
      `[live] two replicas, ${WINDOW_MS} ms at ${POLL_MS} ms/poll: ${window.length} getInstance polls (one poller: ~${WINDOW_MS / POLL_MS}, two: ~${(2 * WINDOW_MS) / POLL_MS}), feeds ${new Set(window.map(feedOf)).size}`,
    );
    // One poller's worth of calls: two pollers would make about twice WINDOW/POLL. (Under a heavily loaded
    // machine the holder's renewal can be late by more than the lease, 2 polls, and the other replica takes
    // over, as it should when a holder stalls; so the bound is on calls, and on one feed doing most of them.)
    expect(window.length).toBeGreaterThan(0);
    expect(window.length).toBeLessThanOrEqual(Math.ceil(1.5 * (WINDOW_MS / POLL_MS)));
    const byFeed = new Map<string, number>();
    for (const e of window) byFeed.set(feedOf(e), (byFeed.get(feedOf(e)) ?? 0) + 1);
    expect(Math.max(...byFeed.values()) / window.length).toBeGreaterThanOrEqual(0.8);

    // And what that poller saw reaches both replicas' subscribers.
    gw.sim.admin.advanceClock(TRANSITION_MS);
    await until('ACTIVE on A and on B', () =>
      onA.events.some((e) => e.status === 'ACTIVE') && onB.events.some((e) => e.status === 'ACTIVE')
        ? true
        : undefined,
    );
  });

  it('closing the polling replica does not stop the updates', async () => {
    const gw = state.gw!;
    const b = state.b!;
    const id = await deploy(gw, 'live-takeover');
    // B subscribes first, so B's feed holds the lease; A listens.
    const onB = watch(client(b.gatewayUrl, gw.keys.demo), id);
    await until('B sees the current state', () => onB.events[0]);
    await until('B polls', () => (polls(id).length > 1 ? true : undefined));
    const bFeed = feedOf(polls(id).at(-1)!);
    const onA = watch(client(gw.gatewayUrl, gw.keys.demo), id);
    await until('A sees the current state', () => onA.events[0]);
    await new Promise((r) => setTimeout(r, 3 * POLL_MS));
    expect(
      new Set(
        polls(id)
          .filter((e) => e.requestId!.split('-')[2] !== '1')
          .map(feedOf),
      ),
    ).toEqual(new Set([bFeed]));

    const closedAt = Date.now();
    await b.close();
    const taken = await until('another feed polls', () => {
      const p = polls(id).find((e) => feedOf(e) !== bFeed && e.requestId!.split('-')[2] !== '1');
      return p ? Date.now() : undefined;
    });
    console.log(
      `[live] takeover after closing the polling replica: ${taken - closedAt} ms (poll ${POLL_MS} ms)`,
    );

    gw.sim.admin.advanceClock(TRANSITION_MS);
    await until('A still gets updates', () => onA.events.find((e) => e.status === 'ACTIVE'));
    expect(onA.errors).toEqual([]);
  });
});

describe('live updates across replicas: mutations publish at once (SUBSCRIPTION_POLL_MS=60000)', () => {
  // Polls are a minute apart: only the mutation's own publish can deliver the change within the test.
  const { state, client } = suite(60_000);

  it('a change made through replica B reaches a subscriber on replica A', async () => {
    const gw = state.gw!;
    const b = state.b!;
    const id = await deploy(gw, 'live-mutation');
    gw.sim.admin.advanceClock(TRANSITION_MS);
    const onA = watch(client(gw.gatewayUrl, gw.keys.demo), id);
    await until('A sees ACTIVE', () => onA.events.find((e) => e.status === 'ACTIVE'));

    const sentAt = Date.now();
    const r = await b.gql(`mutation($id: ID!) { stopInstance(input: { id: $id }) { instanceId } }`, { id });
    expect(r.body.errors).toBeUndefined();
    const seen = await until('A sees STOPPING', () => onA.events.find((e) => e.status === 'STOPPING'));
    console.log(`[live] mutation on replica B → subscriber on replica A: ${seen.at - sentAt} ms`);
    expect(onA.errors).toEqual([]);
  });
});

describe('live updates over SSE (graphql-sse, POST /graphql/stream)', () => {
  const { state, client } = suite(100);

  it('delivers the same events as WebSocket, across replicas', async () => {
    const gw = state.gw!;
    const id = await deploy(gw, 'live-sse');
    const ws = watch(client(gw.gatewayUrl, gw.keys.demo), id);
    const sse = sseFeed(state.b!.gatewayUrl, `Bearer ${gw.keys.demo}`, SUBSCRIPTION, { id });
    expect(await sse.status).toBe(200);
    await until('both see the current state', () => (ws.events[0] && sse.data[0] ? true : undefined));
    gw.sim.admin.advanceClock(TRANSITION_MS);
    await until('ACTIVE on both', () =>
      ws.events.some((e) => e.status === 'ACTIVE') &&
      sse.data.some((d) => (d.instanceUpdated as { status: string }).status === 'ACTIVE')
        ? true
        : undefined,
    );
    const r = await gw.gql(`mutation($id: ID!) { deleteInstance(input: { id: $id }) { instanceId } }`, {
      id,
    });
    expect(r.body.errors).toBeUndefined();
    gw.sim.admin.advanceClock(TRANSITION_MS);
    await until('both complete', () => (ws.completed && sse.completed ? true : undefined));
    expect(sse.data.map((d) => d.instanceUpdated)).toEqual(
      ws.events.map(({ id: i, status }) => ({ id: i, status })),
    );
    expect(sse.errors).toEqual([]);
  });

  it('stops polling for a client that went away, even while the instance does not change', async () => {
    const gw = state.gw!;
    const feeds = gw.app.get(InstanceEventsService);
    const id = await deploy(gw, 'live-sse-gone');
    const sse = sseFeed(gw.gatewayUrl, `Bearer ${gw.keys.demo}`, SUBSCRIPTION, { id });
    await until('the current state', () => (sse.data[0] ? true : undefined));
    expect(feeds.activeFeeds).toBe(1);
    // No transition is due (the clock is not advanced): the stream has no next event to wake it.
    sse.stop();
    await sse.done;
    await until('the feed closed', () => (feeds.activeFeeds === 0 ? true : undefined));
  });

  it('applies the same admission as WebSocket: mutations and queries are refused, no credential is 401', async () => {
    const gw = state.gw!;
    const q = sseFeed(gw.gatewayUrl, `Bearer ${gw.keys.demo}`, '{ instances(first: 1) { nodes { id } } }');
    await q.done;
    expect(q.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);
    const anon = await fetch(`${gw.gatewayUrl}/graphql/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: SUBSCRIPTION, variables: { id: 'x' } }),
    });
    expect(anon.status).toBe(401);
  });
});
