/** One mutation, as the audit trail keeps it. Never holds input values beyond ids and the idempotency key. */
export interface AuditEntry {
  /** Stream id (`<ms>-<seq>`): the position in the tenant's trail, and the `before` cursor. Set by the store. */
  id?: string;
  at: string;
  tenantId: string;
  principal: { kind: string; subject: string } | null;
  operation: string;
  /** Ids named in the arguments and in the result (deduplicated, at most MAX_TARGET_IDS). */
  targetIds: string[];
  idempotencyKey?: string;
  replayed?: boolean;
  reconciled?: boolean;
  /** 'OK' or the error code the client saw. */
  outcome: string;
  upstreamRequestId?: string;
  latencyMs: number;
  requestId: string;
}

export const MAX_TARGET_IDS = 20;

const ID_KEY = /^(id|.+Id|.+Ids)$/;
/** Keys that end in Id but are not resources: request ids belong in their own fields. */
const NOT_TARGETS = new Set(['requestId', 'upstreamRequestId']);

/** Collects resource ids from arguments or a result: values of `id`, `…Id` and `…Ids` keys, a few levels deep. */
export function collectIds(value: unknown, out: Set<string>, depth = 3): void {
  if (depth < 0 || out.size >= MAX_TARGET_IDS || value === null || typeof value !== 'object') return;
  if (value instanceof Date) return;
  if (Array.isArray(value)) {
    for (const v of value) collectIds(v, out, depth - 1);
    return;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (out.size >= MAX_TARGET_IDS) return;
    if (ID_KEY.test(k) && !NOT_TARGETS.has(k)) {
      if (typeof v === 'string' || typeof v === 'number') out.add(String(v));
      else if (Array.isArray(v))
        for (const x of v) if (typeof x === 'string' && out.size < MAX_TARGET_IDS) out.add(x);
      continue;
    }
    collectIds(v, out, depth - 1);
  }
}
