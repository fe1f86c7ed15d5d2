import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTestGateway, type TestGateway } from '../helpers/gateway';

/*
 * OpenTelemetry over the real gateway (HTTP), the simulator as Barrack and the shared Redis: an in-memory
 * exporter receives every span. One query's trace is the operation span with its Redis and Barrack spans
 * below it; the trace id reaches Barrack in `traceparent`.
 */
describe('tracing (real gateway, simulator, Redis)', () => {
  let gw: TestGateway;
  const exporter = new InMemorySpanExporter();

  beforeAll(async () => {
    gw = await startTestGateway({ gateway: { spanExporter: exporter } });
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
  async function operationSpan(name: string): Promise<ReadableSpan> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const found = exporter.getFinishedSpans().find((s) => s.name === name);
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
    const res = await gw.gql(
      'query Nope($id: ID!) { instance(id: $id) { id } }',
      { id: 'secret-variable-value' },
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
});
