/** Why an upstream call failed, before it is turned into a client-facing GatewayError. */
export type UpstreamFailureKind =
  /** Barrack answered with a non-2xx status (or a 2xx whose envelope says success: false). */
  | 'http'
  /** Barrack did not answer within the header/total timeout: the outcome of a write is unknown. */
  | 'timeout'
  /** Could not connect, or the connection broke (refused, reset, DNS, connect timeout). */
  | 'connection'
  /** The breaker for this upstream is open: no call was made. */
  | 'breaker_open'
  /** Barrack answered something that is not a JSON envelope we understand. */
  | 'bad_response'
  /** The caller gave up (client disconnected). */
  | 'aborted'
  /** No Barrack base URL is known (embedded mode without a simulator). */
  | 'not_configured';

export interface UpstreamFailure {
  status?: number;
  /** Barrack's machine-readable code (`error.code` or Hyperstack's `error_reason`), upper-cased. */
  upstreamCode?: string;
  /** Barrack's request_id, for support tickets. */
  upstreamRequestId?: string;
  /** Barrack's human message, already checked not to contain the credential. Not yet vetted for clients. */
  upstreamMessage?: string;
  /** Barrack's `error.details`, unfiltered: the error map whitelists what a client may see. */
  upstreamDetails?: Record<string, unknown>;
  /** Seconds from Retry-After, when Barrack sent one. */
  retryAfterS?: number;
  /** A short internal reason for logs (an error code such as ECONNREFUSED), never shown to clients. */
  reason?: string;
}

/**
 * The one typed failure of the HTTP client. Its `message` is for logs: it names the operation and the status,
 * never the URL, body or credential. `toGatewayError` (upstream-error.map.ts beside it) makes the client view.
 *
 * It lives here, not in barrack/, so the arrow points one way: barrack/http throws it (and maps it through
 * upstream-error.map before it leaves the client), and common/ imports nothing above itself (STYLE.md
 * "Layering"; the common-imports-nothing-above rule of .dependency-cruiser.cjs).
 */
export class BarrackUpstreamError extends Error {
  readonly status?: number;
  readonly upstreamCode?: string;
  readonly upstreamRequestId?: string;
  readonly upstreamMessage?: string;
  readonly upstreamDetails?: Record<string, unknown>;
  readonly retryAfterS?: number;
  readonly reason?: string;

  constructor(
    readonly kind: UpstreamFailureKind,
    readonly operationId: string,
    failure: UpstreamFailure = {},
  ) {
    super(
      `Barrack ${operationId} failed: ${kind}${failure.status !== undefined ? ` ${failure.status}` : ''}${
        failure.upstreamCode ? ` ${failure.upstreamCode}` : ''
      }${failure.reason ? ` (${failure.reason})` : ''}`,
    );
    this.name = 'BarrackUpstreamError';
    Object.assign(this, failure);
  }

  /** Failures that say "Barrack is unwell" and so count against the circuit breaker. 4xx and 429 do not. */
  get countsAgainstBreaker(): boolean {
    if (this.kind === 'timeout' || this.kind === 'connection') return true;
    return this.kind === 'http' && this.status !== undefined && this.status >= 500;
  }
}
