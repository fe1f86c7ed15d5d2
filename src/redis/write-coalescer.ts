import type { Socket } from 'node:net';
import type Redis from 'ioredis';

const COALESCING = Symbol('redisWritesCoalesced');

type CoalescedSocket = Socket & { [COALESCING]?: true };

/**
 * Sends the Redis commands of one event-loop turn in one socket write. ioredis writes each command with its own
 * `socket.write`, i.e. its own syscall: under load that was the largest single cost of a response-cache hit (two
 * commands each) in the S1 profile. Here the first write of a turn corks the socket and a `setImmediate` uncorks it
 * once the turn's callbacks have run, so Node hands every command of the turn to the kernel in one writev.
 * Commands, replies and their order are untouched (ioredis still sends and matches each one); only the bytes travel
 * together. ioredis' own `enableAutoPipelining` would do this by rewriting commands into pipelines, and was not
 * usable (see redis.module.ts). Re-applied to each new socket after a reconnect. Standalone and Sentinel clients
 * (a Cluster holds one client per node, created on its own schedule: left as it is).
 */
export function coalesceWrites(client: Redis): void {
  const wrap = (): void => {
    const socket = client.stream as CoalescedSocket | undefined;
    if (!socket || socket[COALESCING]) return;
    socket[COALESCING] = true;
    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
    let corked = false;
    const flush = (): void => {
      corked = false;
      socket.uncork();
    };
    socket.write = (...args: unknown[]): boolean => {
      if (!corked) {
        corked = true;
        socket.cork();
        setImmediate(flush);
      }
      return write(...args);
    };
  };
  wrap();
  client.on('connect', wrap);
}
