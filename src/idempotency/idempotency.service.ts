import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GqlContext } from '../common/context/gql-context';
import { GatewayError } from '../common/errors/gateway-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { redisBudgetOf, RedisUnavailableError } from '../redis/redis-guard';
import { fingerprintOf, idempotencyKeyOf, sha256 } from './idempotency-key';
import { noteIdempotency } from './idempotency-note';
import {
  decodeValue,
  encodeValue,
  type IdempotencyRecord,
  type StoredError,
  type StoredResult,
} from './idempotency-record';
import type { ClaimRequest, ClaimResult, IdempotencyStore } from './idempotency-store';
import { IDEMPOTENCY_STORE } from './idempotency.tokens';
import { dispositionOf } from './outcome-policy';
import { IdempotencyReconcilers, type Reconciler } from './reconcilers';

export interface IdempotentCall {
  /** Mutation field name (part of the fingerprint, and the reconciler's key). */
  operation: string;
  /** Alias or field name, to tell apart two calls in one request. */
  responseKey: string;
  args: Record<string, unknown>;
  ctx: GqlContext;
}

/** One claimed key: everything the owner needs to finish it. */
interface Owned {
  call: IdempotentCall;
  key: string;
  storeKey: string;
  token: string;
  base: IdempotencyRecord;
  reconciler?: Reconciler;
}

type Reconciled = { status: 'found'; value: unknown } | { status: 'absent' } | { status: 'failed' };

const POLL_FIRST_MS = 20;
const POLL_MAX_MS = 200;
const CLAIM_RETRIES = 2;
const CLAIM_RETRY_MS = 50;

/**
 * Runs an @Idempotent mutation at most once per (tenant, key): claims the key, runs, stores the outcome;
 * replays it for repeats; waits for a concurrent first run; reconciles creates whose outcome is unknown.
 * The interceptor is the only caller.
 */
