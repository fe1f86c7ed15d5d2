import type { AuditEntry } from './audit-entry';

/** Where the trail lives: a bounded Redis stream per tenant, or a ring buffer in this process. */
export interface AuditStore {
  append(tenantId: string, entry: AuditEntry): Promise<string>;
  /** Newest first; `before` is an exclusive stream id. */
  list(tenantId: string, limit: number, before?: string): Promise<AuditEntry[]>;
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
