import { Logger } from '@nestjs/common';
import { BarrackUpstreamError } from '../common/errors/barrack-upstream.error';
import type { GqlContext } from '../common/context/gql-context';
import { GatewayError } from '../common/errors/gateway-error';
import { toGatewayError } from '../common/errors/upstream-error.map';
import type { AppConfig } from '../config/app-config';
import { IdempotencyService } from './idempotency.service';
import { MemoryIdempotencyStore } from './memory-idempotency.store';
import { IdempotencyReconcilers, inputName } from './reconcilers';

const config = {
  REDIS_KEY_PREFIX: 'unit:',
  IDEMPOTENCY_TTL_S: 3600,
  IDEMPOTENCY_UNKNOWN_SETTLE_S: 60,
  BARRACK_TIMEOUT_MS: 1000,
} as AppConfig;

function ctx(tenantId = 't1', headers: Record<string, string> = {}): GqlContext {
  return {
    req: { headers },
    res: { setHeader: jest.fn() },
    requestId: 'r',
    principal: { tenantId, kind: 'api_key', subject: 'k', scopes: ['write'] },
    memo: new Map(),
    responseExtensions: {},
  } as unknown as GqlContext;
}

describe('IdempotencyService (in-process store)', () => {
  beforeAll(() => Logger.overrideLogger(false));

  /** What Barrack has, as the feature's reconciler would find it (by exact name). */
  let existing: { name: string }[];
  let service: IdempotencyService;

  beforeEach(() => {
    existing = [];
    const reconcilers = new IdempotencyReconcilers();
    reconcilers.register('createInstance', ({ args }) => {
      const instance = existing.find((i) => i.name === inputName(args, 'name'));
      return Promise.resolve(instance ? { instance, requestId: null } : null);
    });
    service = new IdempotencyService(config, new MemoryIdempotencyStore(), reconcilers);
  });

  const call = (c: GqlContext, input: Record<string, unknown>, operation = 'createInstance') => ({
    operation,
    responseKey: operation,
    args: { input },
    ctx: c,
  });

  it('runs concurrent calls with one key once and gives each the same result', async () => {
    const run = jest.fn(async () => {
      await new Promise((r) => setTimeout(r, 30));
      return { instance: { id: '1', createdAt: new Date(0) }, requestId: 'u1' };
    });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => service.execute(call(ctx(), { name: 'a', idempotencyKey: 'k' }), run)),
    );
    expect(run).toHaveBeenCalledTimes(1);
    for (const r of results) expect(r).toEqual(results[0]);
  });

  it('rejects the key with another input, and keeps tenants apart', async () => {
    await service.execute(call(ctx(), { name: 'a', idempotencyKey: 'k' }), () => Promise.resolve({ ok: 1 }));
    await expect(
      service.execute(call(ctx(), { name: 'b', idempotencyKey: 'k' }), () => Promise.resolve({ ok: 2 })),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    await expect(
      service.execute(call(ctx('t2'), { name: 'b', idempotencyKey: 'k' }), () => Promise.resolve({ ok: 3 })),
    ).resolves.toEqual({ ok: 3 });
  });

  it('replays a deterministic failure, and runs again after a released one', async () => {
    const c = () => call(ctx(), { name: 'a', idempotencyKey: 'k2' });
    const taken = jest.fn(() => Promise.reject(new GatewayError('NAME_TAKEN', 'taken', { field: 'name' })));
    await expect(service.execute(c(), taken)).rejects.toMatchObject({ code: 'NAME_TAKEN' });
    await expect(service.execute(c(), taken)).rejects.toMatchObject({
      code: 'NAME_TAKEN',
      details: { field: 'name' },
    });
    expect(taken).toHaveBeenCalledTimes(1);

    const c3 = () => call(ctx(), { name: 'a', idempotencyKey: 'k3' });
    const limited = jest.fn(() => Promise.reject(new GatewayError('RATE_LIMITED', 'slow down')));
    await expect(service.execute(c3(), limited)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await expect(service.execute(c3(), () => Promise.resolve('ran'))).resolves.toBe('ran');
  });

  it('never re-sends a create after a timeout: it reconciles by name', async () => {
    const c = () => call(ctx(), { name: 'vm-x', idempotencyKey: 'k4' });
    const timeout = jest.fn(() =>
      Promise.reject(toGatewayError(new BarrackUpstreamError('timeout', 'createInstance'))),
    );
    await expect(service.execute(c(), timeout)).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    // Not there yet: still unknown, and still not re-sent.
    await expect(service.execute(c(), timeout)).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    existing = [{ name: 'vm-x' }];
    const again = await service.execute(c(), timeout);
    expect(again).toMatchObject({ instance: { name: 'vm-x' }, requestId: null });
    expect(timeout).toHaveBeenCalledTimes(1);
    const c2 = ctx();
    await expect(service.execute({ ...c(), ctx: c2 }, timeout)).resolves.toEqual(again);
    expect(c2.responseExtensions.idempotency).toEqual({ key: 'k4', replayed: true, reconciled: true });
  });

  it('stores OUTCOME_UNKNOWN for a timed-out operation without a reconciler', async () => {
    const c = () => call(ctx(), { id: 'i1', idempotencyKey: 'k5' }, 'toggleInstancePublicIp');
    const timeout = jest.fn(() => Promise.reject(toGatewayError(new BarrackUpstreamError('timeout', 'x'))));
    await expect(service.execute(c(), timeout)).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    await expect(service.execute(c(), timeout)).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    expect(timeout).toHaveBeenCalledTimes(1);
  });

  it('runs without a key as if idempotency did not exist', async () => {
    const run = jest.fn(() => Promise.resolve(1));
    await service.execute(call(ctx(), { name: 'a' }), run);
    await service.execute(call(ctx(), { name: 'a' }), run);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('refuses a second reconciler for one operation', () => {
    const reconcilers = new IdempotencyReconcilers();
    reconcilers.register('createVolume', () => Promise.resolve(null));
    expect(() => reconcilers.register('createVolume', () => Promise.resolve(null))).toThrow(
      /already registered/,
    );
    expect(reconcilers.operations()).toEqual(['createVolume']);
  });
});
