import type { GqlContext } from '../common/context/gql-context';
import type { Principal } from '../common/context/principal';
import { GatewayError } from '../common/errors/gateway-error';
import type { LeaseStep, LiveMessage } from '../live/live-bus';
import {
  InstanceEventsService,
  instanceChanged,
  type InstanceReader,
  type LiveBusPort,
} from './instance-events.service';
import type { Instance } from './models/instance.model';

const POLL_MS = 100;
const ACME: Principal = { tenantId: 'acme', kind: 'api_key', subject: 'k1', scopes: ['read'] };
const GLOBEX: Principal = { tenantId: 'globex', kind: 'api_key', subject: 'k2', scopes: ['read'] };

function vm(status: string, extra: Partial<Instance> = {}): Instance {
  return { id: 'BRK-1', name: 'a', status, publicIp: null, ...extra } as Instance;
}

/** A Barrack stand-in: answers each read with the next scripted value (the last one repeats). */
class FakeReader implements InstanceReader {
  readonly calls: { id: string; tenant: string; requestId: string }[] = [];
  constructor(private readonly script: (Instance | null | Error)[]) {}

  load(id: string, ctx: GqlContext): Promise<Instance | null> {
    this.calls.push({ id, tenant: ctx.principal!.tenantId, requestId: ctx.requestId });
    const next = this.script.length > 1 ? this.script.shift() : this.script[0];
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next ?? null);
  }
}

async function take(it: AsyncIterator<Instance>, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await it.next();
    if (r.done) break;
    out.push(r.value.status);
  }
  return out;
}

/** The embedded default's bus: no leases (this process always polls), local delivery only. */
class InProcessBus implements LiveBusPort {
  readonly shared = false;
  private readonly handlers = new Set<(m: LiveMessage) => void>();
  subscribe(_tenantId: string, h: (m: LiveMessage) => void): () => void {
    this.handlers.add(h);
    return () => this.handlers.delete(h);
  }
  publish(_tenantId: string, topic: string, state: unknown): Promise<void> {
    for (const h of this.handlers) h({ topic, state });
    return Promise.resolve();
  }
  step(): Promise<LeaseStep> {
    return Promise.resolve('held');
  }
  release(): Promise<void> {
    return Promise.resolve();
  }
}

describe('InstanceEventsService', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const service = (reader: FakeReader) =>
    new InstanceEventsService(reader, { SUBSCRIPTION_POLL_MS: POLL_MS }, new InProcessBus());

  it('emits the current state, then only changes, and completes after DELETED', async () => {
    const reader = new FakeReader([
      vm('CREATING'),
      vm('CREATING'),
      vm('ACTIVE'),
      vm('ACTIVE', { publicIp: '1.2.3.4' }),
      vm('DELETED'),
    ]);
    const events = service(reader);
    const it = await events.watch(ACME, 'BRK-1');
    await jest.advanceTimersByTimeAsync(POLL_MS * 5);
    expect(await take(it, 10)).toEqual(['CREATING', 'ACTIVE', 'ACTIVE', 'DELETED']);
    expect(events.activeFeeds).toBe(0);
    expect(reader.calls).toHaveLength(5);
  });

  it('shares one feed per tenant and instance, and stops polling when the last subscriber leaves', async () => {
    const reader = new FakeReader([vm('ACTIVE')]);
    const events = service(reader);
    const [a, b] = await Promise.all([events.watch(ACME, 'BRK-1'), events.watch(ACME, 'BRK-1')]);
    expect(reader.calls).toHaveLength(1);
    expect(await take(a, 1)).toEqual(['ACTIVE']);
    expect(await take(b, 1)).toEqual(['ACTIVE']);

    await jest.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(reader.calls).toHaveLength(4);
    // A late joiner gets the last state at once, without a read of its own.
    const c = await events.watch(ACME, 'BRK-1');
    expect(reader.calls).toHaveLength(4);
    expect(await take(c, 1)).toEqual(['ACTIVE']);

    await a.return?.();
    await b.return?.();
    await jest.advanceTimersByTimeAsync(POLL_MS * 2);
    expect(reader.calls).toHaveLength(6);
    await c.return?.();
    expect(events.activeFeeds).toBe(0);
    await jest.advanceTimersByTimeAsync(POLL_MS * 5);
    expect(reader.calls).toHaveLength(6);
  });

  it('keeps tenants apart: the same id from two tenants is two feeds, each polled as its tenant', async () => {
    const reader = new FakeReader([vm('ACTIVE')]);
    const events = service(reader);
    await events.watch(ACME, 'BRK-1');
    await events.watch(GLOBEX, 'BRK-1');
    expect(events.activeFeeds).toBe(2);
    expect(reader.calls.map((c) => c.tenant).sort()).toEqual(['acme', 'globex']);
    events.onModuleDestroy();
    expect(events.activeFeeds).toBe(0);
  });

  it('rejects with NOT_FOUND when the tenant has no such instance, leaving no feed behind', async () => {
    const events = service(new FakeReader([null]));
    await expect(events.watch(ACME, 'BRK-9')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(events.activeFeeds).toBe(0);
  });

  it('passes a failed first read on, and the next subscriber starts afresh', async () => {
    const reader = new FakeReader([new GatewayError('UPSTREAM_UNAVAILABLE', 'down'), vm('ACTIVE')]);
    const events = service(reader);
    await expect(events.watch(ACME, 'BRK-1')).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(events.activeFeeds).toBe(0);
    const it = await events.watch(ACME, 'BRK-1');
    expect(await take(it, 1)).toEqual(['ACTIVE']);
  });

  it('rides out a failed poll but ends the stream when the tenant loses access', async () => {
    const reader = new FakeReader([
      vm('ACTIVE'),
      new GatewayError('UPSTREAM_TIMEOUT', 'slow'),
      vm('SHUTOFF'),
      new GatewayError('FORBIDDEN', 'Tenant acme is suspended'),
    ]);
    const events = service(reader);
    const it = await events.watch(ACME, 'BRK-1');
    await jest.advanceTimersByTimeAsync(POLL_MS * 5);
    expect(await take(it, 10)).toEqual(['ACTIVE', 'SHUTOFF']);
    expect(events.activeFeeds).toBe(0);
  });

  it('ends the stream when the instance disappears after being seen', async () => {
    const events = service(new FakeReader([vm('ACTIVE'), null]));
    const it = await events.watch(ACME, 'BRK-1');
    await jest.advanceTimersByTimeAsync(POLL_MS);
    expect(await take(it, 10)).toEqual(['ACTIVE']);
  });

  it('counts status, public IP and name as changes, nothing else', () => {
    const base = vm('ACTIVE');
    expect(instanceChanged(null, base)).toBe(true);
    expect(instanceChanged(base, vm('ACTIVE', { updatedAt: new Date() } as Partial<Instance>))).toBe(false);
    expect(instanceChanged(base, vm('SHUTOFF'))).toBe(true);
    expect(instanceChanged(base, vm('ACTIVE', { publicIp: '1.1.1.1' }))).toBe(true);
    expect(instanceChanged(base, vm('ACTIVE', { name: 'b' }))).toBe(true);
  });
});
