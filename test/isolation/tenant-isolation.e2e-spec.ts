import { demoPublicKey } from '../../simulator/sim-seed';
import type { AccountState } from '../../simulator/simulator';
import {
  SIM_DEMO_KEY,
  SIM_OTHER_KEY,
  startTestGateway,
  waitFor,
  type GqlResponse,
  type TestGateway,
} from '../helpers/gateway';

/*
 * Issue 5's isolation test: two tenants (demo → sim-demo-key/USD, other → sim-other-key/EUR) run the same
 * queries and mutations concurrently, with the same resource names and the same idempotency keys, then the
 * other tenant guesses the demo tenant's ids. Every GraphQL request carries its own x-request-id, which the
 * gateway forwards upstream, so each simulator log entry can be traced back to the tenant that caused it.
 */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Tenant {
  label: 'A' | 'B';
  apiKey: string;
  simKey: string;
  tenantId: string;
  currency: 'USD' | 'EUR';
}

interface Sent {
  tenant: Tenant;
  requestId: string;
  /** Query + variables as sent: an id may appear in the answer only if the caller sent it. */
  sentText: string;
  status: number;
  text: string;
  echoedRequestId: string | null;
}

interface Created {
  instances: string[];
  volumes: string[];
  snapshots: string[];
  firewalls: string[];
  sshKeys: string[];
  scripts: string[];
  rules: string[];
}

const IMAGE = 'Ubuntu Server 22.04 LTS R535 CUDA 12.2';
const ROUNDS = 3;
/** The same public key imported by both tenants: a fingerprint is not an account identity. */
const SHARED_PUBLIC_KEY = demoPublicKey('shared@isolation');
/** Shape of a simulator id that was never issued (the counter starts near 100000 and only this suite uses it). */
const NEVER_ISSUED = {
  D: 'BRK-999901D',
  V: 'BRK-999902V',
  S: 'BRK-999903S',
  F: 'BRK-999904F',
  K: 'BRK-999905K',
  C: 'BRK-999906C',
} as const;

const INSTANCE_TREE = `id: barrackId name status region sshKeyName
  snapshots(first: 10) { nodes { id: barrackId name instance { id: barrackId } } }
  volumes(first: 10) { nodes { id: barrackId name attachedTo { id: barrackId } } }
  firewalls { id: barrackId name rules(first: 5) { nodes { id: barrackId } } instances { id: barrackId } }`;

function emptyCreated(): Created {
  return { instances: [], volumes: [], snapshots: [], firewalls: [], sshKeys: [], scripts: [], rules: [] };
}

