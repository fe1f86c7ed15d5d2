import { demoPublicKey } from '../../simulator/sim-seed';
import { IdempotencyReconcilers } from '../../src/idempotency/reconcilers';
import { SimTestClient } from '../simulator/sim-test-client';
import { SIM_OTHER_KEY, SIM_DEMO_KEY, startTestGateway, waitFor, type TestGateway } from '../helpers/gateway';

/*
 * Idempotency keys end to end: the real gateway over HTTP, the simulator as Barrack (its account state and
 * request log say what Barrack really did), the shared test Redis.
 */

const CREATE = `mutation Create($input: CreateInstanceInput!) {
  createInstance(input: $input) {
    instance { id: barrackId name status gpuModel region createdAt }
    requestId
    userErrors { code message field }
  }
}`;

interface CreateData {
  createInstance: {
    instance: { id: string; name: string; createdAt: string };
    requestId: string | null;
    userErrors: { code: string; message: string; field: string[] | null }[];
  } | null;
}

let seq = 0;
function vmInput(name: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    gpuModel: 'A100_PCIE_80GB',
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
  return gw.sim.admin
    .requestLog()
    .filter((e) => e.operationId === 'createInstance' && e.credential === credential).length;
}

describe('idempotent createInstance (real Redis, simulator)', () => {
  let gw: TestGateway;
  /** A second gateway on the same simulator, Redis prefix of its own, with a Barrack timeout shorter than the fault. */
  let gwShort: TestGateway;

  beforeAll(async () => {
    // A generous Redis timeout: this machine is shared with other suites, and a slow claim fails closed by design.
    gw = await startTestGateway({ simulator: { seed: 'demo' }, env: { REDIS_COMMAND_TIMEOUT_MS: '2000' } });
    gwShort = await startTestGateway({
      simulator: { seed: 'demo' },
      env: { BARRACK_TIMEOUT_MS: '400', BARRACK_HEADERS_TIMEOUT_MS: '400', REDIS_COMMAND_TIMEOUT_MS: '2000' },
    });
    // The other account needs an SSH key of the same name to deploy; set up on the Barrack side directly.
    const other = new SimTestClient(gw.sim.url, SIM_OTHER_KEY);
    const r = await other.op('createSshKey', {
      body: { name: 'demo-key', public_key: demoPublicKey('other@e2e') },
    });
    expect(r.status).toBeLessThan(300);
  });

  afterAll(async () => {
    await gw?.close();
    await gwShort?.close();
  });

  it('has a reconciler for every create the features register (the idempotency module imports none of them)', () => {
    expect(gw.app.get(IdempotencyReconcilers).operations()).toEqual([
      'cloneVolume',
      'createImageFromSnapshot',
      'createInstance',
      'createSnapshot',
      'createVolume',
      'restoreSnapshot',
    ]);
  });

  it('20 concurrent calls with one key create exactly one VM and get 20 identical answers', async () => {
    const name = uniqueName('burst');
    const before = createCalls(gw);
    const key = `burst-${name}`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        gw.gql<CreateData>(CREATE, { input: vmInput(name) }, { headers: { 'Idempotency-Key': key } }),
      ),
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

  it('a retry after a gateway-side timeout creates nothing new', async () => {
    const name = uniqueName('timeout');
    const key = `timeout-${name}`;
    const before = createCalls(gwShort);
    // Barrack applies the create, but only after the gateway (BARRACK_TIMEOUT_MS) has given up on it.
    gwShort.sim.admin.setFault('createInstance', { latencyMs: 1500 });
    try {
      const first = await gwShort.gql<CreateData>(
        CREATE,
        { input: vmInput(name) },
        { headers: { 'Idempotency-Key': key } },
      );
      const code = first.body.errors?.[0]?.extensions?.code;
      if (code !== undefined) {
        expect(code).toBe('OUTCOME_UNKNOWN');
        expect(first.body.errors?.[0]?.extensions).toMatchObject({
          idempotencyKey: key,
          operation: 'createInstance',
        });
        expect(first.body.errors?.[0]?.message).toMatch(/may or may not have been applied/);
      } else {
        expect(first.body.data?.createInstance?.instance.name).toBe(name);
      }
      await waitFor('the late create to land in the simulator', () =>
        Promise.resolve(vmsNamed(gwShort, SIM_DEMO_KEY, name) === 1 ? true : undefined),
      );
    } finally {
      gwShort.sim.admin.clearFaults();
    }
    const retry = await gwShort.gql<CreateData>(
      CREATE,
      { input: vmInput(name) },
      { headers: { 'Idempotency-Key': key } },
    );
    expect(retry.body.errors).toBeUndefined();
    expect(retry.body.data?.createInstance?.instance.name).toBe(name);
    expect(retry.body.data?.createInstance?.requestId).toBeNull();
    expect(retry.body.extensions?.idempotency).toMatchObject({ key, reconciled: true });
    // And once more: now a plain replay of the reconciled result.
    const again = await gwShort.gql<CreateData>(
      CREATE,
      { input: vmInput(name) },
      { headers: { 'Idempotency-Key': key } },
    );
    expect(again.body.data).toEqual(retry.body.data);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(vmsNamed(gwShort, SIM_DEMO_KEY, name)).toBe(1);
    expect(createCalls(gwShort) - before).toBe(1);
  });

  it('rejects the same key with a different input, and runs nothing', async () => {
    const name = uniqueName('reuse');
    const key = `reuse-${name}`;
    const ok = await gw.gql<CreateData>(
      CREATE,
      { input: vmInput(name) },
      { headers: { 'Idempotency-Key': key } },
    );
    expect(ok.body.errors).toBeUndefined();
    const before = createCalls(gw);
    const reused = await gw.gql<CreateData>(CREATE, { input: vmInput(`${name}-b`, { idempotencyKey: key }) });
    expect(reused.body.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(createCalls(gw)).toBe(before);
    expect(vmsNamed(gw, SIM_DEMO_KEY, `${name}-b`)).toBe(0);
  });

  it('refuses a header and an input key that differ', async () => {
    const r = await gw.gql<CreateData>(
      CREATE,
      { input: vmInput(uniqueName('differ'), { idempotencyKey: 'a' }) },
      {
        headers: { 'Idempotency-Key': 'b' },
      },
    );
    // An input problem: answered as a userError (refusals of a mutation are data).
    expect(r.body.data?.createInstance?.userErrors[0]?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps the keys of two tenants apart', async () => {
    const name = uniqueName('tenants');
    const key = `shared-${name}`;
    const demo = await gw.gql<CreateData>(
      CREATE,
      { input: vmInput(name) },
      { headers: { 'Idempotency-Key': key } },
    );
    const other = await gw.gql<CreateData>(
      CREATE,
      { input: vmInput(name) },
      {
        apiKey: gw.keys.other,
        headers: { 'Idempotency-Key': key },
      },
    );
    expect(demo.body.errors).toBeUndefined();
    expect(other.body.errors).toBeUndefined();
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(other.body.data?.createInstance?.instance.id).not.toBe(
      demo.body.data?.createInstance?.instance.id,
    );
    expect(vmsNamed(gw, SIM_DEMO_KEY, name)).toBe(1);
    expect(vmsNamed(gw, SIM_OTHER_KEY, name)).toBe(1);
  });

  it('replays a deterministic failure without calling Barrack again', async () => {
    const key = `taken-${uniqueName('taken')}`;
    // demo-vm is seeded: Barrack refuses the name, which no retry can change.
    const input = vmInput('demo-vm');
    const first = await gw.gql<CreateData>(CREATE, { input }, { headers: { 'Idempotency-Key': key } });
    // Barrack's refusal comes back as a userError; the replay carries the same one.
    const refusal = first.body.data?.createInstance?.userErrors;
    expect(refusal?.map((e) => e.code)).toEqual(['NAME_TAKEN']);
    const before = createCalls(gw);
    const second = await gw.gql<CreateData>(CREATE, { input }, { headers: { 'Idempotency-Key': key } });
    expect(second.body.data?.createInstance?.userErrors).toEqual(refusal);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(createCalls(gw)).toBe(before);
  });
});
