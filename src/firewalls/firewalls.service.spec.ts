import type { FirewallsApi } from '../barrack/api/firewalls.api';
import type { UpstreamContextFactory } from '../barrack/upstream-context.factory';
import type { GqlContext } from '../common/context/gql-context';
import { checkInput } from '../common/graphql/input-check';
import { addFirewallRuleRules, attachFirewallRules, createFirewallRules } from './dto/firewall.rules';
import { FirewallsService } from './firewalls.service';

const ctx = () => ({ memo: new Map(), responseExtensions: {}, requestId: 'r' }) as unknown as GqlContext;
const upstream = {
  for: () => ({ tenantId: 't', credential: 'k', requestId: 'r' }),
} as unknown as UpstreamContextFactory;

const fw = (id: string, attached: string[]) => ({
  firewall_id: id,
  name: id,
  region: 'US-1' as const,
  status: 'SUCCESS' as const,
  created_at: '2025-01-01T00:00:00Z',
  attached_instances: attached.map((instance_id) => ({ instance_id })),
});

describe('FirewallsService', () => {
  it('resolves Instance.firewalls for many instances with one list call, never the per-instance endpoint', async () => {
    const calls: string[] = [];
    const api = {
      listAll: () => {
        calls.push('listAll');
        return Promise.resolve([fw('F1', ['D1', 'D2']), fw('F2', ['D2'])]);
      },
      ofInstance: () => {
        calls.push('ofInstance');
        return Promise.reject(new Error('must not be called'));
      },
    } as unknown as FirewallsApi;
    const service = new FirewallsService(api, upstream);
    const c = ctx();
    const ids = Array.from({ length: 50 }, (_, i) => `D${i + 1}`);
    const result = await Promise.all(ids.map(async (id) => service.ofInstance(c, id)));
    expect(result[0]!.map((f) => f.barrackId)).toEqual(['F1']);
    expect(result[1]!.map((f) => f.barrackId)).toEqual(['F1', 'F2']);
    expect(result.slice(2).every((r) => r.length === 0)).toBe(true);
    expect(calls).toEqual(['listAll']);
  });

  it('re-reads the list after a mutation in the same request', async () => {
    let lists = 0;
    const api = {
      listAll: () => {
        lists++;
        return Promise.resolve([fw('F1', lists > 1 ? ['D1'] : [])]);
      },
      attach: () =>
        Promise.resolve({
          data: { firewall_id: 'F1', attached_instances: [{ instance_id: 'D1' }] },
          requestId: 'q',
        }),
    } as unknown as FirewallsApi;
    const service = new FirewallsService(api, upstream);
    const c = ctx();
    expect(await service.ofInstance(c, 'D1')).toEqual([]);
    const payload = await service.attach(c, { firewallId: 'F1', instanceIds: ['D1', 'D1'] });
    expect(payload).toEqual({ firewallId: 'F1', attachedInstanceIds: ['D1'], requestId: 'q' });
    expect((await service.ofInstance(c, 'D1')).map((f) => f.barrackId)).toEqual(['F1']);
    expect(lists).toBe(2);
  });

  it('rules report every bad name, description, rule and attach list with its GraphQL path', () => {
    const paths = (errors: { field: string[] | null }[]) => errors.map((e) => e.field?.join('.'));
    expect(
      paths(checkInput(createFirewallRules, { name: '', region: 'US_1', description: 'x'.repeat(256) })),
    ).toEqual(['input.name', 'input.description']);
    const rule = {
      firewallId: 'F',
      direction: 'INGRESS',
      protocol: 'TCP',
      ethertype: 'IPV6',
      remoteIpPrefix: '0.0.0.0/0',
    };
    expect(paths(checkInput(addFirewallRuleRules, rule))).toEqual(['input.remoteIpPrefix']);
    expect(paths(checkInput(attachFirewallRules, { firewallId: 'F', instanceIds: [] }))).toEqual([
      'input.instanceIds',
    ]);
  });
});
