import { toGlobalId } from '../common/graphql/global-id';
import {
  toDeleteImagePayload,
  toImage,
  toSnapshotImageRelationship,
  toSnapshotImageRelationships,
} from './image.mapper';

describe('image mapper', () => {
  it('maps a custom image and keeps its snapshot id for the Image.snapshot edge', () => {
    expect(
      toImage({
        image_id: 'BRK-1I',
        name: 'img',
        region: 'CANADA-1',
        type: 'Snapshot',
        size: 12_884_901_888,
        labels: ['a'],
        snapshot: { id: 'BRK-1S', name: 's' },
        created_at: '2025-01-01T00:00:00Z',
      }),
    ).toEqual({
      id: toGlobalId('Image', 'BRK-1I'),
      barrackId: 'BRK-1I',
      name: 'img',
      region: 'CANADA_1',
      type: 'Snapshot',
      version: null,
      sizeBytes: 12_884_901_888,
      displaySize: null,
      description: null,
      isPublic: false,
      labels: ['a'],
      createdAt: new Date('2025-01-01T00:00:00Z'),
      snapshotId: 'BRK-1S',
    });
  });

  it('maps a relationship with and without an image', () => {
    expect(
      toSnapshotImageRelationship({ snapshot_id: 'S', has_image: true, image_id: 'I', image_name: 'n' }),
    ).toEqual({
      snapshotId: 'S',
      hasImage: true,
      imageId: 'I',
      imageName: 'n',
    });
    expect(toSnapshotImageRelationship({ snapshot_id: 'S', has_image: false })).toEqual({
      snapshotId: 'S',
      hasImage: false,
      imageId: null,
      imageName: null,
    });
  });

  it('orders a batch answer as asked, a snapshot it leaves out having no image', () => {
    expect(
      toSnapshotImageRelationships(['A', 'B'], {
        relationships: [{ snapshot_id: 'B', has_image: true, image_id: 'I', image_name: 'n' }],
      }),
    ).toEqual([
      { snapshotId: 'A', hasImage: false, imageId: null, imageName: null },
      { snapshotId: 'B', hasImage: true, imageId: 'I', imageName: 'n' },
    ]);
    expect(toSnapshotImageRelationships(['A'], {})).toEqual([
      { snapshotId: 'A', hasImage: false, imageId: null, imageName: null },
    ]);
  });

  it('reads the delete answer, falling back to the image asked for', () => {
    expect(toDeleteImagePayload({ image_id: 'I2' }, 'I1', 'r')).toEqual({
      deletedImageId: toGlobalId('Image', 'I2'),
      requestId: 'r',
    });
    expect(toDeleteImagePayload(undefined, 'I1', undefined)).toEqual({
      deletedImageId: toGlobalId('Image', 'I1'),
      requestId: null,
    });
  });
});
