import { startTestGateway, type TestGateway } from '../helpers/gateway';

/** clearCache and the cache metrics as a client sees them: the real gateway over HTTP, real Redis. */
describe('cache administration through the gateway', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ simulator: { seed: 'demo' } });
  });
  afterAll(() => gw?.close());

  it("clears the caller's own tenant for a per-tenant kind and the public entries for a public kind", async () => {
    const own = await gw.gql<{ clearCache: Record<string, unknown> }>(
      'mutation { clearCache(input: { kind: PRICING }) { kind tenantId deletedKeys complete } }',
    );
    expect(own.body.data?.clearCache).toEqual({
      kind: 'PRICING',
      tenantId: gw.tenantIds.demo,
      deletedKeys: 0,
      complete: true,
    });
    const shared = await gw.gql<{ clearCache: Record<string, unknown> }>(
      `mutation { clearCache(input: { kind: FIREWALL_PROTOCOLS, tenantId: "${gw.tenantIds.demo}" }) { tenantId complete } }`,
    );
    expect(shared.body.data?.clearCache).toEqual({ tenantId: null, complete: true });
  });

  it("refuses another tenant's entries and callers without the admin scope", async () => {
    const foreign = await gw.gql(
      `mutation { clearCache(input: { kind: PRICING, tenantId: "${gw.tenantIds.other}" }) { deletedKeys } }`,
    );
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const readOnly = await gw.gql(
      'mutation { clearCache(input: { kind: REGIONS }) { deletedKeys } }',
      {},
      {
        apiKey: gw.keys.demoRead,
      },
    );
    expect(readOnly.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const unknownKind = await gw.gql('mutation { clearCache(input: { kind: prices }) { deletedKeys } }');
    expect(unknownKind.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('exposes the cache event counter at /metrics', async () => {
    const text = await (await fetch(gw.metricsUrl!)).text();
    expect(text).toContain('# TYPE gateway_cache_events_total counter');
  });
});
