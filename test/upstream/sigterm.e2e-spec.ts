import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { FakeUpstream, eventually, json } from './fake-upstream';

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The production path: a real SIGTERM to a gateway process that is serving a request. */
describe('SIGTERM (gateway in a child process)', () => {
  let fake: FakeUpstream;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    fake = await FakeUpstream.start();
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await fake.stop();
  });

  it('finishes the in-flight request, then exits 0', async () => {
    let release: (() => void) | undefined;
    fake.handle((_q, res) => {
      release = () => json(res, 200, { success: true, data: [] });
    });
    const proc = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        join(__dirname, 'fixtures', 'gateway-child.ts'),
        fake.baseUrl,
      ],
      {
        env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '..', '..', 'tsconfig.json') },
        stdio: 'pipe',
      },
    );
    child = proc;
    let out = '';
    let err = '';
    proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    proc.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    await eventually(
      () => /READY (\S+)/.test(out) || proc.exitCode !== null,
      'the child gateway to start',
      150_000,
    );
    const url = /READY (\S+)/.exec(out)?.[1];
    if (!url) throw new Error(`child did not start: ${err.slice(0, 500)}`);

    const inFlight = get(`${url}/health/ready`);
    await eventually(() => release !== undefined, 'the readiness probe to reach Barrack');
    proc.kill('SIGTERM');
    await eventually(async () => {
      try {
        await get(`${url}/health/live`);
        return false;
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === 'ECONNREFUSED';
      }
    }, 'the child to stop accepting connections');
    expect(proc.exitCode).toBeNull();
    release!();
    const res = await inFlight;
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toMatchObject({ failed: expect.arrayContaining(['lifecycle']) });
    expect(await exited).toBe(0);
  }, 200_000);
});
