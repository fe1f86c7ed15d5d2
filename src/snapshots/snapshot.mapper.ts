import type {
  WireCreateSnapshotRequest,
  WireDeletedSnapshot,
  WireRestoredInstance,
  WireRestoreSnapshotRequest,
  WireSnapshot,
  WireSnapshotBilling,
  WireSnapshotRef,
} from '../barrack/api/snapshots.api';
import { CURRENCIES, GPU_MODELS, REGIONS, VM_STATUSES } from '../common/graphql/barrack-enums';
import { nodeIds } from '../common/graphql/node';
import { toGlobalId } from '../common/graphql/global-id';
import { keyOf } from '../common/graphql/input-check';
import type { CreateSnapshotInput, RestoreSnapshotInput } from './dto/snapshot.inputs';
import type { DeleteSnapshotPayload } from './models/snapshot-payloads.model';
import { SNAPSHOT_STATUS_FROM_WIRE, type Snapshot } from './models/snapshot.model';
import type { Instance } from '../instances/models/instance.model';
import type { StorageBillingHistory } from '../common/graphql/storage-billing.model';
import { toStorageBilling } from '../common/mapping/storage-billing.mapper';
import { intOrNull, moneyOrNull, strOrNull, wireDate } from '../common/mapping/wire-values';

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
    ...nodeIds('Snapshot', w.snapshot_id),
  };
}

/**
 * Barrack's restore answer as an Instance (the fallback when the read-back after the restore fails). The
 * answer has no region; the source snapshot's region is the new VM's (a restore stays in its region).
 */
export function toRestoredInstance(w: WireRestoredInstance, region: string): Instance {
  return {
    name: w.vm_name,
    status: VM_STATUSES.fromWire(w.status),
    region,
    gpuModel: GPU_MODELS.fromWire(w.specs.gpu_type),
    gpuCount: w.specs.gpu_count,
    flavor: {
      name: null,
      cpuCores: w.specs.vcpus,
      ramGb: w.specs.ram_gb,
      rootDiskGb: w.specs.storage_gb,
      ephemeralDiskGb: null,
    },
    imageName: null,
    sshKeyName: null,
    privateIp: strOrNull(w.ip_address),
    publicIp: null,
    publicIpStatus: null,
    firewallEligible: false,
    securityRules: [],
    labels: [],
    bootSource: w.boot_source,
    billing: {
      hourlyRate: moneyOrNull(w.billing.hourly_rate),
      currency: CURRENCIES.fromWire(w.billing.currency),
      accruedCost: null,
    },
    createdAt: wireDate(w.created_at, 'restored instance created_at'),
    attachedVolumeIds: [],
    ...nodeIds('Instance', w.instance_id),
  };
}

/** The Barrack id of the envelope-level `snapshot` ({id, name}) of a restore answer; null when left out. */
export function sourceSnapshotKeyOf(v: unknown): string | null {
  if (typeof v !== 'object' || v === null) return null;
  const id = (v as Partial<WireSnapshotRef>).id;
  return typeof id === 'string' ? id : null;
}

export function toSnapshotBilling(w: WireSnapshotBilling): StorageBillingHistory {
  return toStorageBilling(toGlobalId('Snapshot', w.snapshot_id), w);
}

/** The create body. The input passed createSnapshotRules before this runs. */
export function toCreateSnapshotRequest(input: CreateSnapshotInput): WireCreateSnapshotRequest {
  return {
    instance_id: keyOf(input.instanceId, 'Instance', 'instanceId'),
    name: input.name.trim(),
    ...(input.description != null ? { description: input.description } : {}),
    ...(input.isImage != null ? { is_image: input.isImage } : {}),
  };
}

/** Barrack's delete answer; the snapshot asked for when the answer leaves its id out. */
export function toDeleteSnapshotPayload(
  w: WireDeletedSnapshot | null | undefined,
  askedKey: string,
  requestId: string | undefined,
): DeleteSnapshotPayload {
  return {
    deletedSnapshotId: toGlobalId('Snapshot', w?.snapshot_id ?? askedKey),
    deletedImageId: w?.deleted_image_id ? toGlobalId('Image', w.deleted_image_id) : null,
    requestId: requestId ?? null,
  };
}

export function toRestoreSnapshotRequest(input: RestoreSnapshotInput): WireRestoreSnapshotRequest {
  return { new_vm_name: input.newVmName.trim() };
}

/** What a restore answer says about the new VM and its source: from `data` and the envelope beside it. */
export function restoreAnswerOf(
  w: WireRestoredInstance,
  envelope: Record<string, unknown>,
  askedSnapshotKey: string,
): { instanceKey: string; sourceSnapshotKey: string; tier: string | null } {
  const tier = envelope.tier;
  return {
    instanceKey: w.instance_id,
    sourceSnapshotKey: sourceSnapshotKeyOf(envelope.snapshot) ?? askedSnapshotKey,
    tier: typeof tier === 'string' ? tier : null,
  };
}
