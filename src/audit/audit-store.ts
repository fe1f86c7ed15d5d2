import type { RedisBudget } from '../redis/redis-guard';
import type { AuditEntry } from './audit-entry';

/** Where the trail lives: a bounded Redis stream per tenant, or a ring buffer in this process. */
export interface AuditStore {
  /** `budget`: the Redis budget of the HTTP request the mutation came in (none on WebSocket). */
  append(tenantId: string, entry: AuditEntry, budget?: RedisBudget): Promise<string>;
  /**
   * Up to `count` records strictly between `newerThan` and `olderThan` (exclusive stream ids, either bound
   * optional), taken from the newest end (`from: 'newest'`) or the oldest end (`from: 'oldest'`) of that range,
   * and returned newest first either way.
   */
  range(tenantId: string, query: AuditRange): Promise<AuditEntry[]>;
  /** Records the tenant's trail holds now (bounded by AUDIT_MAX_LEN). */
  count(tenantId: string): Promise<number>;
}

export interface AuditRange {
  olderThan?: string;
  newerThan?: string;
  count: number;
  from: 'newest' | 'oldest';
}

export const AUDIT_STORE = Symbol('AUDIT_STORE');
export const STREAM_ID = /^\d{1,20}-\d{1,20}$/;

/** The id just below `id` (XREVRANGE's `(` needs Redis 6.2; this works everywhere). */
export function previousStreamId(id: string): string | null {
  const [msText, seqText] = id.split('-') as [string, string];
  const ms = BigInt(msText);
  const seq = BigInt(seqText);
  if (seq > 0n) return `${ms}-${seq - 1n}`;
  if (ms > 0n) return `${ms - 1n}-18446744073709551615`;
  return null;
}

export function compareStreamIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt) as [bigint, bigint];
  const [bm, bs] = b.split('-').map(BigInt) as [bigint, bigint];
  return am !== bm ? (am < bm ? -1 : 1) : as === bs ? 0 : as < bs ? -1 : 1;
}

/** The id just above `id` (XRANGE's `(` needs Redis 6.2; this works everywhere). */
export function nextStreamId(id: string): string {
  const [msText, seqText] = id.split('-') as [string, string];
  const seq = BigInt(seqText);
  return seq < 18446744073709551615n ? `${msText}-${seq + 1n}` : `${BigInt(msText) + 1n}-0`;
}
