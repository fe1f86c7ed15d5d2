import type Redis from 'ioredis';
import { LiveBus, type LiveMessage } from '../../src/live/live-bus';
import { RedisGuard } from '../../src/redis/redis-guard';
import { waitFor } from '../helpers/gateway';
import { connectTestRedis, uniquePrefix } from '../helpers/redis';

/*
 * The LiveBus lease and fan-out against a real Redis (single node or the cluster project): a holder that dies
 * without giving the lease up (a crashed replica: no release, no renewal) is replaced once the lease expires,
 * within two poll intervals; states published on one bus reach the other's handlers.
 */

const POLL_MS = 200;

describe('LiveBus lease and fan-out (real Redis)', () => {
  const clients: Redis[] = [];
  const buses: LiveBus[] = [];
  const prefix = uniquePrefix('live');
  const bus = (): LiveBus => {
    const client = connectTestRedis();
    clients.push(client);
    const b = new LiveBus(client, RedisGuard.standalone(client, 1_000), {
      REDIS_KEY_PREFIX: prefix,
      SUBSCRIPTION_POLL_MS: POLL_MS,
    });
    buses.push(b);
    return b;
  };

  afterAll(async () => {
    for (const b of buses) await b.onModuleDestroy();
    for (const c of clients) c.disconnect();
  });

  it('a crashed holder (no renewal, no release) is replaced when its lease expires', async () => {
    const a = bus();
    const b = bus();
    expect(await a.step('acme', 'vm-1')).toBe('held');
    expect(await b.step('acme', 'vm-1')).toBe('other');
    // The holder keeps it while it renews.
    expect(await a.step('acme', 'vm-1')).toBe('held');
    expect(await b.step('acme', 'vm-1')).toBe('other');

    // A "crashes": it never steps nor releases again. B steps once per poll interval, as feeds do.
    const crashedAt = Date.now();
    const taken = await waitFor(
      'B takes the lease',
      async () => ((await b.step('acme', 'vm-1')) === 'held' ? Date.now() : undefined),
      10_000,
      POLL_MS,
    );
    console.log(`[live] lease takeover after a crash: ${taken - crashedAt} ms (lease ${2 * POLL_MS} ms)`);
    // And A, were it to come back, finds the lease taken: its renewal's compare-and-set fails.
    expect(await a.step('acme', 'vm-1')).toBe('other');
  });

  it('publishes states to the other bus’s handlers of the tenant only', async () => {
    const a = bus();
    const b = bus();
    const got: LiveMessage[] = [];
    const other: LiveMessage[] = [];
    b.subscribe('acme', (m) => got.push(m));
    b.subscribe('beta', (m) => other.push(m));
    // SUBSCRIBE is asynchronous: publish until B hears one.
    await waitFor(
      'B hears A',
      async () => {
        await a.publish('acme', 'vm-2', { id: 'vm-2', status: 'ACTIVE' });
        return got.length ? true : undefined;
      },
      10_000,
      50,
    );
    expect(got[0]).toEqual({ topic: 'vm-2', state: { id: 'vm-2', status: 'ACTIVE' } });
    expect(other).toEqual([]);
  });
});
