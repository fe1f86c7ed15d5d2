import { BarrackUpstreamError } from '../common/errors/barrack-upstream.error';
import type { ErrorCode } from '../common/errors/error-codes';
import { GatewayError } from '../common/errors/gateway-error';

/**
 * What a failed idempotent mutation leaves behind:
 * - store:   Barrack (or the gateway) decided, deterministically; a retry with the key gets the same error.
 * - release: the request certainly did not reach Barrack, or Barrack certainly refused it without acting;
 *            the key is freed and a retry runs again.
 * - unknown: the request may have been applied (timeout, connection lost mid-call, 5xx, unreadable answer,
 *            a crash after the call): never re-sent blindly; creates are reconciled by name.
 */
export type FailureDisposition = 'store' | 'release' | 'unknown';

const STORED: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'NAME_TAKEN',
  'OUT_OF_STOCK',
  'LIMIT_EXCEEDED',
  'INSUFFICIENT_CREDITS',
]);

const RELEASED: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED']);

/** Connection failures that happen before a single byte of the request left. */
const NOT_SENT_REASONS: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function upstreamCause(e: GatewayError): BarrackUpstreamError | undefined {
  const cause = (e as Error & { cause?: unknown }).cause;
  return cause instanceof BarrackUpstreamError ? cause : undefined;
}

export function dispositionOf(e: unknown): FailureDisposition {
  if (!(e instanceof GatewayError)) return 'unknown';
  if (STORED.has(e.code)) return 'store';
  if (RELEASED.has(e.code)) return 'release';
  if (e.code === 'UPSTREAM_UNAVAILABLE') {
    const cause = upstreamCause(e);
    if (!cause) return 'release';
    if (cause.kind === 'breaker_open' || cause.kind === 'not_configured') return 'release';
    if (cause.kind === 'connection' && cause.reason && NOT_SENT_REASONS.has(cause.reason)) return 'release';
    // 401 (tenant credential refused) and 503 (overloaded, "come back later") are refusals, not partial work.
    if (cause.kind === 'http' && (cause.status === 401 || cause.status === 503)) return 'release';
    return 'unknown';
  }
  // UPSTREAM_TIMEOUT, UPSTREAM_BAD_RESPONSE, INTERNAL and anything new: the safe answer is "unknown".
  return 'unknown';
}
