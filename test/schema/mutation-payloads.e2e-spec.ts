import { SIM_DEMO_KEY, startTestGateway, type GqlResponse, type TestGateway } from '../helpers/gateway';

/*
 * Mutation payloads: complete (a payload object equals a fresh read of the same fields, so a client cache never
 * holds a value a later read contradicts), refusals as userErrors with their facts and GraphQL paths, and input
 * refusals that leave no idempotency record behind.
 */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const USER_ERRORS = 'userErrors { code message field currentState allowedFrom limit name }';
const INSTANCE_FIELDS = 'id name gpuModel gpuCount region imageName sshKeyName bootSource labels createdAt';
const VOLUME_FIELDS = 'id name region sizeGb volumeType bootable description createdAt';
const vmInput = (name: string) => ({
  name,
  gpuModel: 'RTX_A6000',
  gpuCount: 1,
  region: 'NORWAY_1',
  imageName: 'Ubuntu Server 22.04 LTS R535 CUDA 12.2',
  sshKeyName: 'demo-key',
  labels: ['team-a', 'gpu'],
});

function ok(r: GqlResponse<Data>): Data {
  if (r.body.errors?.length) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data!;
}

describe('mutation payloads (gateway + simulator + Redis)', () => {
  let gw: TestGateway;
  let demoVmId: string;
  let attachedVolumeId: string;
  const q = async (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
    ok(await gw.gql<Data>(query, variables, headers ? { headers } : undefined));
  const upstreamWrites = () =>
    gw.sim.admin.requestLog().filter((e) => e.credential === SIM_DEMO_KEY && e.method !== 'GET').length;

  beforeAll(async () => {
    gw = await startTestGateway();
    const all = await q(`{ instances { nodes { id name volumes { nodes { id } } } } }`);
    const demo = all.instances.nodes.find((i: { name: string }) => i.name === 'demo-vm');
    demoVmId = demo.id;
    attachedVolumeId = demo.volumes.nodes[0].id;
  }, 120_000);
  afterAll(async () => {
    await gw?.close();
  });

  it('createInstance returns the instance as a fresh read shows it (image, SSH key, boot source, labels)', async () => {
    const created = (
      await q(
        `mutation($input: CreateInstanceInput!) {
          createInstance(input: $input) { instance { ${INSTANCE_FIELDS} } requestId ${USER_ERRORS} }
        }`,
        { input: vmInput('payload-vm') },
      )
    ).createInstance;
    expect(created.userErrors).toEqual([]);
    expect(created.requestId).toEqual(expect.any(String));
    const read = await q(`query($id: ID!) { instance(id: $id) { ${INSTANCE_FIELDS} } }`, {
      id: created.instance.id,
    });
    expect(created.instance).toEqual(read.instance);
    expect(created.instance).toMatchObject({ sshKeyName: 'demo-key', labels: ['team-a', 'gpu'] });
    expect(created.instance.imageName).toEqual(expect.any(String));
  });

  it('volume, firewall and script mutations return the object a fresh read returns', async () => {
    const cases: [string, Record<string, unknown>, string, string, string][] = [
      [
        `mutation($input: CreateVolumeInput!) { createVolume(input: $input) { volume { ${VOLUME_FIELDS} } ${USER_ERRORS} } }`,
        { input: { name: 'payload-vol', region: 'NORWAY_1', sizeGb: 50, description: 'd' } },
        'createVolume',
        'volume',
        `query($id: ID!) { volume(id: $id) { ${VOLUME_FIELDS} } }`,
      ],
      [
        `mutation($input: CreateFirewallInput!) { createFirewall(input: $input) { firewall { id name region description } ${USER_ERRORS} } }`,
        { input: { name: 'payload-fw', region: 'NORWAY_1', description: 'web' } },
        'createFirewall',
        'firewall',
        `query($id: ID!) { firewall(id: $id) { id name region description } }`,
      ],
      [
        `mutation($input: CreateScriptInput!) { createScript(input: $input) { script { id name content description } ${USER_ERRORS} } }`,
        { input: { name: 'payload-script', content: '#!/bin/sh\necho hi', description: 'greets' } },
        'createScript',
        'script',
        `query($id: ID!) { script(id: $id) { id name content description } }`,
      ],
    ];
    for (const [mutation, variables, field, objectField, read] of cases) {
      const payload = (await q(mutation, variables))[field];
      expect({ field, userErrors: payload.userErrors }).toEqual({ field, userErrors: [] });
      const fresh = await q(read, { id: payload[objectField].id });
      expect({ field, object: payload[objectField] }).toEqual({ field, object: Object.values(fresh)[0] });
    }
  });

  it('a lifecycle action returns the acted-on instance, as a fresh read shows it', async () => {
    const p = (
      await q(
        `mutation($id: ID!) { stopInstance(input: { id: $id }) { status instance { id status } ${USER_ERRORS} } }`,
        { id: demoVmId },
      )
    ).stopInstance;
    expect(p.userErrors).toEqual([]);
    const read = await q(`query($id: ID!) { instance(id: $id) { id status } }`, { id: demoVmId });
    expect(p.instance).toEqual(read.instance);
  });

  it('CONFLICT for a volume that is attached, pointing at the id', async () => {
    const p = (
      await q(
        `mutation($id: ID!) { deleteVolume(input: { id: $id }) { deletedVolumeId requestId ${USER_ERRORS} } }`,
        {
          id: attachedVolumeId,
        },
      )
    ).deleteVolume;
    expect(p.deletedVolumeId).toBeNull();
    expect(p.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'id'] })]);
    expect(p.requestId).toEqual(expect.any(String));
  });

  it('NOT_FOUND for an unknown id in a mutation is a userError on that id', async () => {
    const p = (
      await q(
        `mutation { deleteSnapshot(input: { id: "BRK-999999S" }) { deletedSnapshotId ${USER_ERRORS} } }`,
      )
    ).deleteSnapshot;
    expect(p.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'id'] })]);
  });

  it("an id Barrack refuses as malformed is a userError on that id, in the schema's names", async () => {
    const p = (await q(`mutation { startInstance(input: { id: "nope" }) { instanceId ${USER_ERRORS} } }`))
      .startInstance;
    expect(p.instanceId).toBeNull();
    expect(p.userErrors).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'id'] }),
    ]);
    expect(JSON.stringify(p)).not.toMatch(/instance_id/);
  });

  it('LIMIT_EXCEEDED with the limit (25 firewalls per account)', async () => {
    const create = (name: string) =>
      q(
        `mutation($input: CreateFirewallInput!) { createFirewall(input: $input) { firewall { id } ${USER_ERRORS} } }`,
        { input: { name, region: 'CANADA_1' } },
      );
    let refused: Data | undefined;
    for (let i = 0; i < 30 && !refused; i++) {
      const p = (await create(`limit-fw-${i}`)).createFirewall;
      if (p.userErrors.length) refused = p;
    }
    expect(refused?.firewall).toBeNull();
    expect(refused?.userErrors).toEqual([expect.objectContaining({ code: 'LIMIT_EXCEEDED', limit: 25 })]);
  });

  it('an input refusal leaves no idempotency record: the corrected retry with the same key runs', async () => {
    const key = `h7-${Date.now()}`;
    const CREATE = `mutation($input: CreateInstanceInput!) { createInstance(input: $input) { instance { name } ${USER_ERRORS} } }`;
    gw.sim.admin.resetLog();
    const bad = (
      await q(CREATE, { input: { ...vmInput('bad/name'), gpuCount: 3 } }, { 'Idempotency-Key': key })
    ).createInstance;
    expect(bad.userErrors.map((e: { field: string[] }) => e.field.join('.'))).toEqual([
      'input.name',
      'input.gpuCount',
    ]);
    expect(upstreamWrites()).toBe(0);
    const fixed = (await q(CREATE, { input: vmInput('idem-fixed') }, { 'Idempotency-Key': key }))
      .createInstance;
    expect(fixed).toEqual({ instance: { name: 'idem-fixed' }, userErrors: [] });
    expect(upstreamWrites()).toBe(1);
  });

  it('a refusal Barrack made is replayed as the same userErrors for the same key, without a new call', async () => {
    const key = `h7-taken-${Date.now()}`;
    const CREATE = `mutation($input: CreateInstanceInput!) { createInstance(input: $input) { instance { id } ${USER_ERRORS} } }`;
    const first = await gw.gql<Data>(
      CREATE,
      { input: vmInput('demo-vm') },
      { headers: { 'Idempotency-Key': key } },
    );
    const taken = ok(first).createInstance;
    expect(taken.userErrors).toEqual([
      expect.objectContaining({ code: 'NAME_TAKEN', field: ['input', 'name'], name: 'demo-vm' }),
    ]);
    gw.sim.admin.resetLog();
    const again = await gw.gql<Data>(
      CREATE,
      { input: vmInput('demo-vm') },
      { headers: { 'Idempotency-Key': key } },
    );
    expect(ok(again).createInstance).toEqual(taken);
    expect(upstreamWrites()).toBe(0);
  });
});
