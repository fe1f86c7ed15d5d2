import { toGlobalId } from '../../src/common/graphql/global-id';
import { startTestGateway, waitFor, type GqlResponse, type TestGateway } from '../helpers/gateway';

/* Every compute query and mutation the console flow does not already exercise, plus lists and scopes. */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function ok(r: GqlResponse<Data>): Data {
  if (r.body.errors?.length) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data!;
}

describe('compute operations (gateway + simulator + Redis)', () => {
  let gw: TestGateway;
  let vmId: string;
  let snapId: string;
  let volId: string;
  const q = async (query: string, variables?: Record<string, unknown>) =>
    ok(await gw.gql<Data>(query, variables));
  const waitStatus = (id: string, status: string) =>
    waitFor(`${id} ${status}`, async () =>
      (await q(`query($id: ID!) { instance(id: $id) { status } }`, { id })).instance.status === status
        ? true
        : undefined,
    );

  beforeAll(async () => {
    gw = await startTestGateway();
    const all = await q(
      `{ instances { nodes { id: barrackId name snapshots { nodes { id: barrackId } } volumes { nodes { id: barrackId } } } } }`,
    );
    const demo = all.instances.nodes.find((i: { name: string }) => i.name === 'demo-vm');
    vmId = demo.id;
    snapId = demo.snapshots.nodes[0].id;
    volId = demo.volumes.nodes[0].id;
  }, 120_000);
  afterAll(async () => {
    await gw?.close();
  });

  it('lists instances with Barrack-side filters, gateway-side order and stable pages', async () => {
    for (const name of ['ops-b', 'ops-a', 'ops-c']) {
      await q(
        `mutation($input: CreateInstanceInput!) { createInstance(input: $input) { instance { id: barrackId } } }`,
        {
          input: {
            name,
            gpuModel: 'RTX_A6000',
            gpuCount: 1,
            region: 'NORWAY_1',
            imageName: 'Ubuntu Server 22.04 LTS R535 CUDA 12.2',
            sshKeyName: 'demo-key',
          },
        },
      );
    }
    const byName = await q(
      `{ instances(search: "ops-", orderBy: { field: NAME, direction: DESC }) { nodes { name } totalCount } }`,
    );
    expect(byName.instances.nodes.map((i: { name: string }) => i.name)).toEqual(['ops-c', 'ops-b', 'ops-a']);
    const region = await q(`{ instances(region: NORWAY_1) { nodes { region } } }`);
    expect(region.instances.nodes).toHaveLength(3);
    expect(new Set(region.instances.nodes.map((i: { region: string }) => i.region))).toEqual(
      new Set(['NORWAY_1']),
    );
    const p1 = await q(
      `{ instances(first: 2, orderBy: { field: NAME }) { nodes { name } totalCount pageInfo { hasNextPage endCursor } } }`,
    );
    const p2 = await q(
      `query($after: String) { instances(first: 2, after: $after, orderBy: { field: NAME }) { nodes { name } pageInfo { hasNextPage } } }`,
      { after: p1.instances.pageInfo.endCursor },
    );
    expect(p1.instances.totalCount).toBe(4);
    expect(p1.instances.pageInfo.hasNextPage).toBe(true);
    expect(p1.instances.nodes.map((i: { name: string }) => i.name)).toEqual(['demo-vm', 'ops-a']);
    expect(p2.instances.nodes.map((i: { name: string }) => i.name)).toEqual(['ops-b', 'ops-c']);
    expect(p2.instances.pageInfo.hasNextPage).toBe(false);
    await waitStatus(vmId, 'ACTIVE');
    const active = await q(`{ instances(status: ACTIVE) { nodes { status } } }`);
    expect(active.instances.nodes.every((i: { status: string }) => i.status === 'ACTIVE')).toBe(true);
  });

  it('stops, starts and reboots an instance; toggles its public IP', async () => {
    const stop = await q(
      `mutation($id: ID!) { stopInstance(input: { id: $id }) { instanceId status previousStatus requestId } }`,
      { id: vmId },
    );
    expect(stop.stopInstance).toMatchObject({
      instanceId: toGlobalId('Instance', vmId),
      requestId: expect.any(String),
    });
    await waitStatus(vmId, 'SHUTOFF');
    const start = await q(
      `mutation($id: ID!) { startInstance(input: { id: $id }) { status instance { id: barrackId } } }`,
      { id: vmId },
    );
    expect(start.startInstance.instance.id).toBe(vmId);
    await waitStatus(vmId, 'ACTIVE');
    const reboot = await q(`mutation($id: ID!) { rebootInstance(input: { id: $id }) { status requestId } }`, {
      id: vmId,
    });
    expect(reboot.rebootInstance.requestId).toEqual(expect.any(String));
    await waitStatus(vmId, 'ACTIVE');

    const before = (await q(`query($id: ID!) { instance(id: $id) { publicIp } }`, { id: vmId })).instance
      .publicIp;
    const toggled = (
      await q(
        `mutation($id: ID!) { toggleInstancePublicIp(input: { id: $id }) { instanceId publicIp publicIpStatus requestId instance { id: barrackId } } }`,
        {
          id: vmId,
        },
      )
    ).toggleInstancePublicIp;
    expect(toggled).toMatchObject({
      instanceId: toGlobalId('Instance', vmId),
      publicIpStatus: expect.any(String),
    });
    expect(toggled.publicIp === null).toBe(before !== null);
  });

  it('adds and removes a security rule', async () => {
    const added = (
      await q(
        `mutation($id: ID!) { addInstanceSecurityRule(input: { instanceId: $id, direction: INGRESS, protocol: ICMP, remoteIpPrefix: "10.0.0.0/8" }) { securityRule { id: barrackId protocol } } }`,
        { id: vmId },
      )
    ).addInstanceSecurityRule.securityRule;
    expect(added.protocol).toBe('ICMP');
    const removed = (
      await q(
        `mutation($id: ID!, $rule: ID!) { removeInstanceSecurityRule(input: { instanceId: $id, ruleId: $rule }) { removedRuleId requestId instance { securityRules { id: barrackId } } } }`,
        { id: vmId, rule: added.id },
      )
    ).removeInstanceSecurityRule;
    expect(removed.removedRuleId).toBe(toGlobalId('SecurityRule', added.id));
    expect(removed.instance.securityRules.map((r: { id: string }) => r.id)).not.toContain(added.id);
  });

  it('lists snapshot-eligible instances and snapshots (filtered by instance)', async () => {
    const r = await q(
      `{ snapshotEligibleInstances(region: CANADA_1) { instanceId name region instance { id: barrackId status } } }`,
    );
    const row = r.snapshotEligibleInstances.find(
      (e: { instanceId: string }) => e.instanceId === toGlobalId('Instance', vmId),
    );
    expect(row).toMatchObject({
      name: 'demo-vm',
      region: 'CANADA_1',
      instance: { id: vmId, status: 'ACTIVE' },
    });
    const snaps = await q(
      `query($id: ID!) { snapshots(instanceId: $id) { nodes { id: barrackId instance { id: barrackId } } totalCount } }`,
      { id: vmId },
    );
    expect(snaps.snapshots.nodes.map((s: { id: string }) => s.id)).toContain(snapId);
    const none = await q(`{ snapshots(search: "no-such-snapshot") { nodes { id: barrackId } totalCount } }`);
    expect(none.snapshots.totalCount).toBe(0);
  });

  it('makes an image from a snapshot and walks both edges, then deletes it', async () => {
    const created = (
      await q(
        `mutation($id: ID!) { createImageFromSnapshot(input: { snapshotId: $id, name: "ops-image", labels: ["ops"] }) { requestId image { id: barrackId name snapshot { id: barrackId } } } }`,
        {
          id: snapId,
        },
      )
    ).createImageFromSnapshot;
    const imageId = created.image.id as string;
    expect(created.image).toMatchObject({ name: 'ops-image', snapshot: { id: snapId } });
    const read = await q(
      `query($img: ID!, $snap: ID!) {
        images { nodes { id: barrackId } totalCount }
        image(id: $img) { id: barrackId name labels region createdAt snapshot { id: barrackId image { id: barrackId } } }
        snapshotImageRelationship(snapshotId: $snap) { snapshotId hasImage imageId imageName }
        snapshotImageRelationships(snapshotIds: [$snap]) { snapshotId hasImage imageId }
        snapshot(id: $snap) { image { id: barrackId name } }
      }`,
      { img: imageId, snap: snapId },
    );
    expect(read.images.nodes.map((i: { id: string }) => i.id)).toContain(imageId);
    expect(read.image.snapshot).toEqual({ id: snapId, image: { id: imageId } });
    // Reference ids are the objects' global ids (what `id` of the Snapshot and the Image answer).
    const rel = {
      snapshotId: toGlobalId('Snapshot', snapId),
      hasImage: true,
      imageId: toGlobalId('Image', imageId),
    };
    expect(read.snapshotImageRelationship).toEqual({ ...rel, imageName: 'ops-image' });
    expect(read.snapshotImageRelationships).toEqual([rel]);
    expect(read.snapshot.image).toEqual({ id: imageId, name: 'ops-image' });
    const del = await q(
      `mutation($id: ID!) { deleteImage(input: { id: $id }) { deletedImageId requestId } }`,
      { id: imageId },
    );
    expect(del.deleteImage.deletedImageId).toBe(toGlobalId('Image', imageId));
    const after = await gw.gql<Data>(`query($id: ID!) { image(id: $id) { id: barrackId } }`, { id: imageId });
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data).toEqual({ image: null });
  });

  it('resizes and clones a volume; lists volumes by attachment', async () => {
    const resized = (
      await q(
        `mutation($id: ID!) { resizeVolume(input: { id: $id, sizeGb: 600 }) { requestId volume { id: barrackId sizeGb } } }`,
        { id: volId },
      )
    ).resizeVolume;
    expect(resized.volume).toEqual({ id: volId, sizeGb: 600 });
    const clone = (
      await q(
        `mutation($id: ID!) { cloneVolume(input: { id: $id, name: "ops-clone", description: "copy" }) { volume { id: barrackId name sizeGb region attachedTo { id: barrackId } } } }`,
        {
          id: volId,
        },
      )
    ).cloneVolume.volume;
    expect(clone).toMatchObject({ name: 'ops-clone', region: 'CANADA_1', attachedTo: null });
    const attached = await q(
      `query($id: ID!) { volumes(attachedTo: $id) { nodes { id: barrackId } } all: volumes(region: CANADA_1) { totalCount } }`,
      {
        id: vmId,
      },
    );
    expect(attached.volumes.nodes.map((v: { id: string }) => v.id)).toEqual([volId]);
    expect(attached.all.totalCount).toBeGreaterThanOrEqual(2);
  });

  it('enforces scopes: read-only keys cannot mutate, billing needs the billing scope', async () => {
    const mut = await gw.gql(
      `mutation($id: ID!) { rebootInstance(input: { id: $id }) { status } }`,
      { id: vmId },
      { apiKey: gw.keys.demoRead },
    );
    expect(mut.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const root = await gw.gql(
      `query($id: ID!) { instanceBillingHistory(id: $id) { totalCost } }`,
      { id: vmId },
      { apiKey: gw.keys.demoNoBilling },
    );
    expect(root.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const nested = await gw.gql<Data>(
      `query($id: ID!) { instance(id: $id) { name billingHistory { totalCost } } }`,
      { id: vmId },
      { apiKey: gw.keys.demoNoBilling },
    );
    expect(nested.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unauth = await gw.gql(`{ instances { nodes { id: barrackId } } }`, {}, { apiKey: null });
    expect(unauth.status).toBe(401);
  });
});
