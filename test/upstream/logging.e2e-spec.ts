import { BARRACK_SECRET, LogCapture, bootGateway, type BootedGateway } from './boot';
import { FakeUpstream, eventually, json } from './fake-upstream';

/*
 * JSON request logs as an operator sees them: one line per request with request id, tenant and latency,
 * and no credential in any line, whatever the client sent.
 */
describe('request logs (real gateway over HTTP)', () => {
  let fake: FakeUpstream;
  let booted: BootedGateway | undefined;
  let logs: LogCapture;

  beforeAll(async () => {
    fake = await FakeUpstream.start();
    fake.handle((_q, res) => json(res, 200, { success: true, data: {} }));
    logs = new LogCapture();
    booted = await bootGateway(fake.baseUrl, { LOG_LEVEL: 'info' }, { logDestination: logs });
  });
  afterAll(async () => {
    await booted?.close();
    await fake.stop();
  });

  const requestLines = (requestId: string) =>
    logs.records().filter((r) => r.requestId === requestId && r.latencyMs !== undefined);

  it('writes one JSON line per request with request id, tenant, status and latency', async () => {
    const res = await fetch(`${booted!.gw.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${booted!.apiKey}`,
        'x-request-id': 'log-ok-1',
      },
      body: JSON.stringify({ query: '{ viewer { tenantId } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('log-ok-1');
    await eventually(() => requestLines('log-ok-1').length > 0, 'the request log line');
    const lines = requestLines('log-ok-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      requestId: 'log-ok-1',
      tenantId: booted!.tenantId,
      req: { method: 'POST', path: '/graphql' },
      res: { statusCode: 200 },
    });
    expect(typeof lines[0]!.latencyMs).toBe('number');
    expect(JSON.stringify(lines[0])).not.toContain(booted!.apiKey);
  });

  it('makes up a request id when the client sends an unsafe one, and logs that same id', async () => {
    const res = await fetch(`${booted!.gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad id;with=junk' },
      body: JSON.stringify({ query: '{ viewer { tenantId } }' }),
    });
    expect(res.status).toBe(401);
    const id = res.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await res.json()) as { errors: { extensions: { requestId: string } }[] };
    expect(body.errors[0]?.extensions.requestId).toBe(id);
    await eventually(() => requestLines(id).length === 1, 'the log line with the generated id');
  });

  it('redacts credentials from every line, for accepted and refused requests alike', async () => {
    const bogus = 'bgw_SECRETSECRET0_thisIsNotAValidKeyButASecret';
    await fetch(`${booted!.gw.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${bogus}`,
        'x-api-key': 'x-api-key-secret-value',
        api_key: 'api-key-header-secret',
        cookie: 'session=cookie-secret-value',
        'x-request-id': 'log-refused-1',
      },
      body: JSON.stringify({ query: '{ viewer { tenantId } }', variables: { password: 'pw-secret' } }),
    });
    await fetch(`${booted!.gw.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': booted!.apiKey,
        'x-request-id': 'log-xkey-1',
      },
      body: JSON.stringify({ query: '{ viewer { tenantId } }' }),
    });
    await eventually(
      () => requestLines('log-refused-1').length > 0 && requestLines('log-xkey-1').length > 0,
      'both request log lines',
    );
    const refused = requestLines('log-refused-1')[0]!;
    expect(refused).toMatchObject({
      res: { statusCode: 401 },
      req: {
        headers: {
          authorization: '[redacted]',
          'x-api-key': '[redacted]',
          api_key: '[redacted]',
          cookie: '[redacted]',
        },
      },
    });
    expect(refused.tenantId).toBeUndefined();

    const all = logs.lines.join('\n');
    for (const secret of [
      bogus,
      'x-api-key-secret-value',
      'api-key-header-secret',
      'cookie-secret-value',
      'pw-secret',
      booted!.apiKey,
      BARRACK_SECRET,
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
