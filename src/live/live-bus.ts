import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import Redis, { Cluster } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RedisGuard } from '../redis/redis-guard';
import { REDIS_CLIENT } from '../redis/redis.tokens';

/** One live update: a topic (an instance id) of a tenant has a new state (null: it is gone). */
export interface LiveMessage {
  topic: string;
  state: unknown;
}

export type LiveHandler = (message: LiveMessage) => void;

/** Outcome of one lease step: this replica holds the lease, another does, or Redis cannot tell. */
export type LeaseStep = 'held' | 'other' | 'unavailable';

/** Renews the lease only while it is still ours (compare-and-set); 1 when renewed. */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
/** Gives the lease up only while it is still ours. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * Live updates shared by every replica, with no feature knowledge (features publish and subscribe by tenant
 * and topic):
 *
 * - Leases. `step(tenant, topic)` takes or renews a lease in Redis (SET NX PX, then a compare-and-set renewal)
 *   lasting 2 × SUBSCRIPTION_POLL_MS: the holder does the polling, the others listen. A dead holder's lease
 *   expires, and the next replica to step takes it, so a takeover happens within two poll intervals.
 * - Fan-out. `publish` sends `{topic, state}` on the tenant's channel `{prefix}live:{tenant}` (Redis PUBLISH
 *   through the guard) and hands it to this replica's handlers directly; each replica subscribes (on a
 *   duplicate connection, as Redis requires) only to the channels of tenants it has subscribers for, and
 *   ignores its own messages coming back. On a Cluster, PUBLISH is broadcast to every node, so any
 *   node's SUBSCRIBE sees it.
 * - Embedded default (no REDIS_URL): no leases (every step is 'held': one process, one poller) and
 *   publish reaches the in-process handlers only. With Redis down (breaker open, command failed) a step
 *   answers 'unavailable' and the caller polls on its own: each replica then pays its own polls until
 *   Redis is back (README "Subscriptions").
 */