@Injectable()
export class IdempotencyService {
  private readonly log = new Logger('Idempotency');
  private readonly ttlMs: number;
  private readonly leaseMs: number;
  private readonly waitMs: number;
  private readonly settleMs: number;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    private readonly reconcilers: IdempotencyReconcilers,
  ) {
    this.ttlMs = config.IDEMPOTENCY_TTL_S * 1000;
    // The lease must outlive the create call plus a reconciliation listing, or another replica would take
    // over a run that is still going.
    this.leaseMs = Math.max(60_000, 3 * config.BARRACK_TIMEOUT_MS + 10_000);
    // A repeat waits about as long as the first run can take (one upstream timeout), then says IN_PROGRESS.
    this.waitMs = config.BARRACK_TIMEOUT_MS + 5_000;
    this.settleMs = config.IDEMPOTENCY_UNKNOWN_SETTLE_S * 1000;
  }

  async execute(call: IdempotentCall, run: () => Promise<unknown>): Promise<unknown> {
    const key = idempotencyKeyOf(call.args, call.ctx);
    if (key === undefined) return run();
    const principal = call.ctx.principal;
    if (!principal) throw new GatewayError('UNAUTHENTICATED', 'Authentication required');
    // The hash tag keeps a tenant's keys in one slot; hashing the key bounds its length and hides its text.
    const storeKey = `${this.config.REDIS_KEY_PREFIX}idem:{${principal.tenantId}}:${sha256(key)}`;
    const fp = fingerprintOf(call.operation, call.args);
    const deadline = Date.now() + this.waitMs;
    let waited = false;
    let pollMs = POLL_FIRST_MS;
    for (;;) {
      const now = Date.now();
      const base: IdempotencyRecord = {
        v: 1,
        state: 'in_progress',
        fp,
        operation: call.operation,
        principal: { kind: principal.kind, subject: principal.subject },
        startedAt: new Date(now).toISOString(),
        token: randomUUID(),
        leaseUntil: now + this.leaseMs,
      };
      let claim: ClaimResult;
      try {
        claim = await this.claimWithRetry({
          key: storeKey,
          fp,
          record: base,
          nowMs: now,
          ttlMs: this.ttlMs,
          claimUnknown: !waited,
          budget: redisBudgetOf(call.ctx.req),
        });
      } catch (e) {
        // Nothing went upstream: a claim of ours that lands in Redis later must not block this key.
        this.store.abandon(storeKey, base.token ?? '');
        this.log.error({
          msg: 'idempotency store unavailable',
          err: errText(e),
          requestId: call.ctx.requestId,
        });
        // Fail closed: running without the claim could deploy twice.
        throw new GatewayError(
          'UPSTREAM_UNAVAILABLE',
          'The idempotency store is unavailable, so this mutation was not run; retry later',
          { reason: 'IDEMPOTENCY_STORE_UNAVAILABLE' },
          undefined,
          1,
        );
      }
      switch (claim.kind) {
        case 'mismatch':
          throw new GatewayError(
            'IDEMPOTENCY_KEY_REUSED',
            'This idempotency key was already used for a different mutation or input; use a new key',
            { idempotencyKey: key },
          );
        case 'completed':
          return this.replay(claim.record, key, call);
        case 'claimed': {
          const owned: Owned = {
            call,
            key,
            storeKey,
            token: base.token ?? '',
            base,
            reconciler: this.reconcilers.for(call.operation),
          };
          this.mark(call, { key, replayed: false });
          return this.runOwned(owned, claim.previous, run);
        }
        case 'busy':
          // The run we waited for ended "unknown": give its answer; a later retry reconciles.
          if (claim.record.state === 'unknown')
            throw this.outcomeUnknown(key, call.operation, claim.record.unknownSince);
          if (Date.now() + pollMs > deadline) {
            throw new GatewayError(
              'IDEMPOTENCY_IN_PROGRESS',
              'A request with this idempotency key is still running; retry with the same key to get its result',
              { idempotencyKey: key },
              undefined,
              1,
            );
          }
          waited = true;
          await sleep(pollMs);
          pollMs = Math.min(pollMs * 2, POLL_MAX_MS);
          break;
      }
    }
  }

  /**
   * A slow Redis reply is retried (same token, so a claim that was applied but whose reply was lost is
   * recognised as ours); only a store that keeps failing makes the mutation fail closed.
   */
  private async claimWithRetry(req: ClaimRequest): Promise<ClaimResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.store.claim(req);
      } catch (e) {
        // Redis known down, or this request's Redis budget spent: retrying now cannot help.
        if (attempt >= CLAIM_RETRIES || (e instanceof RedisUnavailableError && !e.maySendLate)) throw e;
        await sleep(CLAIM_RETRY_MS * (attempt + 1));
      }
    }
  }

  private async runOwned(
    o: Owned,
    previous: IdempotencyRecord | undefined,
    run: () => Promise<unknown>,
  ): Promise<unknown> {
    let resend = false;
    if (previous) {
      // An earlier attempt may have reached Barrack (unknown outcome, or its replica died mid-call).
      if (!o.reconciler) return this.failTerminalUnknown(o);
      const r = await this.reconcile(o);
      if (r.status === 'found') return this.succeed(o, r.value, true);
      const since = previous.unknownSince ?? Date.now();
      if (r.status === 'failed' || Date.now() - since < this.settleMs) {
        await this.finish(o, { state: 'unknown', unknownSince: since });
        throw this.outcomeUnknown(o.key, o.call.operation, since);
      }
      // Settled and still absent: the first request never took effect, so sending it now is the first time.
      resend = true;
    }
    let value: unknown;
    try {
      value = await run();
    } catch (e) {
      return this.onFailure(o, e, resend);
    }
    return this.succeed(o, value, false);
  }

  private async onFailure(o: Owned, e: unknown, resend: boolean): Promise<unknown> {
    const disposition = dispositionOf(e);
    if (disposition === 'store' && e instanceof GatewayError) {
      // A re-send that meets NAME_TAKEN may be meeting the first attempt's resource, landed late.
      if (resend && e.code === 'NAME_TAKEN' && o.reconciler) {
        const r = await this.reconcile(o);
        if (r.status === 'found') return this.succeed(o, r.value, true);
      }
      await this.finish(o, { state: 'completed', result: { ok: false, error: storedError(e) } });
      throw e;
    }
    if (disposition === 'release') {
      try {
        await this.store.release(o.storeKey, o.token, redisBudgetOf(o.call.ctx.req));
      } catch (err) {
        // Freed as soon as Redis answers again (the lease would run out on its own, but much later).
        this.store.abandon(o.storeKey, o.token);
        this.log.warn({
          msg: 'idempotency release failed',
          err: errText(err),
          requestId: o.call.ctx.requestId,
        });
      }
      throw e;
    }
    if (!o.reconciler) return this.failTerminalUnknown(o);
    const r = await this.reconcile(o);
    if (r.status === 'found') return this.succeed(o, r.value, true);
    const since = Date.now();
    await this.finish(o, { state: 'unknown', unknownSince: since });
    throw this.outcomeUnknown(o.key, o.call.operation, since);
  }

  private async succeed(o: Owned, value: unknown, reconciled: boolean): Promise<unknown> {
    const result: StoredResult = {
      ok: true,
      value: encodeValue(value),
      ...(reconciled ? { reconciled: true } : {}),
    };
    await this.finish(o, { state: 'completed', result });
    if (reconciled) this.mark(o.call, { key: o.key, replayed: false, reconciled: true });
    // Return the decoded copy so the first answer is built from exactly what a replay will use.
    return reconciled ? decodeValue(result.value) : value;
  }

  /** Operations without a reconciler cannot be checked safely: the key keeps this answer. */
  private async failTerminalUnknown(o: Owned): Promise<never> {
    const err = new GatewayError(
      'OUTCOME_UNKNOWN',
      `Barrack did not confirm ${o.call.operation}: it may or may not have been applied. Check the resource before acting again; this idempotency key keeps this answer, use a new key for a new attempt.`,
      { idempotencyKey: o.key, operation: o.call.operation },
    );
    await this.finish(o, { state: 'completed', result: { ok: false, error: storedError(err) } });
    throw err;
  }

  private async reconcile(o: Owned): Promise<Reconciled> {
    if (!o.reconciler) return { status: 'failed' };
    try {
      const value = await o.reconciler({ args: o.call.args, ctx: o.call.ctx });
      this.log.log({
        msg: 'idempotency reconciled',
        operation: o.call.operation,
        found: value !== null,
        requestId: o.call.ctx.requestId,
      });
      return value === null || value === undefined ? { status: 'absent' } : { status: 'found', value };
    } catch (e) {
      this.log.warn({
        msg: 'idempotency reconciliation failed',
        operation: o.call.operation,
        err: errText(e),
        requestId: o.call.ctx.requestId,
      });
      return { status: 'failed' };
    }
  }

  private async finish(o: Owned, patch: Partial<IdempotencyRecord>): Promise<void> {
    const { token: _t, leaseUntil: _l, ...base } = o.base;
    const record: IdempotencyRecord = { ...base, ...patch, completedAt: new Date().toISOString() };
    try {
      const mine = await this.store.finish(
        o.storeKey,
        o.token,
        record,
        this.ttlMs,
        redisBudgetOf(o.call.ctx.req),
      );
      if (!mine)
        this.log.warn({
          msg: 'idempotency key taken over before this run finished',
          operation: o.call.operation,
          requestId: o.call.ctx.requestId,
        });
    } catch (e) {
      // The mutation already ran; the client still gets its answer. The expired lease later makes a retry reconcile.
      this.log.error({
        msg: 'idempotency result not stored',
        operation: o.call.operation,
        err: errText(e),
        requestId: o.call.ctx.requestId,
      });
    }
  }

  private replay(record: IdempotencyRecord, key: string, call: IdempotentCall): unknown {
    const result = record.result;
    const reconciled = result?.ok === true && result.reconciled === true;
    this.mark(call, { key, replayed: true, ...(reconciled ? { reconciled } : {}) });
    call.ctx.res?.setHeader?.('Idempotent-Replayed', 'true');
    if (!result) throw new GatewayError('INTERNAL', 'Stored idempotent result is unreadable');
    if (result.ok) return decodeValue(result.value);
    const e = result.error;
    throw new GatewayError(e.code, e.message, { ...e.details }, e.upstreamRequestId);
  }

  private mark(call: IdempotentCall, note: { key: string; replayed: boolean; reconciled?: boolean }): void {
    noteIdempotency(call.ctx, call.responseKey, note);
    call.ctx.responseExtensions.idempotency = note;
  }

  private outcomeUnknown(key: string, operation: string, since: number | undefined): GatewayError {
    const waitS = Math.max(1, Math.ceil(((since ?? Date.now()) + this.settleMs - Date.now()) / 1000));
    return new GatewayError(
      'OUTCOME_UNKNOWN',
      `Barrack did not confirm ${operation}: the request may or may not have been applied. Check before retrying, or retry with the same idempotency key (the gateway then looks the resource up instead of creating it again; after ${waitS} s a resource still absent is created).`,
      { idempotencyKey: key, operation, retryAfterSeconds: waitS },
      undefined,
      waitS,
    );
  }
}

function storedError(e: GatewayError): StoredError {
  return {
    code: e.code,
    message: e.message,
    details: e.details,
    ...(e.upstreamRequestId ? { upstreamRequestId: e.upstreamRequestId } : {}),
  };
}

function errText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
