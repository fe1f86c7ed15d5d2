import './apollo-dev';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { cached, consoleClient, entities } from './apollo-kit';
import { useConsoleTier } from './console-tier';
import {
  CreateInstance,
  InstanceById,
  InstanceFields,
  MissingBesideSiblings,
  StopInstance,
  Viewer,
} from './operations';
import type { CreateInstanceInput } from './gql/graphql';

/*
 * What the console sees when things go wrong, through Apollo Client 4: business refusals come back as data in
 * the payload's userErrors (the mutation resolves, no error object, the cache keeps the object as it is), a
 * missing id is null beside the sibling data (no top-level error, and Apollo caches the null), and only
 * authentication fails the whole operation, as a GraphQL error Apollo can read the code of.
 */

const BASE: CreateInstanceInput = {
  name: 'apollo-err-vm',
  gpuModel: 'RTX_A6000',
  gpuCount: 1,
  region: 'NORWAY_1',
  imageName: 'Ubuntu Server 22.04 LTS R535 CUDA 12.2',
  sshKeyName: 'demo-key',
};

describe('Apollo Client error flow (gateway + simulator + Redis)', () => {
  const t = useConsoleTier();
  const upstreamCalls = () => t.gw.sim.admin.requestLog().length;

  it('stopping a stopped instance: INVALID_STATE with currentState and allowedFrom, the cache untouched', async () => {
    const created = await t.app.client.mutate({ mutation: CreateInstance, variables: { input: BASE } });
    const id = created.data!.createInstance.instance!.id;
    await t.untilStatus(id, 'ACTIVE');
    const stop = () => t.app.client.mutate({ mutation: StopInstance, variables: { input: { id } } });
    const first = await stop();
    expect(first.data!.stopInstance.userErrors).toEqual([]);
    expect(first.data!.stopInstance.instance!.status).toBe('STOPPING');
    await t.untilStatus(id, 'SHUTOFF');
    const before = cached(t.app.cache, InstanceFields, 'InstanceFields', 'Instance', id);
    expect(before!.status).toBe('SHUTOFF');

    const again = await stop();
    expect(again.error).toBeUndefined();
    const p = again.data!.stopInstance;
    expect(p.instance).toBeNull();
    expect(p.status).toBeNull();
    expect(p.userErrors).toEqual([
      expect.objectContaining({
        __typename: 'UserError',
        code: 'INVALID_STATE',
        field: ['input', 'id'],
        currentState: 'SHUTOFF',
        allowedFrom: expect.arrayContaining(['ACTIVE']),
      }),
    ]);
    expect(p.userErrors[0]!.message.length).toBeGreaterThan(0);
    // A refusal writes nothing over the instance: it is still what the server has.
    const after = cached(t.app.cache, InstanceFields, 'InstanceFields', 'Instance', id);
    expect(after).toEqual(before);
    const served = await t.app.client.query({
      query: InstanceById,
      variables: { id },
      fetchPolicy: 'no-cache',
    });
    expect(after).toEqual(served.data!.instance);
  });

  it('a name taken: NAME_TAKEN with the name, on the GraphQL field path, and no instance', async () => {
    const r = await t.app.client.mutate({
      mutation: CreateInstance,
      variables: { input: { ...BASE, name: 'demo-vm' } },
    });
    expect(r.error).toBeUndefined();
    const p = r.data!.createInstance;
    expect(p.instance).toBeNull();
    expect(p.userErrors).toEqual([
      expect.objectContaining({ code: 'NAME_TAKEN', field: ['input', 'name'], name: 'demo-vm' }),
    ]);
  });

  it('several invalid inputs: every one reported together, with GraphQL paths, before any Barrack call', async () => {
    const calls = upstreamCalls();
    const entitiesBefore = Object.keys(entities(t.app.cache)).length;
    const r = await t.app.client.mutate({
      mutation: CreateInstance,
      variables: {
        input: {
          ...BASE,
          name: 'a/b',
          gpuCount: 3,
          securityRules: [{ direction: 'INGRESS', protocol: 'TCP', remoteIpPrefix: '999.0.0.0/0' }],
        },
      },
    });
    expect(r.error).toBeUndefined();
    const p = r.data!.createInstance;
    expect(p.instance).toBeNull();
    expect(p.userErrors.map((e) => e.field?.join('.'))).toEqual([
      'input.name',
      'input.gpuCount',
      'input.securityRules.0.remoteIpPrefix',
    ]);
    expect(p.userErrors.every((e) => e.code === 'BAD_USER_INPUT' && e.message.length > 0)).toBe(true);
    expect(upstreamCalls()).toBe(calls);
    // UserError has no identity: the errors live in the mutation's result, not as cache objects.
    expect(Object.keys(entities(t.app.cache))).toHaveLength(entitiesBefore);
  });

  it('a missing id: null beside the sibling data, no error, and the null is cached like any answer', async () => {
    const unknown = Buffer.from('Instance:BRK-999999D').toString('base64url');
    for (const id of [unknown, 'nope']) {
      const r = await t.app.client.query({ query: MissingBesideSiblings, variables: { id } });
      expect(r.error).toBeUndefined();
      expect(r.data!.instance).toBeNull();
      expect(r.data!.viewer.tenantId).toBe(t.gw.tenantIds.demo);
      expect(r.data!.instances.totalCount).toBeGreaterThan(0);
      expect(r.data!.instances.nodes.length).toBeGreaterThan(0);
      // Read again (cache-first): answered from the cache, null included, with no HTTP request.
      const sent = t.app.sent.length;
      const again = await t.app.client.query({ query: MissingBesideSiblings, variables: { id } });
      expect(again.data).toEqual(r.data);
      expect(t.app.sent.length).toBe(sent);
    }
  });

  it('a bad key fails the operation with a GraphQL error whose code Apollo can read', async () => {
    const stranger = consoleClient(t.gw.gatewayUrl, 'bgw_not-a-key');
    try {
      const r = await stranger.client.query({ query: Viewer, errorPolicy: 'all' });
      expect(CombinedGraphQLErrors.is(r.error)).toBe(true);
      const errors = CombinedGraphQLErrors.is(r.error) ? r.error.errors : [];
      expect(errors.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    } finally {
      await stranger.close();
    }
  });
});
