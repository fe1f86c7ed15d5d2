import type {
  WireRestoredInstance,
  WireSnapshot,
  WireSnapshotBilling,
  WireSnapshotRef,
} from '../api/snapshots.api';
import { CURRENCIES, GPU_MODELS, REGIONS, VM_STATUSES } from '../../common/graphql/barrack-enums';
import { SNAPSHOT_STATUS_FROM_WIRE, type Snapshot } from '../../snapshots/models/snapshot.model';
import type { RestoredInstance, SnapshotRef } from '../../snapshots/models/snapshot-payloads.model';
import type { StorageBillingHistory } from '../../volumes/models/storage-billing.model';
import { intOrNull, moneyOrNull, strOrNull, wireDate } from './wire-values';

function snapshotStatus(w: string): string {
  return (
    (SNAPSHOT_STATUS_FROM_WIRE as Record<string, string>)[w] ??
    (SNAPSHOT_STATUS_FROM_WIRE as Record<string, string>)[w.toUpperCase()] ??
    'UNKNOWN'
  );
}

export function toSnapshot(w: WireSnapshot): Snapshot {
  const c = w.vm_config;
  return {
    id: w.snapshot_id,
    name: w.name,
    description: strOrNull(w.description),
    instanceId: strOrNull(w.instance_id),
    instanceName: strOrNull(w.instance_name),
    region: REGIONS.fromWire(w.region),
    sizeGb: intOrNull(w.size_gb),
    status: snapshotStatus(w.status),
    isImage: w.is_image ?? false,
    vmConfig: c
      ? {
          cpuCores: intOrNull(c.cpu),
          ramGb: intOrNull(c.ram_gb),
          gpuModel: c.gpu ? GPU_MODELS.fromWire(c.gpu) : null,
          gpuCount: intOrNull(c.gpu_count),
          diskGb: intOrNull(c.disk_gb),
        }
      : null,
    createdAt: wireDate(w.created_at, 'snapshot created_at'),
  };
}

/** The seed page's `data`: every field it documents comes through. */
export function toRestoredInstance(w: WireRestoredInstance): RestoredInstance {
  return {
    instanceId: w.instance_id,
    vmName: w.vm_name,
    ipAddress: strOrNull(w.ip_address),
    ipStatus: w.ip_status,
    billing: {
      hourlyRate: moneyOrNull(w.billing.hourly_rate) ?? '0',
      currency: CURRENCIES.fromWire(w.billing.currency),
    },
    specs: {
      gpuModel: GPU_MODELS.fromWire(w.specs.gpu_type),
      gpuCount: w.specs.gpu_count,
      ramGb: w.specs.ram_gb,
      vcpus: w.specs.vcpus,
      storageGb: w.specs.storage_gb,
    },
    status: VM_STATUSES.fromWire(w.status),
    bootSource: w.boot_source,
    createdAt: wireDate(w.created_at, 'restored instance created_at'),
  };
}

/** The seed page's envelope-level `snapshot` ({id, name}); null when Barrack leaves it out. */
export function toSnapshotRef(v: unknown): SnapshotRef | null {
  if (typeof v !== 'object' || v === null) return null;
  const r = v as Partial<WireSnapshotRef>;
  if (typeof r.id !== 'string') return null;
  return { id: r.id, name: typeof r.name === 'string' ? r.name : null };
}

export function toSnapshotBilling(w: WireSnapshotBilling): StorageBillingHistory {
  return {
    resourceId: w.snapshot_id,
    currency: CURRENCIES.fromWire(w.currency),
    hourlyRate: moneyOrNull(w.hourly_rate) ?? '0',
    totalCost: moneyOrNull(w.total_cost) ?? '0',
    records: w.records.map((r) => ({
      hour: wireDate(r.hour, 'billing hour'),
      sizeGb: typeof r.size_gb === 'number' ? r.size_gb : null,
      cost: moneyOrNull(r.cost) ?? '0',
    })),
  };
}
