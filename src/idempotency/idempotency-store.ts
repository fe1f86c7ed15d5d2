import type { RedisBudget } from '../redis/redis-guard';
import type { IdempotencyRecord } from './idempotency-record';

export interface ClaimRequest {
  key: string;
  fp: string;
  /** The in-progress record to write when the key is free (or taken over). */
  record: IdempotencyRecord;
  nowMs: number;
  /** Retention of the key (ms), whatever its state. */
  ttlMs: number;
  /** Whether an `unknown` record may be claimed for reconciliation (false for callers that waited on it). */
  claimUnknown: boolean;
  /** The Redis budget of the HTTP request the claim serves (RedisGuard.run). */
  budget?: RedisBudget;
}

/**
 * - claimed: the caller owns the key now. `previous` is set when it took over an `unknown` record or an
 *   expired in-progress lease: the request may have reached Barrack, so the caller must reconcile.
 * - mismatch: the key belongs to a different request.
 * - busy: another caller holds a live lease (or the record is `unknown` and claimUnknown was false).
 * - completed: the stored result.
 */
export type ClaimResult =
  | { kind: 'claimed'; previous?: IdempotencyRecord }
  | { kind: 'mismatch' }
  | { kind: 'busy'; record: IdempotencyRecord }
  | { kind: 'completed'; record: IdempotencyRecord };

/** Shared by the Redis script and the in-process store: one decision, two implementations of atomicity. */
export function decideClaim(
  cur: IdempotencyRecord | undefined,
  req: Pick<ClaimRequest, 'fp' | 'nowMs' | 'claimUnknown' | 'record'>,
): ClaimResult {
  if (!cur) return { kind: 'claimed' };
  // Our own claim, applied although its reply was lost: a retried claim must not wait for itself.
  if (cur.state === 'in_progress' && cur.token !== undefined && cur.token === req.record.token)
    return { kind: 'claimed' };
  if (cur.fp !== req.fp) return { kind: 'mismatch' };
  if (cur.state === 'completed') return { kind: 'completed', record: cur };
  if (cur.state === 'unknown')
    return req.claimUnknown ? { kind: 'claimed', previous: cur } : { kind: 'busy', record: cur };
  if ((cur.leaseUntil ?? 0) <= req.nowMs) return { kind: 'claimed', previous: cur };
  return { kind: 'busy', record: cur };
}

/**
 * Where idempotency records live: Redis (shared by replicas) or this process. `budget`: the Redis budget of
 * the HTTP request a call serves (the Redis store bounds its commands by it).
 */
export interface IdempotencyStore {
  claim(req: ClaimRequest): Promise<ClaimResult>;
  /** Writes the final (or `unknown`) record if `token` still owns the key. False when another owner took it. */
  finish(
    key: string,
    token: string,
    record: IdempotencyRecord,
    ttlMs: number,
    budget?: RedisBudget,
  ): Promise<boolean>;
  /** Frees the key (nothing happened upstream) if `token` still owns it. */
  release(key: string, token: string, budget?: RedisBudget): Promise<void>;
  /**
   * The caller gave up on the key before anything went upstream (its claim or release failed or timed out),
   * and may or may not hold it: free it if `token` holds it, now or, when the store is unreachable, as soon
   * as it answers again. Never throws and never makes the caller wait. A claim that reaches a hung Redis is
   * executed when Redis resumes, so without this it would block its own key for the whole lease.
   */
  abandon(key: string, token: string): void;
  get(key: string, budget?: RedisBudget): Promise<IdempotencyRecord | undefined>;
}
