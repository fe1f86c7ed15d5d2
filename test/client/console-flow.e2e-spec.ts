import './apollo-dev';
import type { TypedDocumentNode } from '@apollo/client';
import { startTestGateway, waitFor, type TestGateway } from '../helpers/gateway';
import {
  cached,
  consoleClient,
  entities,
  identityProblems,
  schemaWarnings,
  untilEvent,
  type ConsoleClient,
} from './apollo-kit';
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
  InstanceFields,
  InstanceUpdated,
  RestoreInstance,
  RestoreSnapshot,
  SecurityRuleFields,
  SecurityRuleNode,
  SnapshotById,
  SnapshotFields,
  VolumeById,
  VolumeFields,
} from './operations';
import type { InstanceFieldsFragment, VmStatus } from './gql/graphql';

/*
 * The console flow as a frontend runs it: Apollo Client 4 (InMemoryCache, no type policies) over HTTP and
 * graphql-ws against the real gateway, the simulator as Barrack and real Redis, with documents typed by codegen
 * from the gateway's introspection. After every mutation the test reads what the normalised cache now holds
 * (readFragment by the object's global id, no network) and compares it with a fresh read of the same fields
 * that bypasses the cache (fetchPolicy 'no-cache'): a payload that disagreed with the server would leave the
 * cache wrong until the next refetch. Transitions last TRANSITION_MS on the simulator's clock, which stands
 * still unless the test advances it, so a payload and the read after it see the same state.
 */

const TRANSITION_MS = 60_000;
const IMAGE = 'Ubuntu Server 22.04 LTS R535 CUDA 12.2';

