import type { FirewallsApi } from '../barrack/api/firewalls.api';
import type { UpstreamContextFactory } from '../barrack/upstream-context.factory';
import type { GqlContext } from '../common/context/gql-context';
import { GatewayError } from '../common/errors/gateway-error';
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
    const result = await Promise.all(ids.map((id) => service.ofInstance(c, id)));
    expect(result[0]!.map((f) => f.id)).toEqual(['F1']);
    expect(result[1]!.map((f) => f.id)).toEqual(['F1', 'F2']);
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
    expect((await service.ofInstance(c, 'D1')).map((f) => f.id)).toEqual(['F1']);
    expect(lists).toBe(2);
  });

  it('checks names, descriptions, rules and attach lists before calling Barrack', async () => {
    const api = new Proxy({}, { get: () => () => Promise.reject(new Error('Barrack must not be called')) });
    const service = new FirewallsService(api as FirewallsApi, upstream);
    const c = ctx();
    const field = async (p: Promise<unknown>) => {
      const e = await p.then(
        () => null,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(GatewayError);
      return [(e as GatewayError).code, (e as GatewayError).details.field];
    };
    expect(await field(service.create(c, { name: '', region: 'US_1' }))).toEqual(['BAD_USER_INPUT', 'name']);
    expect(
      await field(service.create(c, { name: 'ok', region: 'US_1', description: 'x'.repeat(256) })),
    ).toEqual(['BAD_USER_INPUT', 'description']);
    const rule = {
      firewallId: 'F',
      direction: 'INGRESS',
      protocol: 'TCP',
      ethertype: 'IPV6',
      remoteIpPrefix: '0.0.0.0/0',
    };
    expect(await field(service.addRule(c, rule))).toEqual(['BAD_USER_INPUT', 'remoteIpPrefix']);
    expect(await field(service.attach(c, { firewallId: 'F', instanceIds: [] }))).toEqual([
      'BAD_USER_INPUT',
      'instanceIds',
    ]);
  });
});
