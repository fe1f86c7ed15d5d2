import { SIM_DEMO_KEY, startTestGateway, type TestGateway } from '../helpers/gateway';

/*
 * Expected refusals of a mutation are data: the payload's userErrors, with the GraphQL path of the field at fault
 * and the facts to act on. Bad input is refused by the gateway before Barrack is called, all problems at once.
 */

const USER_ERRORS = `userErrors { code message field currentState allowedFrom alternatives balance required name limit }`;
const CREATE = `mutation($input: CreateInstanceInput!) {
  createInstance(input: $input) { instance { id: barrackId } requestId ${USER_ERRORS} }
}`;
interface UserErrorOut {
  code: string;
  message: string;
  field: string[] | null;
  [fact: string]: unknown;
}
type Payload = { userErrors: UserErrorOut[]; requestId: string | null; [k: string]: unknown };
const base = {
  name: 'err-vm',
  gpuModel: 'A100_PCIE_80GB',
  gpuCount: 1,
  region: 'CANADA_1',
  imageName: 'Ubuntu Server 22.04 LTS R535 CUDA 12.2',
  sshKeyName: 'demo-key',
};

describe('compute expected failures', () => {
  let gw: TestGateway;
  let demoVmId: string;
  const upstreamCalls = () => gw.sim.admin.requestLog().filter((e) => e.credential === SIM_DEMO_KEY).length;
  const firstError = (r: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) =>
    r.body.errors?.[0]?.extensions ?? {};
  /** The payload of the (only) mutation field of a response; fails on any top-level error. */
  const payloadOf = (r: { body: { data?: unknown; errors?: unknown[] } }): Payload => {
    expect(r.body.errors).toBeUndefined();
    const data = r.body.data as Record<string, Payload>;
    return Object.values(data)[0]!;
  };

  beforeAll(async () => {
    gw = await startTestGateway();
    const r = await gw.gql<{ instances: { nodes: { id: string; name: string }[] } }>(
      `{ instances { nodes { id: barrackId name } } }`,
    );
    demoVmId = r.body.data!.instances.nodes.find((i) => i.name === 'demo-vm')!.id;
  }, 120_000);
  afterAll(async () => {
    await gw?.close();
  });

  it.each([
    ['a name over 50 characters', { name: 'x'.repeat(51) }, 'name'],
    ['an empty name', { name: '' }, 'name'],
    ['a name with a slash', { name: 'a/b' }, 'name'],
    ['a GPU count Barrack does not sell', { gpuCount: 3 }, 'gpuCount'],
    ['two boot sources', { volumeName: 'boot-vol' }, 'volumeName'],
    [
      'a bad CIDR in a rule',
      {
        securityRules: [
          {
            direction: 'INGRESS',
            protocol: 'TCP',
            remoteIpPrefix: '999.0.0.0/0',
            portRangeMin: 22,
            portRangeMax: 22,
          },
        ],
      },
      'remoteIpPrefix',
    ],
    [
      'ports on an ICMP rule',
      {
        securityRules: [
          {
            direction: 'INGRESS',
            protocol: 'ICMP',
            remoteIpPrefix: '0.0.0.0/0',
            portRangeMin: 1,
            portRangeMax: 2,
          },
        ],
      },
      'portRangeMin',
    ],
  ])('answers %s as a BAD_USER_INPUT userError without calling Barrack', async (_what, patch, field) => {
    gw.sim.admin.resetLog();
    const r = await gw.gql(CREATE, { input: { ...base, ...patch } });
    const p = payloadOf(r);
    expect(p.instance).toBeNull();
    expect(p.userErrors).toHaveLength(1);
    expect(p.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(p.userErrors[0]!.field!.at(-1)).toBe(field);
    expect(p.userErrors[0]!.field![0]).toBe('input');
    expect(upstreamCalls()).toBe(0);
  });

  it('reports every invalid field of one input together, with GraphQL paths, and calls Barrack zero times', async () => {
    gw.sim.admin.resetLog();
    const r = await gw.gql(CREATE, {
      input: {
        ...base,
        name: 'a/b',
        gpuCount: 3,
        volumeName: 'boot-vol',
        startupScriptId: Buffer.from('Instance:BRK-1D').toString('base64url'),
        securityRules: [
          {
            direction: 'INGRESS',
            protocol: 'TCP',
            remoteIpPrefix: '0.0.0.0/0',
            portRangeMin: 22,
            portRangeMax: 22,
          },
          { direction: 'INGRESS', protocol: 'ICMP', remoteIpPrefix: '999.0.0.0/0', portRangeMin: 1 },
        ],
      },
    });
    const p = payloadOf(r);
    expect(p.userErrors.map((e) => e.field!.join('.'))).toEqual([
      'input.name',
      'input.gpuCount',
      'input.volumeName',
      'input.startupScriptId',
      'input.securityRules.1.remoteIpPrefix',
      'input.securityRules.1.portRangeMin',
    ]);
    expect(p.userErrors.every((e) => e.code === 'BAD_USER_INPUT' && e.message.length > 0)).toBe(true);
    expect(upstreamCalls()).toBe(0);
  });

  it('refuses UNKNOWN as an input enum value (input enums have no UNKNOWN)', async () => {
    gw.sim.admin.resetLog();
    const r = await gw.gql(CREATE, { input: { ...base, gpuModel: 'UNKNOWN' } });
    expect(firstError(r).code).toBe('BAD_USER_INPUT');
    expect(upstreamCalls()).toBe(0);
  });

  it('answers bad names, sizes and ids on other compute mutations as userErrors before any upstream call', async () => {
    gw.sim.admin.resetLog();
    const cases: [string, string][] = [
      [
        `mutation { restoreSnapshot(input: { id: "BRK-100005S", newVmName: "${'y'.repeat(51)}" }) { requestId ${USER_ERRORS} } }`,
        'input.newVmName',
      ],
      [
        `mutation { createVolume(input: { name: "v", region: CANADA_1, sizeGb: 5 }) { requestId ${USER_ERRORS} } }`,
        'input.sizeGb',
      ],
      [
        `mutation { resizeVolume(input: { id: "BRK-100004V", sizeGb: 5000 }) { requestId ${USER_ERRORS} } }`,
        'input.sizeGb',
      ],
      [
        `mutation { attachVolumes(input: { instanceId: "BRK-100003D", volumeIds: [] }) { requestId ${USER_ERRORS} } }`,
        'input.volumeIds',
      ],
      [
        `mutation { createSnapshot(input: { instanceId: "BRK-100003D", name: "" }) { requestId ${USER_ERRORS} } }`,
        'input.name',
      ],
      [`mutation { startInstance(input: { id: "../balance" }) { requestId ${USER_ERRORS} } }`, 'input.id'],
      [`mutation($id: ID!) { stopInstance(input: { id: $id }) { requestId ${USER_ERRORS} } }`, 'input.id'],
    ];
    const volumeId = Buffer.from('Volume:BRK-100004V').toString('base64url');
    for (const [query, field] of cases) {
      const r = await gw.gql(query, { id: volumeId });
      const p = payloadOf(r);
      expect({ query, errors: p.userErrors.map((e) => [e.code, e.field?.join('.')]) }).toEqual({
        query,
        errors: [['BAD_USER_INPUT', field]],
      });
    }
    const q = await gw.gql(`query { instances(first: 500) { nodes { id } } }`);
    expect(firstError(q).code).toBe('BAD_USER_INPUT');
    expect(upstreamCalls()).toBe(0);
  });

  it('null (no error) for an unknown instance, and the same for another tenant’s instance', async () => {
    const r = await gw.gql(`{ instance(id: "BRK-999999D") { id: barrackId } }`);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toEqual({ instance: null });
    const other = await gw.gql(
      `query($id: ID!) { instance(id: $id) { id: barrackId } }`,
      { id: demoVmId },
      { apiKey: gw.keys.other },
    );
    expect(other.body.errors).toBeUndefined();
    expect(other.body.data).toEqual({ instance: null });
  });

  it('INVALID_STATE with currentState and allowedFrom', async () => {
    const r = await gw.gql(
      `mutation($id: ID!) { startInstance(input: { id: $id }) { status instance { id } requestId ${USER_ERRORS} } }`,
      { id: demoVmId },
    );
    const p = payloadOf(r);
    expect(p.status).toBeNull();
    expect(p.instance).toBeNull();
    expect(p.userErrors).toEqual([
      expect.objectContaining({
        code: 'INVALID_STATE',
        field: ['input', 'id'],
        currentState: 'ACTIVE',
        allowedFrom: ['SHUTOFF'],
      }),
    ]);
    // Barrack's request id of the refusal, for support.
    expect(p.requestId).toEqual(expect.any(String));
  });

  it('NAME_TAKEN for a name already used in the account', async () => {
    const r = await gw.gql(CREATE, { input: { ...base, name: 'demo-vm' } });
    expect(payloadOf(r).userErrors).toEqual([
      expect.objectContaining({ code: 'NAME_TAKEN', field: ['input', 'name'], name: 'demo-vm' }),
    ]);
  });

  it('OUT_OF_STOCK with the regions that still have the GPU', async () => {
    gw.sim.admin.setStock('CANADA-1', 'H100-SXM5-80GB', 0);
    gw.sim.admin.setStock('NORWAY-1', 'H100-SXM5-80GB', 64);
    const r = await gw.gql(CREATE, {
      input: { ...base, name: 'err-h100', gpuModel: 'H100_SXM5_80GB', gpuCount: 8 },
    });
    const [err] = payloadOf(r).userErrors;
    expect(err).toMatchObject({ code: 'OUT_OF_STOCK' });
    // RegionCode values, which a client can send back as `region`.
    expect(err!.alternatives).toEqual(expect.arrayContaining(['NORWAY_1']));
    expect(err!.alternatives).not.toContain('CANADA_1');
  });

  it('INSUFFICIENT_CREDITS with balance and required (last: drains the account)', async () => {
    // The seeded demo VM bills 1.55/h on the simulated clock: 200 hours exhaust the 100 credits.
    gw.sim.admin.advanceClock(200 * 60 * 60 * 1000);
    const r = await gw.gql(CREATE, { input: { ...base, name: 'err-poor' } });
    const [err] = payloadOf(r).userErrors;
    expect(err).toMatchObject({ code: 'INSUFFICIENT_CREDITS', required: '1.55' });
    expect(Number(err!.balance)).toBeLessThan(Number(err!.required));
  });
});
