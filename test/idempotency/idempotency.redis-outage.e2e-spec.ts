import { PrivateRedis } from '../helpers/redis';
import { SIM_DEMO_KEY, startTestGateway, type TestGateway } from '../helpers/gateway';

/* With its store gone, an idempotent mutation fails closed: it is not run at all, so it cannot run twice. */

const CREATE = `mutation Create($input: CreateInstanceInput!) {
  createInstance(input: $input) { instance { id: barrackId } }
}`;

describe('idempotency store outage', () => {
  let redis: PrivateRedis;
  let gw: TestGateway;

  beforeAll(async () => {
    redis = await PrivateRedis.create();
    gw = await startTestGateway({ simulator: { seed: 'demo' }, env: { REDIS_URL: redis.url } });
  });

  afterAll(async () => {
    await gw?.close();
    await redis?.stop();
  });

  it('refuses a keyed mutation with UPSTREAM_UNAVAILABLE and never calls Barrack', async () => {
    await redis.stop();
    const r = await gw.gql(
      CREATE,
      {
        input: {
          name: 'outage-vm',
          gpuModel: 'A100_PCIE_80GB',
          gpuCount: 1,
          region: 'CANADA_1',
          imageName: 'Ubuntu Server 22.04 LTS R535 CUDA 12.2',
          sshKeyName: 'demo-key',
        },
      },
      { headers: { 'Idempotency-Key': 'outage-1' } },
    );
    expect(r.body.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: 'IDEMPOTENCY_STORE_UNAVAILABLE',
    });
    expect(r.body.errors?.[0]?.message).toMatch(/not run/);
    expect(gw.sim.admin.requestLog().filter((e) => e.operationId === 'createInstance')).toHaveLength(0);
    expect(gw.sim.admin.getAccountState(SIM_DEMO_KEY).instances.some((i) => i.name === 'outage-vm')).toBe(
      false,
    );
  });
});
