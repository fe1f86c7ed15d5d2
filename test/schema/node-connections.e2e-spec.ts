import { startTestGateway, type GqlResponse, type TestGateway } from '../helpers/gateway';

/*
 * Global object identification (Node, node/nodes, barrackId) and Relay connections, over HTTP against the
 * simulator: every type with an `id` implements Node, node(id) answers each kind, ids are unique (OS images per
 * region), lookups answer null beside sibling data, a foreign id is indistinguishable from a never-issued one,
 * and connections page forwards and backwards.
 */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function ok(r: GqlResponse<Data>): Data {
  if (r.body.errors?.length) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data!;
}

describe('Node interface and connections (gateway + simulator + Redis)', () => {
  let gw: TestGateway;
  const q = async (query: string, variables?: Record<string, unknown>, apiKey?: string) =>
    ok(await gw.gql<Data>(query, variables, apiKey ? { apiKey } : undefined));

  beforeAll(async () => {
    gw = await startTestGateway();
    for (const name of ['page-a', 'page-b', 'page-c', 'page-d']) {
      await q(
        `mutation($input: CreateInstanceInput!) { createInstance(input: $input) { instance { id } } }`,
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
    // The seed has one volume; a few more make the volumes connection span several pages.
    for (const name of ['page-vol-a', 'page-vol-b', 'page-vol-c']) {
      const r = await q(
        `mutation($input: CreateVolumeInput!) { createVolume(input: $input) { volume { id } userErrors { code message } } }`,
        { input: { name, region: 'NORWAY_1', sizeGb: 10 } },
      );
      expect(r.createVolume.userErrors).toEqual([]);
    }
  }, 120_000);
  afterAll(async () => {
    await gw?.close();
  });

  it('every object type with an id field implements Node (introspection)', async () => {
    const d = await q(`{ __schema { types { name kind fields { name } interfaces { name } } } }`);
    const types = d.__schema.types as {
      name: string;
      kind: string;
      fields: { name: string }[] | null;
      interfaces: { name: string }[] | null;
    }[];
    const withId = types.filter(
      (t) => t.kind === 'OBJECT' && !t.name.startsWith('__') && t.fields?.some((f) => f.name === 'id'),
    );
    expect(withId.length).toBeGreaterThanOrEqual(15);
    const notNodes = withId.filter((t) => !t.interfaces?.some((i) => i.name === 'Node')).map((t) => t.name);
    expect(notNodes).toEqual([]);
    // Every Node exposes Barrack's own id under one name (the pair views carry the ids of both sides instead;
    // a flavour is a GPU model and count, which its own fields give).
    const nodes = withId.filter(
      (t) => !['FirewallAttachment', 'InstanceFirewall', 'GpuSpec'].includes(t.name),
    );
    expect(nodes.filter((t) => !t.fields!.some((f) => f.name === 'barrackId')).map((t) => t.name)).toEqual(
      [],
    );
  });

  it('node(id) and nodes(ids) return each kind, refetched by its global id', async () => {
    // The demo world has no firewall: make one with a rule, attached to the demo instance.
    const [first] = (await q(`{ instances(first: 1) { nodes { id region } } }`)).instances.nodes;
    const fwMade = await q(
      `mutation($input: CreateFirewallInput!) { createFirewall(input: $input) { firewall { id } } }`,
      { input: { name: 'node-fw', region: first.region } },
    );
    const fwId = fwMade.createFirewall.firewall.id as string;
    await q(`mutation($input: AddFirewallRuleInput!) { addFirewallRule(input: $input) { rule { id } } }`, {
      input: { firewallId: fwId, direction: 'INGRESS', protocol: 'TCP', remoteIpPrefix: '10.0.0.0/8' },
    });
    await q(`mutation($input: AttachFirewallInput!) { attachFirewall(input: $input) { firewallId } }`, {
      input: { firewallId: fwId, instanceIds: [first.id] },
    });
    const d = await q(`{
      instances(first: 1) { nodes { id barrackId securityRules { id } } }
      snapshots(first: 1) { nodes { id } }
      volumes(first: 1) { nodes { id } }
      firewalls(first: 1, search: "node-fw") { nodes { id rules(first: 1) { nodes { id } } attachments { id } } }
      sshKeys(first: 1) { nodes { id } }
      osImages { id }
      aiModels { id }
      apiKeys { id }
      regions { id }
      gpuSpecs { id }
    }`);
    const vm = d.instances.nodes[0];
    const fw = d.firewalls.nodes[0];
    const samples: [string, string | undefined][] = [
      ['Instance', vm.id],
      ['Snapshot', d.snapshots.nodes[0]?.id],
      ['Volume', d.volumes.nodes[0]?.id],
      ['Firewall', fw?.id],
      ['FirewallRule', fw?.rules.nodes[0]?.id],
      ['FirewallAttachment', fw?.attachments[0]?.id],
      ['SshKey', d.sshKeys.nodes[0]?.id],
      ['OsImage', d.osImages[0]?.id],
      ['AiModel', d.aiModels[0]?.id],
      ['ApiKeyInfo', d.apiKeys[0]?.id],
      ['Region', d.regions[0]?.id],
      ['GpuSpec', d.gpuSpecs[0]?.id],
    ];
    const present = samples.filter((s): s is [string, string] => typeof s[1] === 'string');
    // The demo world has one of each of these.
    expect(present.map(([t]) => t)).toEqual(samples.map(([t]) => t));
    for (const [typename, id] of present) {
      const n = await q(`query($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(n.node).toEqual({ __typename: typename, id });
    }
    const many = await q(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, {
      ids: [...present.map(([, id]) => id), 'not-an-id'],
    });
    expect(many.nodes.map((n: { id: string } | null) => n?.id ?? null)).toEqual([
      ...present.map(([, id]) => id),
      null,
    ]);
    // The global id is opaque and distinct from Barrack's; both lead to the same instance.
    expect(vm.id).not.toBe(vm.barrackId);
    const byBoth = await q(
      `query($a: ID!, $b: ID!) { a: instance(id: $a) { id } b: instance(id: $b) { id } }`,
      {
        a: vm.id,
        b: vm.barrackId,
      },
    );
    expect(byBoth).toEqual({ a: { id: vm.id }, b: { id: vm.id } });
  });

  it('gives every OS image an id unique per region and image (Barrack reuses image ids across regions)', async () => {
    const d = await q(`{ osImages { id barrackId region name } }`);
    const images = d.osImages as { id: string; barrackId: string | null; region: string }[];
    expect(images.length).toBeGreaterThan(1);
    expect(new Set(images.map((i) => i.id)).size).toBe(images.length);
    const byBarrackId = new Map<string, Set<string>>();
    for (const i of images) {
      if (i.barrackId)
        byBarrackId.set(i.barrackId, (byBarrackId.get(i.barrackId) ?? new Set()).add(i.region));
    }
    // The seed has an image id shared by several regions: still one distinct global id per (region, image).
    expect([...byBarrackId.values()].some((regions) => regions.size > 1)).toBe(true);
  });

  it('answers a missing id with null beside the sibling data, and a malformed id with null and no Barrack call', async () => {
    const d = await q(
      `{ viewer { tenantId } instance(id: "BRK-999999D") { id } snapshot(id: "BRK-999999S") { id } }`,
    );
    expect(d).toEqual({ viewer: { tenantId: gw.tenantIds.demo }, instance: null, snapshot: null });
    const before = gw.sim.admin.requestLog().length;
    const bad = await q(
      `{ instance(id: "../balance") { id } volume(id: "a b") { id } node(id: "%%%") { id } }`,
    );
    expect(bad).toEqual({ instance: null, volume: null, node: null });
    expect(gw.sim.admin.requestLog().length).toBe(before);
  });

  it("answers an id Barrack refuses as malformed with null too, and never names Barrack's parameter", async () => {
    // "nope" passes the gateway's own character rules, so it reaches Barrack, which refuses it (400 on instance_id).
    const r = await gw.gql<Data>(
      `{ instance(id: "nope") { id } snapshot(id: "nope") { id } viewer { tenantId } }`,
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toEqual({ instance: null, snapshot: null, viewer: { tenantId: gw.tenantIds.demo } });
    // Where such a refusal stays an error (a filter argument), the error speaks the schema's names only.
    const filtered = await gw.gql<Data>(`{ snapshots(instanceId: "nope") { totalCount } }`);
    expect(JSON.stringify(filtered.body)).not.toMatch(/instance_id/);
  });

  it("answers another tenant's id exactly like a never-issued one", async () => {
    const mine = await q(`{ instances(first: 1) { nodes { id barrackId } } }`);
    const { id, barrackId } = mine.instances.nodes[0];
    const neverIssued = Buffer.from('Instance:BRK-999998D').toString('base64url');
    const asOther = (query: string, vars: Record<string, unknown>) =>
      gw.gql<Data>(query, vars, { apiKey: gw.keys.other });
    const query = `query($id: ID!) { node(id: $id) { id } instance(id: $id) { id } viewer { tenantId } }`;
    const foreign = await asOther(query, { id });
    const foreignRaw = await asOther(query, { id: barrackId });
    const never = await asOther(query, { id: neverIssued });
    const strip = (r: GqlResponse<Data>) => ({ status: r.status, errors: r.body.errors, data: r.body.data });
    expect(strip(foreign)).toEqual(strip(never));
    expect(strip(foreignRaw)).toEqual(strip(never));
    expect(foreign.body.data).toEqual({
      node: null,
      instance: null,
      viewer: { tenantId: gw.tenantIds.other },
    });
  });

  async function pageThrough(list: string, extra = ''): Promise<void> {
    const fields = `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } }`;
    const all = (await q(`{ ${list}(first: 100${extra}) { ${fields} } }`))[list];
    expect(all.totalCount).toBeGreaterThanOrEqual(3);
    const ids: string[] = all.edges.map((e: { node: { id: string } }) => e.node.id);

    // Forwards, two at a time.
    const forward: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const p: Data = (
        await q(`query($after: String) { ${list}(first: 2, after: $after${extra}) { ${fields} } }`, { after })
      )[list];
      forward.push(...p.edges.map((e: { node: { id: string } }) => e.node.id));
      expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(forward).toEqual(ids);

    // Backwards, two at a time, from the end.
    const backward: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < 100; i++) {
      const p: Data = (
        await q(`query($before: String) { ${list}(last: 2, before: $before${extra}) { ${fields} } }`, {
          before,
        })
      )[list];
      backward.unshift(...p.edges.map((e: { node: { id: string } }) => e.node.id));
      expect(p.pageInfo.hasNextPage).toBe(before !== null);
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect(backward).toEqual(ids);
  }

  it('pages instances forwards (first/after) and backwards (last/before) over several pages', async () => {
    await pageThrough('instances', ', orderBy: { field: NAME }');
  });

  it('pages volumes forwards and backwards too', async () => {
    await pageThrough('volumes');
  });

  it("refuses another list's cursor, first and last together, and first over 100 as BAD_USER_INPUT", async () => {
    const snap = await q(`{ snapshots(first: 1) { pageInfo { endCursor } } }`);
    const cursor = snap.snapshots.pageInfo.endCursor as string;
    const cases: [string, string][] = [
      [`query($c: String) { instances(after: $c) { totalCount } }`, 'after'],
      [`{ instances(first: 1, last: 1) { totalCount } }`, 'last'],
      [`{ instances(first: 101) { totalCount } }`, 'first'],
    ];
    for (const [query, field] of cases) {
      const r = await gw.gql(query, { c: cursor });
      expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
