import type { WireDeployment, WireInstance } from '../barrack/api/instances.api';
import { toGlobalId } from '../common/graphql/global-id';
import type { CreateInstanceInput } from './dto/instance.inputs';
import {
  removedRuleIdOf,
  toDeploymentRequest,
  toHibernatedCount,
  toInstance,
  toInstanceAction,
  toInstanceBillingHistory,
  toSnapshotEligible,
  toSnapshotEligibleInstances,
  toTogglePublicIp,
  toWireSecurityRule,
} from './instance.mapper';

const wire: WireInstance & { accrued_cost: number } = {
  instance_id: 'BRK-901234D',
  server_uuid: 'c0ffee',
  name: 'train-01',
  status: 'ACTIVE',
  region: 'CANADA-1',
  gpu_model: 'H100-PCIe-NVLink-80GB',
  gpu_count: 2,
  flavor: { name: 'n3-H100x2', cpu: 60, ram: 360, disk: 100, ephemeral: 1500 },
  image: { name: 'Ubuntu 22.04' },
  ssh_key: { name: 'k1' },
  private_ip: '10.0.0.5',
  public_ip: null,
  public_ip_status: 'DETACHED',
  security_rules: [
    {
      id: 'BRK-000001R',
      direction: 'ingress',
      protocol: 'ipv6-icmp',
      ethertype: 'IPv6',
      remote_ip_prefix: '::/0',
      created_at: '2025-01-01T00:00:00',
    },
  ],
  volume_attachments: [{ volume: { id: 'BRK-000002V', name: 'data' } }],
  hourly_rate: 4.58,
  currency: 'USD',
  accrued_cost: 0.1 + 0.2,
  boot_source: 'image',
  created_at: '2025-12-11T16:00:00Z',
};

