import { CACHE_KIND_POLICY, CACHE_KINDS, type CacheKind } from '../../src/cache/cache-kinds';
import { startTestGateway, type TestGateway } from '../helpers/gateway';

/*
 * Issue 12 item 1: no tenant ever reads another account's cached answer. Three tenants on three simulator
 * accounts that differ in everything the catalogue can depend on: currency (USD, EUR, INR) and the regions
 * the account sees. For every cached kind, all three fill the cache in one order, then (after clearing) in
 * the reverse order; each must get exactly its own account's answer, and Barrack must have been asked once
 * per tenant with that tenant's own key (once in all for a public kind). Money always carries its currency.
 */
type Tenant = 'usd' | 'eur' | 'inr';
const BARRACK_KEY: Record<Tenant, string> = {
  usd: 'sim-demo-key',
  eur: 'sim-other-key',
  inr: 'sim-inr-key',
};

interface Case {
  query: string;
  /** Barrack operations one fill calls (aiModels also reads the account currency). */
  ops: string[];
  /** The part of the answer that differs between accounts. */
  pick(data: Record<string, unknown>): unknown;
  expected: Record<Tenant, unknown>;
}

type Row = Record<string, unknown>;
const rows = (d: Record<string, unknown>, field: string) => d[field] as Row[];
const distinct = (values: unknown[]) => [...new Set(values)];

/** Figures from the simulator's price table (simulator/catalog.ts), per account currency. */
const CASES: Record<CacheKind, Case> = {
  regions: {
    query: '{ regions { code } }',
    ops: ['listRegions'],
    pick: (d) => rows(d, 'regions').map((r) => r.code),
    expected: { usd: ['NORWAY_1', 'CANADA_1', 'US_1'], eur: ['NORWAY_1', 'CANADA_1'], inr: ['CANADA_1'] },
  },
  gpuStock: {
    query: '{ gpuStock(gpuModel: L40) { regionCode availableAtLeast } }',
    ops: ['listGpuStocks'],
    pick: (d) => rows(d, 'gpuStock').map((s) => s.regionCode),
    expected: { usd: ['NORWAY_1', 'CANADA_1', 'US_1'], eur: ['NORWAY_1', 'CANADA_1'], inr: ['CANADA_1'] },
  },
  pricing: {
    query: '{ pricing(gpuModel: H100_SXM5_80GB) { currency gpus { hourlyRate } volumePerTbHour } }',
    ops: ['getPricing'],
    pick: (d) => {
      const p = d.pricing as Row;
      return [p.currency, (p.gpus as Row[])[0]?.hourlyRate, p.volumePerTbHour];
    },
    expected: { usd: ['USD', '2.69', '0.1'], eur: ['EUR', '2.49', '0.09'], inr: ['INR', '239', '8'] },
  },
  pricingQuote: {
    query:
      '{ priceQuote(input: { gpuModel: H100_SXM5_80GB, gpuCount: 2, hours: 10 }) { currency hourlyRate estimatedTotal } }',
    ops: ['quotePricing'],
    pick: (d) => {
      const q = d.priceQuote as Row;
      return [q.currency, q.hourlyRate, q.estimatedTotal];
    },
    expected: { usd: ['USD', '5.38', '53.8'], eur: ['EUR', '4.98', '49.8'], inr: ['INR', '478', '4780'] },
  },
  gpuSpecs: {
    query: '{ gpuSpecs(gpuModel: H100_SXM5_80GB) { gpuCount hourlyRate currency regions } }',
    ops: ['getGpuSpecs'],
    pick: (d) => {
      const one = rows(d, 'gpuSpecs').find((s) => s.gpuCount === 1)!;
      return [one.currency, one.hourlyRate, one.regions];
    },
    expected: {
      usd: ['USD', '2.69', ['NORWAY_1', 'CANADA_1', 'US_1']],
      eur: ['EUR', '2.49', ['NORWAY_1', 'CANADA_1']],
      inr: ['INR', '239', ['CANADA_1']],
    },
  },
  osImages: {
    query: '{ osImages { name region } }',
    ops: ['listOsImages'],
    pick: (d) => distinct(rows(d, 'osImages').map((i) => i.region)),
    expected: { usd: ['NORWAY_1', 'CANADA_1', 'US_1'], eur: ['NORWAY_1', 'CANADA_1'], inr: ['CANADA_1'] },
  },
  // The simulator answers volume types alike for every account; the per-credential call count below is what
  // shows that each tenant got an answer Barrack gave its own account.
  volumeTypes: {
    query: '{ volumeTypes { name } }',
    ops: ['listVolumeTypes'],
    pick: (d) => rows(d, 'volumeTypes').map((v) => v.name),
    expected: { usd: ['Cloud-SSD'], eur: ['Cloud-SSD'], inr: ['Cloud-SSD'] },
  },
  firewallProtocols: {
    query: '{ firewallProtocols { protocol } }',
    ops: ['listFirewallProtocols'],
    pick: (d) => rows(d, 'firewallProtocols').length,
    expected: { usd: 24, eur: 24, inr: 24 },
  },
  aiModels: {
    query: '{ aiModels { id barrackId currency inputPricePer1k outputPricePer1k } }',
    ops: ['listAiModels', 'getBalance'],
    pick: (d) => {
      const m = rows(d, 'aiModels').find((x) => x.barrackId === 'barrack-llama-3.1-8b')!;
      return [m.currency, m.inputPricePer1k, m.outputPricePer1k];
    },
    expected: {
      usd: ['USD', '0.01', '0.03'],
      eur: ['EUR', '0.0092', '0.0276'],
      inr: ['INR', '0.83', '2.49'],
    },
  },
};

