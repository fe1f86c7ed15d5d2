import { SIM_DEMO_KEY, SIM_OTHER_KEY, startTestGateway, type TestGateway } from '../helpers/gateway';

/*
 * Issue 12 item 8 over HTTP, with the simulator's fault injection: one tenant's failing operation group opens
 * only its own breaker; a Barrack that fails for several tenants (or refuses connections) opens the global one,
 * and then everyone fails fast. Tenant A is the demo tenant (Barrack key sim-demo-key), B the other one.
 */

const CHAT = `mutation($input: CreateChatCompletionInput!) {
  createChatCompletion(input: $input) { completion { completionId } }
}`;
const CHAT_INPUT = {
  input: { model: 'barrack-llama-3.1-8b', messages: [{ role: 'USER', content: 'hello' }], maxTokens: 8 },
};
const INSTANCES = '{ instances { nodes { id } } }';
const VOLUMES = '{ volumes { nodes { id } } }';
const ENV = { BARRACK_RETRY_MAX: '0', BARRACK_BREAKER_THRESHOLD: '5', BARRACK_BREAKER_HALF_OPEN_MS: '60000' };

function callsBy(gw: TestGateway, key: string, operationId: string): number {
  return gw.sim.admin.requestLog().filter((e) => e.credential === key && e.operationId === operationId)
    .length;
}

function codeOf(res: Awaited<ReturnType<TestGateway['gql']>>): unknown {
  return res.body.errors?.[0]?.extensions?.code;
}

describe('breakers are scoped by tenant and operation group (issue 12 item 8)', () => {
  let gw: TestGateway;
  afterEach(async () => {
    await gw?.close();
  });

  it("tenant A's five 503s on chat do not stop B's instance read, nor A's own", async () => {
    gw = await startTestGateway({ env: ENV });
    gw.sim.admin.setFault('chatCompletion', { status: 503 });
    for (let i = 0; i < 5; i++) {
      expect(codeOf(await gw.gql(CHAT, CHAT_INPUT))).toBe('UPSTREAM_UNAVAILABLE');
    }
    expect(callsBy(gw, SIM_DEMO_KEY, 'chatCompletion')).toBe(5);
    // A's chat breaker is open: the sixth call fails fast, without reaching Barrack.
    expect(codeOf(await gw.gql(CHAT, CHAT_INPUT))).toBe('UPSTREAM_UNAVAILABLE');
    expect(callsBy(gw, SIM_DEMO_KEY, 'chatCompletion')).toBe(5);

    const b = await gw.gql<{ instances: { nodes: { id: string }[] } }>(
      INSTANCES,
      {},
      { apiKey: gw.keys.other },
    );
    expect(b.body.errors).toBeUndefined();
    expect(callsBy(gw, SIM_OTHER_KEY, 'listInstances')).toBe(1);
    const a = await gw.gql<{ instances: { nodes: { id: string }[] } }>(INSTANCES);
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data!.instances.nodes.length).toBeGreaterThan(0);
    expect(callsBy(gw, SIM_DEMO_KEY, 'listInstances')).toBe(1);
    console.log(
      `breaker scopes: A chat 5 x 503 then 1 fast failure (Barrack saw ${callsBy(gw, SIM_DEMO_KEY, 'chatCompletion')} chat calls); ` +
        `B instances read ok (${b.body.data!.instances.nodes.length} items, Barrack saw ${callsBy(gw, SIM_OTHER_KEY, 'listInstances')} call); A instances read ok`,
    );
  });

  it('a Barrack failing for several tenants opens the global breaker: then every call fails fast', async () => {
    gw = await startTestGateway({ env: ENV });
    gw.sim.admin.setFault('*', { status: 503 });
    for (let i = 0; i < 5; i++) expect(codeOf(await gw.gql(CHAT, CHAT_INPUT))).toBe('UPSTREAM_UNAVAILABLE');
    for (let i = 0; i < 5; i++) {
      expect(codeOf(await gw.gql(INSTANCES, {}, { apiKey: gw.keys.other }))).toBe('UPSTREAM_UNAVAILABLE');
    }
    const seen = gw.sim.admin.counters().total;
    expect(seen).toBe(10);
    // Groups and tenants that never failed now fail fast too: no call reaches Barrack.
    expect(codeOf(await gw.gql(VOLUMES))).toBe('UPSTREAM_UNAVAILABLE');
    expect(codeOf(await gw.gql(VOLUMES, {}, { apiKey: gw.keys.other }))).toBe('UPSTREAM_UNAVAILABLE');
    expect(gw.sim.admin.counters().total).toBe(seen);
    const metrics = await (await fetch(gw.metricsUrl!)).text();
    expect(metrics).toContain('barrack_upstream_breaker_state{upstream="barrack"} 2');
    console.log(
      `breaker global (all 503): opened after ${seen} failed calls from 2 tenants; later reads of both: 0 calls`,
    );
  });

  it('a Barrack that refuses connections opens the global breaker after the threshold, for everyone', async () => {
    gw = await startTestGateway({ env: { ...ENV, BARRACK_BASE_URL: 'http://127.0.0.1:1/api' } });
    for (let i = 0; i < 5; i++) expect(codeOf(await gw.gql(INSTANCES))).toBe('UPSTREAM_UNAVAILABLE');
    const metrics = await (await fetch(gw.metricsUrl!)).text();
    expect(metrics).toContain('barrack_upstream_breaker_state{upstream="barrack"} 2');
    const b = await gw.gql(VOLUMES, {}, { apiKey: gw.keys.other });
    expect(codeOf(b)).toBe('UPSTREAM_UNAVAILABLE');
    const after = await (await fetch(gw.metricsUrl!)).text();
    // B's read failed fast: no new attempt was timed (breaker_open is not observed as an attempt).
    const attempts = (m: string) =>
      [...m.matchAll(/^barrack_upstream_request_duration_seconds_count\{[^}]*\} (\d+)$/gm)].reduce(
        (n, x) => n + Number(x[1]),
        0,
      );
    expect(attempts(after)).toBe(attempts(metrics));
    expect(attempts(after)).toBe(5);
  });
});
