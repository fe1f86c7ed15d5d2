import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WireRestoredInstance } from '../barrack/api/snapshots.api';
import { fromGlobalId, toGlobalId } from '../common/graphql/global-id';
import {
  restoreAnswerOf,
  sourceSnapshotKeyOf,
  toCreateSnapshotRequest,
  toDeleteSnapshotPayload,
  toRestoredInstance,
  toRestoreSnapshotRequest,
  toSnapshot,
  toSnapshotBilling,
} from './snapshot.mapper';

interface SeedFixture {
  response200: { data: WireRestoredInstance; snapshot: unknown; tier: string };
}
const seed = JSON.parse(
  readFileSync(join(__dirname, '../../test/fixtures/seed-restore-snapshot.json'), 'utf8'),
) as SeedFixture;

describe('snapshot mapper', () => {
  it("maps the seed page's restore answer into an Instance with a global id", () => {
    const m = toRestoredInstance(seed.response200.data, 'US_1');
    expect(m).toMatchObject({
      barrackId: 'BRK-901234D',
      name: 'restored-prod-vm',
      status: 'ACTIVE',
      region: 'US_1',
      gpuModel: 'H100_PCIE_NVLINK_80GB',
      gpuCount: 2,
      flavor: { cpuCores: 32, ramGb: 256, rootDiskGb: 500 },
      privateIp: '192.168.1.100',
      bootSource: 'snapshot',
      billing: { hourlyRate: '2.49', currency: 'USD' },
      createdAt: new Date('2025-12-11T16:00:00Z'),
    });
    expect(fromGlobalId(m.id)).toEqual({ typename: 'Instance', key: 'BRK-901234D' });
    expect(sourceSnapshotKeyOf(seed.response200.snapshot)).toBe('BRK-123456S');
  });

  it("reads the restore answer's new VM, source snapshot and tier; the asked snapshot when the envelope has none", () => {
    expect(restoreAnswerOf(seed.response200.data, seed.response200, 'ASKED')).toEqual({
      instanceKey: 'BRK-901234D',
      sourceSnapshotKey: 'BRK-123456S',
      tier: seed.response200.tier,
    });
    expect(restoreAnswerOf(seed.response200.data, {}, 'ASKED')).toMatchObject({
      sourceSnapshotKey: 'ASKED',
      tier: null,
    });
  });

  it('builds the create and restore bodies, and maps the delete answer', () => {
    expect(
      toCreateSnapshotRequest({ instanceId: toGlobalId('Instance', 'BRK-1'), name: ' s1 ', isImage: true }),
    ).toEqual({ instance_id: 'BRK-1', name: 's1', is_image: true });
    expect(toRestoreSnapshotRequest({ id: 'x', newVmName: ' vm ' })).toEqual({ new_vm_name: 'vm' });
    expect(toDeleteSnapshotPayload({ snapshot_id: 'S-1', deleted_image_id: 'I-1' }, 'S-1', 'u')).toEqual({
      deletedSnapshotId: toGlobalId('Snapshot', 'S-1'),
      deletedImageId: toGlobalId('Image', 'I-1'),
      requestId: 'u',
    });
    expect(toDeleteSnapshotPayload(null, 'S-2', undefined)).toEqual({
      deletedSnapshotId: toGlobalId('Snapshot', 'S-2'),
      deletedImageId: null,
      requestId: null,
    });
  });

  it('has no source snapshot key for a missing or malformed envelope snapshot', () => {
    expect(sourceSnapshotKeyOf(undefined)).toBeNull();
    expect(sourceSnapshotKeyOf({ name: 'no id' })).toBeNull();
  });

  it('maps snapshots, including the lower-case "available" status', () => {
    const s = toSnapshot({
      snapshot_id: 'BRK-1S',
      name: 'n',
      instance_id: 'BRK-1D',
      region: 'NORWAY-1',
      status: 'available',
      vm_config: { cpu: 28, ram_gb: 180, gpu: 'L40', gpu_count: 1, disk_gb: 100 },
      created_at: '2025-01-01T00:00:00Z',
    });
    expect(s).toMatchObject({
      barrackId: 'BRK-1S',
      instanceId: 'BRK-1D',
      region: 'NORWAY_1',
      status: 'AVAILABLE',
      isImage: false,
      description: null,
      vmConfig: { cpuCores: 28, ramGb: 180, gpuModel: 'L40', gpuCount: 1, diskGb: 100 },
    });
    expect(
      toSnapshot({
        snapshot_id: 'x',
        name: 'n',
        region: 'US-1',
        status: 'WEIRD' as 'SUCCESS',
        created_at: '2025-01-01T00:00:00Z',
      }).status,
    ).toBe('UNKNOWN');
  });

  it('maps storage billing', () => {
    expect(
      toSnapshotBilling({
        snapshot_id: 'BRK-1S',
        currency: 'INR',
        hourly_rate: 0.005,
        total_cost: 0.12,
        records: [{ hour: '2025-01-01T01:00:00Z', size_gb: 50, cost: 0.005 }],
      }),
    ).toEqual({
      resourceId: toGlobalId('Snapshot', 'BRK-1S'),
      currency: 'INR',
      hourlyRate: '0.005',
      totalCost: '0.12',
      records: [{ hour: new Date('2025-01-01T01:00:00Z'), sizeGb: 50, cost: '0.005' }],
    });
  });
});
