import { SIM_DEMO_KEY, startTestGateway, type TestGateway } from '../helpers/gateway';

/*
 * Expected failures a user can act on come back as typed errors with the facts to act on; bad input is
 * refused by the gateway before Barrack is called.
 */

const CREATE = `mutation($input: CreateInstanceInput!) { createInstance(input: $input) { instance { id } } }`;
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

  beforeAll(async () => {
    gw = await startTestGateway();
    const r = await gw.gql<{ instances: { items: { id: string; name: string }[] } }>(
      `{ instances { items { id name } } }`,
    );
    demoVmId = r.body.data!.instances.items.find((i) => i.name === 'demo-vm')!.id;
  }, 120_000);
  afterAll(async () => {
    await gw?.close();
  });

  it.each([
    ['a name over 50 characters', { name: 'x'.repeat(51) }, 'name'],
    ['an empty name', { name: '' }, 'name'],
    ['a name with a slash', { name: 'a/b' }, 'name'],
    ['a GPU count Barrack does not sell', { gpuCount: 3 }, 'gpuCount'],
    ['two boot sources', { volumeName: 'boot-vol' }, 'imageName'],
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
  ])('refuses %s as BAD_USER_INPUT without calling Barrack', async (_what, patch, field) => {
    gw.sim.admin.resetLog();
    const r = await gw.gql(CREATE, { input: { ...base, ...patch } });
    expect(firstError(r)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(r.status).toBe(400);
    expect(upstreamCalls()).toBe(0);
  });

  it('refuses bad names, sizes and ids on other compute mutations before any upstream call', async () => {
    gw.sim.admin.resetLog();
    const cases: [string, Record<string, unknown>][] = [
      [
        `mutation($id: ID!) { restoreSnapshot(id: $id, input: { newVmName: "${'y'.repeat(51)}" }) { requestId } }`,
        { id: 'BRK-100005S' },
      ],
      [`mutation { createVolume(input: { name: "v", region: CANADA_1, sizeGb: 5 }) { requestId } }`, {}],
      [`mutation { resizeVolume(input: { id: "BRK-100004V", sizeGb: 5000 }) { requestId } }`, {}],
      [`mutation { attachVolumes(input: { instanceId: "BRK-100003D", volumeIds: [] }) { requestId } }`, {}],
      [`mutation { createSnapshot(input: { instanceId: "BRK-100003D", name: "" }) { requestId } }`, {}],
      [`query { instance(id: "../balance") { id } }`, {}],
      [`query { instances(pageSize: 500) { items { id } } }`, {}],
    ];
    for (const [query, variables] of cases) {
      const r = await gw.gql(query, variables);
      expect({ query, code: firstError(r).code }).toEqual({ query, code: 'BAD_USER_INPUT' });
    }
    expect(upstreamCalls()).toBe(0);
  });

  it('NOT_FOUND for an unknown instance, and for another tenant’s instance', async () => {
    const r = await gw.gql(`{ instance(id: "BRK-999999D") { id } }`);
    expect(firstError(r).code).toBe('NOT_FOUND');
    const other = await gw.gql(
      `query($id: ID!) { instance(id: $id) { id } }`,
      { id: demoVmId },
      { apiKey: gw.keys.other },
    );
    expect(firstError(other).code).toBe('NOT_FOUND');
  });

  it('INVALID_STATE with currentState and allowedFrom', async () => {
    const r = await gw.gql(`mutation($id: ID!) { startInstance(input: { id: $id }) { status } }`, {
      id: demoVmId,
    });
    expect(firstError(r)).toMatchObject({
      code: 'INVALID_STATE',
      currentState: 'ACTIVE',
      allowedFrom: ['SHUTOFF'],
    });
    expect(r.body.errors?.[0]?.extensions?.upstreamRequestId).toEqual(expect.any(String));
  });

  it('NAME_TAKEN for a name already used in the account', async () => {
    const r = await gw.gql(CREATE, { input: { ...base, name: 'demo-vm' } });
    expect(firstError(r)).toMatchObject({ code: 'NAME_TAKEN', field: 'name' });
  });

  it('OUT_OF_STOCK with the regions that still have the GPU', async () => {
    gw.sim.admin.setStock('CANADA-1', 'H100-SXM5-80GB', 0);
    gw.sim.admin.setStock('NORWAY-1', 'H100-SXM5-80GB', 64);
    const r = await gw.gql(CREATE, {
      input: { ...base, name: 'err-h100', gpuModel: 'H100_SXM5_80GB', gpuCount: 8 },
    });
    const ext = firstError(r);
    expect(ext.code).toBe('OUT_OF_STOCK');
    expect(ext.alternatives).toEqual(expect.arrayContaining(['NORWAY-1']));
  });

  it('INSUFFICIENT_CREDITS with balance and required (last: drains the account)', async () => {
    // The seeded demo VM bills 1.55/h on the simulated clock: 200 hours exhaust the 100 credits.
    gw.sim.admin.advanceClock(200 * 60 * 60 * 1000);
    const r = await gw.gql(CREATE, { input: { ...base, name: 'err-poor' } });
    const ext = firstError(r);
    expect(ext.code).toBe('INSUFFICIENT_CREDITS');
    expect(typeof ext.balance).toBe('number');
    expect(ext.required).toBe(1.55);
    expect(ext.balance as number).toBeLessThan(ext.required as number);
  });
});
