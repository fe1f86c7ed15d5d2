import { toGlobalId } from '../common/graphql/global-id';
import { FirewallStatus } from './models/firewall.model';
import type { components } from '../barrack/contract/barrack-api.types';
import {
  attachedInstanceIdsOf,
  toAttachFirewallRequest,
  toAvailableInstancesQuery,
  toCreateFirewallRequest,
  toDeleteFirewallPayload,
  toFirewallListQuery,
  firewallsByInstance,
  toFirewall,
  toFirewallAvailableInstance,
  toFirewallRuleRequest,
  toFirewallStatus,
  toInstanceFirewall,
} from './firewall.mapper';

type S = components['schemas'];

const wire = (id: string, attached: string[]): S['FirewallResponse'] => ({
  firewall_id: id,
  name: `fw-${id}`,
  region: 'CANADA-1',
  status: 'SUCCESS',
  created_at: '2025-06-01T10:00:00',
  rules: [
    {
      id: 'BRK-000001R',
      direction: 'ingress',
      protocol: 'tcp',
      ethertype: 'IPv4',
      remote_ip_prefix: '0.0.0.0/0',
      port_range_min: 22,
      port_range_max: 22,
    },
  ],
  attached_instances: attached.map((instance_id) => ({ instance_id, name: 'vm', status: 'ACTIVE' })),
});

describe('firewall mapper', () => {
  it('maps a firewall with rules, attachments and counts (counts derived when Barrack omits them)', () => {
    const fw = toFirewall(wire('BRK-000001F', ['BRK-000001D']));
    expect(fw).toEqual({
      id: toGlobalId('Firewall', 'BRK-000001F'),
      barrackId: 'BRK-000001F',
      name: 'fw-BRK-000001F',
      description: null,
      region: 'CANADA_1',
      status: FirewallStatus.SUCCESS,
      rules: [
        {
          id: toGlobalId('FirewallRule', 'BRK-000001R'),
          barrackId: 'BRK-000001R',
          direction: 'INGRESS',
          protocol: 'TCP',
          ethertype: 'IPV4',
          remoteIpPrefix: '0.0.0.0/0',
          portRangeMin: 22,
          portRangeMax: 22,
          status: null,
          createdAt: null,
        },
      ],
      ruleCount: 1,
      attachments: [
        {
          // One attachment = one (firewall, instance) pair: its own id, never the instance's.
          id: toGlobalId('FirewallAttachment', 'BRK-000001F/BRK-000001D'),
          firewallId: 'BRK-000001F',
          instanceId: 'BRK-000001D',
          name: 'vm',
          status: 'ACTIVE',
        },
      ],
      attachedCount: 1,
      // A zone-less Barrack timestamp is UTC.
      createdAt: new Date('2025-06-01T10:00:00Z'),
    });
  });

  it('maps unknown statuses to UNKNOWN', () => {
    expect(toFirewallStatus('creating')).toBe(FirewallStatus.CREATING);
    expect(toFirewallStatus('MIGRATING')).toBe(FirewallStatus.UNKNOWN);
    expect(toFirewallStatus(undefined)).toBe(FirewallStatus.UNKNOWN);
  });

  it('groups firewalls by attached instance (the Instance.firewalls edge)', () => {
    const a = toFirewall(wire('BRK-000001F', ['BRK-000001D', 'BRK-000002D']));
    const b = toFirewall(wire('BRK-000002F', ['BRK-000002D']));
    const c = toFirewall(wire('BRK-000003F', []));
    const grouped = firewallsByInstance([a, b, c]);
    expect(grouped.get('BRK-000001D')?.map((f) => f.barrackId)).toEqual(['BRK-000001F']);
    expect(grouped.get('BRK-000002D')?.map((f) => f.barrackId)).toEqual(['BRK-000001F', 'BRK-000002F']);
    expect(grouped.has('BRK-000003D')).toBe(false);
  });

  it('builds the rule body with wire enum values, sending ports only when given', () => {
    const base = {
      firewallId: 'F',
      direction: 'EGRESS',
      protocol: 'IPV6_ICMP',
      ethertype: 'IPV6',
      remoteIpPrefix: ' ::/0 ',
    };
    expect(toFirewallRuleRequest(base)).toEqual({
      direction: 'egress',
      protocol: 'ipv6-icmp',
      ethertype: 'IPv6',
      remote_ip_prefix: '::/0',
    });
    expect(
      toFirewallRuleRequest({
        ...base,
        protocol: 'TCP',
        ethertype: 'IPV4',
        remoteIpPrefix: '10.0.0.0/8',
        portRangeMin: 80,
        portRangeMax: 81,
      }),
    ).toMatchObject({ protocol: 'tcp', port_range_min: 80, port_range_max: 81 });
  });

  it('maps available instances and the per-instance view', () => {
    expect(
      toFirewallAvailableInstance({ instance_id: 'D', name: 'vm', region: 'US-1', status: 'ACTIVE' }),
    ).toEqual({ instanceId: 'D', name: 'vm', region: 'US_1', status: 'ACTIVE', alreadyAttached: null });
    expect(toInstanceFirewall('D', { firewall_id: 'F', name: 'web' })).toEqual({
      id: toGlobalId('InstanceFirewall', 'D/F'),
      firewallId: 'F',
      instanceId: 'D',
      name: 'web',
      status: null,
    });
  });

  it('builds the list, create, attach and available-instances requests and reads the attach and delete answers', () => {
    expect(toFirewallListQuery({ region: 'CANADA_1' }, 'web')).toEqual({
      page: 1,
      page_size: 100,
      search: 'web',
      region: 'CANADA-1',
    });
    expect(toAvailableInstancesQuery({ firewallId: toGlobalId('Firewall', '7') })).toEqual({
      region: undefined,
      firewall_id: '7',
    });
    expect(toCreateFirewallRequest({ name: ' fw ', region: 'CANADA_1', description: '  ' })).toEqual({
      name: 'fw',
      region: 'CANADA-1',
    });
    expect(toAttachFirewallRequest(['BRK-1'])).toEqual({ instance_ids: ['BRK-1'] });
    expect(
      attachedInstanceIdsOf({
        firewall_id: '7',
        attached_instances: [{ instance_id: 'BRK-1' }],
      }),
    ).toEqual(['BRK-1']);
    expect(toDeleteFirewallPayload(undefined, '7', 'u')).toEqual({
      deletedFirewallId: toGlobalId('Firewall', '7'),
      requestId: 'u',
    });
  });
});
