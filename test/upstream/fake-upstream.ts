import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Hit {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

export type FakeHandler = (req: IncomingMessage, res: ServerResponse, hit: Hit) => void;

/** A tiny stand-in for Barrack on a free loopback port that records every request it receives. */
export class FakeUpstream {
  readonly hits: Hit[] = [];
  private handler: FakeHandler = (_req, res) => json(res, 200, { success: true, data: {} });
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeUpstream> {
    const server = createServer();
    const fake = new FakeUpstream(server);
    server.on('connection', (s) => {
      fake.sockets.add(s);
      s.once('close', () => fake.sockets.delete(s));
    });
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const hit: Hit = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
        };
        fake.hits.push(hit);
        fake.handler(req, res, hit);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Base URL with a path prefix, as Barrack's real one has (https://barrack.ai/api). */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  handle(handler: FakeHandler): void {
    this.handler = handler;
  }

  /** Answers with each handler in turn, repeating the last one. */
  sequence(...handlers: FakeHandler[]): void {
    let i = 0;
    this.handle((req, res, hit) => {
      const h = handlers[Math.min(i, handlers.length - 1)];
      i++;
      h?.(req, res, hit);
    });
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export const reply =
  (status: number, body: unknown, headers: Record<string, string> = {}): FakeHandler =>
  (_req, res) =>
    json(res, status, body, headers);

/** Never answers (until the server stops). */
export const hang: FakeHandler = () => undefined;

/** Polls until `check` holds or the deadline passes (then fails with `what`). */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}
