import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { GqlContext } from '../common/context/gql-context';
import type { Principal } from '../common/context/principal';
import { GatewayError } from '../common/errors/gateway-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LiveBus, type LiveMessage } from '../live/live-bus';
import {
  activeSpanContext,
  inRootSpan,
  markError,
  tracingEnabled,
  type Span,
  type SpanContext,
} from '../tracing/tracing';
import { InstancesService } from './instances.service';
import type { Instance } from './models/instance.model';

/** The subset of InstancesService a feed reads with (a fake in unit tests). */
export type InstanceReader = Pick<InstancesService, 'load'>;

/** The subset of LiveBus a feed uses (a fake in unit tests). */
export type LiveBusPort = Pick<LiveBus, 'subscribe' | 'publish' | 'step' | 'release' | 'shared'>;

/** Errors after which polling on the tenant's behalf must stop (credential gone, tenant suspended). */
const FATAL_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/** A poll span links to at most this many subscriber operations (of this replica). */
const MAX_POLL_LINKS = 16;

/**
 * One subscriber's stream: a queue the feed pushes into and graphql-ws pulls from. `return()` (the client
 * unsubscribed or the socket closed) detaches it from its feed, which is what stops polling.
 */
class InstanceStream implements AsyncIterableIterator<Instance> {
  private readonly queue: Instance[] = [];
  private waiting: ((r: IteratorResult<Instance>) => void) | undefined;
  private done = false;

  /**
   * @param origin tracing on: the span of the operation that subscribed, which the feed's polls link to
   */
  constructor(
    private readonly onClose: () => void,
    readonly origin?: SpanContext,
  ) {}

