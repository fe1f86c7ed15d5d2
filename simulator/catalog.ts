import type { components } from '../src/barrack/contract/barrack-api.types';

type S = components['schemas'];
export type Region = S['RegionEnum'];
export type GpuModel = S['GpuModelEnum'];
export type GpuCount = S['GpuCountEnum'];
export type Currency = S['CurrencyEnum'];

/*
 * The simulator's price catalogue and hardware data, copied from REFERENCE.md §4.2/§4.3/§7.1 (documented list
 * prices; the live Barrack may differ). The project never reads ../shared at run time, so the data lives here.
 */

export const REGIONS: readonly S['Region'][] = [
  { name: 'NORWAY-1', description: 'Europe', country: 'Norway', green_status: 'GREEN' },
  { name: 'CANADA-1', description: 'North America', country: 'Canada', green_status: 'GREEN' },
  { name: 'US-1', description: 'United States', country: 'United States', green_status: 'NOT_GREEN' },
];
export const REGION_NAMES: readonly Region[] = REGIONS.map((r) => r.name);

export const GPU_MODELS: readonly GpuModel[] = [
  'H100-SXM5-80GB',
  'H100-PCIe-NVLink-80GB',
  'H100-PCIe-80GB',
  'A100-SXM4-80GB-NVLink',
  'A100-PCIe-80GB',
  'L40',
  'RTX-A6000',
  'A40',
];
export const GPU_COUNTS: readonly GpuCount[] = [1, 2, 4, 8];
export const CURRENCIES: readonly Currency[] = ['USD', 'EUR', 'INR'];

/** Price of a 1-GPU VM-hour per currency [doc]. Multi-GPU VMs cost rate x count (documented decision). */
const PRICE_TABLE: Record<GpuModel, Record<Currency, number>> = {
  'H100-SXM5-80GB': { USD: 2.69, EUR: 2.49, INR: 239 },
  'H100-PCIe-NVLink-80GB': { USD: 2.29, EUR: 2.09, INR: 199 },
  'H100-PCIe-80GB': { USD: 2.25, EUR: 2.05, INR: 195 },
  'A100-SXM4-80GB-NVLink': { USD: 1.59, EUR: 1.45, INR: 135 },
  'A100-PCIe-80GB': { USD: 1.55, EUR: 1.39, INR: 135 },
  L40: { USD: 1.19, EUR: 1.09, INR: 99 },
  'RTX-A6000': { USD: 0.69, EUR: 0.45, INR: 49 },
  A40: { USD: 0.69, EUR: 0.45, INR: 49 },
};

/** Flat hibernation rate per hour [doc]. */
export const HIBERNATION_RATE: Record<Currency, number> = { USD: 0.01, EUR: 0.01, INR: 1 };
/** Volume storage per TB-hour: USD 0.1 [doc]; EUR/INR are the simulator's own conversions. */
export const VOLUME_TB_HOUR: Record<Currency, number> = { USD: 0.1, EUR: 0.09, INR: 8 };
/** Snapshot storage per TB-hour: unknown upstream; the simulator charges half the volume rate. */
export const SNAPSHOT_TB_HOUR: Record<Currency, number> = { USD: 0.05, EUR: 0.045, INR: 4 };
/** Minimum balance to create volumes and snapshots [doc]. */
export const MIN_STORAGE_BALANCE: Record<Currency, number> = { USD: 1, EUR: 1, INR: 100 };

export function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}

export function gpuHourlyRate(model: GpuModel, count: number, currency: Currency): number {
  return round4(PRICE_TABLE[model][currency] * count);
}

export function perMinute(hourly: number): number {
  return round4(hourly / 60);
}

interface FlavourBase {
  vcpus: number;
  ramGb: number;
}
const FLAVOUR_BASE: Record<GpuModel, FlavourBase> = {
  'H100-SXM5-80GB': { vcpus: 28, ramGb: 180 },
  'H100-PCIe-NVLink-80GB': { vcpus: 32, ramGb: 128 },
  'H100-PCIe-80GB': { vcpus: 28, ramGb: 180 },
  'A100-SXM4-80GB-NVLink': { vcpus: 28, ramGb: 120 },
  'A100-PCIe-80GB': { vcpus: 28, ramGb: 120 },
  L40: { vcpus: 28, ramGb: 58 },
  'RTX-A6000': { vcpus: 28, ramGb: 58 },
  A40: { vcpus: 28, ramGb: 58 },
};

export interface Flavour {
  name: string;
  vcpus: number;
  ramGb: number;
  rootDiskGb: number;
  ephemeralGb: number;
}

export function flavour(model: GpuModel, count: number): Flavour {
  const base = FLAVOUR_BASE[model];
  return {
    name: `n3-${model}x${count}`,
    vcpus: base.vcpus * count,
    ramGb: base.ramGb * count,
    rootDiskGb: 100,
    ephemeralGb: 750 * count,
  };
}

/** Initial GPUs in stock per region and model (the demo leaves A40 empty in US-1 to show alternatives). */
export function initialStock(): Map<string, number> {
  const stock = new Map<string, number>();
  for (const region of REGION_NAMES) {
    for (const model of GPU_MODELS) {
      stock.set(stockKey(region, model), region === 'US-1' && model === 'A40' ? 0 : 64);
    }
  }
  return stock;
}

export function stockKey(region: string, model: string): string {
  return `${region}|${model}`;
}

export interface OsImageEntry {
  id: number;
  name: string;
  type: string;
  version: string;
}

export const OS_IMAGES: readonly OsImageEntry[] = [
  { id: 101, name: 'Ubuntu Server 22.04 LTS R535 CUDA 12.2', type: 'Ubuntu', version: '22.04' },
  { id: 102, name: 'Ubuntu Server 22.04 LTS with CUDA 12.4', type: 'Ubuntu', version: '22.04' },
  { id: 103, name: 'Ubuntu Server 22.04 LTS with CUDA 12.4 and Docker', type: 'Ubuntu', version: '22.04' },
  { id: 104, name: 'Ubuntu Server 20.04 LTS R470 CUDA 12.2', type: 'Ubuntu', version: '20.04' },
];

export const PROTOCOLS: readonly S['ProtocolEnum'][] = [
  'any',
  'ah',
  'dccp',
  'egp',
  'esp',
  'gre',
  'icmp',
  'icmpv6',
  'igmp',
  'ipip',
  'ipv6-encap',
  'ipv6-frag',
  'ipv6-icmp',
  'ipv6-nonxt',
  'ipv6-opts',
  'ipv6-route',
  'ospf',
  'pgm',
  'rsvp',
  'sctp',
  'tcp',
  'udp',
  'udplite',
  'vrrp',
];

export interface AiModelEntry {
  id: string;
  name: string;
  /** USD per 1,000 tokens; other currencies use AI_FX. */
  inputPer1k: number;
  outputPer1k: number;
}

export const AI_MODELS: readonly AiModelEntry[] = [
  { id: 'barrack-llama-3.1-8b', name: 'Llama 3.1 8B Instruct', inputPer1k: 0.01, outputPer1k: 0.03 },
  { id: 'barrack-llama-3.1-70b', name: 'Llama 3.1 70B Instruct', inputPer1k: 0.05, outputPer1k: 0.15 },
];
export const AI_FX: Record<Currency, number> = { USD: 1, EUR: 0.92, INR: 83 };
