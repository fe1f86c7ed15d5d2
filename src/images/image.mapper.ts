import type { WireImage, WireSnapshotImageRelationship } from '../barrack/api/images.api';
import type { components } from '../barrack/contract/barrack-api.types';
import { toGlobalId } from '../common/graphql/global-id';
import { REGIONS } from '../common/graphql/barrack-enums';
import { nodeIds } from '../common/graphql/node';
import type { Image, SnapshotImageRelationship } from './models/image.model';
import type { DeleteImagePayload } from './models/image-payloads.model';
import { strOrNull, wireDate } from '../common/mapping/wire-values';

export function toImage(w: WireImage): Image {
  return {
    name: w.name,
    region: REGIONS.fromWire(w.region),
    type: strOrNull(w.type),
    version: strOrNull(w.version),
    sizeBytes: typeof w.size === 'number' && Number.isFinite(w.size) ? w.size : null,
    displaySize: strOrNull(w.display_size),
    description: strOrNull(w.description),
    isPublic: w.is_public ?? false,
    labels: w.labels ?? [],
    createdAt: wireDate(w.created_at, 'image created_at'),
    snapshotId: strOrNull(w.snapshot?.id),
    ...nodeIds('Image', w.image_id),
  };
}

export function toSnapshotImageRelationship(w: WireSnapshotImageRelationship): SnapshotImageRelationship {
  return {
    snapshotId: w.snapshot_id,
    hasImage: w.has_image,
    imageId: strOrNull(w.image_id),
    imageName: strOrNull(w.image_name),
  };
}

/**
 * The batch answer in the order of the snapshots asked about; a snapshot the answer leaves out has no image.
 */
export function toSnapshotImageRelationships(
  snapshotKeys: readonly string[],
  w: Partial<components['schemas']['BatchSnapshotImageRelationships']>,
): SnapshotImageRelationship[] {
  const bySnapshot = new Map(
    (w.relationships ?? []).map((r) => [r.snapshot_id, toSnapshotImageRelationship(r)]),
  );
  return snapshotKeys.map(
    (id) => bySnapshot.get(id) ?? { snapshotId: id, hasImage: false, imageId: null, imageName: null },
  );
}

/** Barrack's delete answer; the image asked for when the answer leaves its id out. */
export function toDeleteImagePayload(
  w: { image_id?: string } | null | undefined,
  askedKey: string,
  requestId: string | undefined,
): DeleteImagePayload {
  return {
    deletedImageId: toGlobalId('Image', w?.image_id ?? askedKey),
    requestId: requestId ?? null,
  };
}
