import { startTestGateway, type TestGateway } from '../helpers/gateway';

/*
 * Issue 12 item 4: /metrics is not on the public port, lists no tenant unless asked to, and the metrics-only
 * listener is loopback by default and goes away with the gateway.
 */
const VIEWER = '{ viewer { tenantId } }';

async function traffic(gw: TestGateway): Promise<void> {
  for (const apiKey of [gw.keys.demo, gw.keys.other]) {
    const r = await gw.gql(VIEWER, {}, { apiKey });
    expect(r.body.errors).toBeUndefined();
  }
}

describe('metrics by default', () => {
  let gw: TestGateway;
  let closed = false;
  beforeAll(async () => {
    gw = await startTestGateway();
    await traffic(gw);
  });
  afterAll(() => (closed ? undefined : gw?.close()));

  it('are not served on the main port, whatever the credential', async () => {
    expect((await fetch(`${gw.gatewayUrl}/metrics`)).status).toBe(404);
    const withKey = await fetch(`${gw.gatewayUrl}/metrics`, {
      headers: { authorization: `Bearer ${gw.keys.demo}` },
    });
    expect(withKey.status).toBe(404);
  });

  it('are served on their own loopback listener, which serves nothing else', async () => {
    expect(gw.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const res = await fetch(gw.metricsUrl!);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('# TYPE gateway_rate_limit_decisions_total counter');
    expect(text).toMatch(/gateway_rate_limit_decisions_total\{budget="requests",outcome="allowed"\} [1-9]/);
    // The memory figures the soak reads beside prom-client's defaults (memory-metrics.ts).
    expect(text).toMatch(/^nodejs_array_buffers_bytes [1-9]/m);
    expect(text).toContain('# TYPE nodejs_heap_used_after_major_gc_bytes gauge');
    expect(text).toContain('# TYPE nodejs_major_gc_total counter');
    expect(text).toMatch(/^nodejs_heap_space_size_total_bytes\{space="old"\} [1-9]/m);
    const graphql = await fetch(gw.metricsUrl!.replace(/\/metrics$/, '/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: VIEWER }),
    });
    expect(graphql.status).toBe(404);
  });

  it('name no tenant', async () => {
    const text = await (await fetch(gw.metricsUrl!)).text();
    expect(text).not.toContain(gw.tenantIds.demo);
    expect(text).not.toContain(gw.tenantIds.other);
    expect(text).not.toMatch(/tenant="/);
  });

  it('stop answering when the gateway closes', async () => {
    const url = gw.metricsUrl!;
    closed = true;
    await gw.close();
    await expect(fetch(url)).rejects.toThrow();
  });
});

describe('metrics with METRICS_TENANT_LABELS=true', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { METRICS_TENANT_LABELS: 'true' } });
    await traffic(gw);
  });
  afterAll(() => gw?.close());

  it('label per-tenant metrics with the tenant id', async () => {
    const text = await (await fetch(gw.metricsUrl!)).text();
    for (const tenant of [gw.tenantIds.demo, gw.tenantIds.other]) {
      expect(text).toMatch(
        new RegExp(
          `gateway_rate_limit_decisions_total\\{tenant="${tenant}",budget="requests",outcome="allowed"\\} [1-9]`,
        ),
      );
    }
  });
});

describe('metrics behind METRICS_TOKEN on the main port (METRICS_PORT=off)', () => {
  const TOKEN = 'metrics-token-0123456789abcdef';
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { METRICS_PORT: 'off', METRICS_TOKEN: TOKEN } });
    await traffic(gw);
  });
  afterAll(() => gw?.close());

  it('open no metrics listener', () => {
    expect(gw.metricsUrl).toBeNull();
  });

  it('answer only the bearer token, and still name no tenant', async () => {
    const url = `${gw.gatewayUrl}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    const wrong = [`Bearer ${TOKEN}x`, `Bearer ${gw.keys.demo}`, TOKEN, `Basic ${TOKEN}`];
    for (const authorization of wrong) {
      expect([authorization, (await fetch(url, { headers: { authorization } })).status]).toEqual([
        authorization,
        401,
      ]);
    }
    const ok = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    const text = await ok.text();
    expect(text).toContain('gateway_rate_limit_decisions_total');
    expect(text).not.toContain(gw.tenantIds.demo);
  });
});
