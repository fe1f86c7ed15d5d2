import { startTestGateway, waitFor, type TestGateway } from '../helpers/gateway';

/** These suites test the catalogue cache itself; the whole-response cache above it would answer first. */
const CATALOGUE_LAYER_ONLY = { RESPONSE_CACHE_ENABLED: 'false' };

/*
 * The catalogue cache as a client sees it: the real gateway over HTTP, the simulator as Barrack with 20 ms
 * added latency, the shared test Redis. What Barrack saw comes from the simulator's request counters.
 */
const CATALOGUE =
  '{ regions { code asOf stale } gpuStock { gpuModel asOf stale } pricing { currency asOf stale } }';

interface CacheExt {
  kind: string;
  stale: boolean;
  ageSeconds: number;
  asOf: string;
}

describe('catalogue cache through the gateway', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    // This suite counts Barrack calls: on a loaded CI machine neither a slow Redis reply (a fallback to
    // Barrack) nor 200 requests outlasting the 15 s stock TTL (a refresh) may add one.
    gw = await startTestGateway({
      simulator: { seed: 'demo', latencyMs: 20 },
      env: { ...CATALOGUE_LAYER_ONLY, REDIS_COMMAND_TIMEOUT_MS: '2000', CACHE_TTL_STOCK_S: '3600' },
    });
  });
  afterAll(() => gw?.close());

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
    const kinds = (first.extensions?.cache as CacheExt[]).map((e) => e.kind);
    expect(kinds.sort()).toEqual(['gpuStock', 'pricing', 'regions']);
  }, 120_000);

  it("loads another tenant's catalogue with its own credential and never serves it the first tenant's", async () => {
    await gw.gql(CATALOGUE);
    gw.sim.admin.resetLog();
    const other = await gw.gql(CATALOGUE, {}, { apiKey: gw.keys.other });
    expect(other.body.errors).toBeUndefined();
    // Regions, stock and pricing are per tenant (CACHE_KIND_POLICY): one call each with the other key only.
    for (const op of ['getPricing', 'listRegions', 'listGpuStocks']) {
      expect([op, calls(op, 'sim-other-key'), calls(op)]).toEqual([op, 1, 0]);
    }
  });

  it('lets an admin clear GPU stock so the next query goes to Barrack for stock only', async () => {
    await gw.gql(CATALOGUE);
    gw.sim.admin.resetLog();
    const cleared = await gw.gql<{ clearCache: { deletedKeys: number; complete: boolean } }>(
      'mutation { clearCache(input: { kind: GPU_STOCK }) { deletedKeys complete } }',
    );
    expect(cleared.body.data?.clearCache.complete).toBe(true);
    expect(cleared.body.data?.clearCache.deletedKeys).toBeGreaterThanOrEqual(1);
    await gw.gql(CATALOGUE);
    expect(gw.sim.admin.counters().byOperation).toEqual({ listGpuStocks: 1 });
  });

  it('counts cache events per kind at /metrics', async () => {
    const text = await (await fetch(gw.metricsUrl!)).text();
    expect(text).toMatch(/gateway_cache_events_total\{kind="regions",event="hit"\} [1-9]/);
    expect(text).toMatch(/gateway_cache_events_total\{kind="pricing",event="miss"\} [1-9]/);
  });
});

describe('catalogue cache when Barrack fails (stale-if-error)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({
      simulator: { seed: 'demo' },
      env: { ...CATALOGUE_LAYER_ONLY, CACHE_TTL_STOCK_S: '1', REDIS_COMMAND_TIMEOUT_MS: '2000' },
    });
  });
  afterAll(() => gw?.close());

  it('keeps serving the last good stock, flagged stale, while Barrack answers 503', async () => {
    const warm = await gw.gql<{ gpuStock: { stale: boolean }[] }>('{ gpuStock { gpuModel stale asOf } }');
    expect(warm.body.data?.gpuStock[0]?.stale).toBe(false);
    gw.sim.admin.setFault('listGpuStocks', { status: 503 });

    const stale = await waitFor('a stale stock answer', async () => {
      const r = await gw.gql<{ gpuStock: { stale: boolean }[] }>('{ gpuStock { gpuModel stale asOf } }');
      expect(r.body.errors).toBeUndefined();
      return r.body.data?.gpuStock[0]?.stale ? r : undefined;
    });
    expect(stale.body.data?.gpuStock).toHaveLength(warm.body.data!.gpuStock.length);
    const ext = (stale.body.extensions?.cache as CacheExt[]).find((e) => e.kind === 'gpuStock');
    expect(ext).toMatchObject({ stale: true });
    expect(ext!.ageSeconds).toBeGreaterThanOrEqual(1);
  });
});
