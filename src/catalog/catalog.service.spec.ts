import type { AccountApi } from '../barrack/api/account.api';
import type { CatalogApi } from '../barrack/api/catalog.api';
import type { UpstreamContextFactory } from '../barrack/upstream-context.factory';
import type { CacheService, CacheSpec } from '../cache/cache.service';
import type { GqlContext } from '../common/context/gql-context';
import { canonicalJson, CatalogService } from './catalog.service';

function ctx(): GqlContext {
  return { memo: new Map(), responseExtensions: {}, requestId: 'r' } as unknown as GqlContext;
}

/** A cache that always loads, recording the specs it was asked for. */
function passThroughCache(specs: CacheSpec[]): CacheService {
  return {
    getOrLoad: async (spec: CacheSpec, loader: () => Promise<unknown>) => {
      specs.push(spec);
      return { value: await loader(), asOf: new Date(0), stale: false, ageSeconds: 0 };
    },
  } as unknown as CacheService;
}

/** An account whose balance is in `currency`, counting reads. */
function accountIn(currency: 'USD' | 'EUR' | 'INR', reads: string[] = []): AccountApi {
  return {
    balance: () => {
      reads.push('getBalance');
      return Promise.resolve({ data: { balance: 1, currency } });
    },
  } as unknown as AccountApi;
}

const upstream = {
  for: () => ({ tenantId: 't1', credential: 'k', requestId: 'r' }),
} as unknown as UpstreamContextFactory;

describe('CatalogService', () => {
  it('answers Region.gpuStock for every region with ONE stock read per request', async () => {
    const calls: string[] = [];
    const api = {
      listGpuStocks: () => {
        calls.push('listGpuStocks');
        return Promise.resolve({
          data: {
            gpu_stocks: [
              { region: 'CANADA-1', models: [{ model: 'L40', available: '5', configurations: {} }] },
              { region: 'US-1', models: [{ model: 'A40', available: '1', configurations: {} }] },
            ],
          },
        });
      },
    } as unknown as CatalogApi;
    const service = new CatalogService(api, passThroughCache([]), upstream, accountIn('USD'));
    const c = ctx();
    const [ca, us, no] = await Promise.all([
      service.stockOfRegion(c, 'CANADA_1'),
      service.stockOfRegion(c, 'US_1'),
      service.stockOfRegion(c, 'NORWAY_1'),
    ]);
    expect(ca.map((s) => s.gpuModel)).toEqual(['L40']);
    expect(us.map((s) => s.gpuModel)).toEqual(['A40']);
    expect(no).toEqual([]);
    expect(calls).toEqual(['listGpuStocks']);
  });

  it('keys pricing per tenant and per (currency, region), and dedupes Region.pricing within a request', async () => {
    const specs: CacheSpec[] = [];
    const queries: unknown[] = [];
    const api = {
      getPricing: (_c: unknown, q: unknown) => {
        queries.push(q);
        return Promise.resolve({ data: { currency: 'EUR', gpus: [] } });
      },
    } as unknown as CatalogApi;
    const service = new CatalogService(api, passThroughCache(specs), upstream, accountIn('USD'));
    const c = ctx();
    await Promise.all([
      service.pricingOfRegion(c, 'NORWAY_1', 'EUR'),
      service.pricingOfRegion(c, 'NORWAY_1', 'EUR'),
      service.pricingOfRegion(c, 'US_1', null),
    ]);
    expect(queries).toEqual([
      { currency: 'EUR', region: 'NORWAY-1' },
      { currency: undefined, region: 'US-1' },
    ]);
    expect(specs.map((s) => [s.kind, s.tenantId, s.key])).toEqual([
      ['pricing', 't1', 'currency=EUR&region=NORWAY-1'],
      ['pricing', 't1', 'currency=&region=US-1'],
    ]);
  });

  it("prices AI models in the account's currency, read with the models into the tenant's entry", async () => {
    const specs: CacheSpec[] = [];
    const reads: string[] = [];
    const api = {
      listAiModels: () =>
        Promise.resolve({ data: { models: [{ id: 'm', name: 'M', input_price_per_1k: 0.83 }] } }),
    } as unknown as CatalogApi;
    const service = new CatalogService(api, passThroughCache(specs), upstream, accountIn('INR', reads));
    const [model] = await service.aiModels(ctx());
    expect(model).toMatchObject({ currency: 'INR', inputPricePer1k: '0.83' });
    expect(specs.map((s) => [s.kind, s.tenantId])).toEqual([['aiModels', 't1']]);
    expect(reads).toEqual(['getBalance']);
  });
});

describe('quote cache key', () => {
  it('gives equal cache keys for equal requests whatever the field order', () => {
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });
});
