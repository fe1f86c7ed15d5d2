import type { ErrorDetails } from '../common/errors/gateway-error';
import type { ErrorCode } from '../common/errors/error-codes';

/** A stored failure: exactly what the client saw, so a replay throws the same error. */
export interface StoredError {
  code: ErrorCode;
  message: string;
  details: ErrorDetails;
  upstreamRequestId?: string;
}

export type StoredResult =
  { ok: true; value: unknown; reconciled?: boolean } | { ok: false; error: StoredError };

/**
 * One idempotency key of one tenant. `in_progress` holds a lease (leaseUntil) so a crashed replica's claim
 * can be taken over; `unknown` means the create may have happened and a retry must reconcile first.
 */
export interface IdempotencyRecord {
  v: 1;
  state: 'in_progress' | 'completed' | 'unknown';
  /** sha256 of operation + arguments (without the key). */
  fp: string;
  operation: string;
  principal: { kind: string; subject: string };
  startedAt: string;
  /** Owner of an in-progress claim; completion and release check it. */
  token?: string;
  leaseUntil?: number;
  /** Epoch ms of the first unknown outcome; kept across reconciliation attempts. */
  unknownSince?: number;
  completedAt?: string;
  result?: StoredResult;
}

const DATE_TAG = '$date';

/**
 * Makes a resolver's return value JSON-safe without losing Dates (DateTime fields must replay as Dates so
 * field resolvers and the scalar treat them exactly as the first time). Class instances become plain
 * objects: GraphQL reads properties only.
 */
export function encodeValue(value: unknown): unknown {
  if (value instanceof Date) return { [DATE_TAG]: value.toISOString() };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined || typeof v === 'function') continue;
      out[k] = encodeValue(v);
    }
    return out;
  }
  return value;
}

export function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === DATE_TAG && typeof o[DATE_TAG] === 'string')
      return new Date(o[DATE_TAG]);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = decodeValue(v);
    return out;
  }
  return value;
}

export function parseRecord(json: string): IdempotencyRecord | undefined {
  try {
    const r = JSON.parse(json) as IdempotencyRecord;
    return r && r.v === 1 && typeof r.fp === 'string' ? r : undefined;
  } catch {
    return undefined;
  }
}
