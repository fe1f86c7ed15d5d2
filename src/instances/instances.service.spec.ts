import { encodeCursor } from '../common/graphql/connection';
import type { InstancesApi, WireInstance } from '../barrack/api/instances.api';
import type { UpstreamContextFactory } from '../barrack/upstream-context.factory';
import type { CacheService } from '../cache/cache.service';
import type { GqlContext } from '../common/context/gql-context';
import { InstancesService, sortInstances } from './instances.service';
import type { Instance } from './models/instance.model';

function wire(id: string, name: string, created: string): WireInstance {
  return {
    instance_id: id,
    name,
    status: 'ACTIVE',
    region: 'CANADA-1',
    gpu_model: 'L40',
    gpu_count: 1,
    created_at: created,
  };
}

function ctx(): GqlContext {
  return { memo: new Map(), requestId: 'r1', responseExtensions: {} } as unknown as GqlContext;
}

function build(list: WireInstance[]) {
  const calls: string[] = [];
  const api = {
    listAll: jest.fn(() => {
      calls.push('list');
      return Promise.resolve(list);
    }),
    get: jest.fn((id: string) => {
      calls.push(`get ${id}`);
      const w = list.find((i) => i.instance_id === id);
      return Promise.resolve({ status: 200, data: w, envelope: {} });
    }),
    action: jest.fn(() =>
      Promise.resolve({
        status: 200,
        data: { instance_id: 'BRK-1D', status: 'HIBERNATING' },
        requestId: 'q',
        envelope: {},
      }),
    ),
    create: jest.fn(),
  };
  const upstream = { for: () => ({ tenantId: 't', credential: 'c', requestId: 'r1' }) };
  const invalidate = jest.fn(() => Promise.resolve({ deletedKeys: 1, complete: true }));
  const service = new InstancesService(
    api as unknown as InstancesApi,
    upstream as unknown as UpstreamContextFactory,
    { invalidate } as unknown as CacheService,
  );
  return { service, api, calls, invalidate };
}

describe('InstancesService', () => {
  const list = [
    wire('BRK-1D', 'b', '2025-01-02T00:00:00Z'),
    wire('BRK-2D', 'a', '2025-01-01T00:00:00Z'),
    wire('BRK-3D', 'a', '2025-01-03T00:00:00Z'),
  ];

  it('answers one id with one GET, many ids with one listing', async () => {
    const one = build(list);
    const c1 = ctx();
    expect((await one.service.load('BRK-2D', c1))?.name).toBe('a');
    expect(one.calls).toEqual(['get BRK-2D']);

    const many = build(list);
    const c2 = ctx();
    const got = await Promise.all(['BRK-1D', 'BRK-3D', 'BRK-9D'].map((id) => many.service.load(id, c2)));
    expect(got.map((i) => i?.barrackId ?? null)).toEqual(['BRK-1D', 'BRK-3D', null]);
    expect(many.calls).toEqual(['list']);
  });

  it('lists once per request and serves later lookups from that listing', async () => {
    const { service, calls } = build(list);
    const c = ctx();
    const page = await service.list({ first: 2 }, c);
    expect(page.nodes.map((i) => i.barrackId)).toEqual(['BRK-3D', 'BRK-1D']);
    expect(page.totalCount).toBe(3);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    await service.load('BRK-2D', c);
    expect(calls).toEqual(['list']);
  });

  it('orders by name with ties broken by id, in both directions', () => {
    const models = list.map(
      (w) => ({ barrackId: w.instance_id, name: w.name, createdAt: new Date(w.created_at) }) as Instance,
    );
    const ids = (l: Instance[]) => l.map((i) => i.barrackId);
    expect(ids(sortInstances(models, 'NAME', 'ASC'))).toEqual(['BRK-2D', 'BRK-3D', 'BRK-1D']);
    expect(ids(sortInstances(models, 'NAME', 'DESC'))).toEqual(['BRK-1D', 'BRK-2D', 'BRK-3D']);
  });

  it('invalidates cached GPU stock after a hibernate, not after a reboot', async () => {
    const { service, invalidate } = build(list);
    await service.act('reboot', { id: 'BRK-1D' }, ctx());
    expect(invalidate).not.toHaveBeenCalled();
    await service.act('hibernate', { id: 'BRK-1D' }, ctx());
    expect(invalidate).toHaveBeenCalledWith('gpuStock', 'all', expect.objectContaining({ requestId: 'r1' }));
  });

  it("refuses a bad page size or another list's cursor before any upstream call", async () => {
    const { service, calls } = build(list);
    await expect(service.list({ first: 101 }, ctx())).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'first' },
    });
    await expect(service.list({ first: 1, last: 1 }, ctx())).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(service.list({ after: encodeCursor('snapshots', 0) }, ctx())).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'after' },
    });
    expect(calls).toEqual([]);
  });
});
