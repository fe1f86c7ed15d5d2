import { PrivateRedis } from '../helpers/redis';
import { bootGateway, type BootedGateway } from './boot';
import { FakeUpstream, json } from './fake-upstream';

describe('health endpoints (real gateway over HTTP)', () => {
  let fake: FakeUpstream;
  let booted: BootedGateway | undefined;

  beforeEach(async () => {
    fake = await FakeUpstream.start();
    // Real Barrack answers 401 to a call without a key; that still proves it is reachable.
    fake.handle((_q, res) => json(res, 401, { success: false, message: 'Authentication required' }));
  });
  afterEach(async () => {
    await booted?.close();
    booted = undefined;
    await fake.stop();
  });

  it('GET /health/live answers 200 without authentication and echoes the request id', async () => {
    booted = await bootGateway(undefined, {}, { barrackBaseUrl: fake.baseUrl });
    const res = await fetch(`${booted.gw.url}/health/live`, { headers: { 'x-request-id': 'probe-123' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('x-request-id')).toBe('probe-123');
  });

  it('GET /health/ready is 200 when Redis answers and Barrack answers anything (even 401)', async () => {
    // The config names a dead port; the start-up override (as in embedded mode) must win.
    booted = await bootGateway('http://127.0.0.1:9/api', {}, { barrackBaseUrl: fake.baseUrl });
    const res = await fetch(`${booted.gw.url}/health/ready`);
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      failed: [],
      checks: {
        redis: { status: 'ok' },
        barrack: { status: 'ok', detail: 'HTTP 401' },
        lifecycle: { status: 'ok' },
      },
    });
    expect(fake.hits).toHaveLength(1);
    expect(fake.hits[0]).toMatchObject({ method: 'GET', url: '/api/regions/' });
    expect(fake.hits[0]!.headers.authorization).toBeUndefined();
  });

  it('GET /health/ready is 503 naming barrack when Barrack does not answer, without leaking its URL', async () => {
    booted = await bootGateway(undefined, {}, { barrackBaseUrl: fake.baseUrl });
    const port = fake.port;
    await fake.stop();
    const res = await fetch(`${booted.gw.url}/health/ready`);
    const text = await res.text();
    expect(res.status).toBe(503);
    expect(JSON.parse(text)).toMatchObject({
      status: 'unavailable',
      failed: ['barrack'],
      checks: { redis: { status: 'ok' }, barrack: { status: 'fail' } },
    });
    expect(text).not.toContain(String(port));
    fake = await FakeUpstream.start();
  });

  it('GET /health/ready is 503 naming redis when the configured Redis stops answering', async () => {
    const redis = await PrivateRedis.create();
    try {
      booted = await bootGateway(undefined, { REDIS_URL: redis.url }, { barrackBaseUrl: fake.baseUrl });
      expect((await fetch(`${booted.gw.url}/health/ready`)).status).toBe(200);
      await redis.stop();
      const res = await fetch(`${booted.gw.url}/health/ready`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({
        failed: ['redis'],
        checks: { redis: { status: 'fail', detail: 'Redis did not answer PING' }, barrack: { status: 'ok' } },
      });
    } finally {
      await redis.stop();
    }
  });
});
