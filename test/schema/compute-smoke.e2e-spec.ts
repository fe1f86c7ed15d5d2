import { startTestGateway, type TestGateway } from '../helpers/gateway';

describe('compute schema smoke', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw.close();
  });

  it('lists the seeded instance with its edges', async () => {
    const r = await gw.gql(`{ instances { items { id name status region gpuModel billing { hourlyRate currency accruedCost } securityRules { id protocol } snapshots { id name image { id } instance { id } } volumes { id name attachedTo { id } } } pageInfo { totalCount } } }`);
    console.log(JSON.stringify(r.body, null, 1));
    expect(r.body.errors).toBeUndefined();
  });
});
