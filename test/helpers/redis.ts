import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const probe = require('../setup/redis-probe') as {
  ping(host: string, port: number, timeoutMs?: number): Promise<boolean>;
  freePort(): Promise<number>;
  findRedisServer(): string | null;
};

/** The real Redis that jest's global setup found or started. */
export function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('TEST_REDIS_URL is not set: run the tests through jest (global setup).');
  return url;
}

/** A key prefix no other test uses, so tests can share one Redis in parallel. */
export function uniquePrefix(label = 't'): string {
  return `test:${label}:${randomUUID().slice(0, 8)}:`;
}

/**
 * A private redis-server on a free port that a test may stop and start again (for "Redis goes away" tests).
 * Never touches the shared Redis.
 */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  private constructor(readonly port: number) {}

  static async create(): Promise<PrivateRedis> {
    const r = new PrivateRedis(await probe.freePort());
    await r.start();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const bin = probe.findRedisServer();
    if (!bin) throw new Error('redis-server is not installed');
    this.child = spawn(
      bin,
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      if (await probe.ping('127.0.0.1', this.port)) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`private redis-server did not start on ${this.port}`);
  }

  /**
   * A real hang: SIGSTOP keeps the port and every connection open, but nothing is answered (like a long
   * fork, a swapped-out host or CLIENT PAUSE) until resume(). Commands written meanwhile run on resume.
   */
  pause(): void {
    if (!this.child?.kill('SIGSTOP')) throw new Error('private redis-server is not running');
  }

  resume(): void {
    if (!this.child?.kill('SIGCONT')) throw new Error('private redis-server is not running');
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}
