import { startTestGateway, type TestGateway } from '../helpers/gateway';

/*
 * The catalogue part of the schema over HTTP: real gateway, simulator as Barrack, real Redis.
 * Asserts what users see (data, asOf/stale, codes) and what Barrack saw (the simulator's request log).
 */
describe('catalogue schema (e2e)', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
  });

  afterAll(async () => {
    await gw?.close();
  });

  const ops = () => gw.sim.admin.counters().byOperation;

  it('serves regions with their stock and prices as a graph, in a constant number of upstream calls', async () => {
    gw.sim.admin.resetLog();
    const res = await gw.gql<{
      regions: {
        code: string;
        name: string;
        asOf: string;
        stale: boolean;
        gpuStock: {
          gpuModel: string;
          available: string;
          availableAtLeast: number;
          region: { code: string };
        }[];
        pricing: { currency: string; region: string; gpus: { gpuModel: string; hourlyRate: string }[] };
      }[];
    }>(`{
      regions {
        code name asOf stale
        gpuStock { gpuModel available availableAtLeast configurations { gpuCount deployableVms } region { code } }
        pricing { currency region gpus { gpuModel hourlyRate perMinuteRate } asOf stale }
      }
    }`);
    expect(res.body.errors).toBeUndefined();
    const regions = res.body.data!.regions;
    expect(regions.map((r) => r.code).sort()).toEqual(['CANADA_1', 'NORWAY_1', 'US_1']);
    for (const r of regions) {
      expect(r.stale).toBe(false);
      expect(Number.isNaN(Date.parse(r.asOf))).toBe(false);
      expect(r.pricing.region).toBe(r.code);
      expect(r.pricing.currency).toBe('USD');
      expect(r.pricing.gpus.length).toBeGreaterThan(0);
      for (const p of r.pricing.gpus) expect(p.hourlyRate).toMatch(/^\d+(\.\d+)?$/);
      for (const s of r.gpuStock) expect(s.region.code).toBe(r.code);
    }
    expect(regions.some((r) => r.gpuStock.length > 0)).toBe(true);
    // One regions read, one stock read for all regions, one price list per region: not one per nested field.
    expect(ops().listRegions).toBe(1);
    expect(ops().listGpuStocks).toBe(1);
    expect(ops().getPricing).toBe(3);
    expect(res.body.extensions?.cache).toBeDefined();

    // The same query again is served from Redis.
    gw.sim.admin.resetLog();
    const again = await gw.gql(`{ regions { code gpuStock { gpuModel } pricing { currency } } }`);
    expect(again.body.errors).toBeUndefined();
    expect(gw.sim.admin.counters().total).toBe(0);
  });

  it('filters stock, specs and OS images in the gateway from one cached list', async () => {
    const res = await gw.gql<{
      gpuStock: { regionCode: string; gpuModel: string }[];
      gpuSpecs: { gpuModel: string; gpuCount: number; vcpus: number; regions: string[]; asOf: string }[];
      osImages: { name: string; region: string; family: string | null }[];
    }>(`{
      gpuStock(region: CANADA_1) { regionCode gpuModel gpuModelName stockType asOf stale }
      gpuSpecs(gpuModel: H100_PCIE_80GB) { gpuModel gpuCount vcpus ramGb regions hourlyRate currency asOf stale }
      osImages(region: CANADA_1) { id: barrackId name family version sizeBytes displaySize region asOf stale }
    }`);
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data!;
    expect(d.gpuStock.length).toBeGreaterThan(0);
    expect(d.gpuStock.every((s) => s.regionCode === 'CANADA_1')).toBe(true);
    expect(d.gpuSpecs.length).toBeGreaterThan(0);
    expect(d.gpuSpecs.every((s) => s.gpuModel === 'H100_PCIE_80GB')).toBe(true);
    expect(d.osImages.length).toBeGreaterThan(0);
    expect(d.osImages.every((i) => i.region === 'CANADA_1')).toBe(true);
  });

  it('lists volume types, firewall protocols and AI models', async () => {
    const res = await gw.gql<{
      volumeTypes: { name: string }[];
      firewallProtocols: { protocol: string; name: string }[];
      aiModels: { id: string; name: string; inputPricePer1k: string | null }[];
    }>(`{
      volumeTypes { name asOf stale }
      firewallProtocols { protocol name asOf stale }
      aiModels { id: barrackId name inputPricePer1k outputPricePer1k asOf stale }
    }`);
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data!;
    expect(d.volumeTypes.map((v) => v.name)).toContain('Cloud-SSD');
    expect(d.firewallProtocols.map((p) => p.protocol)).toEqual(
      expect.arrayContaining(['TCP', 'UDP', 'ICMP']),
    );
    expect(d.aiModels.length).toBeGreaterThan(0);
  });

  it('quotes a price (billing scope) and caches the quote per tenant', async () => {
    gw.sim.admin.resetLog();
    const q = `query($input: PriceQuoteInput!) {
      priceQuote(input: $input) { gpuModel gpuCount hours currency hourlyRate perMinuteRate estimatedTotal asOf stale }
    }`;
    const input = { gpuModel: 'H100_SXM5_80GB', gpuCount: 2, region: 'CANADA_1', hours: 10 };
    const res = await gw.gql<{
      priceQuote: { gpuCount: number; hours: number; currency: string; estimatedTotal: string };
    }>(q, { input });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.priceQuote).toMatchObject({ gpuCount: 2, hours: 10, currency: 'USD' });
    expect(res.body.data!.priceQuote.estimatedTotal).toMatch(/^\d+(\.\d+)?$/);
    // The same quote with the fields in another order hits the same cache entry.
    const again = await gw.gql(q, {
      input: { hours: 10, region: 'CANADA_1', gpuCount: 2, gpuModel: 'H100_SXM5_80GB' },
    });
    expect(again.body.errors).toBeUndefined();
    expect(ops().quotePricing).toBe(1);
    // Another tenant (EUR account) never gets the first tenant's cached quote.
    const other = await gw.gql<{ priceQuote: { currency: string } }>(q, { input }, { apiKey: gw.keys.other });
    expect(other.body.data!.priceQuote.currency).toBe('EUR');
    expect(ops().quotePricing).toBe(2);
  });

  it('refuses a bad quote before any upstream call; a quote needs only the read scope (prices are catalogue data)', async () => {
    gw.sim.admin.resetLog();
    const q = `query($input: PriceQuoteInput!) { priceQuote(input: $input) { estimatedTotal } }`;
    const bad = await gw.gql(q, { input: { gpuModel: 'L40', gpuCount: 3 } });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.body.errors?.[0]?.extensions?.field).toBe('gpuCount');
    const hours = await gw.gql(q, { input: { gpuModel: 'L40', gpuCount: 1, hours: -1 } });
    expect(hours.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(ops().quotePricing ?? 0).toBe(0);
    const readOnly = await gw.gql(
      q,
      { input: { gpuModel: 'L40', gpuCount: 1 } },
      { apiKey: gw.keys.demoRead },
    );
    expect(readOnly.body.errors).toBeUndefined();
    expect(ops().quotePricing).toBe(1);
  });

  it('serves the price list filtered by model and in another currency', async () => {
    const res = await gw.gql<{
      pricing: { currency: string; gpus: { gpuModel: string }[]; volumePerTbHour: string | null };
    }>(
      `{ pricing(currency: EUR, gpuModel: L40) { currency gpus { gpuModel hourlyRate } volumePerTbHour hibernationPerHour asOf stale } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.pricing.currency).toBe('EUR');
    expect(res.body.data!.pricing.gpus.map((g) => g.gpuModel)).toEqual(['L40']);
  });
});
