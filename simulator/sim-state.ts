import type { components } from '../src/barrack/contract/barrack-api.types';
import {
  GPU_COUNTS,
  HIBERNATION_RATE,
  SNAPSHOT_TB_HOUR,
  REGION_NAMES,
  VOLUME_TB_HOUR,
  initialStock,
  round4,
  stockKey,
  type Currency,
  type GpuCount,
  type GpuModel,
  type Region,
} from './catalog';
import { SimClock } from './sim-clock';

type S = components['schemas'];
export type VMStatus = S['VMStatus'];

export interface StatusSegment {
  status: VMStatus;
  from: number;
}

export interface SimRule {
  id: string;
  direction: S['DirectionEnum'];
  protocol: S['ProtocolEnum'];
  ethertype: S['EthertypeEnum'];
  remoteIpPrefix: string;
  portMin: number | null;
  portMax: number | null;
  createdAt: number;
}

export interface SimInstance {
  id: string;
  name: string;
  region: Region;
  gpuModel: GpuModel;
  gpuCount: GpuCount;
  hourlyRate: number;
  status: VMStatus;
  /** A transitional status completes to `target` once the simulated clock reaches `at`. */
  pending: { target: VMStatus; at: number } | null;
  history: StatusSegment[];
  createdAt: number;
  deletedAt: number | null;
  serverUuid: string;
  privateIp: string;
  publicIp: string | null;
  image: { id?: string; name: string } | null;
  bootSource: 'image' | 'volume' | 'custom_image' | 'snapshot';
  sshKeyName: string | null;
  rules: SimRule[];
  labels: string[];
  startupScriptId: string | null;
  vcpus: number;
  ramGb: number;
  storageGb: number;
  ephemeralGb: number;
  flavourName: string;
  /** Whether this VM currently holds GPUs out of the region's stock. */
  holdsGpus: boolean;
  hibernatedAt: number | null;
}

export interface SimVolume {
  id: string;
  name: string;
  description: string | null;
  region: Region;
  volumeType: S['VolumeTypeEnum'];
  bootable: boolean;
  osImage: string | null;
  attachedTo: string | null;
  attachmentId: string | null;
  device: string | null;
  isBoot: boolean;
  protected: boolean;
  attachedAt: number | null;
  /** Size over time, so a resize bills the new size only from then on. */
  sizes: { sizeGb: number; from: number }[];
  createdAt: number;
  deletedAt: number | null;
}

export interface SimSnapshot {
  id: string;
  name: string;
  description: string | null;
  instanceId: string;
  instanceName: string;
  region: Region;
  gpuModel: GpuModel;
  gpuCount: GpuCount;
  vcpus: number;
  ramGb: number;
  storageGb: number;
  readyAt: number;
  imageId: string | null;
  createdAt: number;
  deletedAt: number | null;
}

export interface SimImage {
  id: string;
  name: string;
  region: Region;
  snapshotId: string;
  labels: string[];
  sizeGb: number;
  createdAt: number;
}

export interface SimFirewall {
  id: string;
  name: string;
  description: string | null;
  region: Region;
  rules: SimRule[];
  attached: string[];
  createdAt: number;
}

export interface SimSshKey {
  id: string;
  name: string;
  publicKey: string;
  fingerprint: string;
  keyType: S['SshKeyTypeEnum'] | undefined;
  keySize: number | null;
  source: 'created' | 'imported';
  createdAt: number;
}

export interface SimScript {
  id: string;
  name: string;
  description: string | null;
  content: string;
  createdAt: number;
  updatedAt: number;
}

export interface SimAiTx {
  id: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  cost: number;
  createdAt: number;
}

export interface Account {
  id: string;
  apiKey: string;
  name: string;
  currency: Currency;
  /** Regions this account sees in the catalogue (every region unless seeded otherwise). */
  regions: readonly Region[];
  initialBalance: number;
  instances: Map<string, SimInstance>;
  volumes: Map<string, SimVolume>;
  snapshots: Map<string, SimSnapshot>;
  images: Map<string, SimImage>;
  firewalls: Map<string, SimFirewall>;
  sshKeys: Map<string, SimSshKey>;
  scripts: Map<string, SimScript>;
  aiTransactions: SimAiTx[];
}

