import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { GqlContext } from '../common/context/gql-context';
import type { Principal } from '../common/context/principal';
import { GatewayError } from '../common/errors/gateway-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InstancesService } from './instances.service';
import type { Instance } from './models/instance.model';

/** The subset of InstancesService a feed reads with (a fake in unit tests). */
export type InstanceReader = Pick<InstancesService, 'load'>;

/** Errors after which polling on the tenant's behalf must stop (credential gone, tenant suspended). */
const FATAL_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/**
 * One subscriber's stream: a queue the feed pushes into and graphql-ws pulls from. `return()` (the client
 * unsubscribed or the socket closed) detaches it from its feed, which is what stops polling.
 */
class InstanceStream implements AsyncIterableIterator<Instance> {
  private readonly queue: Instance[] = [];
  private waiting: ((r: IteratorResult<Instance>) => void) | undefined;
  private done = false;

  constructor(private readonly onClose: () => void) {}

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
 * Live instance updates without a push API: Barrack is polled (GET instance) by ONE feed per (tenant,
 * instance) in this process, shared by every subscriber of it, with a reference count; the last subscriber
 * leaving stops the poll. State stays per process on purpose: each replica polls only for the WebSocket
 * connections it holds, so N replicas cost at most N polls per interval for a hot instance and nothing
 * needs to be shared or cleaned up when a replica dies.
 */
@Injectable()
export class InstanceEventsService implements OnModuleDestroy {
  private readonly log = new Logger('InstanceEvents');
  private readonly feeds = new Map<string, Feed>();
  private readonly intervalMs: number;

  constructor(
    @Inject(InstancesService) private readonly instances: InstanceReader,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'SUBSCRIPTION_POLL_MS'>,
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
    });
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
    };
    feed.ready = this.read(feed).then(
      (first) => {
        this.apply(feed, first);
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
    else this.schedule(feed);
  }

  private schedule(feed: Feed): void {
    feed.timer = setTimeout(() => void this.poll(feed), this.intervalMs);
    // Polling never keeps a process alive on its own: shutdown ends feeds, and so does the last subscriber.
    feed.timer.unref();
  }

  private async poll(feed: Feed): Promise<void> {
    feed.timer = undefined;
    if (feed.ended) return;
    let next: Instance | null;
    try {
      next = await this.read(feed);
    } catch (e) {
      if (feed.ended) return;
      if (e instanceof GatewayError && FATAL_CODES.has(e.code)) {
        this.log.warn(`feed ${feed.feedId} (tenant ${feed.principal.tenantId}) stopped: ${e.code}`);
        this.finish(feed);
        return;
      }
      // Outages are the breaker's business; subscribers keep their last state and the next poll retries.
      this.log.debug(`feed ${feed.feedId} poll failed: ${e instanceof GatewayError ? e.code : 'error'}`);
      this.schedule(feed);
      return;
    }
    this.apply(feed, next);
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
