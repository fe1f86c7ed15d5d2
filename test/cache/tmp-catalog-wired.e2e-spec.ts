import { AppModule } from '../../src/app.module';
import { CatalogModule } from '../../src/catalog/catalog.module';
const origForRoot = AppModule.forRoot.bind(AppModule);
AppModule.forRoot = (c) => {
  const m = origForRoot(c);
  m.imports = [...(m.imports ?? []), CatalogModule];
  return m;
};
import { startTestGateway, type TestGateway } from '../helpers/gateway';

/*
 * The cache as a client sees it: the real gateway over HTTP, the simulator as Barrack (20 ms added latency),
 * the shared test Redis. Barrack's side is read from the simulator's request counters.
 */
describe('catalogue cache through the gateway', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ simulator: { seed: 'demo', latencyMs: 20 } });
  });
  afterAll(() => gw?.close());

  const CATALOGUE =
    '{ regions { code asOf stale } gpuStock { gpuModel asOf stale } pricing { currency asOf stale } }';
  const calls = (op: string, key = 'sim-demo-key') =>
    gw.sim.admin.counters().byCredentialOperation[key]?.[op] ?? 0;

  it('answers 200 concurrent catalogue queries with one Barrack call per resource, and says how old the data is', async () => {
    gw.sim.admin.resetLog();
    const results = await Promise.all(Array.from({ length: 200 }, () => gw.gql(CATALOGUE)));

    expect(results.filter((r) => r.status !== 200 || r.body.errors).map((r) => r.body.errors)).toEqual([]);
    expect(gw.sim.admin.counters().byOperation).toMatchObject({
      listRegions: 1,
      listGpuStocks: 1,
      getPricing: 1,
    });
    const first = results[0]!.body;
    const regions = (first.data as { regions: { asOf: string; stale: boolean }[] }).regions;
    expect(regions.length).toBeGreaterThan(0);
    expect(regions[0]!.stale).toBe(false);
    expect(Number.isNaN(Date.parse(regions[0]!.asOf))).toBe(false);
    const kinds = (first.extensions?.cache as { kind: string; stale: boolean; asOf: string }[]).map(
      (e) => e.kind,
    );
    expect(kinds.sort()).toEqual(['gpuStock', 'pricing', 'regions']);
  });

  it("loads another tenant's prices with its own credential and never serves it the first tenant's", async () => {
    gw.sim.admin.resetLog();
    await gw.gql(CATALOGUE);
    const other = await gw.gql(CATALOGUE, {}, { apiKey: gw.keys.other });
    expect(other.body.errors).toBeUndefined();
    // Regions and stock are shared: already cached. Pricing is per tenant: one call with the other key.
    expect(calls('getPricing', 'sim-other-key')).toBe(1);
    expect(calls('listRegions', 'sim-other-key') + calls('listGpuStocks', 'sim-other-key')).toBe(0);
    expect(calls('getPricing')).toBe(0);
  });

  it('lets an admin clear GPU stock so the next query goes to Barrack', async () => {
    await gw.gql(CATALOGUE);
    gw.sim.admin.resetLog();
    const cleared = await gw.gql<{ clearCache: Record<string, unknown> }>(
      'mutation { clearCache(kind: gpuStock) { kind tenantId deletedKeys complete } }',
    );
    expect(cleared.body.data?.clearCache).toMatchObject({ kind: 'gpuStock', tenantId: null, complete: true });
    expect(cleared.body.data?.clearCache.deletedKeys).toBeGreaterThanOrEqual(1);
    await gw.gql(CATALOGUE);
    expect(gw.sim.admin.counters().byOperation).toMatchObject({ listGpuStocks: 1 });
    expect(gw.sim.admin.counters().byOperation.listRegions).toBeUndefined();
  });

  it("clears only the admin's own tenant, and needs the admin scope", async () => {
    const own = await gw.gql<{ clearCache: Record<string, unknown> }>(
      'mutation { clearCache(kind: pricing) { tenantId complete } }',
    );
    expect(own.body.data?.clearCache).toEqual({ tenantId: gw.tenantIds.demo, complete: true });

    const foreign = await gw.gql(
      'mutation { clearCache(kind: pricing, tenantId: "e2e-other") { deletedKeys } }',
    );
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const readOnly = await gw.gql(
      'mutation { clearCache(kind: regions) { deletedKeys } }',
      {},
      {
        apiKey: gw.keys.demoRead,
      },
    );
    expect(readOnly.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('counts cache events per kind at /metrics', async () => {
    const text = await (await fetch(`${gw.gatewayUrl}/metrics`)).text();
    expect(text).toMatch(/gateway_cache_events_total\{kind="regions",event="hit"\} [1-9]/);
    expect(text).toMatch(/gateway_cache_events_total\{kind="pricing",event="miss"\} [1-9]/);
  });
});