export interface AccountSeed {
  apiKey: string;
  currency?: Currency;
  /**
   * Regions the account sees in regions, GPU stock, GPU specs and OS images (default: all). Real Barrack lists
   * "available regions" per account; tests use this to give two accounts different catalogues.
   */
  regions?: readonly Region[];
  balance?: number;
  name?: string;
}

export type IdKind = 'D' | 'S' | 'V' | 'F' | 'K' | 'C' | 'I' | 'R' | 'A';

/** Rate per hour a VM is billed at in a given status (§7.1): full in ACTIVE/SHUTOFF, flat when hibernated. */
export function statusRate(inst: SimInstance, status: VMStatus, currency: Currency): number {
  if (status === 'ACTIVE' || status === 'SHUTOFF') return inst.hourlyRate;
  if (status === 'HIBERNATED') return HIBERNATION_RATE[currency];
  return 0;
}

export interface InstanceUsage {
  minutesByStatus: Map<VMStatus, number>;
  cost: number;
  records: { from: number; status: VMStatus; minutes: number; cost: number }[];
}

/** Per-minute billing: every full minute spent in a billable status costs rate/60; windows clip the segments. */
export function instanceUsage(
  inst: SimInstance,
  currency: Currency,
  now: number,
  windowStart = -Infinity,
  windowEnd = Infinity,
): InstanceUsage {
  const minutesByStatus = new Map<VMStatus, number>();
  const records: InstanceUsage['records'] = [];
  let cost = 0;
  const end = Math.min(now, windowEnd, inst.deletedAt ?? Infinity);
  inst.history.forEach((seg, i) => {
    const segEnd = Math.min(inst.history[i + 1]?.from ?? end, end);
    const segStart = Math.max(seg.from, windowStart);
    if (segEnd <= segStart) return;
    const minutes = Math.floor((segEnd - segStart) / 60_000);
    const c = (statusRate(inst, seg.status, currency) * minutes) / 60;
    minutesByStatus.set(seg.status, (minutesByStatus.get(seg.status) ?? 0) + minutes);
    cost += c;
    records.push({ from: segStart, status: seg.status, minutes, cost: round4(c) });
  });
  return { minutesByStatus, cost: round4(cost), records };
}

export interface StorageUsage {
  cost: number;
  records: { hour: number; sizeGb: number; cost: number }[];
}

/** Storage is billed per full hour at (size in TB) x rate; a record per billed hour, capped to keep replies small. */
export function storageUsage(
  sizes: { sizeGb: number; from: number }[],
  createdAt: number,
  deletedAt: number | null,
  tbHourRate: number,
  now: number,
  windowStart = -Infinity,
  windowEnd = Infinity,
): StorageUsage {
  const end = Math.min(now, deletedAt ?? Infinity, windowEnd);
  const records: StorageUsage['records'] = [];
  let cost = 0;
  const hours = Math.floor((end - createdAt) / 3_600_000);
  for (let h = 0; h < hours; h++) {
    const hourStart = createdAt + h * 3_600_000;
    if (hourStart < windowStart) continue;
    let size = sizes[0]?.sizeGb ?? 0;
    for (const s of sizes) if (s.from <= hourStart) size = s.sizeGb;
    const c = (size / 1000) * tbHourRate;
    cost += c;
    if (records.length < 1000) records.push({ hour: hourStart, sizeGb: size, cost: round4(c) });
  }
  return { cost: round4(cost), records };
}

/** The whole simulated Barrack: accounts, GPU stock, ids, clock. */
export class SimState {
  readonly accountsByKey = new Map<string, Account>();
  readonly stock: Map<string, number> = initialStock();
  private idCounter = 100_000;
  private accountCounter = 0;
  private ipCounter = 10;

  constructor(
    readonly clock: SimClock,
    readonly transitionDelayMs: number,
  ) {}

  nextId(kind: IdKind): string {
    this.idCounter = this.idCounter >= 999_999 ? 100_001 : this.idCounter + 1;
    return `BRK-${this.idCounter}${kind}`;
  }

  nextIp(prefix: '10.0' | '38.80'): string {
    this.ipCounter++;
    return `${prefix}.${Math.floor(this.ipCounter / 250) % 250}.${(this.ipCounter % 250) + 1}`;
  }

