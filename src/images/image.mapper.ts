import type { WireImage, WireSnapshotImageRelationship } from '../barrack/api/images.api';
import { REGIONS } from '../common/graphql/barrack-enums';
import { nodeIds } from '../common/graphql/node';
import type { Image, SnapshotImageRelationship } from './models/image.model';
import { strOrNull, wireDate } from '../common/mapping/wire-values';

export function toImage(w: WireImage): Image {
  return {
    ...nodeIds('Image', w.image_id),
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
