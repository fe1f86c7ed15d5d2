/** What a Barrack API class asks the HTTP client to do. Paths are templates from the OpenAPI document. */
export type BarrackMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface BarrackCall {
  method: BarrackMethod;
  /** Path template relative to the base URL, e.g. '/instances/{instance_id}/'. */
  path: string;
  /** Values for the template's {params}; validated and percent-encoded by the client. */
  pathParams?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Operation id from the OpenAPI document, for logs and metrics. */
  operationId: string;
  /**
   * Where the payload sits when Barrack answers without `data` (Hyperstack style, e.g. 'instances').
   * Without it the client takes the envelope's only non-meta key, or all of them.
   */
  dataKey?: string;
}

/** Who the call is for. Built once per request from the GraphQL context (UpstreamContextFactory.for). */
export interface UpstreamContext {
  tenantId: string;
  /** The tenant's own Barrack API key. Never logged, never returned to a client. */
  credential: string;
  /** The incoming request id, sent upstream as x-request-id. */
  requestId: string;
  signal?: AbortSignal;
}

/** A successful Barrack answer with the envelope taken apart. */
export interface BarrackResult<T> {
  status: number;
  data: T;
  message?: string;
  /** Barrack's request_id. */
  requestId?: string;
  /** The whole parsed envelope, for fields beside `data` (e.g. restore-snapshot's `snapshot`, `tier`). */
  envelope: Record<string, unknown>;
}
