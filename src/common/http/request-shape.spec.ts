import { createServer, IncomingMessage, type Server, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { installRequestShapes, shapeRequest } from './request-shape';

function pair(): { req: IncomingMessage; res: ServerResponse } {
  const req = new IncomingMessage(new Socket());
  req.method = 'POST';
  return { req, res: new ServerResponse(req) };
}

describe('shapeRequest', () => {
  it('adds what Express and the gateway add later, with the values they read when it is absent', () => {
    const { req, res } = pair();
    shapeRequest(req, res);
    const r = req as unknown as Record<string, unknown>;
    for (const k of ['requestId', 'principal', 'body', 'next', 'baseUrl', 'originalUrl', 'params', 'route'])
      expect(r[k]).toBeUndefined();
    expect(r.res).toBe(res);
    expect(Object.prototype.hasOwnProperty.call(req, 'requestId')).toBe(true);
    expect((res as unknown as { locals?: unknown }).locals).toBeUndefined();
    expect(res.statusCode).toBe(200);
    expect(res.statusMessage).toBeUndefined();
  });

  it('keeps what an earlier listener already set', () => {
    const { req, res } = pair();
    const r = req as unknown as Record<string, unknown>;
    r.requestId = 'abc';
    r.body = { query: '{ __typename }' };
    shapeRequest(req, res);
    expect(r.requestId).toBe('abc');
    expect(r.body).toEqual({ query: '{ __typename }' });
  });
});

describe('installRequestShapes', () => {
  let server: Server;
  afterEach(() => server.close());

  it('wraps the one request listener so the shape is there before it runs', async () => {
    let seen: unknown;
    server = createServer((req, res) => {
      seen = Object.prototype.hasOwnProperty.call(req, 'baseUrl');
      res.end('ok');
    });
    expect(installRequestShapes(server)).toBe(true);
    expect(server.listeners('request')).toHaveLength(1);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const addr = server.address() as { port: number };
    const answer = await fetch(`http://127.0.0.1:${addr.port}/`);
    expect(await answer.text()).toBe('ok');
    expect(seen).toBe(true);
  });

  it('leaves a server with no single listener alone', () => {
    server = createServer();
    expect(installRequestShapes(server)).toBe(false);
    expect(server.listeners('request')).toHaveLength(0);
  });
});
