import './apollo-dev';
import { waitFor } from '../helpers/gateway';
import { cached, entities } from './apollo-kit';
import { asServed, instanceAsServed, useConsoleTier } from './console-tier';
import {
  AddFirewallRule,
  AddInstanceSecurityRule,
  AttachFirewall,
  AttachVolumes,
  Billing,
  Catalogue,
  CreateFirewall,
  CreateInstance,
  CreateSnapshot,
  CreateVolume,
  DeleteFirewall,
  DeleteInstance,
  DeleteSnapshot,
  DeleteVolume,
  DetachVolumes,
  FirewallById,
  FirewallFields,
  FirewallRuleFields,
  FirewallRuleNode,
  HibernateInstance,
  InstanceById,
  RemoveFirewallRule,
  RemoveInstanceSecurityRule,
  ResizeVolume,
  RestoreInstance,
  RestoreSnapshot,
  SecurityRuleFields,
  SecurityRuleNode,
  SnapshotById,
  SnapshotFields,
  ToggleInstancePublicIp,
  VolumeById,
  VolumeFields,
} from './operations';

/*
 * The console flow as a frontend runs it: Apollo Client 4 (InMemoryCache, no type policies) over HTTP and
 * graphql-ws against the real gateway, the simulator as Barrack and real Redis, with documents typed by codegen
 * from the gateway's introspection. After every mutation the test reads what the normalised cache now holds
 * (readFragment by the object's global id, no network) and compares it with a fresh read of the same fields
 * that bypasses the cache (fetchPolicy 'no-cache'): a payload that disagreed with the server would leave the
 * cache wrong until the next refetch. Transitions last TRANSITION_MS on the simulator's clock, which stands
 * still unless the test advances it, so a payload and the read after it see the same state.
 */

const IMAGE = 'Ubuntu Server 22.04 LTS R535 CUDA 12.2';

