import { toGlobalId } from '../../src/common/graphql/global-id';
import { startTestGateway, waitFor, type GqlResponse, type TestGateway } from '../helpers/gateway';

/*
 * The console flow over the real gateway: deploy, wait for ACTIVE, add a security rule, attach a volume,
 * snapshot, restore the snapshot as a new VM (the seed page's fields), hibernate and restore, read billing,
 * delete everything.
 */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function ok(r: GqlResponse<Data>): Data {
  if (r.body.errors?.length) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data!;
}

describe('compute console flow (gateway + simulator + Redis)', () => {
  let gw: TestGateway;
  const q = async (query: string, variables?: Record<string, unknown>) =>
    ok(await gw.gql<Data>(query, variables));
  const statusOf = async (id: string) =>
    ((await q(`query($id: ID!) { instance(id: $id) { status } }`, { id })).instance as { status: string })
      .status;
  const waitStatus = (id: string, status: string) =>
    waitFor(`${id} ${status}`, async () => ((await statusOf(id)) === status ? true : undefined));

  beforeAll(async () => {
    gw = await startTestGateway({ simulator: { transitionDelayMs: 0 } });
  }, 120_000);
  afterAll(async () => {
    await gw?.close();
  });

  it('runs deploy → rule → volume → snapshot → restore → hibernate/restore → billing → delete', async () => {
    // Deploy.
    const created = await q(
      `mutation($input: CreateInstanceInput!) {
        createInstance(input: $input) {
          requestId
          instance { id: barrackId name status region gpuModel gpuCount billing { hourlyRate currency } createdAt }
        }
      }`,
      {
        input: {
          name: 'console-vm',
          gpuModel: 'A100_PCIE_80GB',
          gpuCount: 1,
          region: 'CANADA_1',
          imageName: 'Ubuntu Server 22.04 LTS R535 CUDA 12.2',
          sshKeyName: 'demo-key',
          assignPublicIp: true,
          idempotencyKey: 'console-deploy-1',
        },
      },
    );
    const vm = created.createInstance.instance;
    expect(created.createInstance.requestId).toEqual(expect.any(String));
    expect(vm).toMatchObject({
      name: 'console-vm',
      region: 'CANADA_1',
      gpuModel: 'A100_PCIE_80GB',
      gpuCount: 1,
    });
    expect(vm.billing).toEqual({ hourlyRate: '1.55', currency: 'USD' });
    await waitStatus(vm.id, 'ACTIVE');

    // Security rule: the payload's instance is read after the mutation, so it carries the rule.
    const rule = await q(
      `mutation($input: AddInstanceSecurityRuleInput!) {
        addInstanceSecurityRule(input: $input) {
          requestId securityRule { id: barrackId direction protocol ethertype remoteIpPrefix portRangeMin portRangeMax }
          instance { id: barrackId securityRules { id: barrackId } }
        }
      }`,
      {
        input: {
          instanceId: vm.id,
          direction: 'INGRESS',
          protocol: 'TCP',
          ethertype: 'IPV4',
          remoteIpPrefix: '0.0.0.0/0',
          portRangeMin: 22,
          portRangeMax: 22,
        },
      },
    );
    const sr = rule.addInstanceSecurityRule;
    expect(sr.securityRule).toMatchObject({
      direction: 'INGRESS',
      protocol: 'TCP',
      portRangeMin: 22,
      portRangeMax: 22,
    });
    expect(sr.instance.securityRules.map((r: { id: string }) => r.id)).toContain(sr.securityRule.id);

    // Volume: create, attach, see it from both sides of the edge.
    const vol = (
      await q(
        `mutation($input: CreateVolumeInput!) { createVolume(input: $input) { requestId volume { id: barrackId name sizeGb volumeType status region } } }`,
        { input: { name: 'console-data', region: 'CANADA_1', sizeGb: 20 } },
      )
    ).createVolume.volume;
    expect(vol).toMatchObject({
      name: 'console-data',
      sizeGb: 20,
      volumeType: 'CLOUD_SSD',
      region: 'CANADA_1',
    });
    const attached = await q(
      `mutation($input: AttachVolumesInput!) { attachVolumes(input: $input) { requestId instanceId attachments { volumeId instanceId status } } }`,
      { input: { instanceId: vm.id, volumeIds: [vol.id] } },
    );
    expect(attached.attachVolumes.attachments[0]).toMatchObject({
      volumeId: toGlobalId('Volume', vol.id),
      instanceId: toGlobalId('Instance', vm.id),
    });
    const withVolume = await q(
      `query($id: ID!, $vol: ID!) { instance(id: $id) { volumes { nodes { id: barrackId } } } volume(id: $vol) { attachedTo { id: barrackId } status } }`,
      { id: vm.id, vol: vol.id },
    );
    expect(withVolume.instance.volumes.nodes.map((v: { id: string }) => v.id)).toContain(vol.id);
    expect(withVolume.volume.attachedTo.id).toBe(vm.id);

    // Snapshot, then wait until it is ready.
    const snap = (
      await q(
        `mutation($input: CreateSnapshotInput!) { createSnapshot(input: $input) { requestId snapshot { id: barrackId name status region } } }`,
        { input: { instanceId: vm.id, name: 'console-snap', description: 'before restore' } },
      )
    ).createSnapshot.snapshot;
    expect(snap.name).toBe('console-snap');
    await waitFor('snapshot ready', async () => {
      const s = (await q(`query($id: ID!) { snapshot(id: $id) { status } }`, { id: snap.id })).snapshot;
      return s.status === 'SUCCESS' || s.status === 'AVAILABLE' ? true : undefined;
    });
    const snapView = await q(
      `query($id: ID!) { snapshot(id: $id) { id: barrackId instance { id: barrackId name } vmConfig { gpuModel gpuCount } } instance(id: "${vm.id}") { snapshots { nodes { id: barrackId } } } }`,
      { id: snap.id },
    );
    expect(snapView.snapshot.instance).toEqual({ id: vm.id, name: 'console-vm' });
    expect(snapView.instance.snapshots.nodes.map((s: { id: string }) => s.id)).toContain(snap.id);

    // Restore the snapshot as a new VM: the payload holds the new Instance and the source Snapshot, both Nodes.
    const restored = (
      await q(
        `mutation($input: RestoreSnapshotInput!) {
          restoreSnapshot(input: $input) {
            requestId tier
            sourceSnapshot { id barrackId name }
            instance {
              id barrackId name status bootSource createdAt gpuModel gpuCount region
              billing { hourlyRate currency }
            }
          }
        }`,
        { input: { id: snap.id, newVmName: 'console-restored' } },
      )
    ).restoreSnapshot;
    const ri = restored.instance;
    expect(restored.requestId).toEqual(expect.any(String));
    expect(restored.sourceSnapshot).toMatchObject({ barrackId: snap.id, name: 'console-snap' });
    expect(ri).toMatchObject({
      name: 'console-restored',
      bootSource: 'snapshot',
      billing: { hourlyRate: '1.55', currency: 'USD' },
      gpuModel: 'A100_PCIE_80GB',
      gpuCount: 1,
      region: snap.region,
    });
    expect(ri.barrackId).toMatch(/^BRK-/);
    expect(ri.id).not.toBe(ri.barrackId);
    expect(new Date(ri.createdAt).getTime()).not.toBeNaN();
    const again = await q(`query($id: ID!) { node(id: $id) { id ... on Instance { name } } }`, { id: ri.id });
    expect(again.node).toEqual({ id: ri.id, name: 'console-restored' });

    // Hibernate and restore.
    const hib = (
      await q(
        `mutation($id: ID!) { hibernateInstance(input: { id: $id }) { instanceId status previousStatus requestId } }`,
        {
          id: vm.id,
        },
      )
    ).hibernateInstance;
    expect(hib).toMatchObject({ instanceId: toGlobalId('Instance', vm.id), requestId: expect.any(String) });
    expect(['HIBERNATING', 'HIBERNATED']).toContain(hib.status);
    await waitStatus(vm.id, 'HIBERNATED');
    const count = (await q(`{ hibernatedInstancesCount { count recent { instanceId } } }`))
      .hibernatedInstancesCount;
    expect(count.count).toBeGreaterThanOrEqual(1);
    const back = (
      await q(
        `mutation($id: ID!) { restoreInstance(input: { id: $id }) { status instance { id: barrackId status } } }`,
        { id: vm.id },
      )
    ).restoreInstance;
    expect(['RESTORING', 'ACTIVE']).toContain(back.status);
    await waitStatus(vm.id, 'ACTIVE');

    // Billing: the instance's own summary, its history (root and nested), and storage billing.
    gw.sim.admin.advanceClock(2 * 60 * 60 * 1000);
    const billing = await q(
      `query($id: ID!, $vol: ID!, $snap: ID!) {
        instanceBillingHistory(id: $id) { instanceId currency totalCost records { timestamp cost state } }
        instance(id: $id) { billing { hourlyRate accruedCost currency } billingHistory { totalCost } }
        volumeBillingHistory(id: $vol) { resourceId currency hourlyRate totalCost records { hour cost } }
        snapshotBillingHistory(id: $snap) { resourceId currency totalCost }
        volume(id: $vol) { billingHistory { totalCost } }
        snapshot(id: $snap) { billingHistory { totalCost } }
      }`,
      { id: vm.id, vol: vol.id, snap: snap.id },
    );
    expect(billing.instanceBillingHistory).toMatchObject({
      instanceId: toGlobalId('Instance', vm.id),
      currency: 'USD',
    });
    expect(Number(billing.instanceBillingHistory.totalCost)).toBeGreaterThan(0);
    expect(billing.instanceBillingHistory.totalCost).toMatch(/^\d+(\.\d+)?$/);
    expect(Number(billing.instance.billing.accruedCost)).toBeGreaterThan(0);
    expect(billing.instance.billingHistory.totalCost).toBe(billing.instanceBillingHistory.totalCost);
    expect(billing.volumeBillingHistory).toMatchObject({
      resourceId: toGlobalId('Volume', vol.id),
      currency: 'USD',
    });
    expect(billing.snapshotBillingHistory).toMatchObject({
      resourceId: toGlobalId('Snapshot', snap.id),
      currency: 'USD',
    });
    expect(billing.volume.billingHistory.totalCost).toBe(billing.volumeBillingHistory.totalCost);

    // Delete everything.
    const detached = await q(
      `mutation($input: DetachVolumesInput!) { detachVolumes(input: $input) { attachments { volumeId status } instance { volumes { nodes { id: barrackId } } } } }`,
      { input: { instanceId: vm.id, volumeIds: [vol.id] } },
    );
    expect(detached.detachVolumes.attachments[0].volumeId).toBe(toGlobalId('Volume', vol.id));
    await waitFor('volume available', async () => {
      const v = (
        await q(`query($id: ID!) { volume(id: $id) { status attachedTo { id: barrackId } } }`, { id: vol.id })
      ).volume;
      return v.status === 'AVAILABLE' && v.attachedTo === null ? true : undefined;
    });
    expect(
      (await q(`mutation($id: ID!) { deleteVolume(input: { id: $id }) { deletedVolumeId } }`, { id: vol.id }))
        .deleteVolume,
    ).toEqual({ deletedVolumeId: toGlobalId('Volume', vol.id) });
    expect(
      (
        await q(`mutation($id: ID!) { deleteSnapshot(input: { id: $id }) { deletedSnapshotId requestId } }`, {
          id: snap.id,
        })
      ).deleteSnapshot.deletedSnapshotId,
    ).toBe(toGlobalId('Snapshot', snap.id));
    for (const id of [vm.id, ri.barrackId as string]) {
      await waitStatus(id, 'ACTIVE');
      const del = (
        await q(`mutation($id: ID!) { deleteInstance(input: { id: $id }) { instanceId status requestId } }`, {
          id,
        })
      ).deleteInstance;
      expect(del).toMatchObject({ instanceId: toGlobalId('Instance', id), requestId: expect.any(String) });
      await waitFor(`${id} gone`, async () => {
        const r = await gw.gql<Data>(`query($id: ID!) { instance(id: $id) { status } }`, { id });
        const code = r.body.errors?.[0]?.extensions?.code;
        const gone = r.body.data?.instance === null || r.body.data?.instance?.status === 'DELETED';
        return code === 'NOT_FOUND' || gone ? true : undefined;
      });
    }
    const left = await q(
      `{ instances(search: "console") { nodes { id: barrackId } } volumes(search: "console") { nodes { id: barrackId } } }`,
    );
    expect(left.instances.nodes).toEqual([]);
    expect(left.volumes.nodes).toEqual([]);
  }, 90_000);
});
