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

  /**
   * Barrack's wire name of the input field a refusal is about (`ssh_key_name`, `instance_id`), for the mapping to
   * a mutation's userErrors, which turns it into the schema's argument path when one exists. Never sent to a
   * client: field names in errors are the schema's, never Barrack's.
   */
  wireField?: string;
}

/**
 * Whether a failed lookup of one object by id means "no such object" for the caller: Barrack's 404 (unknown,
 * deleted, another tenant's: Barrack answers 404 for all) or a refusal of the id itself as malformed (a 400 from
 * Barrack, or the upstream path's allow-list). A lookup answers null for these, so a malformed id and an unknown
 * or foreign one look the same; any other failure (Barrack down, limits) stays an error.
 */
export function isNoSuchObject(e: unknown): e is GatewayError {
  return e instanceof GatewayError && (e.code === 'NOT_FOUND' || e.code === 'BAD_USER_INPUT');
}