describe('Apollo Client console flow (gateway + simulator + Redis)', () => {
  let gw: TestGateway;
  let app: ConsoleClient;

  // Shared by the steps, in order.
  let vmId = '';
  let volumeId = '';
  let firewallId = '';
  let snapshotId = '';
  let restoredId = '';

  beforeAll(async () => {
    const frozen = new Date();
    gw = await startTestGateway({
      simulator: { transitionDelayMs: TRANSITION_MS, now: () => frozen },
      env: { SUBSCRIPTION_POLL_MS: '50' },
    });
    app = consoleClient(gw.gatewayUrl, gw.keys.demo);
  }, 120_000);
  // Apollo's own complaints (e.g. "Cache data may be lost when replacing the x field of a Y object", written
  // when an object without an id is replaced by one with fewer fields) and identity clashes, after every step.
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn');
  });
  afterEach(() => {
    expect(identityProblems(app.cache)).toEqual([]);
    expect(schemaWarnings(warn.mock.calls)).toEqual([]);
    warn.mockRestore();
  });
  afterAll(async () => {
    await app?.close();
    await gw?.close();
  });

  /** A read of the object from the gateway that neither reads nor writes the cache. */
  async function fresh<T, V extends Record<string, unknown>>(
    query: TypedDocumentNode<T, V>,
    variables: V,
  ): Promise<T> {
    const r = await app.client.query<T, V>({ query, variables, fetchPolicy: 'no-cache' });
    expect(r.error).toBeUndefined();
    return r.data as T;
  }

  const freshInstance = async (id: string) => (await fresh(InstanceById, { id })).instance;
  const cachedInstance = (id: string) => cached(app.cache, InstanceFields, 'InstanceFields', 'Instance', id);

  /** Asserts the cache holds `id` as Instance and that it equals a fresh read; returns the cached object. */
  async function instanceInCacheAsServed(id: string): Promise<InstanceFieldsFragment> {
    const inCache = cachedInstance(id);
    expect(inCache).not.toBeNull();
    expect(inCache).toEqual(await freshInstance(id));
    return inCache!;
  }

  const advance = () => gw.sim.admin.advanceClock(TRANSITION_MS);

  /**
   * Follows instanceUpdated over graphql-ws until `status`; Apollo writes the events into the cache. Once the
   * first event (the current state) is in, the simulator's clock moves the pending transition along.
   */
  const untilStatus = (id: string, status: VmStatus) =>
    untilEvent(
      app.client,
      InstanceUpdated,
      { id },
      (d) => d.instanceUpdated.status === status,
      `${id} ${status}`,
      (_, i) => {
        if (i === 0) advance();
      },
    );

  /** Asserts the cache holds the object (read by global id, no network) and it equals a fresh read. */
  function asServed<T>(inCache: T | null, served: T | null | undefined): T {
    expect(inCache).not.toBeNull();
    expect(inCache).toEqual(served);
    return inCache!;
  }

  it('reads the catalogue: every OS image row stays its own object in the cache', async () => {
    const r = await app.client.query({ query: Catalogue });
    expect(r.error).toBeUndefined();
    const d = r.data!;
    expect(d.viewer.tenantId).toBe(gw.tenantIds.demo);
    expect(d.regions.map((x) => x.code)).toEqual(expect.arrayContaining(['NORWAY_1', 'CANADA_1']));
    expect(d.gpuSpecs.length).toBeGreaterThan(0);
    expect(d.osImages.length).toBeGreaterThan(1);
    // Barrack reuses an image id across regions; the global id does not, so the cache keeps every row.
    const keys = Object.keys(entities(app.cache)).filter((k) => k.startsWith('OsImage:'));
    expect(keys).toHaveLength(d.osImages.length);
    expect(app.client.readQuery({ query: Catalogue })).toEqual(d);
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
      app.client.mutate({
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
    expect(Object.keys(entities(app.cache))).toContain(`Instance:${vm.id}`);
    await instanceInCacheAsServed(vm.id);

    // The header reached the gateway (through the link's context), and a retry with it deployed nothing new.
    const sentCreate = app.sent.filter((o) => o.operationName === 'CreateInstance');
    expect(sentCreate.map((o) => o.headers['Idempotency-Key'])).toEqual(['apollo-console-deploy-1']);
    const again = await deploy();
    expect(again.data!.createInstance.instance!.id).toBe(vm.id);
    const creates = gw.sim.admin.requestLog().filter((e) => e.operationId === 'createInstance');
    expect(creates).toHaveLength(1);
  });

  it('follows instanceUpdated (GraphQLWsLink) until ACTIVE; the events update the cached instance', async () => {
    // The console's detail page: a watched query, answered once over HTTP, then kept current by the cache.
    const watched = app.client.watchQuery({ query: InstanceById, variables: { id: vmId } });
    const seen: string[] = [];
    const watching = watched.subscribe((r) => {
      const status = r.data?.instance?.status;
      if (status) seen.push(status);
    });
    try {
      await waitFor('the page', () => Promise.resolve(seen.length ? true : undefined));
      expect(seen).toEqual(['CREATING']);
      const httpBefore = app.sent.length;
      const events = await untilStatus(vmId, 'ACTIVE');
      expect(events[0]!.instanceUpdated.status).toBe('CREATING');
      expect(events.at(-1)!.instanceUpdated).toMatchObject({ id: vmId, status: 'ACTIVE' });
      // The event is in the normalised cache, and the watched page shows it without an HTTP request.
      expect(cachedInstance(vmId)!.status).toBe('ACTIVE');
      await waitFor('the page to show ACTIVE', () =>
        Promise.resolve(seen.includes('ACTIVE') ? true : undefined),
      );
      expect(app.sent.slice(httpBefore)).toEqual([]);
    } finally {
      watching.unsubscribe();
    }
    await instanceInCacheAsServed(vmId);
  });

  it('adds a security rule: the rule and the instance list of rules are in the cache as served', async () => {
    const r = await app.client.mutate({
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
    expect(rule).toMatchObject({
      direction: 'INGRESS',
      protocol: 'TCP',
      portRangeMin: 8080,
      portRangeMax: 8081,
    });
    const vm = await instanceInCacheAsServed(vmId);
    expect(vm.securityRules.map((x) => x.id)).toContain(rule.id);
    const ruleInCache = cached(app.cache, SecurityRuleFields, 'SecurityRuleFields', 'SecurityRule', rule.id);
    asServed(ruleInCache, (await fresh(SecurityRuleNode, { id: rule.id })).node);
  });

  it('creates a volume and attaches it: volume, instance and its volume list in the cache as served', async () => {
    const created = await app.client.mutate({
      mutation: CreateVolume,
      variables: { input: { name: 'apollo-data', region: 'NORWAY_1', sizeGb: 20 } },
    });
    expect(created.data!.createVolume.userErrors).toEqual([]);
    const vol = created.data!.createVolume.volume!;
    volumeId = vol.id;
    expect(vol).toMatchObject({ name: 'apollo-data', sizeGb: 20, region: 'NORWAY_1', attachedTo: null });
    const volumeInCache = () => cached(app.cache, VolumeFields, 'VolumeFields', 'Volume', volumeId);
    asServed(volumeInCache(), (await fresh(VolumeById, { id: volumeId })).volume);

    const attached = await app.client.mutate({
      mutation: AttachVolumes,
      variables: { input: { instanceId: vmId, volumeIds: [volumeId] } },
    });
    const p = attached.data!.attachVolumes;
    expect(p.userErrors).toEqual([]);
    expect(p.attachments).toHaveLength(1);
    const vm = await instanceInCacheAsServed(vmId);
    expect(vm.volumes.nodes.map((v) => v.id)).toContain(volumeId);
    // The volume itself was reached through the instance's list: attached to it, as a fresh read says.
    asServed(volumeInCache(), (await fresh(VolumeById, { id: volumeId })).volume);
    expect(volumeInCache()!.attachedTo).toEqual({ __typename: 'Instance', id: vmId });
  });

  it('creates a firewall, adds a rule and attaches it: firewall and instance firewall list as served', async () => {
    const created = await app.client.mutate({
      mutation: CreateFirewall,
      variables: { input: { name: 'apollo-fw', region: 'NORWAY_1', description: 'console web' } },
    });
    expect(created.data!.createFirewall.userErrors).toEqual([]);
    const fw = created.data!.createFirewall.firewall!;
    firewallId = fw.id;
    const firewallInCache = () => cached(app.cache, FirewallFields, 'FirewallFields', 'Firewall', firewallId);
    const freshFirewall = async () => (await fresh(FirewallById, { id: firewallId })).firewall;
    expect(fw).toMatchObject({ name: 'apollo-fw', region: 'NORWAY_1', attachedCount: 0 });
    asServed(firewallInCache(), await freshFirewall());

    const ruled = await app.client.mutate({
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
    expect(firewallInCache()!.rules.nodes.map((x) => x.id)).toContain(rule.id);
    asServed(firewallInCache(), await freshFirewall());
    asServed(
      cached(app.cache, FirewallRuleFields, 'FirewallRuleFields', 'FirewallRule', rule.id),
      (await fresh(FirewallRuleNode, { id: rule.id })).node,
    );

    const attached = await app.client.mutate({
      mutation: AttachFirewall,
      variables: { input: { firewallId, instanceIds: [vmId] } },
    });
    expect(attached.data!.attachFirewall.userErrors).toEqual([]);
    const afterAttach = firewallInCache()!;
    expect(afterAttach.instances.map((i) => i.id)).toEqual([vmId]);
    asServed(afterAttach, await freshFirewall());
    // The instance's own firewall list was updated through the firewall's instances.
    const vm = await instanceInCacheAsServed(vmId);
    expect(vm.firewalls.map((f) => f.id)).toEqual([firewallId]);
  });

  it('creates a snapshot: the snapshot and its instance snapshot list in the cache as served', async () => {
    const r = await app.client.mutate({
      mutation: CreateSnapshot,
      variables: { input: { instanceId: vmId, name: 'apollo-snap', description: 'before restore' } },
    });
    const p = r.data!.createSnapshot;
    expect(p.userErrors).toEqual([]);
    snapshotId = p.snapshot!.id;
    const snapshotInCache = () => cached(app.cache, SnapshotFields, 'SnapshotFields', 'Snapshot', snapshotId);
    const freshSnapshot = async () => (await fresh(SnapshotById, { id: snapshotId })).snapshot;
    expect(p.snapshot).toMatchObject({
      name: 'apollo-snap',
      description: 'before restore',
      instanceName: 'apollo-vm',
    });
    expect(snapshotInCache()!.instance!.snapshots.nodes.map((s) => s.id)).toContain(snapshotId);
    asServed(snapshotInCache(), await freshSnapshot());

    advance();
    const ready = await app.client.query({
      query: SnapshotById,
      variables: { id: snapshotId },
      fetchPolicy: 'network-only',
    });
    expect(ready.data!.snapshot!.status).toBe('SUCCESS');
    expect(snapshotInCache()!.status).toBe('SUCCESS');
  });

  it('restores the snapshot as a new Instance; the source snapshot stays one cache object', async () => {
    const r = await app.client.mutate({
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
    await instanceInCacheAsServed(restoredId);
    expect(p.sourceSnapshot!.id).toBe(snapshotId);
    asServed(
      cached(app.cache, SnapshotFields, 'SnapshotFields', 'Snapshot', snapshotId),
      (await fresh(SnapshotById, { id: snapshotId })).snapshot,
    );
    await untilStatus(restoredId, 'ACTIVE');
    expect(cachedInstance(restoredId)!.status).toBe('ACTIVE');
  });

  it('hibernates and restores: each payload is the instance as a fresh read shows it', async () => {
    const hib = await app.client.mutate({ mutation: HibernateInstance, variables: { input: { id: vmId } } });
    const h = hib.data!.hibernateInstance;
    expect(h.userErrors).toEqual([]);
    expect(h).toMatchObject({ previousStatus: 'ACTIVE', status: 'HIBERNATING' });
    expect(h.instance!.status).toBe('HIBERNATING');
    await instanceInCacheAsServed(vmId);
    await untilStatus(vmId, 'HIBERNATED');
    expect(cachedInstance(vmId)!.status).toBe('HIBERNATED');
    await instanceInCacheAsServed(vmId);

    const back = await app.client.mutate({ mutation: RestoreInstance, variables: { input: { id: vmId } } });
    const b = back.data!.restoreInstance;
    expect(b.userErrors).toEqual([]);
    expect(b.previousStatus).toBe('HIBERNATED');
    expect(b.instance!.status).toBe(b.status);
    await instanceInCacheAsServed(vmId);
    await untilStatus(vmId, 'ACTIVE');
    await instanceInCacheAsServed(vmId);
  });

  it('reads billing: costs accrue on the simulated clock and the instance billing in the cache follows', async () => {
    gw.sim.admin.advanceClock(2 * 60 * 60 * 1000);
    const r = await app.client.query({
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
    expect(cachedInstance(vmId)!.billing).toEqual(d.instance!.billing);
    await instanceInCacheAsServed(vmId);
  });

  it('cleans up: deletes evict by the returned ids, and the server no longer has the objects', async () => {
    const detached = await app.client.mutate({
      mutation: DetachVolumes,
      variables: { input: { instanceId: vmId, volumeIds: [volumeId] } },
    });
    expect(detached.data!.detachVolumes.userErrors).toEqual([]);
    const vm = await instanceInCacheAsServed(vmId);
    expect(vm.volumes.nodes.map((v) => v.id)).not.toContain(volumeId);

    const evict = (id: string | null | undefined, typename: string) => {
      expect(id).toEqual(expect.any(String));
      expect(app.cache.evict({ id: app.cache.identify({ __typename: typename, id: id! }) })).toBe(true);
    };
    const delVol = await app.client.mutate({
      mutation: DeleteVolume,
      variables: { input: { id: volumeId } },
    });
    expect(delVol.data!.deleteVolume.userErrors).toEqual([]);
    expect(delVol.data!.deleteVolume.deletedVolumeId).toBe(volumeId);
    evict(delVol.data!.deleteVolume.deletedVolumeId, 'Volume');

    const delSnap = await app.client.mutate({
      mutation: DeleteSnapshot,
      variables: { input: { id: snapshotId } },
    });
    expect(delSnap.data!.deleteSnapshot.userErrors).toEqual([]);
    expect(delSnap.data!.deleteSnapshot.deletedSnapshotId).toBe(snapshotId);
    evict(delSnap.data!.deleteSnapshot.deletedSnapshotId, 'Snapshot');

    for (const id of [vmId, restoredId]) {
      const del = await app.client.mutate({ mutation: DeleteInstance, variables: { input: { id } } });
      const p = del.data!.deleteInstance;
      expect(p.userErrors).toEqual([]);
      expect(p.instance!.status).toBe('DELETING');
      await instanceInCacheAsServed(id);
    }
    advance();
    for (const id of [vmId, restoredId]) {
      expect(await freshInstance(id)).toBeNull();
      evict(id, 'Instance');
    }

    const delFw = await app.client.mutate({
      mutation: DeleteFirewall,
      variables: { input: { id: firewallId } },
    });
    expect(delFw.data!.deleteFirewall.userErrors).toEqual([]);
    expect(delFw.data!.deleteFirewall.deletedFirewallId).toBe(firewallId);
    evict(delFw.data!.deleteFirewall.deletedFirewallId, 'Firewall');

    app.cache.gc();
    const left = Object.keys(entities(app.cache));
    for (const [typename, id] of [
      ['Volume', volumeId],
      ['Snapshot', snapshotId],
      ['Instance', vmId],
      ['Instance', restoredId],
      ['Firewall', firewallId],
    ]) {
      expect(left).not.toContain(`${typename}:${id}`);
    }
    expect((await fresh(VolumeById, { id: volumeId })).volume).toBeNull();
    expect((await fresh(SnapshotById, { id: snapshotId })).snapshot).toBeNull();
    expect((await fresh(FirewallById, { id: firewallId })).firewall).toBeNull();
  });
});
