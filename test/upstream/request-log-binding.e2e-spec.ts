import { AsyncLocalStorageWatch } from '../helpers/async-context';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { eventually, LogLines } from '../helpers/log-lines';
import { uniquePrefix } from '../helpers/redis';

/*
 * Lines logged while a request is served carry its request id, which each logging layer is handed (GqlContext,
 * UpstreamContext; nothing is bound per request: src/logging/nest-logger.ts), and the request itself gets exactly
 * one completion line: a mutation's audit line and a service's warning, as an operator greps for them, against
 * the simulator and a real Redis. With tracing off no request enters an AsyncLocalStorage (it would keep promise
 * hooks on for every promise of the process).
 */

const VM_INPUT = {
  gpuModel: 'RTX_A6000',
  gpuCount: 1,
  region: 'NORWAY_1',
  imageName: 'Ubuntu Server 22.04 LTS R535 CUDA 12.2',
  sshKeyName: 'demo-key',
};

const PUBLIC_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBm9rZXlmb3JyZXNwb25zZWNhY2hldGVzdHNhYmNkZWY bind@test';

describe('request id on every line of a request', () => {
  let gw: TestGateway;
  const logs = new LogLines();
  beforeAll(async () => {
    gw = await startTestGateway({
      env: { REDIS_KEY_PREFIX: uniquePrefix('bind'), LOG_LEVEL: 'info' },
      gateway: { logDestination: logs },
    });
  });
  afterAll(() => gw?.close());

  /** The lines written from the moment `send` starts until the request's completion line, that line included. */
  async function linesOf(
    requestId: string,
    send: () => Promise<unknown>,
  ): Promise<Record<string, unknown>[]> {
    const from = logs.lines.length;
    await send();
    expect(await eventually(() => logs.requestLines(requestId).length === 1)).toBe(true);
    const done = logs.lines.indexOf(logs.requestLines(requestId)[0]!);
    return logs.lines.slice(from, done + 1);
  }

  it('binds the request id to the audit line of a mutation and writes one completion line', async () => {
    const res = await gw.gql(
      `mutation { createSshKey(input: { name: "bind-${Date.now()}", publicKey: "${PUBLIC_KEY}" }) { sshKey { id } } }`,
      {},
      { headers: { 'x-request-id': 'bind-1' } },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.headers.get('x-request-id')).toBe('bind-1');
    expect(await eventually(() => logs.requestLines('bind-1').length === 1)).toBe(true);
    const audited = logs.lines.filter((l) => l.msg === 'mutation audited' && l.requestId === 'bind-1');
    expect(audited).toHaveLength(1);
    expect(logs.requestLines('bind-1')[0]).toMatchObject({
      msg: 'request completed',
      tenantId: gw.tenantIds.demo,
      res: { statusCode: 200 },
    });
  });

  it('logs a request refused before Apollo (malformed JSON) with its status, once', async () => {
    const res = await fetch(`${gw.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'bind-bad',
        authorization: `Bearer ${gw.keys.demo}`,
      },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    expect(await eventually(() => logs.requestLines('bind-bad').length === 1)).toBe(true);
    expect(logs.requestLines('bind-bad')[0]).toMatchObject({ level: 40, res: { statusCode: 400 } });
  });

  it("puts the request id on a service's warning and on every warn or error line logged while serving it", async () => {
    // The deploy succeeds, its read-back fails: InstancesService warns and answers with what it sent.
    gw.sim.admin.setFault('getInstance', { status: 503 });
    let res: Awaited<ReturnType<TestGateway['gql']>> | undefined;
    const lines = await linesOf('bind-warn', async () => {
      res = await gw.gql(
        `mutation($input: CreateInstanceInput!) { createInstance(input: $input) { instance { name } } }`,
        { input: { ...VM_INPUT, name: `bind-warn-${Date.now()}` } },
        { headers: { 'x-request-id': 'bind-warn' } },
      );
    }).finally(() => gw.sim.admin.clearFaults());
    expect(res?.body.errors).toBeUndefined();
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 40,
        context: 'InstancesService',
        msg: expect.stringContaining('read-back after createInstance failed'),
        requestId: 'bind-warn',
      }),
    );
    const warnings = lines.filter((l) => (l.level as number) >= 40);
    expect(warnings.length).toBeGreaterThanOrEqual(2); // the read-back's and the Barrack call's
    expect(warnings.filter((l) => l.requestId !== 'bind-warn')).toEqual([]);
  });

  it('enters no AsyncLocalStorage while serving a query with tracing off', async () => {
    const id = (await gw.gql<{ instances: { nodes: { id: string }[] } }>(`{ instances { nodes { id } } }`))
      .body.data?.instances.nodes[0]?.id;
    expect(id).toEqual(expect.any(String));
    const watch = new AsyncLocalStorageWatch().start();
    try {
      for (const [requestId, query] of [
        ['bind-als-pt', `query($id: ID!) { instance(id: $id) { id name } }`],
        ['bind-als-typename', '{ __typename }'],
      ] as const) {
        await linesOf(requestId, async () => {
          const r = await gw.gql(query, { id }, { headers: { 'x-request-id': requestId } });
          expect(r.body.errors).toBeUndefined();
        });
      }
    } finally {
      watch.stop();
    }
    expect(watch.entered).toEqual([]);
  });
});
