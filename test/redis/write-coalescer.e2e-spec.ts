import type { Socket } from 'node:net';
import Redis from 'ioredis';
import { coalesceWrites } from '../../src/redis/write-coalescer';
import { PrivateRedis } from '../helpers/redis';

/*
 * src/redis/write-coalescer.ts against a real redis-server: the commands of one event-loop turn leave in one
 * socket write, every reply still reaches its own command in order, and a reconnect's new socket is coalesced too.
 */

/** Counts what reaches the socket's transport: writev batches and single writes. */
function countTransportWrites(socket: Socket): { batches: number; chunks: number } {
  const counts = { batches: 0, chunks: 0 };
  const s = socket as Socket & {
    _writev?: (chunks: { chunk: unknown }[], cb: (e?: Error | null) => void) => void;
    _write: (chunk: unknown, enc: BufferEncoding, cb: (e?: Error | null) => void) => void;
  };
  const writev = s._writev?.bind(s);
  const write = s._write.bind(s);
  s._writev = (chunks, cb) => {
    counts.batches++;
    counts.chunks += chunks.length;
    writev!(chunks, cb);
  };
  s._write = (chunk, enc, cb) => {
    counts.batches++;
    counts.chunks++;
    write(chunk, enc, cb);
  };
  return counts;
}

describe('Redis write coalescing', () => {
  let server: PrivateRedis;
  let client: Redis;
  beforeAll(async () => {
    server = await PrivateRedis.create();
  });
  afterAll(async () => {
    client?.disconnect();
    await server?.stop();
  });

  it('sends one turn of commands in one write and answers each command with its own reply', async () => {
    client = new Redis(server.url, { lazyConnect: true, enableOfflineQueue: false });
    coalesceWrites(client);
    await client.connect();
    const counts = countTransportWrites(client.stream);
    const n = 50;
    const replies = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        i % 2 === 0 ? client.set(`k${i}`, `v${i}`) : client.eval('return ARGV[1] .. "!"', 0, `a${i}`),
      ),
    );
    replies.forEach((r, i) => expect(r).toBe(i % 2 === 0 ? 'OK' : `a${i}!`));
    expect(counts.chunks).toBe(n);
    expect(counts.batches).toBe(1);
    expect(await client.mget('k0', 'k48')).toEqual(['v0', 'v48']);
  });

  it('coalesces the new socket after Redis restarts, and commands work again', async () => {
    const reconnected = new Promise<void>((resolve) => client.once('ready', () => resolve()));
    await server.stop();
    await server.start();
    await reconnected;
    const counts = countTransportWrites(client.stream);
    const replies = await Promise.all([client.ping(), client.set('after', '1'), client.get('after')]);
    expect(replies).toEqual(['PONG', 'OK', '1']);
    expect(counts.batches).toBe(1);
  });
});
