import { SimTestClient } from '../simulator/sim-test-client';
import { SIM_OTHER_KEY, SIM_DEMO_KEY, startTestGateway, waitFor, type TestGateway } from '../helpers/gateway';

/*
 * Idempotency keys end to end: the real gateway over HTTP, the simulator as Barrack (its account state and
 * request log say what Barrack really did), the shared test Redis.
 */

const CREATE = `mutation Create($input: CreateInstanceInput!) {
  createInstance(input: $input) { instance { id name status gpuModel region createdAt } requestId }
}`;

interface CreateData {
  createInstance: { instance: { id: string; name: string; createdAt: string }; requestId: string | null } | null;
}

let seq = 0;
function vmInput(name: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    gpuModel: 'A100_PCIe_80GB',
    gpuCount: 1,
    region: 'CANADA_1',
    imageName: 'Ubuntu Server 22.04 LTS R535 CUDA 12.2',
    sshKeyName: 'demo-key',
    ...extra,
  };
}
const uniqueName = (label: string) => `idem-${label}-${process.pid % 1000}-${++seq}`;

function vmsNamed(gw: TestGateway, apiKey: string, name: string): number {
  return gw.sim.admin.getAccountState(apiKey).instances.filter((i) => i.name === name).length;
}

function createCalls(gw: TestGateway, credential = SIM_DEMO_KEY): number {
  return gw.sim.admin.requestLog().filter((e) => e.operationId === 'createInstance' && e.credential === credential)
    .length;
}

describe('idempotent createInstance (real Redis, simulator)', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({ simulator: { seed: 'demo' } });
    // The other account needs an SSH key of the same name to deploy; set up on the Barrack side directly.
    const other = new SimTestClient(gw.sim.url, SIM_OTHER_KEY);
    const r = await other.op('createSshKey', {
      body: { name: 'demo-key', environment_name: 'default', public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOther other@e2e' },
    });
    expect(r.status).toBeLessThan(300);
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('20 concurrent calls with one key create exactly one VM and get 20 identical answers', async () => {
    const name = uniqueName('burst');
    const before = createCalls(gw);
    const key = `burst-${name}`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => gw.gql<CreateData>(CREATE, { input: vmInput(name) }, { headers: { 'Idempotency-Key': key } })),
    );
    for (const r of responses) expect(r.body.errors).toBeUndefined();
    const first = responses[0]!.body.data;
    expect(first?.createInstance?.instance.name).toBe(name);
    for (const r of responses) expect(r.body.data).toEqual(first);
    expect(createCalls(gw) - before).toBe(1);
    expect(vmsNamed(gw, SIM_DEMO_KEY, name)).toBe(1);
    const replayed = responses.filter((r) => r.headers.get('idempotent-replayed') === 'true');
    expect(replayed.length).toBe(19);
    expect(replayed[0]!.body.extensions?.idempotency).toEqual({ key, replayed: true });
  });
});