describe('instance mapper', () => {
  it('maps a full instance to the model, enums and money included', () => {
    const m = toInstance(wire);
    expect(m).toMatchObject({
      barrackId: 'BRK-901234D',
      status: 'ACTIVE',
      region: 'CANADA_1',
      gpuModel: 'H100_PCIE_NVLINK_80GB',
      gpuCount: 2,
      flavor: { name: 'n3-H100x2', cpuCores: 60, ramGb: 360, rootDiskGb: 100, ephemeralDiskGb: 1500 },
      imageName: 'Ubuntu 22.04',
      sshKeyName: 'k1',
      publicIp: null,
      firewallEligible: true,
      labels: [],
      bootSource: 'image',
      attachedVolumeIds: ['BRK-000002V'],
    });
    // Money never carries float noise: 0.1 + 0.2 is sent as 0.30000000000000004.
    expect(m.billing).toEqual({ hourlyRate: '4.58', currency: 'USD', accruedCost: '0.3' });
    expect(m.createdAt.toISOString()).toBe('2025-12-11T16:00:00.000Z');
    expect(m.securityRules[0]).toMatchObject({
      direction: 'INGRESS',
      protocol: 'IPV6_ICMP',
      ethertype: 'IPV6',
      portRangeMin: null,
    });
    // A zone-less Hyperstack timestamp is read as UTC.
    expect(m.securityRules[0]?.createdAt?.toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('maps the shorter deploy answer with empty edges and unknown enum values as UNKNOWN', () => {
    const deploy = {
      instance_id: 'BRK-1D',
      name: 'n',
      status: 'SOMETHING-NEW',
      gpu_model: 'B200',
      gpu_count: 1,
      region: 'CANADA-1',
      hourly_rate: 1,
      currency: 'USD',
      created_at: '2025-01-01T00:00:00Z',
    } as unknown as WireDeployment;
    const m = toInstance(deploy);
    expect(m).toMatchObject({
      status: 'UNKNOWN',
      gpuModel: 'UNKNOWN',
      flavor: null,
      securityRules: [],
      firewallEligible: false,
    });
    expect(m.billing.accruedCost).toBeNull();
  });

  it('fails with UPSTREAM_BAD_RESPONSE when created_at is unreadable', () => {
    expect(() => toInstance({ ...wire, created_at: 'yesterday' })).toThrow(
      expect.objectContaining({ code: 'UPSTREAM_BAD_RESPONSE' }),
    );
  });

  it('maps actions, billing, hibernation counts and eligible instances', () => {
    expect(
      toInstanceAction({ instance_id: 'BRK-1D', status: 'STOPPING', previous_status: 'ACTIVE' }, 'req1'),
    ).toEqual({
      instanceId: 'BRK-1D',
      status: 'STOPPING',
      previousStatus: 'ACTIVE',
      requestId: 'req1',
    });
    const b = toInstanceBillingHistory({
      instance_id: 'BRK-1D',
      currency: 'EUR',
      summary: { total_cost: 12.5, hourly_rate: 2.49, usage_minutes_active: 300 },
      hibernation: { hourly_rate: 0.01, hours: 3, cost: 0.03 },
      records: [
        {
          timestamp: '2025-01-01T00:00:00Z',
          state: 'ACTIVE',
          minutes: 60,
          cost: 2.49,
          resource_type: 'instance',
        },
      ],
    });
    expect(b).toMatchObject({
      currency: 'EUR',
      totalCost: '12.5',
      hourlyRate: '2.49',
      minutesActive: 300,
      minutesShutoff: null,
    });
    expect(b.hibernation).toEqual({ hourlyRate: '0.01', hours: 3, cost: '0.03' });
    expect(b.records[0]).toMatchObject({
      state: 'ACTIVE',
      minutes: 60,
      cost: '2.49',
      resourceType: 'instance',
    });
    expect(toHibernatedCount({ count: 2 })).toEqual({ count: 2, recent: [] });
    expect(toSnapshotEligible({ instance_id: 'BRK-1D', name: 'a', region: 'US-1' })).toEqual({
      instanceId: 'BRK-1D',
      name: 'a',
      gpuModel: null,
      region: 'US_1',
    });
  });

  it('reads the eligible-instances answer, an absent list as none', () => {
    expect(
      toSnapshotEligibleInstances({
        instances: [{ instance_id: 'BRK-1D', name: 'a', region: 'US-1', gpu_model: 'L40' }],
      }),
    ).toEqual([{ instanceId: 'BRK-1D', name: 'a', gpuModel: 'L40', region: 'US_1' }]);
    expect(toSnapshotEligibleInstances({})).toEqual([]);
  });

  it('turns a rule input into the wire body, leaving out absent ports', () => {
    expect(
      toWireSecurityRule({
        direction: 'INGRESS',
        protocol: 'TCP',
        ethertype: 'IPV4',
        remoteIpPrefix: '0.0.0.0/0',
        portRangeMin: 22,
        portRangeMax: 22,
      }),
    ).toEqual({
      direction: 'ingress',
      protocol: 'tcp',
      ethertype: 'IPv4',
      remote_ip_prefix: '0.0.0.0/0',
      port_range_min: 22,
      port_range_max: 22,
    });
    expect(
      toWireSecurityRule({ direction: 'EGRESS', protocol: 'ANY', ethertype: 'IPV6', remoteIpPrefix: '::/0' }),
    ).toEqual({
      direction: 'egress',
      protocol: 'any',
      ethertype: 'IPv6',
      remote_ip_prefix: '::/0',
    });
  });

  it('builds the deploy body from the input: wire names, Barrack ids from global ids, absent options left out', () => {
    const input: CreateInstanceInput = {
      name: ' vm-1 ',
      gpuModel: 'A100_PCIE_80GB',
      gpuCount: 2,
      region: 'CANADA_1',
      sshKeyName: 'k',
      assignPublicIp: true,
      startupScriptId: toGlobalId('Script', 'S-7'),
      labels: ['a'],
    };
    expect(toDeploymentRequest(input)).toEqual({
      name: 'vm-1',
      gpu_model: 'A100-PCIe-80GB',
      gpu_count: 2,
      region: 'CANADA-1',
      ssh_key_name: 'k',
      assign_public_ip: true,
      startup_script_id: 'S-7',
      labels: ['a'],
    });
  });

  it('maps the public IP toggle and the removed rule id', () => {
    expect(
      toTogglePublicIp({ instance_id: 'BRK-1', public_ip: null, public_ip_status: 'DETACHED' }, 'u-1'),
    ).toEqual({ instanceId: 'BRK-1', publicIp: null, publicIpStatus: 'DETACHED', requestId: 'u-1' });
    expect(removedRuleIdOf({ rule_id: 12 }, '99')).toBe(toGlobalId('SecurityRule', '12'));
    expect(removedRuleIdOf(null, '99')).toBe(toGlobalId('SecurityRule', '99'));
  });
});
