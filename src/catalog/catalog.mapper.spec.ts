import { GatewayError } from '../common/errors/gateway-error';
import { toGlobalId } from '../common/graphql/global-id';
import {
  availableAtLeast,
  currencyOfBalance,
  gpuSpecsNeedCurrency,
  toAiModels,
  toFirewallProtocols,
  toGpuSpecs,
  toGpuStocks,
  toOsImages,
  toPriceList,
  toPriceQuote,
  toPriceQuoteRequest,
  toRegions,
  toVolumeTypes,
} from './catalog.mapper';

const stamp = { asOf: new Date('2025-06-01T12:03:00Z'), stale: true };

describe('catalog mappers', () => {
  it('maps regions with their code and carries the cache stamp', () => {
    const [r] = toRegions(
      { regions: [{ name: 'CANADA-1', description: 'North America', country: '' }] },
      stamp,
    );
    expect(r).toEqual({
      asOf: stamp.asOf,
      stale: true,
      id: toGlobalId('Region', 'CANADA-1'),
      barrackId: 'CANADA-1',
      code: 'CANADA_1',
      name: 'CANADA-1',
      description: 'North America',
      country: null,
      greenStatus: null,
    });
  });

  it('reads "200+" as at least 200 and never over-reports unreadable stock', () => {
    expect(availableAtLeast('200+')).toBe(200);
    expect(availableAtLeast('12')).toBe(12);
    expect(availableAtLeast(7)).toBe(7);
    expect(availableAtLeast('plenty')).toBe(0);
    expect(availableAtLeast(undefined)).toBe(0);
  });

  it('flattens stock per region and model, with configurations ordered by GPU count', () => {
    const list = toGpuStocks(
      {
        gpu_stocks: [
          {
            region: 'NORWAY-1',
            stock_type: 'GPU',
            models: [
              {
                model: 'H100-SXM5-80GB',
                available: '100+',
                planned_7_days: 8,
                configurations: { '8x': 2, '1x': 20, '10x': 0 },
              },
              { model: 'B200-NEW' as never, available: '3', configurations: {} },
            ],
          },
        ],
      },
      stamp,
    );
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({
      regionCode: 'NORWAY_1',
      gpuModel: 'H100_SXM5_80GB',
      gpuModelName: 'H100-SXM5-80GB',
      available: '100+',
      availableAtLeast: 100,
      planned7Days: 8,
      planned30Days: null,
      configurations: [
        { gpuCount: 1, deployableVms: 20 },
        { gpuCount: 8, deployableVms: 2 },
        { gpuCount: 10, deployableVms: 0 },
      ],
      stale: true,
    });
    // A model this gateway does not know yet degrades to UNKNOWN with its wire name kept.
    expect(list[1]).toMatchObject({ gpuModel: 'UNKNOWN', gpuModelName: 'B200-NEW' });
  });

  it('maps specs and prices as exact decimal strings', () => {
    const [spec] = toGpuSpecs(
      {
        gpu_specs: [
          {
            gpu_model: 'L40',
            gpu_count: 2,
            vcpus: 32,
            ram_gb: 120.5,
            regions: ['US-1'],
            hourly_rate: 2.38,
            currency: 'USD',
          },
        ],
      },
      stamp,
    );
    expect(spec).toMatchObject({
      gpuModel: 'L40',
      ramGb: 120.5,
      regions: ['US_1'],
      hourlyRate: '2.38',
      currency: 'USD',
      rootDiskGb: null,
    });

    const list = toPriceList(
      {
        currency: 'EUR',
        gpus: [{ gpu_model: 'H100-SXM5-80GB', hourly_rate: 2.49, per_minute_rate: 0.0415 }],
        storage: { volume_per_tb_hour: 0.1 },
      },
      'NORWAY-1',
      stamp,
    );
    expect(list).toMatchObject({
      currency: 'EUR',
      region: 'NORWAY_1',
      gpus: [{ gpuModel: 'H100_SXM5_80GB', hourlyRate: '2.49', perMinuteRate: '0.0415' }],
      volumePerTbHour: '0.1',
      hibernationPerHour: null,
    });

    const quote = toPriceQuote(
      { gpu_model: 'A40', gpu_count: 4, currency: 'INR', hourly_rate: 196, estimated_total: 0.1 + 0.2 },
      3,
      stamp,
    );
    // 0.1 + 0.2 is 0.30000000000000004 as a float: the string keeps ten places at most.
    expect(quote).toMatchObject({
      gpuModel: 'A40',
      gpuCount: 4,
      hours: 3,
      currency: 'INR',
      hourlyRate: '196',
      estimatedTotal: '0.3',
    });
  });

  it('flattens OS image groups, taking the group region and family', () => {
    const list = toOsImages(
      {
        images: [
          {
            region: 'CANADA-1',
            type: 'Ubuntu',
            images: [{ id: 42, name: 'Ubuntu 22.04', size: 5_000_000_000, display_size: '5 GB' }],
          },
        ],
      },
      stamp,
    );
    expect(list).toEqual([
      expect.objectContaining({
        barrackId: '42',
        name: 'Ubuntu 22.04',
        family: 'Ubuntu',
        region: 'CANADA_1',
        sizeBytes: 5_000_000_000,
      }),
    ]);
  });

  it("gives a priced spec without a currency the account's, and an unpriced one none", () => {
    const base = { gpu_model: 'L40' as const, gpu_count: 1 as const, vcpus: 28, ram_gb: 58 };
    const specs = toGpuSpecs({ gpu_specs: [{ ...base, hourly_rate: 1.09 }, base] }, stamp, 'EUR');
    expect(specs.map((s) => [s.hourlyRate, s.currency])).toEqual([
      ['1.09', 'EUR'],
      [null, null],
    ]);
  });

  it('maps volume types, protocols and AI models', () => {
    expect(toVolumeTypes({ volume_types: ['Cloud-SSD'] }, stamp)).toEqual([{ ...stamp, name: 'Cloud-SSD' }]);
    expect(
      toFirewallProtocols({ protocols: ['tcp', 'ipv6-icmp'] }, stamp).map((p) => [p.protocol, p.name]),
    ).toEqual([
      ['TCP', 'tcp'],
      ['IPV6_ICMP', 'ipv6-icmp'],
    ]);
    expect(
      toAiModels({ models: [{ id: 'm', name: 'M', input_price_per_1k: 0.83 }] }, stamp, 'INR')[0],
    ).toMatchObject({ barrackId: 'm', currency: 'INR', inputPricePer1k: '0.83', outputPricePer1k: null });
  });

  it('builds the wire body and rejects bad counts and durations', () => {
    expect(
      toPriceQuoteRequest({ gpuModel: 'H100_SXM5_80GB', gpuCount: 8, region: 'US_1', hours: 2.5 }),
    ).toEqual({
      gpu_model: 'H100-SXM5-80GB',
      gpu_count: 8,
      region: 'US-1',
      hours: 2.5,
    });
    expect(() => toPriceQuoteRequest({ gpuModel: 'L40', gpuCount: 3 })).toThrow(GatewayError);
    expect(() => toPriceQuoteRequest({ gpuModel: 'L40', gpuCount: 1, hours: 0 })).toThrow(/hours/);
    expect(() => toPriceQuoteRequest({ gpuModel: 'UNKNOWN', gpuCount: 1 })).toThrow(GatewayError);
  });

  it("reads the account currency off getBalance's answer", () => {
    expect(currencyOfBalance({ currency: 'INR' })).toBe('INR');
  });

  it('asks for the account currency only when a priced spec has none', () => {
    const base = { gpu_model: 'L40' as const, gpu_count: 1 as const, vcpus: 28, ram_gb: 58 };
    expect(gpuSpecsNeedCurrency({ gpu_specs: [{ ...base, hourly_rate: 1.09 }] })).toBe(true);
    expect(gpuSpecsNeedCurrency({ gpu_specs: [{ ...base, hourly_rate: 1.09, currency: 'USD' }, base] })).toBe(
      false,
    );
    expect(gpuSpecsNeedCurrency({ gpu_specs: [base] })).toBe(false);
    expect(gpuSpecsNeedCurrency({ gpu_specs: [] })).toBe(false);
  });
});