function idsOf(items: { id: string }[]): string[] {
  return items.map((i) => i.id).sort();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `text` holds `id` as a whole token (ids are BRK-<digits><letter>; a prefix must not match). */
function mentions(text: string, id: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9-])${escapeRegExp(id)}($|[^A-Za-z0-9])`).test(text);
}

/** Everything the simulator knows about an account that a foreign caller could have changed. */
function durableView(s: AccountState) {
  return {
    instances: s.instances
      .map((i) => ({
        id: i.instance_id,
        name: i.name,
        status: i.status,
        ip: i.public_ip ?? null,
        rules: i.security_rules?.length ?? 0,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    volumes: s.volumes
      .map((v) => ({
        id: v.volume_id,
        name: v.name,
        size: v.size_gb,
        status: v.status,
        att: v.attached_instance_id ?? null,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    snapshots: s.snapshots
      .map((x) => ({ id: x.snapshot_id, name: x.name }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    firewalls: s.firewalls
      .map((f) => ({
        id: f.firewall_id,
        name: f.name,
        rules: f.rules?.length ?? 0,
        att: f.attached_instances,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    sshKeys: s.sshKeys.map((k) => ({ id: k.key_id, name: k.name })).sort((a, b) => a.id.localeCompare(b.id)),
    scripts: s.scripts
      .map((x) => ({ id: x.script_id, name: x.name, content: x.content }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    images: s.images.length,
  };
}

describe('tenant isolation: two tenants interleaved (gateway + simulator + Redis)', () => {
  let gw: TestGateway;
  let A: Tenant;
  let B: Tenant;
  const sent: Sent[] = [];
  const expectedCredential = new Map<string, string>();
  const created: Record<'A' | 'B', Created> = { A: emptyCreated(), B: emptyCreated() };
  let seq = 0;

  async function gql(
    t: Tenant,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GqlResponse<Data>> {
    seq += 1;
    const requestId = `iso-${t.label}-${seq}`;
    expectedCredential.set(requestId, t.simKey);
    const r = await gw.gql<Data>(query, variables, {
      apiKey: t.apiKey,
      headers: { 'x-request-id': requestId },
    });
    sent.push({
      tenant: t,
      requestId,
      sentText: query + JSON.stringify(variables),
      status: r.status,
      text: JSON.stringify(r.body),
      echoedRequestId: r.headers.get('x-request-id'),
    });
    return r;
  }

  async function ok(t: Tenant, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
    const r = await gql(t, query, variables);
    if (r.body.errors?.length) throw new Error(`${t.label}: ${JSON.stringify(r.body.errors)}`);
    return r.body.data!;
  }

  const state = (t: Tenant) => gw.sim.admin.getAccountState(t.simKey);
  const both = <R>(fn: (t: Tenant) => Promise<R>) => Promise.all([fn(A), fn(B)]);

  async function waitActive(t: Tenant, id: string): Promise<void> {
    await waitFor(`${t.label} ${id} ACTIVE`, async () =>
      (await ok(t, `query($id: ID!) { instance(id: $id) { status } }`, { id })).instance.status === 'ACTIVE'
        ? true
        : undefined,
    );
  }

  /** One round of creations with names (and idempotency keys) identical in both tenants. */
  async function createRound(t: Tenant, r: number): Promise<void> {
    const c = created[t.label];
    if (r === 0) {
      const key = await ok(
        t,
        `mutation($input: CreateSshKeyInput!) { createSshKey(input: $input) { sshKey { id: barrackId name fingerprint } } }`,
        { input: { name: 'iso-key', publicKey: SHARED_PUBLIC_KEY } },
      );
      c.sshKeys.push(key.createSshKey.sshKey.id);
    }
    const script = await ok(
      t,
      `mutation($input: CreateScriptInput!) { createScript(input: $input) { script { id: barrackId name } } }`,
      { input: { name: `iso-script-${r}`, content: `#!/bin/bash\necho round ${r}\n` } },
    );
    c.scripts.push(script.createScript.script.id);
    const [vm, vol, fw] = await Promise.all([
      ok(
        t,
        `mutation($input: CreateInstanceInput!) { createInstance(input: $input) { instance { id: barrackId name } } }`,
        {
          input: {
            name: `iso-vm-${r}`,
            gpuModel: 'RTX_A6000',
            gpuCount: 1,
            region: 'NORWAY_1',
            imageName: IMAGE,
            sshKeyName: 'iso-key',
            startupScriptId: script.createScript.script.id,
            // Same key in both tenants: an idempotency record must never answer the other tenant.
            idempotencyKey: `iso-idem-vm-${r}`,
          },
        },
      ),
      ok(
        t,
        `mutation($input: CreateVolumeInput!) { createVolume(input: $input) { volume { id: barrackId name } } }`,
        {
          input: {
            name: `iso-vol-${r}`,
            region: 'NORWAY_1',
            sizeGb: 50,
            idempotencyKey: `iso-idem-vol-${r}`,
          },
        },
      ),
      ok(
        t,
        `mutation($input: CreateFirewallInput!) { createFirewall(input: $input) { firewall { id: barrackId name } } }`,
        {
          input: { name: `iso-fw-${r}`, region: 'NORWAY_1' },
        },
      ),
    ]);
    const vmId: string = vm.createInstance.instance.id;
    const volId: string = vol.createVolume.volume.id;
    const fwId: string = fw.createFirewall.firewall.id;
    c.instances.push(vmId);
    c.volumes.push(volId);
    c.firewalls.push(fwId);
    await waitActive(t, vmId);
    await ok(
      t,
      `mutation($i: ID!, $v: ID!) { attachVolumes(input: { instanceId: $i, volumeIds: [$v] }) { attachments { volumeId } } }`,
      { i: vmId, v: volId },
    );
    await ok(
      t,
      `mutation($f: ID!, $i: ID!) { attachFirewall(input: { firewallId: $f, instanceIds: [$i] }) { attachedInstanceIds } }`,
      { f: fwId, i: vmId },
    );
    const rule = await ok(
      t,
      `mutation($f: ID!) { addFirewallRule(input: { firewallId: $f, direction: INGRESS, protocol: TCP, portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: "0.0.0.0/0" }) { rule { id: barrackId } } }`,
      { f: fwId },
    );
    c.rules.push(rule.addFirewallRule.rule.id);
    const snap = await ok(
      t,
      `mutation($i: ID!, $n: String!) { createSnapshot(input: { instanceId: $i, name: $n }) { snapshot { id: barrackId } } }`,
      { i: vmId, n: `iso-snap-${r}` },
    );
    c.snapshots.push(snap.createSnapshot.snapshot.id);
  }

  beforeAll(async () => {
    gw = await startTestGateway();
    A = {
      label: 'A',
      apiKey: gw.keys.demo,
      simKey: SIM_DEMO_KEY,
      tenantId: gw.tenantIds.demo,
      currency: 'USD',
    };
    B = {
      label: 'B',
      apiKey: gw.keys.other,
      simKey: SIM_OTHER_KEY,
      tenantId: gw.tenantIds.other,
      currency: 'EUR',
    };
    // The demo seed (demo-vm, demo-data, demo-vm-backup, demo-key, install-tools) belongs to A.
    const seed = state(A);
    created.A.instances.push(...seed.instances.map((i) => i.instance_id));
    created.A.volumes.push(...seed.volumes.map((v) => v.volume_id));
    created.A.snapshots.push(...seed.snapshots.map((s) => s.snapshot_id));
    created.A.sshKeys.push(...seed.sshKeys.map((k) => k.key_id));
    created.A.scripts.push(...seed.scripts.map((s) => s.script_id));
    expect(state(B).instances).toHaveLength(0);
    gw.sim.admin.resetLog();
    for (let r = 0; r < ROUNDS; r++) await both((t) => createRound(t, r));
  }, 180_000);

  afterAll(async () => {
    await gw?.close();
  });

  it('each tenant is who its key says it is', async () => {
    const [a, b] = await both((t) => ok(t, `{ viewer { tenantId } apiKeys { id: barrackId } }`));
    expect(a.viewer.tenantId).toBe(A.tenantId);
    expect(b.viewer.tenantId).toBe(B.tenantId);
    expect(b.apiKeys).toHaveLength(1);
    expect(B.apiKey).toContain(b.apiKeys[0].id);
    for (const k of a.apiKeys as { id: string }[]) expect(B.apiKey).not.toContain(k.id);
  });

  it('same names, same idempotency keys: each tenant got its own resources', () => {
    for (const kind of Object.keys(created.A) as (keyof Created)[]) {
      const shared = created.A[kind].filter((id) => created.B[kind].includes(id));
      expect({ kind, shared }).toEqual({ kind, shared: [] });
    }
    expect(created.B.instances).toHaveLength(ROUNDS);
    expect(idsOf(state(B).instances.map((i) => ({ id: i.instance_id })))).toEqual(
      [...created.B.instances].sort(),
    );
  });

  it('lists, details and nested graphs show only the caller’s resources (several concurrent rounds)', async () => {
    const listQuery = `{
      instances(first: 10) { nodes { ${INSTANCE_TREE} } totalCount }
      volumes(first: 10) { nodes { id: barrackId name attachedTo { id: barrackId } } totalCount }
      snapshots(first: 10) { nodes { id: barrackId name instance { id: barrackId name } } totalCount }
      firewalls(first: 10) { nodes { id: barrackId name instances { id: barrackId } } totalCount }
      sshKeys(first: 10) { nodes { id: barrackId name fingerprint } totalCount }
      scripts(first: 10) { nodes { id: barrackId name content } totalCount }
    }`;
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([A, B, A, B].map((t) => ok(t, listQuery).then((d) => ({ t, d }))));
      for (const { t, d } of results) {
        const s = state(t);
        expect(idsOf(d.instances.nodes)).toEqual(s.instances.map((i) => i.instance_id).sort());
        expect(d.instances.totalCount).toBe(s.instances.length);
        expect(idsOf(d.volumes.nodes)).toEqual(s.volumes.map((v) => v.volume_id).sort());
        expect(d.volumes.totalCount).toBe(s.volumes.length);
        expect(idsOf(d.snapshots.nodes)).toEqual(s.snapshots.map((x) => x.snapshot_id).sort());
        expect(idsOf(d.firewalls.nodes)).toEqual(s.firewalls.map((f) => f.firewall_id).sort());
        expect(idsOf(d.sshKeys.nodes)).toEqual(s.sshKeys.map((k) => k.key_id).sort());
        expect(idsOf(d.scripts.nodes)).toEqual(s.scripts.map((x) => x.script_id).sort());
        // Nested edges point inside the same tenant only.
        const own = new Set(s.instances.map((i) => i.instance_id));
        for (const vm of d.instances.nodes) {
          for (const snap of vm.snapshots.nodes) expect(snap.instance?.id ?? vm.id).toBe(vm.id);
          for (const vol of vm.volumes.nodes) expect(vol.attachedTo?.id ?? vm.id).toBe(vm.id);
          for (const fw of vm.firewalls) for (const i of fw.instances) expect(own.has(i.id)).toBe(true);
        }
        for (const name of ['iso-vm-0', 'iso-vm-1', 'iso-vm-2']) {
          const vm = d.instances.nodes.find((i: { name: string }) => i.name === name);
          expect(vm.snapshots.nodes.map((x: { name: string }) => x.name)).toEqual([
            `iso-snap-${name.slice(-1)}`,
          ]);
          expect(vm.volumes.nodes.map((x: { name: string }) => x.name)).toEqual([
            `iso-vol-${name.slice(-1)}`,
          ]);
          expect(vm.firewalls.map((x: { name: string }) => x.name)).toEqual([`iso-fw-${name.slice(-1)}`]);
        }
      }
      expect(results[0]!.d.instances.totalCount).toBe(ROUNDS + 1);
      expect(results[1]!.d.instances.totalCount).toBe(ROUNDS);
    }

    // Details by id, both tenants at once, for every resource of theirs.
    await both(async (t) => {
      const c = created[t.label];
      const one = (field: string, id: string) =>
        ok(t, `query($id: ID!) { ${field}(id: $id) { id: barrackId } }`, { id });
      const got = await Promise.all([
        ...c.instances.map((id) =>
          ok(t, `query($id: ID!) { instance(id: $id) { ${INSTANCE_TREE} } }`, { id }),
        ),
        ...c.volumes.map((id) => one('volume', id)),
        ...c.snapshots.map((id) => one('snapshot', id)),
        ...c.firewalls.map((id) => one('firewall', id)),
        ...c.sshKeys.map((id) => one('sshKey', id)),
        ...c.scripts.map((id) => one('script', id)),
      ]);
      const ids = got.map((g) => (Object.values(g)[0] as { id: string }).id);
      expect(ids).toEqual([
        ...c.instances,
        ...c.volumes,
        ...c.snapshots,
        ...c.firewalls,
        ...c.sshKeys,
        ...c.scripts,
      ]);
    });
  });

  it('balance and pricing follow each tenant’s account currency; the per-tenant pricing cache never crosses', async () => {
    const [a, b] = await both((t) => ok(t, `{ balance { amount currency } }`));
    expect(a.balance.currency).toBe('USD');
    expect(b.balance.currency).toBe('EUR');
    // Each amount is that account's own (billing runs on the wall clock, hence the tolerance).
    expect(Math.abs(Number(a.balance.amount) - state(A).balance)).toBeLessThan(0.5);
    expect(Math.abs(Number(b.balance.amount) - state(B).balance)).toBeLessThan(0.5);

    const pricingQuery = `{ pricing(region: NORWAY_1) { currency gpus { gpuModel hourlyRate } } }`;
    // A warms the cache (USD) first; B asks the identical question afterwards and concurrently.
    const warm = await ok(A, pricingQuery);
    expect(warm.pricing.currency).toBe('USD');
    const after = await Promise.all([B, A, B, A, B].map((t) => ok(t, pricingQuery).then((d) => ({ t, d }))));
    for (const { t, d } of after) expect(d.pricing.currency).toBe(t.currency);
    const rate = (d: Data) =>
      d.pricing.gpus.find((g: { gpuModel: string }) => g.gpuModel === 'RTX_A6000')?.hourlyRate as string;
    expect(rate(after[0]!.d)).not.toBe(rate(warm));

    const quoteQuery = `{ priceQuote(input: { gpuModel: RTX_A6000, gpuCount: 1, hours: 2 }) { currency estimatedTotal } }`;
    const qa = await ok(A, quoteQuery);
    const quotes = await Promise.all([B, A, B].map((t) => ok(t, quoteQuery).then((d) => ({ t, d }))));
    expect(qa.priceQuote.currency).toBe('USD');
    for (const { t, d } of quotes) expect(d.priceQuote.currency).toBe(t.currency);

    // Nested catalogue edges too (Region.pricing goes through a per-request loader and the same cache).
    const nested = await Promise.all([A, B].map((t) => ok(t, `{ regions { code pricing { currency } } }`)));
    for (const [i, t] of [A, B].entries()) {
      for (const reg of nested[i]!.regions as { pricing: { currency: string } | null }[]) {
        if (reg.pricing) expect(reg.pricing.currency).toBe(t.currency);
      }
    }
  });

  it('concurrent mutations on same-named resources change only the caller’s', async () => {
    await both(async (t) => {
      const c = created[t.label];
      await ok(
        t,
        `mutation($id: ID!, $c: String!) { updateScript(input: { id: $id, content: $c }) { script { id: barrackId content } } }`,
        { id: c.scripts.at(-1), c: `#!/bin/bash\necho tenant ${t.label}\n` },
      );
      await ok(t, `mutation($id: ID!) { stopInstance(input: { id: $id }) { instanceId } }`, {
        id: c.instances.at(-1),
      });
    });
    for (const t of [A, B]) {
      const s = state(t);
      const script = s.scripts.find((x) => x.script_id === created[t.label].scripts.at(-1));
      expect(script?.content).toBe(`#!/bin/bash\necho tenant ${t.label}\n`);
      const d = await ok(t, `{ scripts(search: "iso-script-2") { nodes { name content } } }`);
      expect(d.scripts.nodes).toEqual([
        { name: 'iso-script-2', content: `#!/bin/bash\necho tenant ${t.label}\n` },
      ]);
    }
    await both(async (t) => {
      const id = created[t.label].instances.at(-1)!;
      await waitFor(`${t.label} ${id} SHUTOFF`, async () =>
        (await ok(t, `query($id: ID!) { instance(id: $id) { status } }`, { id })).instance.status ===
        'SHUTOFF'
          ? true
          : undefined,
      );
      await ok(t, `mutation($id: ID!) { startInstance(input: { id: $id }) { instanceId } }`, { id });
      await waitActive(t, id);
    });
  });

  describe('B guessing A’s ids', () => {
    let before: ReturnType<typeof durableView>;
    let aIds: Created;
    let bVm: string;
    let bVol: string;
    let bFw: string;
    let bSnap: string;

    beforeAll(() => {
      aIds = created.A;
      bVm = created.B.instances[0]!;
      bVol = created.B.volumes[0]!;
      bFw = created.B.firewalls[0]!;
      bSnap = created.B.snapshots[0]!;
      before = durableView(state(A));
    });

    /** Upper-level error shape with the guessed id masked, to compare a foreign id with one never issued. */
    /** A mutation probe also selects its payload's userErrors (where a mutation answers NOT_FOUND). */
    function withUserErrors(query: string): string {
      if (!query.trimStart().startsWith('mutation')) return query;
      const outer = query.lastIndexOf('}');
      const payloadEnd = query.lastIndexOf('}', outer - 1);
      return `${query.slice(0, payloadEnd)} userErrors { code field message } ${query.slice(payloadEnd)}`;
    }

    /**
     * NOT_FOUND as a top-level error, as the payload's only userError (mutations), or a lookup answering null
     * (`instance(id:)` and the other lookups answer null for an id the account does not hold, like node(id)).
     */
    function refusalCode(r: GqlResponse<Data>): unknown {
      const top = r.body.errors?.[0]?.extensions?.code;
      if (top !== undefined) return top;
      const values = Object.values(r.body.data ?? {});
      if (values.length === 1 && values[0] === null) return 'NOT_FOUND';
      const payload = values[0] as { userErrors?: { code: string }[] } | undefined;
      return payload?.userErrors?.length === 1 ? payload.userErrors[0]!.code : undefined;
    }

    function shape(r: GqlResponse<Data>, id: string) {
      const e = r.body.errors?.[0];
      const { requestId: _r, upstreamRequestId: _u, ...ext } = e?.extensions ?? {};
      const data = JSON.parse(JSON.stringify(r.body.data ?? null)) as Record<
        string,
        { requestId?: unknown }
      > | null;
      // Barrack's request id differs per call, like requestId in extensions.
      for (const payload of Object.values(data ?? {}))
        if (payload && 'requestId' in payload) payload.requestId = null;
      return JSON.parse(
        JSON.stringify({ message: e?.message, ext, errors: r.body.errors?.length ?? 0, data })
          .split(id)
          .join('<ID>'),
      ) as unknown;
    }

    type Probe = [
      label: string,
      query: string,
      vars: (guess: string) => Record<string, unknown>,
      kind: keyof typeof NEVER_ISSUED,
      guess: () => string,
    ];

    const probes = (): Probe[] => [
      [
        'instance(id)',
        `query($id: ID!) { instance(id: $id) { id: barrackId name } }`,
        (id) => ({ id }),
        'D',
        () => aIds.instances[1]!,
      ],
      [
        'volume(id)',
        `query($id: ID!) { volume(id: $id) { id: barrackId name } }`,
        (id) => ({ id }),
        'V',
        () => aIds.volumes[1]!,
      ],
      [
        'snapshot(id)',
        `query($id: ID!) { snapshot(id: $id) { id: barrackId name } }`,
        (id) => ({ id }),
        'S',
        () => aIds.snapshots[1]!,
      ],
      [
        'firewall(id)',
        `query($id: ID!) { firewall(id: $id) { id: barrackId name } }`,
        (id) => ({ id }),
        'F',
        () => aIds.firewalls[1]!,
      ],
      [
        'sshKey(id)',
        `query($id: ID!) { sshKey(id: $id) { id: barrackId name } }`,
        (id) => ({ id }),
        'K',
        () => aIds.sshKeys[0]!,
      ],
      [
        'script(id)',
        `query($id: ID!) { script(id: $id) { id: barrackId name } }`,
        (id) => ({ id }),
        'C',
        () => aIds.scripts[1]!,
      ],
      [
        'instanceFirewalls',
        `query($id: ID!) { instanceFirewalls(instanceId: $id) { id: firewallId } }`,
        (id) => ({ id }),
        'D',
        () => aIds.instances[1]!,
      ],
      [
        'instanceBillingHistory',
        `query($id: ID!) { instanceBillingHistory(id: $id) { __typename } }`,
        (id) => ({ id }),
        'D',
        () => aIds.instances[1]!,
      ],
      [
        'volumeBillingHistory',
        `query($id: ID!) { volumeBillingHistory(id: $id) { __typename } }`,
        (id) => ({ id }),
        'V',
        () => aIds.volumes[1]!,
      ],
      [
        'snapshotBillingHistory',
        `query($id: ID!) { snapshotBillingHistory(id: $id) { __typename } }`,
        (id) => ({ id }),
        'S',
        () => aIds.snapshots[1]!,
      ],
      [
        'snapshotImageRelationship',
        `query($id: ID!) { snapshotImageRelationship(snapshotId: $id) { hasImage } }`,
        (id) => ({ id }),
        'S',
        () => aIds.snapshots[1]!,
      ],
      [
        'stopInstance',
        `mutation($id: ID!) { stopInstance(input: { id: $id }) { instanceId } }`,
        (id) => ({ id }),
        'D',
        () => aIds.instances[1]!,
      ],
      [
        'rebootInstance',
        `mutation($id: ID!) { rebootInstance(input: { id: $id }) { instanceId } }`,
        (id) => ({ id }),
        'D',
        () => aIds.instances[1]!,
      ],
      [
        'hibernateInstance',
        `mutation($id: ID!) { hibernateInstance(input: { id: $id }) { instanceId } }`,
        (id) => ({ id }),
        'D',
        () => aIds.instances[1]!,
      ],
      [
        'toggleInstancePublicIp',
        `mutation($id: ID!) { toggleInstancePublicIp(input: { id: $id }) { instanceId } }`,
        (id) => ({ id }),
        'D',
        () => aIds.instances[1]!,
      ],
      [
        'deleteInstance',
        `mutation($id: ID!) { deleteInstance(input: { id: $id }) { instanceId } }`,
        (id) => ({ id }),
        'D',
        () => aIds.instances[1]!,
      ],
      [
        'addInstanceSecurityRule',
        `mutation($id: ID!) { addInstanceSecurityRule(input: { instanceId: $id, direction: INGRESS, protocol: ICMP, remoteIpPrefix: "10.0.0.0/8" }) { __typename } }`,
        (id) => ({ id }),
        'D',
        () => aIds.instances[1]!,
      ],
      [
        'attachVolumes(B vm, A volume)',
        `mutation($i: ID!, $v: ID!) { attachVolumes(input: { instanceId: $i, volumeIds: [$v] }) { instanceId } }`,
        (id) => ({ i: bVm, v: id }),
        'V',
        () => aIds.volumes[2]!,
      ],
      [
        'attachVolumes(A vm, B volume)',
        `mutation($i: ID!, $v: ID!) { attachVolumes(input: { instanceId: $i, volumeIds: [$v] }) { instanceId } }`,
        (id) => ({ i: id, v: bVol }),
        'D',
        () => aIds.instances[2]!,
      ],
      [
        'detachVolumes(A vm, A volume)',
        `mutation($i: ID!, $v: ID!) { detachVolumes(input: { instanceId: $i, volumeIds: [$v] }) { instanceId } }`,
        (id) => ({ i: id, v: aIds.volumes[1]! }),
        'D',
        () => aIds.instances[1]!,
      ],
      [
        'deleteVolume',
        `mutation($id: ID!) { deleteVolume(input: { id: $id }) { deletedVolumeId } }`,
        (id) => ({ id }),
        'V',
        () => aIds.volumes[1]!,
      ],
      [
        'resizeVolume',
        `mutation($id: ID!) { resizeVolume(input: { id: $id, sizeGb: 500 }) { volume { id: barrackId } } }`,
        (id) => ({ id }),
        'V',
        () => aIds.volumes[1]!,
      ],
      [
        'cloneVolume',
        `mutation($id: ID!) { cloneVolume(input: { id: $id, name: "stolen" }) { volume { id: barrackId } } }`,
        (id) => ({ id }),
        'V',
        () => aIds.volumes[1]!,
      ],
      [
        'createSnapshot(A vm)',
        `mutation($id: ID!) { createSnapshot(input: { instanceId: $id, name: "stolen" }) { snapshot { id: barrackId } } }`,
        (id) => ({ id }),
        'D',
        () => aIds.instances[1]!,
      ],
      [
        'deleteSnapshot',
        `mutation($id: ID!) { deleteSnapshot(input: { id: $id }) { deletedSnapshotId } }`,
        (id) => ({ id }),
        'S',
        () => aIds.snapshots[1]!,
      ],
      [
        'restoreSnapshot',
        `mutation($id: ID!) { restoreSnapshot(input: { id: $id, newVmName: "stolen" }) { __typename } }`,
        (id) => ({ id }),
        'S',
        () => aIds.snapshots[1]!,
      ],
      [
        'createImageFromSnapshot',
        `mutation($id: ID!) { createImageFromSnapshot(input: { snapshotId: $id, name: "stolen" }) { __typename } }`,
        (id) => ({ id }),
        'S',
        () => aIds.snapshots[1]!,
      ],
      [
        'deleteFirewall',
        `mutation($id: ID!) { deleteFirewall(input: { id: $id }) { deletedFirewallId } }`,
        (id) => ({ id }),
        'F',
        () => aIds.firewalls[1]!,
      ],
      [
        'addFirewallRule',
        `mutation($id: ID!) { addFirewallRule(input: { firewallId: $id, direction: INGRESS, protocol: TCP, portRangeMin: 1, portRangeMax: 65535, remoteIpPrefix: "0.0.0.0/0" }) { rule { id: barrackId } } }`,
        (id) => ({ id }),
        'F',
        () => aIds.firewalls[1]!,
      ],
      [
        'removeFirewallRule',
        `mutation($id: ID!, $r: ID!) { removeFirewallRule(input: { firewallId: $id, ruleId: $r }) { __typename } }`,
        (id) => ({ id, r: aIds.rules[1]! }),
        'F',
        () => aIds.firewalls[1]!,
      ],
      [
        'attachFirewall(A fw, B vm)',
        `mutation($f: ID!, $i: ID!) { attachFirewall(input: { firewallId: $f, instanceIds: [$i] }) { attachedInstanceIds } }`,
        (id) => ({ f: id, i: bVm }),
        'F',
        () => aIds.firewalls[1]!,
      ],
      [
        'attachFirewall(B fw, A vm)',
        `mutation($f: ID!, $i: ID!) { attachFirewall(input: { firewallId: $f, instanceIds: [$i] }) { attachedInstanceIds } }`,
        (id) => ({ f: bFw, i: id }),
        'D',
        () => aIds.instances[1]!,
      ],
      [
        'deleteSshKey',
        `mutation($id: ID!) { deleteSshKey(input: { id: $id }) { deletedSshKeyId } }`,
        (id) => ({ id }),
        'K',
        () => aIds.sshKeys[0]!,
      ],
      [
        'updateScript',
        `mutation($id: ID!) { updateScript(input: { id: $id, content: "#!/bin/bash\\necho pwned\\n" }) { script { id: barrackId } } }`,
        (id) => ({ id }),
        'C',
        () => aIds.scripts[1]!,
      ],
      [
        'deleteScript',
        `mutation($id: ID!) { deleteScript(input: { id: $id }) { deletedScriptId } }`,
        (id) => ({ id }),
        'C',
        () => aIds.scripts[1]!,
      ],
      [
        'createInstance(startupScriptId of A)',
        `mutation($id: ID!) { createInstance(input: { name: "stolen-vm", gpuModel: RTX_A6000, gpuCount: 1, region: NORWAY_1, imageName: "${IMAGE}", sshKeyName: "iso-key", startupScriptId: $id }) { instance { id: barrackId } } }`,
        (id) => ({ id }),
        'C',
        () => aIds.scripts[1]!,
      ],
    ];

    it('every guess answers NOT_FOUND (null for a lookup), exactly as for an id that was never issued', async () => {
      const failures: string[] = [];
      // Both guesses of a probe run concurrently, and A keeps reading its own data meanwhile.
      for (const [label, query, vars, kind, guess] of probes()) {
        const id = guess();
        const fake = NEVER_ISSUED[kind];
        const [foreign, never, own] = await Promise.all([
          gql(B, withUserErrors(query), vars(id)),
          gql(B, withUserErrors(query), vars(fake)),
          gql(A, `{ instances(first: 10) { nodes { id: barrackId } } }`),
        ]);
        expect(own.body.errors).toBeUndefined();
        const code = refusalCode(foreign);
        if (code !== 'NOT_FOUND') failures.push(`${label}: ${JSON.stringify(foreign.body)}`);
        else if (JSON.stringify(shape(foreign, id)) !== JSON.stringify(shape(never, fake))) {
          failures.push(
            `${label}: differs from never-issued id: ${JSON.stringify([shape(foreign, id), shape(never, fake)])}`,
          );
        }
      }
      expect(failures).toEqual([]);
    }, 180_000);

    it('a list filter or bulk call with A’s ids yields nothing of A', async () => {
      const snaps = await gql(
        B,
        `query($id: ID!) { snapshots(instanceId: $id) { nodes { id: barrackId } } }`,
        {
          id: aIds.instances[0]!,
        },
      );
      expect(snaps.body.errors?.[0]?.extensions?.code ?? 'EMPTY').toMatch(/^(EMPTY|NOT_FOUND)$/);
      expect(snaps.body.data?.snapshots?.nodes ?? []).toEqual([]);
      const vols = await gql(B, `query($id: ID!) { volumes(attachedTo: $id) { nodes { id: barrackId } } }`, {
        id: aIds.instances[0]!,
      });
      expect(vols.body.data?.volumes?.nodes ?? []).toEqual([]);
      const rel = await gql(
        B,
        `query($ids: [ID!]!) { snapshotImageRelationships(snapshotIds: $ids) { snapshotId hasImage } }`,
        {
          ids: [aIds.snapshots[0]!, bSnap],
        },
      );
      const code = rel.body.errors?.[0]?.extensions?.code;
      if (code === undefined) {
        const rows = rel.body.data!.snapshotImageRelationships as { snapshotId: string; hasImage: boolean }[];
        expect(rows.find((x) => x.snapshotId === aIds.snapshots[0])?.hasImage ?? false).toBe(false);
      } else {
        expect(code).toBe('NOT_FOUND');
      }
      const bulk = await ok(
        B,
        `mutation($ids: [ID!]!) { deleteScripts(input: { ids: $ids }) { deletedScriptIds failed { id: scriptId reason } } }`,
        { ids: [aIds.scripts[0]!, NEVER_ISSUED.C] },
      );
      expect(bulk.deleteScripts.deletedScriptIds).toEqual([]);
      const reasons = bulk.deleteScripts.failed as { id: string; reason: string }[];
      expect(reasons.map((f) => f.id).sort()).toEqual([aIds.scripts[0]!, NEVER_ISSUED.C].sort());
      expect(reasons[0]!.reason).toBe(reasons[1]!.reason);
      const eligible = await ok(
        B,
        `{ snapshotEligibleInstances { instanceId } firewallAvailableInstances { instanceId } }`,
      );
      for (const row of [...eligible.snapshotEligibleInstances, ...eligible.firewallAvailableInstances]) {
        expect(created.B.instances).toContain(row.instanceId);
      }
    });

    it('A’s resources are unchanged afterwards (seen by the simulator and by A)', async () => {
      expect(durableView(state(A))).toEqual(before);
      const d = await ok(
        A,
        `{ instances(first: 10) { nodes { ${INSTANCE_TREE} } } scripts(first: 10) { nodes { id: barrackId content } } }`,
      );
      expect(idsOf(d.instances.nodes)).toEqual(before.instances.map((i) => i.id));
      for (const vm of d.instances.nodes) {
        const was = before.instances.find((i) => i.id === vm.id);
        expect(vm.status).toBe(was?.status);
      }
      for (const s of d.scripts.nodes) {
        expect(s.content).toBe(before.scripts.find((x) => x.id === s.id)?.content);
      }
      // Nothing B tried was created in B's account either.
      const b = state(B);
      expect(b.instances.map((i) => i.name)).not.toContain('stolen-vm');
      expect(b.volumes.map((v) => v.name)).not.toContain('stolen');
      expect(b.snapshots.map((s) => s.name)).not.toContain('stolen');
    });
  });

  describe('afterwards, over everything sent', () => {
    it('the gateway kept each client request id (echoed in the response header)', () => {
      expect(sent.length).toBeGreaterThan(100);
      const mismatched = sent.filter((s) => s.echoedRequestId !== s.requestId).map((s) => s.requestId);
      expect(mismatched).toEqual([]);
    });

    it('every upstream call carried the credential of the tenant whose request caused it', () => {
      const log = gw.sim.admin.requestLog();
      expect(log.length).toBeGreaterThan(100);
      const untraceable = log.filter((e) => e.requestId === null || !expectedCredential.has(e.requestId));
      // Forwarding really happens: calls are traceable to our own request ids.
      expect(untraceable.map((e) => `${e.operationId} ${e.requestId} ${e.credential}`)).toEqual([]);
      const wrong = log
        .filter((e) => e.requestId !== null && expectedCredential.get(e.requestId) !== e.credential)
        .map((e) => `${e.operationId} ${e.requestId}: ${e.credential}`);
      expect(wrong).toEqual([]);
      const byTenant = (k: string) => log.filter((e) => e.credential === k).length;
      expect(byTenant(SIM_DEMO_KEY)).toBeGreaterThan(20);
      expect(byTenant(SIM_OTHER_KEY)).toBeGreaterThan(20);
      // B's guesses did reach Barrack under B's key (and were answered 404 there), not short-circuited by A's data.
      const bGuesses = log.filter((e) => e.credential === SIM_OTHER_KEY && e.status === 404);
      expect(bGuesses.length).toBeGreaterThan(20);
    });

    it('no answer carries a credential, another tenant’s identity, or an id the caller did not send', () => {
      const leaks: string[] = [];
      const accounts = { A: state(A).accountId, B: state(B).accountId };
      for (const s of sent) {
        const other = s.tenant === A ? B : A;
        const otherIds = Object.values(created[other.label]).flat();
        const forbidden = [
          SIM_DEMO_KEY,
          SIM_OTHER_KEY,
          A.apiKey,
          B.apiKey,
          other.tenantId,
          accounts[other.label],
        ];
        for (const f of forbidden) if (s.text.includes(f)) leaks.push(`${s.requestId}: contains ${f}`);
        for (const id of otherIds) {
          if (mentions(s.text, id) && !mentions(s.sentText, id)) leaks.push(`${s.requestId}: mentions ${id}`);
        }
        if (s.status >= 500) leaks.push(`${s.requestId}: HTTP ${s.status}`);
        if (/FORBIDDEN/.test(s.text)) leaks.push(`${s.requestId}: FORBIDDEN`);
      }
      expect(leaks).toEqual([]);
    });
  });
});
