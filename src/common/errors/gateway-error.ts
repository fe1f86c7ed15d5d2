import type { ErrorCode } from './error-codes';

/** Facts a client may act on. Only plain JSON values; never upstream bodies, URLs or credentials. */
export type ErrorDetails = Record<
  string,
  string | number | boolean | null | string[] | number[] | Record<string, unknown>
>;

/**
 * The one error type the gateway throws on purpose. `formatError` turns it into
 * `extensions { code, requestId, ...details }`; anything else becomes INTERNAL.
 */
export class GatewayError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
    /** Barrack's request id, when the failure came from Barrack. */
    readonly upstreamRequestId?: string,
    /** Seconds until a retry may succeed (rate limits, upstream 429/503). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}