describe('Apollo Client console flow (gateway + simulator + Redis)', () => {
  const t = useConsoleTier();

  // Shared by the steps, in order.
  let vmId = '';
  let volumeId = '';
  let firewallId = '';
  let snapshotId = '';
  let restoredId = '';
  let securityRuleId = '';
  let firewallRuleId = '';

  it('reads the catalogue: every OS image row stays its own object in the cache', async () => {
    const r = await t.app.client.query({ query: Catalogue });
    expect(r.error).toBeUndefined();
    const d = r.data!;
    expect(d.viewer.tenantId).toBe(t.gw.tenantIds.demo);
    expect(d.regions.map((x) => x.code)).toEqual(expect.arrayContaining(['NORWAY_1', 'CANADA_1']));
    expect(d.gpuSpecs.length).toBeGreaterThan(0);
    expect(d.osImages.length).toBeGreaterThan(1);
    // Barrack reuses an image id across regions; the global id does not, so the cache keeps every row.
    const keys = Object.keys(entities(t.app.cache)).filter((k) => k.startsWith('OsImage:'));
    expect(keys).toHaveLength(d.osImages.length);
    expect(t.app.client.readQuery({ query: Catalogue })).toEqual(d);
    expect(d.sshKeys.nodes.map((k) => k.name)).toContain('demo-key');
  });

  it('deploys with an Idempotency-Key header: the payload is the instance as a fresh read shows it', async () => {
    const input = {
      name: 'apollo-vm',
      gpuModel: 'RTX_A6000' as const,
      gpuCount: 1,
      region: 'NORWAY_1' as const,
      imageName: IMAGE,
      sshKeyName: 'demo-key',
      labels: ['console', 'apollo'],
      assignPublicIp: true,
    };
    const deploy = () =>
      t.app.client.mutate({
        mutation: CreateInstance,
        variables: { input },
        context: { headers: { 'Idempotency-Key': 'apollo-console-deploy-1' } },
      });
    const first = await deploy();
    const p = first.data!.createInstance;
    expect(p.userErrors).toEqual([]);
    const vm = p.instance!;
    vmId = vm.id;
    expect(vm).toMatchObject({
      name: 'apollo-vm',
      status: 'CREATING',
      region: 'NORWAY_1',
      gpuModel: 'RTX_A6000',
      imageName: IMAGE,
      sshKeyName: 'demo-key',
      labels: ['console', 'apollo'],
    });
    expect(vm.id).not.toBe(vm.barrackId);
    expect(Object.keys(entities(t.app.cache))).toContain(`Instance:${vm.id}`);
    await instanceAsServed(t, vm.id);

    // The header reached the gateway (through the link's context), and a retry with it deployed nothing new.
    const sentCreate = t.app.sent.filter((o) => o.operationName === 'CreateInstance');
    expect(sentCreate.map((o) => o.headers['Idempotency-Key'])).toEqual(['apollo-console-deploy-1']);
    const again = await deploy();
    expect(again.data!.createInstance.instance!.id).toBe(vm.id);
    const creates = t.gw.sim.admin.requestLog().filter((e) => e.operationId === 'createInstance');
    expect(creates).toHaveLength(1);
  });

  it('follows instanceUpdated (GraphQLWsLink) until ACTIVE; the events update the cached instance', async () => {
    // The console's detail page: a watched query, answered once over HTTP, then kept current by the cache.
    const watched = t.app.client.watchQuery({ query: InstanceById, variables: { id: vmId } });
    const seen: string[] = [];
    const watching = watched.subscribe((r) => {
      const status = r.data?.instance?.status;
      if (status) seen.push(status);
    });
    try {
      await waitFor('the page', () => Promise.resolve(seen.length ? true : undefined));
      expect(seen).toEqual(['CREATING']);
      const httpBefore = t.app.sent.length;
      const events = await t.untilStatus(vmId, 'ACTIVE');
      expect(events[0]!.instanceUpdated.status).toBe('CREATING');
      expect(events.at(-1)!.instanceUpdated).toMatchObject({ id: vmId, status: 'ACTIVE' });
      // The event is in the normalised cache, and the watched page shows it without an HTTP request.
      expect(t.cachedInstance(vmId)!.status).toBe('ACTIVE');
      await waitFor('the page to show ACTIVE', () =>
        Promise.resolve(seen.includes('ACTIVE') ? true : undefined),
      );
      expect(t.app.sent.slice(httpBefore)).toEqual([]);
    } finally {
      watching.unsubscribe();
    }
    await instanceAsServed(t, vmId);
  });

  it('adds a security rule: the rule and the instance list of rules are in the cache as served', async () => {
    const r = await t.app.client.mutate({
      mutation: AddInstanceSecurityRule,
      variables: {
        input: {
          instanceId: vmId,
          direction: 'INGRESS',
          protocol: 'TCP',
          ethertype: 'IPV4',
          remoteIpPrefix: '203.0.113.0/24',
          portRangeMin: 8080,
          portRangeMax: 8081,
        },
      },
    });
    const p = r.data!.addInstanceSecurityRule;
    expect(p.userErrors).toEqual([]);
    const rule = p.securityRule!;
    securityRuleId = rule.id;
    expect(rule).toMatchObject({
      direction: 'INGRESS',
      protocol: 'TCP',
      portRangeMin: 8080,
      portRangeMax: 8081,
    });
    const vm = await instanceAsServed(t, vmId);
    expect(vm.securityRules.map((x) => x.id)).toContain(rule.id);
    const ruleInCache = cached(
      t.app.cache,
      SecurityRuleFields,
      'SecurityRuleFields',
      'SecurityRule',
      rule.id,
    );
    asServed(ruleInCache, (await t.fresh(SecurityRuleNode, { id: rule.id })).node);
  });

  it('creates a volume and attaches it: volume, instance and its volume list in the cache as served', async () => {
    const created = await t.app.client.mutate({
      mutation: CreateVolume,
      variables: { input: { name: 'apollo-data', region: 'NORWAY_1', sizeGb: 20 } },
    });
    expect(created.data!.createVolume.userErrors).toEqual([]);
    const vol = created.data!.createVolume.volume!;
    volumeId = vol.id;
    expect(vol).toMatchObject({ name: 'apollo-data', sizeGb: 20, region: 'NORWAY_1', attachedTo: null });
    const volumeInCache = () => cached(t.app.cache, VolumeFields, 'VolumeFields', 'Volume', volumeId);
    asServed(volumeInCache(), (await t.fresh(VolumeById, { id: volumeId })).volume);

    const attached = await t.app.client.mutate({
      mutation: AttachVolumes,
      variables: { input: { instanceId: vmId, volumeIds: [volumeId] } },
    });
    const p = attached.data!.attachVolumes;
    expect(p.userErrors).toEqual([]);
    expect(p.attachments).toHaveLength(1);
    const vm = await instanceAsServed(t, vmId);
    expect(vm.volumes.nodes.map((v) => v.id)).toContain(volumeId);
    // The volume itself was reached through the instance's list: attached to it, as a fresh read says.
    asServed(volumeInCache(), (await t.fresh(VolumeById, { id: volumeId })).volume);
    expect(volumeInCache()!.attachedTo).toEqual({ __typename: 'Instance', id: vmId });
  });

  it('creates a firewall, adds a rule and attaches it: firewall and instance firewall list as served', async () => {
    const created = await t.app.client.mutate({
      mutation: CreateFirewall,
      variables: { input: { name: 'apollo-fw', region: 'NORWAY_1', description: 'console web' } },
    });
    expect(created.data!.createFirewall.userErrors).toEqual([]);
    const fw = created.data!.createFirewall.firewall!;
    firewallId = fw.id;
    const firewallInCache = () =>
      cached(t.app.cache, FirewallFields, 'FirewallFields', 'Firewall', firewallId);
    const freshFirewall = async () => (await t.fresh(FirewallById, { id: firewallId })).firewall;
    expect(fw).toMatchObject({ name: 'apollo-fw', region: 'NORWAY_1', attachedCount: 0 });
    asServed(firewallInCache(), await freshFirewall());

    const ruled = await t.app.client.mutate({
      mutation: AddFirewallRule,
      variables: {
        input: {
          firewallId,
          direction: 'INGRESS',
          protocol: 'TCP',
          remoteIpPrefix: '0.0.0.0/0',
          portRangeMin: 443,
          portRangeMax: 443,
        },
      },
    });
    expect(ruled.data!.addFirewallRule.userErrors).toEqual([]);
    const rule = ruled.data!.addFirewallRule.rule!;
    firewallRuleId = rule.id;
    expect(firewallInCache()!.rules.nodes.map((x) => x.id)).toContain(rule.id);
    asServed(firewallInCache(), await freshFirewall());
    asServed(
      cached(t.app.cache, FirewallRuleFields, 'FirewallRuleFields', 'FirewallRule', rule.id),
      (await t.fresh(FirewallRuleNode, { id: rule.id })).node,
    );

    const attached = await t.app.client.mutate({
      mutation: AttachFirewall,
      variables: { input: { firewallId, instanceIds: [vmId] } },
    });
    expect(attached.data!.attachFirewall.userErrors).toEqual([]);
    const afterAttach = firewallInCache()!;
    expect(afterAttach.instances.map((i) => i.id)).toEqual([vmId]);
    asServed(afterAttach, await freshFirewall());
    // The instance's own firewall list was updated through the firewall's instances.
    const vm = await instanceAsServed(t, vmId);
    expect(vm.firewalls.map((f) => f.id)).toEqual([firewallId]);
  });

  it('creates a snapshot: the snapshot and its instance snapshot list in the cache as served', async () => {
    const r = await t.app.client.mutate({
      mutation: CreateSnapshot,
      variables: { input: { instanceId: vmId, name: 'apollo-snap', description: 'before restore' } },
    });
    const p = r.data!.createSnapshot;
    expect(p.userErrors).toEqual([]);
    snapshotId = p.snapshot!.id;
    const snapshotInCache = () =>
      cached(t.app.cache, SnapshotFields, 'SnapshotFields', 'Snapshot', snapshotId);
    const freshSnapshot = async () => (await t.fresh(SnapshotById, { id: snapshotId })).snapshot;
    expect(p.snapshot).toMatchObject({
      name: 'apollo-snap',
      description: 'before restore',
      instanceName: 'apollo-vm',
    });
    expect(snapshotInCache()!.instance!.snapshots.nodes.map((s) => s.id)).toContain(snapshotId);
    asServed(snapshotInCache(), await freshSnapshot());

    t.advance();
    const ready = await t.app.client.query({
      query: SnapshotById,
      variables: { id: snapshotId },
      fetchPolicy: 'network-only',
    });
    expect(ready.data!.snapshot!.status).toBe('SUCCESS');
    expect(snapshotInCache()!.status).toBe('SUCCESS');
  });

  it('restores the snapshot as a new Instance; the source snapshot stays one cache object', async () => {
    const r = await t.app.client.mutate({
      mutation: RestoreSnapshot,
      variables: { input: { id: snapshotId, newVmName: 'apollo-restored' } },
    });
    const p = r.data!.restoreSnapshot;
    expect(p.userErrors).toEqual([]);
    const ri = p.instance!;
    restoredId = ri.id;
    expect(ri).toMatchObject({
      __typename: 'Instance',
      name: 'apollo-restored',
      bootSource: 'snapshot',
      gpuModel: 'RTX_A6000',
    });
    expect(ri.id).not.toBe(vmId);
    await instanceAsServed(t, restoredId);
    expect(p.sourceSnapshot!.id).toBe(snapshotId);
    asServed(
      cached(t.app.cache, SnapshotFields, 'SnapshotFields', 'Snapshot', snapshotId),
      (await t.fresh(SnapshotById, { id: snapshotId })).snapshot,
    );
    await t.untilStatus(restoredId, 'ACTIVE');
    expect(t.cachedInstance(restoredId)!.status).toBe('ACTIVE');
  });

  it('hibernates and restores: each payload is the instance as a fresh read shows it', async () => {
    const hib = await t.app.client.mutate({
      mutation: HibernateInstance,
      variables: { input: { id: vmId } },
    });
    const h = hib.data!.hibernateInstance;
    expect(h.userErrors).toEqual([]);
    expect(h).toMatchObject({ previousStatus: 'ACTIVE', status: 'HIBERNATING' });
    expect(h.instance!.status).toBe('HIBERNATING');
    await instanceAsServed(t, vmId);
    await t.untilStatus(vmId, 'HIBERNATED');
    expect(t.cachedInstance(vmId)!.status).toBe('HIBERNATED');
    await instanceAsServed(t, vmId);

    const back = await t.app.client.mutate({ mutation: RestoreInstance, variables: { input: { id: vmId } } });
    const b = back.data!.restoreInstance;
    expect(b.userErrors).toEqual([]);
    expect(b.previousStatus).toBe('HIBERNATED');
    expect(b.instance!.status).toBe(b.status);
    await instanceAsServed(t, vmId);
    await t.untilStatus(vmId, 'ACTIVE');
    await instanceAsServed(t, vmId);
  });

  it('reads billing: costs accrue on the simulated clock and the instance billing in the cache follows', async () => {
    t.gw.sim.admin.advanceClock(2 * 60 * 60 * 1000);
    const r = await t.app.client.query({
      query: Billing,
      variables: { instanceId: vmId, volumeId, snapshotId },
      fetchPolicy: 'network-only',
    });
    expect(r.error).toBeUndefined();
    const d = r.data!;
    expect(d.instanceBillingHistory.currency).toBe('USD');
    expect(Number(d.instanceBillingHistory.totalCost)).toBeGreaterThan(0);
    expect(Number(d.instance!.billing.accruedCost)).toBeGreaterThan(0);
    expect(d.volumeBillingHistory.currency).toBe('USD');
    expect(d.snapshotBillingHistory.currency).toBe('USD');
    // The billing query's instance is the same cache object as the console's instance.
    expect(t.cachedInstance(vmId)!.billing).toEqual(d.instance!.billing);
    await instanceAsServed(t, vmId);
  });

  it('edits: toggles the public IP, grows the volume, removes both rules; each payload as served', async () => {
    const before = t.cachedInstance(vmId)!;
    const toggled = await t.app.client.mutate({
      mutation: ToggleInstancePublicIp,
      variables: { input: { id: vmId } },
    });
    const tp = toggled.data!.toggleInstancePublicIp;
    expect(tp.userErrors).toEqual([]);
    expect(tp.instance!.publicIpStatus).toBe(tp.publicIpStatus);
    expect(tp.instance!.publicIp).toBe(tp.publicIp);
    expect([tp.instance!.publicIp, tp.instance!.publicIpStatus]).not.toEqual([
      before.publicIp,
      before.publicIpStatus,
    ]);
    await instanceAsServed(t, vmId);

    const grown = await t.app.client.mutate({
      mutation: ResizeVolume,
      variables: { input: { id: volumeId, sizeGb: 40 } },
    });
    expect(grown.data!.resizeVolume.userErrors).toEqual([]);
    const vol = asServed(
      cached(t.app.cache, VolumeFields, 'VolumeFields', 'Volume', volumeId),
      (await t.fresh(VolumeById, { id: volumeId })).volume,
    );
    expect(vol.sizeGb).toBe(40);

    const removed = await t.app.client.mutate({
      mutation: RemoveInstanceSecurityRule,
      variables: { input: { instanceId: vmId, ruleId: securityRuleId } },
    });
    const rp = removed.data!.removeInstanceSecurityRule;
    expect(rp.userErrors).toEqual([]);
    expect(rp.removedRuleId).toBe(securityRuleId);
    const vm = await instanceAsServed(t, vmId);
    expect(vm.securityRules.map((r) => r.id)).not.toContain(securityRuleId);

    const removedFw = await t.app.client.mutate({
      mutation: RemoveFirewallRule,
      variables: { input: { firewallId, ruleId: firewallRuleId } },
    });
    const fp = removedFw.data!.removeFirewallRule;
    expect(fp.userErrors).toEqual([]);
    expect(fp.removedRuleId).toBe(firewallRuleId);
    const fw = asServed(
      cached(t.app.cache, FirewallFields, 'FirewallFields', 'Firewall', firewallId),
      (await t.fresh(FirewallById, { id: firewallId })).firewall,
    );
    expect(fw.rules.nodes.map((r) => r.id)).not.toContain(firewallRuleId);
    expect(fw.ruleCount).toBe(fw.rules.totalCount);
  });

  it('cleans up: deletes evict by the returned ids, and the server no longer has the objects', async () => {
    const detached = await t.app.client.mutate({
      mutation: DetachVolumes,
      variables: { input: { instanceId: vmId, volumeIds: [volumeId] } },
    });
    expect(detached.data!.detachVolumes.userErrors).toEqual([]);
    const vm = await instanceAsServed(t, vmId);
    expect(vm.volumes.nodes.map((v) => v.id)).not.toContain(volumeId);

    const evict = (id: string | null | undefined, typename: string) => {
      expect(id).toEqual(expect.any(String));
      expect(t.app.cache.evict({ id: t.app.cache.identify({ __typename: typename, id: id! }) })).toBe(true);
    };
    const delVol = await t.app.client.mutate({
      mutation: DeleteVolume,
      variables: { input: { id: volumeId } },
    });
    expect(delVol.data!.deleteVolume.userErrors).toEqual([]);
    expect(delVol.data!.deleteVolume.deletedVolumeId).toBe(volumeId);
    evict(delVol.data!.deleteVolume.deletedVolumeId, 'Volume');

    const delSnap = await t.app.client.mutate({
      mutation: DeleteSnapshot,
      variables: { input: { id: snapshotId } },
    });
    expect(delSnap.data!.deleteSnapshot.userErrors).toEqual([]);
    expect(delSnap.data!.deleteSnapshot.deletedSnapshotId).toBe(snapshotId);
    evict(delSnap.data!.deleteSnapshot.deletedSnapshotId, 'Snapshot');

    for (const id of [vmId, restoredId]) {
      const del = await t.app.client.mutate({ mutation: DeleteInstance, variables: { input: { id } } });
      const p = del.data!.deleteInstance;
      expect(p.userErrors).toEqual([]);
      expect(p.instance!.status).toBe('DELETING');
      await instanceAsServed(t, id);
    }
    t.advance();
    for (const id of [vmId, restoredId]) {
      expect((await t.fresh(InstanceById, { id: id })).instance).toBeNull();
      evict(id, 'Instance');
    }

    const delFw = await t.app.client.mutate({
      mutation: DeleteFirewall,
      variables: { input: { id: firewallId } },
    });
    expect(delFw.data!.deleteFirewall.userErrors).toEqual([]);
    expect(delFw.data!.deleteFirewall.deletedFirewallId).toBe(firewallId);
    evict(delFw.data!.deleteFirewall.deletedFirewallId, 'Firewall');

    t.app.cache.gc();
    const left = Object.keys(entities(t.app.cache));
    for (const [typename, id] of [
      ['Volume', volumeId],
      ['Snapshot', snapshotId],
      ['Instance', vmId],
      ['Instance', restoredId],
      ['Firewall', firewallId],
    ]) {
      expect(left).not.toContain(`${typename}:${id}`);
    }
    expect((await t.fresh(VolumeById, { id: volumeId })).volume).toBeNull();
    expect((await t.fresh(SnapshotById, { id: snapshotId })).snapshot).toBeNull();
    expect((await t.fresh(FirewallById, { id: firewallId })).firewall).toBeNull();
  });
});
