import { CURRENCIES, GPU_MODELS, PROTOCOLS, REGIONS } from '../common/graphql/barrack-enums';
import { compoundKey, toGlobalId } from '../common/graphql/global-id';
import { nodeIds } from '../common/graphql/node';
import type { AiModel } from './models/ai-model.model';
import type { CatalogStamp } from './models/catalog-entry.model';
import type { FirewallProtocol } from './models/firewall-protocol.model';
import type { GpuSpec } from './models/gpu-spec.model';
import type { GpuStock, GpuStockConfiguration } from './models/gpu-stock.model';
import type { OsImage } from './models/os-image.model';
import type { PriceList, PriceQuote } from './models/pricing.model';
import type { Region } from './models/region.model';
import type { VolumeType } from './models/volume-type.model';
import type { PriceQuoteInput } from './dto/catalog.args';
import { GatewayError } from '../common/errors/gateway-error';
import type { components } from '../barrack/contract/barrack-api.types';
import {
  decimal,
  decimalOrNull,
  intOrNull,
  numberOrNull,
  stringOrNull,
} from '../common/mapping/tolerant-values';

type S = components['schemas'];

const GPU_COUNTS = [1, 2, 4, 8] as const;
const MAX_QUOTE_HOURS = 24 * 366;

const stampOf = (s: CatalogStamp): CatalogStamp => ({ asOf: s.asOf, stale: s.stale });

export function toRegions(wire: S['Regions'], stamp: CatalogStamp): Region[] {
  return (wire.regions ?? []).map((r) => ({
    code: REGIONS.fromWire(r.name),
    name: r.name,
    description: stringOrNull(r.description),
    country: stringOrNull(r.country),
    greenStatus: stringOrNull(r.green_status),
    ...nodeIds('Region', r.name),
    ...stampOf(stamp),
  }));
}

/** "200+" → 200, "12" → 12; anything else 0, since the figure is a lower bound and must never over-report. */
export function availableAtLeast(available: unknown): number {
  if (typeof available === 'number' && Number.isFinite(available)) return Math.max(0, Math.floor(available));
  const m = typeof available === 'string' ? /^\s*(\d+)\s*\+?\s*$/.exec(available) : null;
  return m?.[1] ? Number(m[1]) : 0;
}

function toConfigurations(wire: S['GPUStockConfiguration'] | undefined): GpuStockConfiguration[] {
  const out: GpuStockConfiguration[] = [];
  for (const [key, value] of Object.entries(wire ?? {})) {
    const m = /^(\d+)x$/.exec(key);
    const vms = intOrNull(value);
    if (m?.[1] && vms !== null) out.push({ gpuCount: Number(m[1]), deployableVms: Math.max(0, vms) });
  }
  return out.sort((a, b) => a.gpuCount - b.gpuCount);
}

/** One entry per region and model, in Barrack's order. */
export function toGpuStocks(wire: S['GPUStocks'], stamp: CatalogStamp): GpuStock[] {
  return (wire.gpu_stocks ?? []).flatMap((region) =>
    (region.models ?? []).map((m) => ({
      regionCode: REGIONS.fromWire(region.region),
      stockType: stringOrNull(region.stock_type),
      gpuModel: GPU_MODELS.fromWire(m.model),
      gpuModelName: String(m.model),
      available: typeof m.available === 'string' ? m.available : String(m.available ?? '0'),
      availableAtLeast: availableAtLeast(m.available),
      planned7Days: intOrNull(m.planned_7_days),
      planned30Days: intOrNull(m.planned_30_days),
      planned100Days: intOrNull(m.planned_100_days),
      configurations: toConfigurations(m.configurations),
      ...stampOf(stamp),
    })),
  );
}

/** `accountCurrency`: the currency of a priced flavour whose own `currency` Barrack left out. */
export function toGpuSpecs(
  wire: S['GPUSpecs'],
  stamp: CatalogStamp,
  accountCurrency: string | null = null,
): GpuSpec[] {
  return (wire.gpu_specs ?? []).map((s) => ({
    id: toGlobalId('GpuSpec', compoundKey(s.gpu_model, s.gpu_count)),
    gpuModel: GPU_MODELS.fromWire(s.gpu_model),
    gpuCount: s.gpu_count,
    vcpus: s.vcpus,
    ramGb: s.ram_gb,
    rootDiskGb: intOrNull(s.root_disk_gb),
    ephemeralDiskGb: intOrNull(s.ephemeral_disk_gb),
    regions: (s.regions ?? []).map((r) => REGIONS.fromWire(r)),
    hourlyRate: decimalOrNull(s.hourly_rate),
    currency: s.currency
      ? CURRENCIES.fromWire(s.currency)
      : s.hourly_rate !== undefined && s.hourly_rate !== null && accountCurrency
        ? CURRENCIES.fromWire(accountCurrency)
        : null,
    ...stampOf(stamp),
  }));
}

