import type { WireVolume, WireVolumeAttachment, WireVolumeBilling } from '../barrack/api/volumes.api';
import type { components } from '../barrack/contract/barrack-api.types';
import { GatewayError } from '../common/errors/gateway-error';
import { REGIONS } from '../common/graphql/barrack-enums';
import { toGlobalId } from '../common/graphql/global-id';
import { nodeIds } from '../common/graphql/node';
import type { StorageBillingHistory } from '../common/graphql/storage-billing.model';
import {
  VOLUME_STATUS_FROM_WIRE,
  VOLUME_TYPE_FROM_WIRE,
  VOLUME_TYPE_TO_WIRE,
  type Volume,
  type VolumeAttachment,
} from './models/volume.model';
import type { CreateVolumeInput } from './dto/volume.inputs';
import type { DeleteVolumePayload } from './models/volume-payloads.model';
import { toStorageBilling } from '../common/mapping/storage-billing.mapper';
import { intOrNull, moneyOrNull, strOrNull, wireDate } from '../common/mapping/wire-values';

type S = components['schemas'];

export function toVolume(w: WireVolume): Volume {
  return {
    name: w.name,
    description: strOrNull(w.description),
    region: REGIONS.fromWire(w.region),
    sizeGb: intOrNull(w.size_gb) ?? 0,
    volumeType: (VOLUME_TYPE_FROM_WIRE as Record<string, string>)[w.volume_type] ?? 'UNKNOWN',
    bootable: w.bootable ?? false,
    osImage: strOrNull(w.os_image),
    status: (VOLUME_STATUS_FROM_WIRE as Record<string, string>)[w.status.toLowerCase()] ?? 'UNKNOWN',
    device: strOrNull(w.device),
    hourlyRate: moneyOrNull(w.hourly_rate),
    createdAt: wireDate(w.created_at, 'volume created_at'),
    attachedInstanceId: strOrNull(w.attached_instance_id),
    ...nodeIds('Volume', w.volume_id),
  };
}

export function toVolumeAttachment(w: WireVolumeAttachment): VolumeAttachment {
  return {
    volumeId: w.volume_id,
    instanceId: w.instance_id,
    device: strOrNull(w.device),
    status: w.status,
    protected: w.protected ?? false,
  };
}

export function toVolumeBilling(w: WireVolumeBilling): StorageBillingHistory {
  return toStorageBilling(toGlobalId('Volume', w.volume_id), w);
}

/** The create body; a volume type Barrack has no name for is refused before any call. */
export function toCreateVolumeRequest(input: CreateVolumeInput): S['CreateVolumeRequest'] {
  const volumeType = (VOLUME_TYPE_TO_WIRE as Record<string, S['VolumeTypeEnum']>)[input.volumeType];
  if (!volumeType)
    throw new GatewayError('BAD_USER_INPUT', 'volumeType cannot be sent to Barrack', {
      field: 'volumeType',
    });
  return {
    name: input.name.trim(),
    region: REGIONS.toWire(input.region),
    size: input.sizeGb,
    volume_type: volumeType,
    ...(input.imageId != null ? { image_id: input.imageId } : {}),
    ...(input.description != null ? { description: input.description } : {}),
  };
}

/** Barrack's delete answer; the volume asked for when the answer leaves its id out. */
export function toDeleteVolumePayload(
  w: { volume_id?: string } | null | undefined,
  askedKey: string,
  requestId: string | undefined,
): DeleteVolumePayload {
  return {
    deletedVolumeId: toGlobalId('Volume', w?.volume_id ?? askedKey),
    requestId: requestId ?? null,
  };
}

export function toAttachVolumesRequest(
  volumeKeys: readonly string[],
  isProtected: boolean | undefined,
): S['AttachVolumesRequest'] {
  return { volume_ids: [...volumeKeys], protected: isProtected };
}

export function toDetachVolumesRequest(volumeKeys: readonly string[]): S['DetachVolumesRequest'] {
  return { volume_ids: [...volumeKeys] };
}

/** The attachments an attach or detach answer lists. */
export function toVolumeAttachments(
  w: Partial<S['VolumeAttachments']> | null | undefined,
): VolumeAttachment[] {
  return (w?.volume_attachments ?? []).map(toVolumeAttachment);
}