@Injectable()
export class LiveBus implements OnModuleDestroy {
  private readonly log = new Logger('LiveBus');
  private readonly origin = randomUUID();
  private readonly handlers = new Map<string, Set<LiveHandler>>();
  private readonly tokens = new Map<string, string>();
  private subscriber: Redis | null = null;
  private readonly prefix: string;
  private readonly leaseMs: number;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
    private readonly guard: RedisGuard,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'REDIS_KEY_PREFIX' | 'SUBSCRIPTION_POLL_MS'>,
  ) {
    this.prefix = config.REDIS_KEY_PREFIX;
    this.leaseMs = 2 * config.SUBSCRIPTION_POLL_MS;
  }

  /** True when updates cross replicas (Redis configured); false: in-process only. */
  get shared(): boolean {
    return this.redis !== null;
  }

  private channel(tenantId: string): string {
    return `${this.prefix}live:${tenantId}`;
  }

  private leaseKey(tenantId: string, topic: string): string {
    return `${this.prefix}live:lease:{${tenantId}}:${topic}`;
  }

  /** Handlers of `tenantId`'s messages on this replica; the returned function removes it. */
  subscribe(tenantId: string, handler: LiveHandler): () => void {
    let set = this.handlers.get(tenantId);
    if (!set) {
      this.handlers.set(tenantId, (set = new Set()));
      void this.listen(tenantId);
    }
    set.add(handler);
    return () => {
      const s = this.handlers.get(tenantId);
      if (!s?.delete(handler) || s.size > 0) return;
      this.handlers.delete(tenantId);
      void this.subscriber?.unsubscribe(this.channel(tenantId)).catch(() => undefined);
    };
  }

  /** Tells every replica's subscribers of `tenantId` that `topic` is now `state`. */
  async publish(tenantId: string, topic: string, state: unknown): Promise<void> {
    this.deliver(tenantId, { topic, state });
    if (!this.redis) return;
    const redis = this.redis;
    const body = JSON.stringify({ o: this.origin, topic, state });
    try {
      await this.guard.run('live.publish', () => redis.publish(this.channel(tenantId), body));
    } catch (e) {
      this.log.debug(`publish skipped: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Whether some replica polls `topic` now (a lease is held): a publisher may skip work nobody watches. */
  async watched(tenantId: string, topic: string): Promise<boolean> {
    if (this.handlers.has(tenantId) && !this.redis) return true;
    if (!this.redis) return false;
    const redis = this.redis;
    try {
      return (await this.guard.run('live.watched', () => redis.exists(this.leaseKey(tenantId, topic)))) > 0;
    } catch {
      return true;
    }
  }

  /** Takes or renews the poll lease of (tenant, topic); call once per poll interval while watching. */
  async step(tenantId: string, topic: string): Promise<LeaseStep> {
    if (!this.redis) return 'held';
    const redis = this.redis;
    const key = this.leaseKey(tenantId, topic);
    try {
      const mine = this.tokens.get(key);
      if (mine) {
        const renewed = await this.guard.run('live.lease', () =>
          redis.eval(RENEW, 1, key, mine, String(this.leaseMs)),
        );
        if (renewed === 1) return 'held';
        this.tokens.delete(key);
      }
      const token = randomUUID();
      const taken = await this.guard.run('live.lease', () => redis.set(key, token, 'PX', this.leaseMs, 'NX'));
      if (taken === 'OK') {
        this.tokens.set(key, token);
        return 'held';
      }
      return 'other';
    } catch {
      return 'unavailable';
    }
  }

  /** Gives the lease up (last local subscriber gone, shutdown) so another replica takes over at once. */
  async release(tenantId: string, topic: string): Promise<void> {
    const key = this.leaseKey(tenantId, topic);
    const mine = this.tokens.get(key);
    if (!mine || !this.redis) return;
    this.tokens.delete(key);
    const redis = this.redis;
    try {
      await this.guard.run('live.lease', () => redis.eval(RELEASE, 1, key, mine));
    } catch {
      /* the lease expires on its own */
    }
  }

  async onModuleDestroy(): Promise<void> {
    const held = [...this.tokens.keys()];
    await Promise.all(
      held.map(async (key) => {
        const mine = this.tokens.get(key);
        if (!mine || !this.redis) return;
        const redis = this.redis;
        await this.guard.run('live.lease', () => redis.eval(RELEASE, 1, key, mine)).catch(() => undefined);
      }),
    );
    this.tokens.clear();
    const sub = this.subscriber;
    this.subscriber = null;
    if (sub) sub.disconnect();
  }

  private deliver(tenantId: string, message: LiveMessage): void {
    for (const h of [...(this.handlers.get(tenantId) ?? [])]) {
      try {
        h(message);
      } catch (e) {
        this.log.warn(`live handler failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  private async listen(tenantId: string): Promise<void> {
    if (!this.redis) return;
    try {
      const sub = this.connection();
      await sub.subscribe(this.channel(tenantId));
    } catch (e) {
      // The feeds fall back to polling while their lease step reports Redis unavailable.
      this.log.warn(`live subscribe failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** The subscriber connection: a duplicate of the shared client (a subscribed connection runs no other command). */
  private connection(): Redis {
    if (this.subscriber) return this.subscriber;
    const base: unknown = this.redis;
    // A Cluster's duplicate keeps its nodes; PUBLISH is broadcast cluster-wide, so SUBSCRIBE on any node hears it.
    const sub: Redis =
      base instanceof Cluster
        ? (base.duplicate(undefined, { enableOfflineQueue: true }) as unknown as Redis)
        : (base as Redis).duplicate({ enableOfflineQueue: true, autoResubscribe: true });
    sub.on('error', () => undefined);
    sub.on('message', (channel: string, raw: string) => {
      const tenantId = channel.slice(`${this.prefix}live:`.length);
      let parsed: { o?: string; topic?: unknown; state?: unknown };
      try {
        parsed = JSON.parse(raw) as typeof parsed;
      } catch {
        return;
      }
      if (parsed.o === this.origin || typeof parsed.topic !== 'string') return;
      this.deliver(tenantId, { topic: parsed.topic, state: parsed.state ?? null });
    });
    this.subscriber = sub;
    return sub;
  }
}
