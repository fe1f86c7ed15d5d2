import { startTestGateway, type TestGateway } from '../helpers/gateway';

/*
 * Cost rejection against the simulator as Barrack: a query over QUERY_MAX_COST is refused before any
 * upstream call (the simulator's request log stays empty), while a cheap query does reach Barrack.
 */
describe('query cost with the simulator (e2e)', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({ env: { QUERY_MAX_COST: '500', CACHE_ENABLED: 'false' } });
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('refuses an expensive query with QUERY_TOO_COMPLEX and no upstream call', async () => {
    gw.sim.admin.resetLog();
    const res = await gw.gql(
      '{ regions { code gpuStock { gpuModel region { code pricing { currency } } } } }',
    );
    expect(res.status).toBe(400);
    const err = res.body.errors?.[0];
    expect(err?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(err?.extensions?.limit).toBe(500);
    expect(err?.extensions?.cost).toBeGreaterThan(500);
    expect(res.body.extensions?.cost).toMatchObject({ requested: err?.extensions?.cost, limit: 500 });
    expect(gw.sim.admin.counters().total).toBe(0);
    expect(gw.sim.admin.requestLog()).toEqual([]);
  });

  it('lets a cheap query through to Barrack, with cost and rate-limit headers', async () => {
    gw.sim.admin.resetLog();
    const res = await gw.gql<{ regions: { code: string }[] }>('{ regions { code } }');
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.regions.length).toBeGreaterThan(0);
    expect(res.body.extensions?.cost).toMatchObject({ requested: 10, limit: 500 });
    expect(res.headers.get('ratelimit-policy')).toMatch(/^"requests";q=\d+;w=60, "cost";q=\d+;w=60$/);
    expect(res.headers.get('ratelimit')).toMatch(/^"requests";r=\d+;t=\d+, "cost";r=\d+;t=\d+$/);
    expect(gw.sim.admin.counters().total).toBeGreaterThan(0);
  });
});
