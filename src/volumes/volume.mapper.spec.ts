import { toGlobalId } from '../common/graphql/global-id';
import { GatewayError } from '../common/errors/gateway-error';
import {
  toAttachVolumesRequest,
  toCreateVolumeRequest,
  toDeleteVolumePayload,
  toDetachVolumesRequest,
  toVolume,
  toVolumeAttachment,
  toVolumeAttachments,
  toVolumeBilling,
} from './volume.mapper';

describe('volume mapper', () => {
  it('maps a volume: dashed wire enums become GraphQL names, unknown ones UNKNOWN', () => {
    const v = toVolume({
      volume_id: 'BRK-1V',
      name: 'data',
      region: 'US-1',
      size_gb: 100,
      volume_type: 'Ceph-SSD',
      status: 'in-use',
      attached_instance_id: 'BRK-1D',
      device: '/dev/vdb',
      hourly_rate: 0.01,
      created_at: '2025-01-01T00:00:00Z',
    });
    expect(v).toMatchObject({
      barrackId: 'BRK-1V',
      region: 'US_1',
      sizeGb: 100,
      volumeType: 'CEPH_SSD',
      status: 'IN_USE',
      attachedInstanceId: 'BRK-1D',
      device: '/dev/vdb',
      hourlyRate: '0.01',
      bootable: false,
    });
    const odd = toVolume({
      ...{ volume_id: 'x', name: 'n', region: 'US-1', size_gb: 1, created_at: '2025-01-01T00:00:00Z' },
      volume_type: 'NVMe' as 'Cloud-SSD',
      status: 'reserved' as 'available',
    });
    expect(odd).toMatchObject({ volumeType: 'UNKNOWN', status: 'UNKNOWN', attachedInstanceId: null });
  });

  it('maps attachments and billing', () => {
    expect(toVolumeAttachment({ volume_id: 'V', instance_id: 'D', status: 'ATTACHED' })).toEqual({
      volumeId: 'V',
      instanceId: 'D',
      device: null,
      status: 'ATTACHED',
      protected: false,
    });
    expect(
      toVolumeBilling({ volume_id: 'V', currency: 'USD', hourly_rate: 0.1, total_cost: 2.4, records: [] }),
    ).toEqual({
      resourceId: toGlobalId('Volume', 'V'),
      currency: 'USD',
      hourlyRate: '0.1',
      totalCost: '2.4',
      records: [],
    });
  });

  it('builds the create body: trimmed name, dashed region and type, optional fields only when given', () => {
    expect(
      toCreateVolumeRequest({ name: ' data ', region: 'US_1', sizeGb: 100, volumeType: 'CEPH_SSD' }),
    ).toEqual({ name: 'data', region: 'US-1', size: 100, volume_type: 'Ceph-SSD' });
    expect(
      toCreateVolumeRequest({
        name: 'boot',
        region: 'CANADA_1',
        sizeGb: 100,
        volumeType: 'CLOUD_SSD',
        imageId: '101',
        description: '',
      }),
    ).toEqual({
      name: 'boot',
      region: 'CANADA-1',
      size: 100,
      volume_type: 'Cloud-SSD',
      image_id: '101',
      description: '',
    });
    let refused: unknown;
    try {
      toCreateVolumeRequest({ name: 'n', region: 'US_1', sizeGb: 10, volumeType: 'UNKNOWN' });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(GatewayError);
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'volumeType' } });
  });

  it('builds attach and detach bodies and reads their answers and the delete answer', () => {
    expect(toAttachVolumesRequest(['V1', 'V2'], true)).toEqual({ volume_ids: ['V1', 'V2'], protected: true });
    expect(toDetachVolumesRequest(['V1'])).toEqual({ volume_ids: ['V1'] });
    expect(
      toVolumeAttachments({ volume_attachments: [{ volume_id: 'V', instance_id: 'D', status: 'ATTACHED' }] }),
    ).toEqual([{ volumeId: 'V', instanceId: 'D', device: null, status: 'ATTACHED', protected: false }]);
    expect(toVolumeAttachments({})).toEqual([]);
    expect(toDeleteVolumePayload({ volume_id: 'V9' }, 'V1', 'r')).toEqual({
      deletedVolumeId: toGlobalId('Volume', 'V9'),
      requestId: 'r',
    });
    expect(toDeleteVolumePayload(undefined, 'V1', undefined)).toEqual({
      deletedVolumeId: toGlobalId('Volume', 'V1'),
      requestId: null,
    });
  });
});