export function toPriceList(wire: S['Pricing'], region: string | null, stamp: CatalogStamp): PriceList {
  return {
    currency: CURRENCIES.fromWire(wire.currency),
    region: region ? REGIONS.fromWire(region) : null,
    gpus: (wire.gpus ?? []).map((g) => ({
      gpuModel: GPU_MODELS.fromWire(g.gpu_model),
      hourlyRate: decimal(g.hourly_rate),
      perMinuteRate: decimalOrNull(g.per_minute_rate),
    })),
    volumePerTbHour: decimalOrNull(wire.storage?.volume_per_tb_hour),
    hibernationPerHour: decimalOrNull(wire.hibernation?.per_hour),
    ...stampOf(stamp),
  };
}

export function toPriceQuote(wire: S['PricingQuote'], hours: number, stamp: CatalogStamp): PriceQuote {
  return {
    gpuModel: GPU_MODELS.fromWire(wire.gpu_model),
    gpuCount: wire.gpu_count,
    hours,
    currency: CURRENCIES.fromWire(wire.currency),
    hourlyRate: decimal(wire.hourly_rate),
    perMinuteRate: decimalOrNull(wire.per_minute_rate),
    estimatedTotal: decimal(wire.estimated_total),
    ...stampOf(stamp),
  };
}

/** Barrack groups images by region and OS family; a console wants one flat, filterable list. */
export function toOsImages(wire: S['OSImages'], stamp: CatalogStamp): OsImage[] {
  return (wire.images ?? []).flatMap((group) =>
    (group.images ?? []).map((img) => {
      const region = img.region ?? group.region;
      const barrackId = img.id === undefined || img.id === null ? null : String(img.id);
      return {
        // Barrack reuses an image id across regions: the region is part of the identity (the name stands in
        // for a missing id).
        id: toGlobalId('OsImage', compoundKey(region ?? '-', barrackId ?? img.name)),
        barrackId,
        name: img.name,
        family: stringOrNull(group.type),
        version: stringOrNull(img.version),
        sizeBytes: numberOrNull(img.size),
        displaySize: stringOrNull(img.display_size),
        region: region ? REGIONS.fromWire(region) : null,
        ...stampOf(stamp),
      };
    }),
  );
}

export function toVolumeTypes(wire: S['VolumeTypes'], stamp: CatalogStamp): VolumeType[] {
  return (wire.volume_types ?? []).map((name) => ({ ...stampOf(stamp), name: String(name) }));
}

export function toFirewallProtocols(wire: S['Protocols'], stamp: CatalogStamp): FirewallProtocol[] {
  return (wire.protocols ?? []).map((p) => ({
    protocol: PROTOCOLS.fromWire(p),
    name: String(p),
    ...stampOf(stamp),
  }));
}

/** Barrack prices AI models in the account currency without naming it; the caller passes the account's. */
export function toAiModels(
  wire: S['AiModels'],
  stamp: CatalogStamp,
  accountCurrency: string | null,
): AiModel[] {
  return (wire.models ?? []).map((m) => ({
    name: m.name,
    currency: CURRENCIES.fromWire(accountCurrency),
    inputPricePer1k: decimalOrNull(m.input_price_per_1k),
    outputPricePer1k: decimalOrNull(m.output_price_per_1k),
    ...stampOf(stamp),
    ...nodeIds('AiModel', m.id),
  }));
}

/** The account currency, from getBalance's answer (it follows the billing country). */
export function currencyOfBalance(w: Pick<S['Balance'], 'currency'>): S['CurrencyEnum'] {
  return w.currency;
}

/** A priced flavour without a currency gets the account's; an unpriced list needs no balance read. */
export function gpuSpecsNeedCurrency(w: S['GPUSpecs']): boolean {
  return (w.gpu_specs ?? []).some(
    (g) => g.hourly_rate !== undefined && g.hourly_rate !== null && !g.currency,
  );
}

/** Validates a quote request before any upstream call and builds Barrack's body. */
export function toPriceQuoteRequest(input: PriceQuoteInput): S['PricingRequest'] {
  if (!(GPU_COUNTS as readonly number[]).includes(input.gpuCount)) {
    throw new GatewayError('BAD_USER_INPUT', 'gpuCount must be 1, 2, 4 or 8', { field: 'gpuCount' });
  }
  if (
    input.hours !== undefined &&
    input.hours !== null &&
    !(input.hours > 0 && input.hours <= MAX_QUOTE_HOURS)
  ) {
    throw new GatewayError('BAD_USER_INPUT', `hours must be more than 0 and at most ${MAX_QUOTE_HOURS}`, {
      field: 'hours',
    });
  }
  return {
    gpu_model: GPU_MODELS.toWire(input.gpuModel),
    gpu_count: input.gpuCount as S['GpuCountEnum'],
    ...(input.region ? { region: REGIONS.toWire(input.region) } : {}),
    ...(input.currency ? { currency: CURRENCIES.toWire(input.currency) } : {}),
    ...(input.hours ? { hours: input.hours } : {}),
  };
}
