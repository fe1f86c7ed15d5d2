import { request as httpRequest } from 'node:http';
import { bootGateway, type BootedGateway } from './boot';
import { FakeUpstream, eventually, hang, json } from './fake-upstream';

/** A GET over a fresh connection; resolves with status and body, rejects when the connection breaks. */
function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/*
 * Graceful shutdown: stop accepting, let the running request finish, then close. /health/ready is the
 * in-flight request because it waits on Barrack (the fake), which the test holds open.
 */
describe('graceful shutdown (real gateway over HTTP)', () => {
  let fake: FakeUpstream;
  let booted: BootedGateway | undefined;

  beforeEach(async () => {
    fake = await FakeUpstream.start();
  });
  afterEach(async () => {
    await booted?.close();
    booted = undefined;
    await fake.stop();
  });

  it('drains an in-flight request, refuses new connections, then closes', async () => {
    let release: (() => void) | undefined;
    fake.handle((_q, res) => {
      release = () => json(res, 200, { success: true, data: [] });
    });
    booted = await bootGateway(fake.baseUrl, { SHUTDOWN_GRACE_MS: '10000' });
    const url = booted.gw.url;
    const inFlight = get(`${url}/health/ready`);
    await eventually(() => release !== undefined, 'the readiness probe to reach Barrack');

    let closed = false;
    const closing = booted.gw.close().then(() => (closed = true));
    // New connections are refused as soon as the drain starts...
    await eventually(async () => {
      try {
        await get(`${url}/health/live`);
        return false;
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === 'ECONNREFUSED';
      }
    }, 'new connections to be refused');
    // ...while the running request keeps the gateway open.
    expect(closed).toBe(false);

    release!();
    const res = await inFlight;
    await closing;
    // It completed with a full answer; readiness now says the replica is going away.
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toMatchObject({
      failed: expect.arrayContaining(['lifecycle']),
      checks: { barrack: { status: 'ok' } },
    });
    expect(closed).toBe(true);
  });

  it('cuts requests still running when the grace period is over', async () => {
    fake.handle(hang);
    booted = await bootGateway(fake.baseUrl, { SHUTDOWN_GRACE_MS: '200' });
    const inFlight = get(`${booted.gw.url}/health/ready`).then(
      () => 'answered',
      () => 'cut',
    );
    await eventually(() => fake.hits.length === 1, 'the readiness probe to reach Barrack');
    await booted.gw.close();
    expect(await inFlight).toBe('cut');
  });
});