  push(instance: Instance): void {
    if (this.done) return;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w({ value: instance, done: false });
    } else {
      this.queue.push(instance);
    }
  }

  /** Ends the stream after what is queued (the instance is gone, or the gateway is stopping). */
  end(): void {
    if (this.done) return;
    this.done = true;
    this.onClose();
    if (this.waiting && this.queue.length === 0) {
      const w = this.waiting;
      this.waiting = undefined;
      w({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<Instance>> {
    const value = this.queue.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<Instance>> {
    this.queue.length = 0;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Instance> {
    return this;
  }
}

/** One poller: a (tenant, instance) pair and everyone in this process watching it. */
interface Feed {
  key: string;
  id: string;
  /** Whose tenant credential polls: any subscriber of the tenant (the credential is per tenant). */
  principal: Principal;
  /** Used in the upstream request ids of this feed's polls, so Barrack's logs group them. */
  feedId: string;
  polls: number;
  /** Subscribers attached plus those waiting for the first read. */
  refs: number;
  streams: Set<InstanceStream>;
  /** The first read: resolves with the instance (null: not found), rejects on an upstream failure. */
  ready: Promise<Instance | null>;
  last: Instance | null;
  ended: boolean;
  timer: NodeJS.Timeout | undefined;
  /** Removes this feed's handler from the live bus. */
  unlisten: () => void;
}

/** What a subscriber sees change: other fields (accrued cost, timestamps) move constantly and are not events. */
export function instanceChanged(before: Instance | null, after: Instance): boolean {
  return (
    !before ||
    before.status !== after.status ||
    before.publicIp !== after.publicIp ||
    before.name !== after.name
  );
}

/**
 * Live instance updates without a push API: Barrack is polled (GET instance) by ONE poller per (tenant,
 * instance) across all replicas. Each replica keeps one feed per watched (tenant, instance), shared by its
 * subscribers with a reference count; every SUBSCRIPTION_POLL_MS each feed steps the LiveBus lease: the
 * replica holding it polls and publishes changes on the tenant's Redis channel, the others only listen.
 * A holder that dies stops renewing; its lease (2 intervals) expires and the next feed to step takes it.
 * With Redis unavailable every feed polls for itself (each replica pays its own polls until Redis is
 * back); with no Redis configured the bus is in-process and this process's feed is the one poller.
 * Mutations publish through the same bus (InstancesService.announce), so a change made through any
 * replica reaches every subscriber without waiting for the next poll. Every new feed reads once itself:
 * the first state comes with the subscriber's own tenant credential (NOT_FOUND for another tenant's id).
 */
@Injectable()
export class InstanceEventsService implements OnModuleDestroy {
  private readonly log = new Logger('InstanceEvents');
  private readonly feeds = new Map<string, Feed>();
  private readonly intervalMs: number;

  constructor(
    @Inject(InstancesService) private readonly instances: InstanceReader,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'SUBSCRIPTION_POLL_MS'>,
    @Inject(LiveBus) private readonly bus: LiveBusPort,
  ) {
    this.intervalMs = config.SUBSCRIPTION_POLL_MS;
  }

  /** Feeds polling now (one per watched tenant and instance). */
  get activeFeeds(): number {
    return this.feeds.size;
  }

  /**
   * A stream of the instance as `principal`'s tenant sees it: the current state first, then every change
   * of status, public IP or name; it ends after DELETED or once the instance is gone. Rejects with
   * NOT_FOUND when the tenant has no such instance (another tenant's id included).
   */
  async watch(principal: Principal, id: string): Promise<AsyncIterableIterator<Instance>> {
    const key = `${principal.tenantId}\u0000${id}`;
    let feed = this.feeds.get(key);
    if (!feed) {
      feed = this.open(key, principal, id);
    }
    feed.refs++;
    let current: Instance | null;
    try {
      await feed.ready;
      current = feed.last;
    } catch (e) {
      this.release(feed);
      throw e;
    }
    if (!current) {
      this.release(feed);
      throw new GatewayError('NOT_FOUND', 'Instance not found', { id });
    }
    const f = feed;
    const stream = new InstanceStream(() => {
      if (f.streams.delete(stream)) this.release(f);
    }, activeSpanContext());
    f.streams.add(stream);
    stream.push(current);
    if (f.ended) stream.end();
    return stream;
  }

  onModuleDestroy(): void {
    for (const feed of [...this.feeds.values()]) this.finish(feed);
  }

  private open(key: string, principal: Principal, id: string): Feed {
    const feed: Feed = {
      key,
      id,
      principal,
      feedId: randomUUID().slice(0, 8),
      polls: 0,
      refs: 0,
      streams: new Set(),
      ready: Promise.resolve(null),
      last: null,
      ended: false,
      timer: undefined,
      unlisten: () => undefined,
    };
    feed.unlisten = this.bus.subscribe(principal.tenantId, (m) => this.onMessage(feed, m));
    // The lease is stepped before the first read, so a mutation (which publishes only while a lease exists)
    // reaches this subscriber even before the first poll interval is over.
    feed.ready = this.bus
      .step(principal.tenantId, id)
      .then(() => this.read(feed))
      .then(
        (first) => {
          this.apply(feed, first);
          if (!feed.ended) this.schedule(feed);
          return first;
        },
        (e: unknown) => {
          // A failed first read leaves nothing to share: the next subscriber starts a fresh feed.
          this.finish(feed);
          throw e;
        },
      );
    // Joiners await `ready` themselves; this keeps a rejection nobody awaits from being "unhandled".
    feed.ready.catch(() => undefined);
    this.feeds.set(key, feed);
    return feed;
  }

  private read(feed: Feed): Promise<Instance | null> {
    feed.polls++;
    const ctx = pollContext(feed.principal, `sub-${feed.feedId}-${feed.polls}`);
    return this.instances.load(feed.id, ctx);
  }

  /** Takes in one read: remembers it, tells subscribers when it changed, ends or schedules the next. */
  private apply(feed: Feed, next: Instance | null): void {
    if (feed.ended) return;
    if (!next) {
      this.finish(feed);
      return;
    }
    const changed = instanceChanged(feed.last, next);
    feed.last = next;
    if (changed) for (const s of feed.streams) s.push(next);
    if (next.status === 'DELETED') this.finish(feed);
  }

  /** A state published by another replica's poller or by a mutation (any replica). */
  private onMessage(feed: Feed, m: LiveMessage): void {
    if (m.topic !== feed.id || feed.ended || feed.last === null) return;
    this.apply(feed, reviveInstance(m.state));
  }

  private schedule(feed: Feed): void {
    feed.timer = setTimeout(() => void this.poll(feed), this.intervalMs);
    // Polling never keeps a process alive on its own: shutdown ends feeds, and so does the last subscriber.
    feed.timer.unref();
  }

  /**
   * One poll interval of a feed. Tracing on: a root span of its own (`live poll`), since the poll serves every
   * subscriber of the (tenant, instance) on every replica and belongs to none of their operations; it carries
   * tenant.id, instance.id, the lease outcome and this replica's subscriber count, and links to (up to 16 of)
   * this replica's subscriber operations. Its lease step, Barrack read and publish are its children.
   */
  private poll(feed: Feed): Promise<void> {
    feed.timer = undefined;
    if (feed.ended) return Promise.resolve();
    if (!tracingEnabled()) return this.pollOnce(feed);
    const links = [...feed.streams]
      .map((s) => s.origin)
      .filter((c): c is SpanContext => c !== undefined)
      .slice(0, MAX_POLL_LINKS);
    return inRootSpan(
      'live poll',
      {
        'tenant.id': feed.principal.tenantId,
        'instance.id': feed.id,
        'live.feed.id': feed.feedId,
        'live.subscribers': feed.streams.size,
      },
      links,
      (span) => this.pollOnce(feed, span),
    );
  }

  private async pollOnce(feed: Feed, span?: Span): Promise<void> {
    const lease = await this.bus.step(feed.principal.tenantId, feed.id);
    span?.setAttribute('live.lease', lease);
    if (feed.ended) return;
    if (lease === 'other') {
      // Another replica polls and publishes; this feed listens.
      this.schedule(feed);
      return;
    }
    let next: Instance | null;
    try {
      next = await this.read(feed);
    } catch (e) {
      if (span) markError(span, e instanceof GatewayError ? e.code : 'error');
      if (feed.ended) return;
      if (e instanceof GatewayError && FATAL_CODES.has(e.code)) {
        this.log.warn(`feed ${feed.feedId} (tenant ${feed.principal.tenantId}) stopped: ${e.code}`);
        this.finish(feed);
        return;
      }
      // Outages are the breaker's business; subscribers keep their last state and the next poll retries.
      this.log.debug(`feed ${feed.feedId} poll failed: ${e instanceof Error ? e.message : 'error'}`);
      this.schedule(feed);
      return;
    }
    if (feed.ended) return;
    const changed = !next || instanceChanged(feed.last, next);
    span?.setAttribute('live.changed', changed);
    this.apply(feed, next);
    if (changed && lease === 'held' && this.bus.shared)
      void this.bus.publish(feed.principal.tenantId, feed.id, next);
    if (!feed.ended) this.schedule(feed);
  }

  private release(feed: Feed): void {
    feed.refs--;
    if (feed.refs <= 0) this.finish(feed);
  }

  /** Stops polling and ends every stream (each then sees the state it last got, and completes). */
  private finish(feed: Feed): void {
    if (this.feeds.get(feed.key) === feed) this.feeds.delete(feed.key);
    if (feed.timer) clearTimeout(feed.timer);
    feed.timer = undefined;
    if (feed.ended) return;
    feed.ended = true;
    feed.unlisten();
    void this.bus.release(feed.principal.tenantId, feed.id);
    for (const s of [...feed.streams]) s.end();
  }
}

/** A context of its own per poll: a fresh memo, so nothing from an earlier poll is served again. */
function pollContext(principal: Principal, requestId: string): GqlContext {
  return {
    req: { principal, requestId } as GqlContext['req'],
    res: undefined as unknown as GqlContext['res'],
    requestId,
    principal,
    memo: new Map(),
    responseExtensions: {},
  };
}

/** A state as it crossed Redis (JSON): dates come back as strings. */
function reviveInstance(state: unknown): Instance | null {
  if (!state || typeof state !== 'object') return null;
  const instance = state as Instance;
  const createdAt = (state as { createdAt?: unknown }).createdAt;
  if (typeof createdAt === 'string') instance.createdAt = new Date(createdAt);
  return instance;
}
