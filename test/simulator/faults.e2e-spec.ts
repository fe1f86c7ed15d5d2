import { startSimulator, type RunningSimulator } from '../../simulator/simulator';
import { SimTestClient } from './sim-test-client';

/* Fault injection (latency, forced status, seeded error rate, hang) and the request log, over real HTTP. */

describe('simulator faults and request log', () => {
  let sim: RunningSimulator;
  let c: SimTestClient;
  beforeAll(async () => {
    sim = await startSimulator({ accounts: [{ apiKey: 'f1' }, { apiKey: 'f2' }] });
    c = new SimTestClient(sim.url, 'f1');
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.admin.clearFaults();
    sim.admin.resetLog();
  });

  it('forces a status on one operation only, with a contract-valid error body', async () => {
    sim.admin.setFault('listRegions', { status: 503 });
    const r = await c.expect('listRegions', 503);
    expect(r.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(r.headers.get('retry-after')).toBe('1');
    await c.expect('getBalance', 200);
    sim.admin.setFault('GET /instances/{instance_id}/', { status: 500 });
    expect(
      (await c.expect('getInstance', 500, { params: { instance_id: 'BRK-100001D' } })).body.error.code,
    ).toBe('INTERNAL');
  });

  it('injects errors at a seeded rate, reproducibly', async () => {
    const run = async () => {
      sim.admin.setFault('getBalance', { errorRate: 0.5, status: 503, seed: 7 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await c.op('getBalance')).status);
      return statuses;
    };
    const first = await run();
    const second = await run();
    expect(first).toEqual(second);
    const failed = first.filter((s) => s !== 200).length;
    expect(failed).toBeGreaterThan(3);
    expect(failed).toBeLessThan(17);
  });

  it('changes the latency added to every route at run time (PUT /__sim/latency), refusing a bad value', async () => {
    const put = (body: unknown) =>
      fetch(`${sim.origin}/__sim/latency`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const before = sim.admin.latencyMs();
    try {
      const r = await put({ ms: 1000 });
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({ ms: 1000 });
      expect(await (await fetch(`${sim.origin}/__sim/latency`)).json()).toEqual({ ms: 1000 });
      const bad = await put({ ms: -1 });
      expect(bad.status).toBe(400);
      expect(sim.admin.latencyMs()).toBe(1000);
    } finally {
      sim.admin.setLatency(before);
    }
    expect(sim.admin.latencyMs()).toBe(before);
  });

  it('adds latency (observed as the request still pending while the response is delayed)', async () => {
    sim.admin.setFault('listRegions', { latencyMs: 1000 });
    const controller = new AbortController();
    const pending = fetch(`${sim.url}/regions/`, {
      headers: { authorization: 'Bearer f1' },
      signal: controller.signal,
    });
    const raced = await Promise.race([
      pending.then(() => 'answered'),
      new Promise((r) => setTimeout(() => r('waiting'), 50)),
    ]);
    expect(raced).toBe('waiting');
    expect((await pending).status).toBe(200);
    expect(sim.admin.requestLog().map((e) => e.operationId)).toEqual(['listRegions']);
  });

  it('hangs until the client gives up, and logs the hung request with status 0', async () => {
    sim.admin.setFault('/regions/', { hang: true });
    await expect(
      fetch(`${sim.url}/regions/`, {
        headers: { authorization: 'Bearer f1' },
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    expect(sim.admin.requestLog()).toMatchObject([
      { operationId: 'listRegions', status: 0, credential: 'f1' },
    ]);
    sim.admin.clearFaults();
    await c.expect('listRegions', 200);
  });

  it('counts requests per operation and per credential, with the caller request id', async () => {
    await c.op('listRegions', { headers: { 'x-request-id': 'gw-1' } });
    await c.op('listRegions', { key: 'f2' });
    await c.op('getBalance', { key: 'f2' });
    await c.op('getBalance', { key: null });
    const counters = sim.admin.counters();
    expect(counters.byOperation).toEqual({ listRegions: 2, getBalance: 2 });
    expect(counters.byCredential).toEqual({ f1: 1, f2: 2 });
    expect(counters.byCredentialOperation).toEqual({
      f1: { listRegions: 1 },
      f2: { listRegions: 1, getBalance: 1 },
    });
    const log = sim.admin.requestLog();
    expect(log[0]).toMatchObject({
      operationId: 'listRegions',
      method: 'GET',
      path: '/api/regions/',
      requestId: 'gw-1',
      status: 200,
    });
    expect(log[3]).toMatchObject({ credential: null, status: 401 });
  });

  it('serves the same controls over HTTP at /__sim without a Barrack key', async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${sim.origin}${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
    expect(
      (await post('/__sim/accounts', { apiKey: 'http-made', currency: 'INR', balance: 500 })).status,
    ).toBe(201);
    const http = new SimTestClient(sim.url, 'http-made');
    expect((await http.expect('getBalance', 200)).body.data).toMatchObject({ balance: 500, currency: 'INR' });
    expect((await post('/__sim/faults', { target: 'getBalance', status: 429 })).status).toBe(200);
    await http.expect('getBalance', 429);
    expect((await post('/__sim/faults', { target: 'noSuchOperation', status: 500 })).status).toBe(400);
    await fetch(`${sim.origin}/__sim/faults`, { method: 'DELETE' });
    await post('/__sim/clock/advance', { ms: 1000 });
    const log = (await (await fetch(`${sim.origin}/__sim/requests`)).json()) as {
      counters: { byCredential: Record<string, number> };
    };
    expect(log.counters.byCredential['http-made']).toBe(2);
    const state = (await (await fetch(`${sim.origin}/__sim/accounts/state?api_key=http-made`)).json()) as {
      currency: string;
    };
    expect(state.currency).toBe('INR');
  });
});
