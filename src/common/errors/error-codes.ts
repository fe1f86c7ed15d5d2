/**
 * The closed set of `extensions.code` values a client can see. Adding a code means adding its HTTP
 * status below (the `satisfies` makes a missing entry a compile error) and documenting it in the README.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'NAME_TAKEN',
  'OUT_OF_STOCK',
  'LIMIT_EXCEEDED',
  'INSUFFICIENT_CREDITS',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_DOCUMENT_NOT_FOUND',
  'PERSISTED_DOCUMENT_REQUIRED',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_IN_PROGRESS',
  'OUTCOME_UNKNOWN',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_BAD_RESPONSE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status of a response whose only error carries this code (GraphQL-over-HTTP keeps 200 otherwise). */
export const HTTP_STATUS_BY_CODE = {
  BAD_USER_INPUT: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 200,
  CONFLICT: 200,
  INVALID_STATE: 200,
  NAME_TAKEN: 200,
  OUT_OF_STOCK: 200,
  LIMIT_EXCEEDED: 200,
  INSUFFICIENT_CREDITS: 200,
  RATE_LIMITED: 429,
  QUERY_TOO_COMPLEX: 400,
  // Apollo's APQ protocol: the client resends the full query on this code, so it is not a client error.
  PERSISTED_QUERY_NOT_FOUND: 200,
  PERSISTED_DOCUMENT_NOT_FOUND: 400,
  PERSISTED_DOCUMENT_REQUIRED: 403,
  IDEMPOTENCY_KEY_REUSED: 200,
  IDEMPOTENCY_IN_PROGRESS: 200,
  OUTCOME_UNKNOWN: 200,
  UPSTREAM_UNAVAILABLE: 200,
  UPSTREAM_TIMEOUT: 200,
  UPSTREAM_BAD_RESPONSE: 200,
  INTERNAL: 200,
} as const satisfies Record<ErrorCode, number>;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