  createAccount(seed: AccountSeed): Account {
    if (!seed.apiKey) throw new Error('createAccount needs an apiKey');
    if (this.accountsByKey.has(seed.apiKey)) throw new Error('an account with this apiKey already exists');
    this.accountCounter++;
    const account: Account = {
      id: `acct-${String(this.accountCounter).padStart(4, '0')}`,
      apiKey: seed.apiKey,
      name: seed.name ?? `account ${this.accountCounter}`,
      currency: seed.currency ?? 'USD',
      regions: seed.regions ? REGION_NAMES.filter((r) => seed.regions?.includes(r)) : REGION_NAMES,
      initialBalance: seed.balance ?? 100,
      instances: new Map(),
      volumes: new Map(),
      snapshots: new Map(),
      images: new Map(),
      firewalls: new Map(),
      sshKeys: new Map(),
      scripts: new Map(),
      aiTransactions: [],
    };
    this.accountsByKey.set(seed.apiKey, account);
    return account;
  }

  gpusInStock(region: string, model: string): number {
    return this.stock.get(stockKey(region, model)) ?? 0;
  }

  setStock(region: string, model: string, gpus: number): void {
    this.stock.set(stockKey(region, model), Math.max(0, Math.floor(gpus)));
  }

  takeGpus(region: string, model: string, count: number): void {
    this.setStock(region, model, this.gpusInStock(region, model) - count);
  }

  returnGpus(region: string, model: string, count: number): void {
    this.setStock(region, model, this.gpusInStock(region, model) + count);
  }

  /** Regions that could host `count` GPUs of `model` right now. */
  alternatives(model: string, count: number, except?: string): string[] {
    const out: string[] = [];
    for (const [key, gpus] of this.stock) {
      const [region, m] = key.split('|');
      if (m === model && region && region !== except && gpus >= count) out.push(region);
    }
    return out;
  }

  configurations(region: string, model: string): Record<string, number> {
    const gpus = this.gpusInStock(region, model);
    const out: Record<string, number> = {};
    for (const c of GPU_COUNTS) out[`${c}x`] = Math.floor(gpus / c);
    return out;
  }

  /** Completes a transition whose deadline the clock has passed (lazy: no timers). */
  settle(inst: SimInstance): SimInstance {
    const p = inst.pending;
    if (p && this.clock.nowMs() >= p.at) {
      inst.pending = null;
      inst.status = p.target;
      inst.history.push({ status: p.target, from: p.at });
      if (p.target === 'DELETED') inst.deletedAt = p.at;
      if (p.target === 'HIBERNATED') inst.hibernatedAt = p.at;
    }
    return inst;
  }

  /** Moves a VM into a transitional status that completes to `target` after the configured delay. */
  transition(inst: SimInstance, transitional: VMStatus, target: VMStatus): void {
    const now = this.clock.nowMs();
    inst.status = transitional;
    inst.history.push({ status: transitional, from: now });
    inst.pending = { target, at: now + this.transitionDelayMs };
  }

  /** Live (not deleted) instances, settled. */
  liveInstances(account: Account): SimInstance[] {
    const out: SimInstance[] = [];
    for (const inst of account.instances.values()) {
      this.settle(inst);
      if (inst.status !== 'DELETED') out.push(inst);
    }
    return out;
  }

  balance(account: Account): number {
    const now = this.clock.nowMs();
    let spent = 0;
    for (const inst of account.instances.values()) {
      this.settle(inst);
      spent += instanceUsage(inst, account.currency, now).cost;
    }
    for (const v of account.volumes.values()) {
      spent += storageUsage(v.sizes, v.createdAt, v.deletedAt, VOLUME_TB_HOUR[account.currency], now).cost;
    }
    for (const s of account.snapshots.values()) {
      spent += storageUsage(
        [{ sizeGb: s.storageGb, from: s.createdAt }],
        s.createdAt,
        s.deletedAt,
        SNAPSHOT_TB_HOUR[account.currency],
        now,
      ).cost;
    }
    for (const tx of account.aiTransactions) spent += tx.cost;
    return round4(account.initialBalance - spent);
  }
}