const ORDERS: Tenant[][] = [
  ['usd', 'eur', 'inr'],
  ['inr', 'eur', 'usd'],
];

describe('cache scope per kind: three tenants on USD, EUR and INR accounts', () => {
  let gw: TestGateway;
  const keyOf = (t: Tenant) => (t === 'usd' ? gw.keys.demo : t === 'eur' ? gw.keys.other : gw.extra.inr!.key);

  beforeAll(async () => {
    gw = await startTestGateway({
      simulator: {
        seed: 'none',
        accounts: [
          { apiKey: BARRACK_KEY.usd, currency: 'USD', name: 'USD account' },
          {
            apiKey: BARRACK_KEY.eur,
            currency: 'EUR',
            name: 'EUR account',
            regions: ['NORWAY-1', 'CANADA-1'],
          },
          { apiKey: BARRACK_KEY.inr, currency: 'INR', name: 'INR account', regions: ['CANADA-1'] },
        ],
      },
      tenants: [{ name: 'inr', barrackKey: BARRACK_KEY.inr }],
      // Long TTLs: a slow machine must not turn a hit into a refresh and add Barrack calls.
      env: {
        REDIS_COMMAND_TIMEOUT_MS: '2000',
        CACHE_TTL_STOCK_S: '3600',
        CACHE_TTL_PRICING_S: '3600',
        // This suite tests the catalogue cache's keys; the whole-response cache (which takes its scope from the
        // same CACHE_KIND_POLICY table) is tested for scope in test/response-cache/.
        RESPONSE_CACHE_ENABLED: 'false',
      },
    });
  }, 60_000);
  afterAll(() => gw?.close());

  it('has a case for every cached kind', () => {
    expect(Object.keys(CASES).sort()).toEqual([...CACHE_KINDS].sort());
  });

  for (const kind of CACHE_KINDS) {
    const c = CASES[kind];
    const scope = CACHE_KIND_POLICY[kind].scope;
    it(`${kind} (${scope}): each tenant gets its own account's answer, filled in both orders`, async () => {
      for (const order of ORDERS) {
        for (const t of order) {
          const cleared = await gw.gql<{ clearCache: { complete: boolean } }>(
            `mutation { clearCache(input: { kind: ${kind.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()} }) { complete } }`,
            {},
            { apiKey: keyOf(t) },
          );
          expect(cleared.body.data?.clearCache.complete).toBe(true);
        }
        gw.sim.admin.resetLog();
        // Fill in this order, then read again: the second pass is served from the cache.
        for (const pass of [1, 2]) {
          for (const t of order) {
            const res = await gw.gql(c.query, {}, { apiKey: keyOf(t) });
            expect(res.body.errors).toBeUndefined();
            expect({ kind, order, pass, tenant: t, answer: c.pick(res.body.data!) }).toEqual({
              kind,
              order,
              pass,
              tenant: t,
              answer: c.expected[t],
            });
          }
        }
        const byKey = gw.sim.admin.counters().byCredentialOperation;
        const calls = (t: Tenant, op: string) => byKey[BARRACK_KEY[t]]?.[op] ?? 0;
        for (const op of c.ops) {
          const perTenant = order.map((t) => calls(t, op));
          if (scope === 'tenant') expect({ op, perTenant }).toEqual({ op, perTenant: [1, 1, 1] });
          // A public kind: the first tenant of the order fills the one entry, the others read it.
          else expect({ op, perTenant }).toEqual({ op, perTenant: [1, 0, 0] });
        }
      }
    }, 60_000);
  }
});
