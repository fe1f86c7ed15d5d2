import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WireRestoredInstance } from '../api/snapshots.api';
import { toRestoredInstance, toSnapshot, toSnapshotBilling, toSnapshotRef } from './snapshot.mapper';

interface SeedFixture {
  response200: { data: WireRestoredInstance; snapshot: unknown; tier: string };
}
const seed = JSON.parse(
  readFileSync(join(__dirname, '../../../test/fixtures/seed-restore-snapshot.json'), 'utf8'),
) as SeedFixture;

describe('snapshot mapper', () => {
  it("keeps every field of the seed page's restore answer", () => {
    const m = toRestoredInstance(seed.response200.data);
    expect(m).toEqual({
      instanceId: 'BRK-901234D',
      vmName: 'restored-prod-vm',
      ipAddress: '192.168.1.100',
      ipStatus: 'assigned',
      billing: { hourlyRate: '2.49', currency: 'USD' },
      specs: { gpuModel: 'H100_PCIE_NVLINK_80GB', gpuCount: 2, ramGb: 256, vcpus: 32, storageGb: 500 },
      status: 'ACTIVE',
      bootSource: 'snapshot',
      createdAt: new Date('2025-12-11T16:00:00Z'),
    });
    expect(toSnapshotRef(seed.response200.snapshot)).toEqual({
      id: 'BRK-123456S',
      name: 'prod-backup-dec11',
    });
  });

  it('returns null for a missing or malformed source snapshot', () => {
    expect(toSnapshotRef(undefined)).toBeNull();
    expect(toSnapshotRef({ name: 'no id' })).toBeNull();
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
      id: 'BRK-1S',
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
      resourceId: 'BRK-1S',
      currency: 'INR',
      hourlyRate: '0.005',
      totalCost: '0.12',
      records: [{ hour: new Date('2025-01-01T01:00:00Z'), sizeGb: 50, cost: '0.005' }],
    });
  });
});
