import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { eventually, LogLines } from '../helpers/log-lines';
import { uniquePrefix } from '../helpers/redis';

/*
 * Lines logged while a request is served carry its request id (requestLogging gives each request a child logger
 * that nestjs-pino binds), and the request itself gets exactly one completion line: a mutation's audit line, as an
 * operator greps for it, against the simulator and a real Redis.
 */

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
});
