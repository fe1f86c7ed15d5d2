import { barrackKeyOf } from '../../src/common/graphql/global-id';
import { createHash } from 'node:crypto';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { sseFeed } from '../subscriptions/sse-kit';

/*
 * OpenTelemetry over the real gateway (HTTP), the simulator as Barrack and the shared Redis: an in-memory
 * exporter receives every span. One query's trace is the operation span with its Redis and Barrack spans
 * below it; the trace id reaches Barrack in `traceparent`. The same holds for operations over graphql-ws
 * (traceparent in the connection_init payload) and graphql-sse (traceparent header); the shared live poller's
 * polls are root spans of their own, linked to the subscriptions they serve.
 */
describe('tracing (real gateway, simulator, Redis)', () => {
  let gw: TestGateway;
  const exporter = new InMemorySpanExporter();

  beforeAll(async () => {
    gw = await startTestGateway({
      gateway: { spanExporter: exporter },
      // Short poll interval: the live-poll test waits for one poll.
      env: { SUBSCRIPTION_POLL_MS: '200' },
    });
  });
  afterAll(async () => {
    await gw?.close();
  });
  beforeEach(() => {
    exporter.reset();
    gw.sim.admin.resetLog();
  });

  const parentId = (s: ReadableSpan) => s.parentSpanContext?.spanId;

  /** The operation span ends when the response is finished, a moment after the client has it. */
  async function operationSpan(
    name: string,
    where: (s: ReadableSpan) => boolean = () => true,
  ): Promise<ReadableSpan> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const found = exporter.getFinishedSpans().find((s) => s.name === name && where(s));
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `no span ${name}; got ${exporter
            .getFinishedSpans()
            .map((s) => s.name)
            .join(', ')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Every span of the trace below `root`, with the chain of parents checked. */
  function descendants(root: ReadableSpan): ReadableSpan[] {
    const all = exporter
      .getFinishedSpans()
      .filter((s) => s.spanContext().traceId === root.spanContext().traceId);
    const out: ReadableSpan[] = [];
    let frontier = [root.spanContext().spanId];
    while (frontier.length) {
      const next = all.filter((s) => frontier.includes(parentId(s) ?? ''));
      out.push(...next);
      frontier = next.map((s) => s.spanContext().spanId);
    }
    return out;
  }

  it('shows one query as operation span -> Redis and Barrack spans, one trace id, and sends it to Barrack', async () => {
    const res = await gw.gql<{ regions: { code: string }[] }>('query Regions { regions { code } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.regions.length).toBeGreaterThan(0);

    const op = await operationSpan('query Regions');
    expect(op.parentSpanContext).toBeUndefined();
    expect(op.attributes).toMatchObject({
      'graphql.operation.name': 'Regions',
      'graphql.operation.type': 'query',
      'graphql.document.hash': expect.stringMatching(/^[0-9a-f]{64}$/),
      'tenant.id': gw.tenantIds.demo,
      'http.response.status_code': 200,
    });
    const below = descendants(op);
    const redis = below.filter((s) => s.name.startsWith('redis '));
    const barrack = below.filter((s) => s.name.startsWith('barrack '));
    expect(redis.length).toBeGreaterThan(0);
    expect(redis[0]!.attributes['db.system.name']).toBe('redis');
    expect(barrack).toHaveLength(1);
    expect(barrack[0]).toMatchObject({
      name: expect.stringMatching(/^barrack GET \/.*regions/),
      attributes: expect.objectContaining({
        'http.request.method': 'GET',
        'http.response.status_code': 200,
        'tenant.id': gw.tenantIds.demo,
      }),
    });
    // The Barrack span's parent is the operation span or a span under it; the tree has no stray trace.
    const traceId = op.spanContext().traceId;
    for (const s of [...redis, ...barrack]) expect(s.spanContext().traceId).toBe(traceId);

    // Barrack saw the call with this trace id, and the Barrack span as the caller's span.
    const calls = gw.sim.admin.requestLog().filter((e) => e.operationId !== null);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.traceparent).toBe(`00-${traceId}-${barrack[0]!.spanContext().spanId}-01`);

    // What identifies the operation, never its content: no query text, variables or credentials.
    const recorded = JSON.stringify([op, ...below].map((s) => ({ n: s.name, a: s.attributes })));
    expect(recorded).not.toContain('regions { code }');
    expect(recorded).not.toContain(gw.keys.demo);
    expect(recorded).not.toContain('sim-demo-key');
  });

  it("continues the client's traceparent: same trace id from the client through Barrack", async () => {
    const clientTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const clientSpan = '00f067aa0ba902b7';
    const res = await gw.gql<{ balance: { amount: string } }>(
      'query Balance($show: Boolean!) { balance { amount @include(if: $show) } }',
      { show: true },
      { headers: { traceparent: `00-${clientTrace}-${clientSpan}-01` } },
    );
    expect(res.body.errors).toBeUndefined();

    const op = await operationSpan('query Balance');
    expect(op.spanContext().traceId).toBe(clientTrace);
    expect(parentId(op)).toBe(clientSpan);
    const barrack = descendants(op).filter((s) => s.name.startsWith('barrack '));
    expect(barrack.length).toBeGreaterThan(0);
    const sent = gw.sim.admin.requestLog().filter((e) => e.operationId !== null);
    expect(sent.length).toBeGreaterThan(0);
    for (const e of sent) expect(e.traceparent).toMatch(new RegExp(`^00-${clientTrace}-[0-9a-f]{16}-01$`));
  });

  it('marks a failed operation span with the error code, and ignores a malformed traceparent', async () => {
    // A search over 100 characters is refused by the gateway (BAD_USER_INPUT) whatever Barrack holds.
    const res = await gw.gql(
      'query Nope($s: String!) { instances(search: $s) { totalCount } }',
      { s: 'secret-variable-value'.repeat(6) },
      { headers: { traceparent: 'not-a-trace' } },
    );
    expect(res.body.errors?.length).toBeGreaterThan(0);
    const op = await operationSpan('query Nope');
    expect(op.parentSpanContext).toBeUndefined();
    expect(op.status.code).toBe(2);
    expect(op.attributes['error.type']).toBe(res.body.errors?.[0]?.extensions?.code);
    const recorded = JSON.stringify(exporter.getFinishedSpans().map((s) => [s.name, s.attributes]));
    expect(recorded).not.toContain('secret-variable-value');
  });

  describe('over graphql-ws and graphql-sse', () => {
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const clients: Client[] = [];
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((c) => Promise.resolve(c.dispose())));
    });

    function ws(connectionParams: Record<string, unknown> = {}): Client {
      const client = createClient({
        url: `${gw.gatewayUrl.replace(/^http/, 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { Authorization: `Bearer ${gw.keys.demo}`, ...connectionParams },
        retryAttempts: 0,
      });
      clients.push(client);
      return client;
    }

    /** Subscribes and resolves with the first event's data; `stop` completes the operation. */
    function firstEvent(client: Client, query: string, variables: Record<string, unknown>) {
      let stop: () => void = () => undefined;
      const first = new Promise<Record<string, unknown>>((resolve, reject) => {
        stop = client.subscribe(
          { query, variables },
          {
            next: (r) => (r.data ? resolve(r.data) : reject(new Error(JSON.stringify(r.errors)))),
            error: (e) => reject(e instanceof Error ? e : new Error(JSON.stringify(e))),
            complete: () => undefined,
          },
        );
      });
      return { first, stop: () => stop() };
    }

    async function instanceId(): Promise<string> {
      const res = await gw.gql<{ instances: { nodes: { id: string }[] } }>(
        '{ instances(first: 1) { nodes { id } } }',
      );
      const id = res.body.data?.instances.nodes[0]?.id;
      if (!id) throw new Error(`no seeded instance: ${JSON.stringify(res.body)}`);
      return id;
    }

    const SUBSCRIPTION = 'subscription InstanceFeed($id: ID!) { instanceUpdated(id: $id) { id status } }';

    it("gives a WebSocket subscription its operation span, with the HTTP span's attributes and its first read below", async () => {
      const id = await instanceId();
      exporter.reset();
      gw.sim.admin.resetLog();
      const sub = firstEvent(ws(), SUBSCRIPTION, { id });
      expect(await sub.first).toEqual({ instanceUpdated: { id, status: expect.any(String) } });
      sub.stop();

      const op = await operationSpan('subscription InstanceFeed');
      expect(op.parentSpanContext).toBeUndefined();
      expect(op.kind).toBe(1); // SERVER
      expect(op.attributes).toMatchObject({
        'graphql.operation.name': 'InstanceFeed',
        'graphql.operation.type': 'subscription',
        // The same hash Apollo records for this document over HTTP: sha256 of the text.
        'graphql.document.hash': sha256(SUBSCRIPTION),
        'tenant.id': gw.tenantIds.demo,
        'graphql.transport': 'graphql-ws',
      });
      expect(op.status.code).not.toBe(2);
      // Admission (budgets) and the feed's first read happen in the operation's context.
      const below = descendants(op);
      expect(below.filter((s) => s.name.startsWith('redis ')).length).toBeGreaterThan(0);
      const barrack = below.filter((s) => s.name.startsWith('barrack GET'));
      expect(barrack.length).toBeGreaterThan(0);
      const traceId = op.spanContext().traceId;
      const sent = gw.sim.admin.requestLog().filter((e) => e.operationId !== null);
      expect(sent.some((e) => e.traceparent?.startsWith(`00-${traceId}-`))).toBe(true);
      // The variable (the instance id) is not recorded on the operation.
      expect(JSON.stringify(op.attributes)).not.toContain(id);
    });

    it('makes the traceparent sent in connection_init the parent of every operation on the socket', async () => {
      const clientTrace = '0af7651916cd43dd8448eb211c80319c';
      const clientSpan = 'b7ad6b7169203331';
      const client = ws({ traceparent: `00-${clientTrace}-${clientSpan}-01` });
      const q = firstEvent(client, 'query WsBalance { balance { amount } }', {});
      expect(await q.first).toEqual({ balance: { amount: expect.any(String) } });

      const op = await operationSpan('query WsBalance');
      expect(op.spanContext().traceId).toBe(clientTrace);
      expect(parentId(op)).toBe(clientSpan);
      expect(op.attributes).toMatchObject({
        'graphql.operation.type': 'query',
        'graphql.operation.name': 'WsBalance',
        'tenant.id': gw.tenantIds.demo,
      });
      // Resolvers run inside it: the Barrack call is below it, and Barrack got the client's trace id.
      const barrack = descendants(op).filter((s) => s.name.startsWith('barrack '));
      expect(barrack.length).toBeGreaterThan(0);
      const sent = gw.sim.admin.requestLog().filter((e) => e.operationId !== null);
      expect(sent.length).toBeGreaterThan(0);
      for (const e of sent) expect(e.traceparent).toMatch(new RegExp(`^00-${clientTrace}-[0-9a-f]{16}-01$`));
      // Authentication at connection_init is in the client's trace too.
      const init = await operationSpan('graphql-ws connection_init');
      expect(init.spanContext().traceId).toBe(clientTrace);
      expect(init.attributes['tenant.id']).toBe(gw.tenantIds.demo);

      // A refused operation on the same socket: its own span, same parent, marked with the code.
      const refused = firstEvent(
        client,
        'mutation WsNope { clearCache(input: { kind: AI_MODELS }) { complete } }',
        {},
      );
      await expect(refused.first).rejects.toThrow(/HTTP/);
      const bad = await operationSpan('mutation WsNope');
      expect(parentId(bad)).toBe(clientSpan);
      expect(bad.status.code).toBe(2);
      expect(bad.attributes['error.type']).toBe('BAD_USER_INPUT');
    });

    it('gives an SSE subscription its operation span, child of the traceparent header, lasting the stream', async () => {
      const id = await instanceId();
      exporter.reset();
      const clientTrace = '5bf92f3577b34da6a3ce929d0e0e4736';
      const clientSpan = '10f067aa0ba902b7';
      const sse = sseFeed(
        gw.gatewayUrl,
        `Bearer ${gw.keys.demo}`,
        SUBSCRIPTION,
        { id },
        {
          traceparent: `00-${clientTrace}-${clientSpan}-01`,
        },
      );
      expect(await sse.status).toBe(200);
      const deadline = Date.now() + 5_000;
      while (sse.data.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(sse.data[0]).toEqual({ instanceUpdated: { id, status: expect.any(String) } });
      // Still streaming: the span is open until the stream ends.
      expect(exporter.getFinishedSpans().some((s) => s.name === 'subscription InstanceFeed')).toBe(false);
      sse.stop();
      await sse.done;

      const op = await operationSpan('subscription InstanceFeed');
      expect(op.spanContext().traceId).toBe(clientTrace);
      expect(parentId(op)).toBe(clientSpan);
      expect(op.attributes).toMatchObject({
        'graphql.operation.name': 'InstanceFeed',
        'graphql.operation.type': 'subscription',
        'graphql.document.hash': sha256(SUBSCRIPTION),
        'tenant.id': gw.tenantIds.demo,
        'graphql.transport': 'graphql-sse',
        'http.route': '/graphql/stream',
      });
      expect(descendants(op).some((s) => s.name.startsWith('barrack GET'))).toBe(true);
    });

    it('marks an SSE operation refused by the transport with its code', async () => {
      const sse = sseFeed(gw.gatewayUrl, `Bearer ${gw.keys.demo}`, 'query SseRegions { regions { code } }');
      await sse.done;
      expect(sse.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const op = await operationSpan('query SseRegions');
      expect(op.status.code).toBe(2);
      expect(op.attributes).toMatchObject({
        'error.type': 'BAD_USER_INPUT',
        'graphql.transport': 'graphql-sse',
      });
    });

    it("makes each live poll a root span of its own, linked to the subscriber's operation", async () => {
      const id = await instanceId();
      exporter.reset();
      const client = ws({ traceparent: '00-6af7651916cd43dd8448eb211c80319c-c7ad6b7169203331-01' });
      const sub = firstEvent(client, SUBSCRIPTION, { id });
      await sub.first;
      // The poll span names the instance by Barrack's id (what the lease and Barrack's logs use).
      const barrackId = barrackKeyOf(id, 'Instance');
      const poll = await operationSpan('live poll', (s) => s.attributes['instance.id'] === barrackId);
      sub.stop();
      const op = await operationSpan('subscription InstanceFeed');

      // Not part of the subscriber's trace: a trace of its own, pointing back at the subscription.
      expect(poll.parentSpanContext).toBeUndefined();
      expect(poll.spanContext().traceId).not.toBe(op.spanContext().traceId);
      expect(poll.attributes).toMatchObject({
        'tenant.id': gw.tenantIds.demo,
        'instance.id': barrackId,
        'live.lease': 'held',
        'live.subscribers': 1,
      });
      expect(poll.links.map((l) => l.context.spanId)).toEqual([op.spanContext().spanId]);
      // Its lease step and its Barrack read are its children.
      const below = descendants(poll);
      expect(below.some((s) => s.name.startsWith('redis '))).toBe(true);
      expect(below.some((s) => s.name.startsWith('barrack GET'))).toBe(true);
    });
  });
});
