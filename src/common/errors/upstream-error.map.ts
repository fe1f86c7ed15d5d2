import { BarrackUpstreamError, type UpstreamFailureKind } from './barrack-upstream.error';
import type { ErrorCode } from './error-codes';
import { GatewayError, type ErrorDetails } from './gateway-error';

/*
 * THE mapping from upstream failures to client error codes. Nothing else in the gateway decides what a
 * Barrack status means to a client.
 */

/** Upstream statuses with a row of their own; any other status falls back to its class (see statusRule). */
export const MAPPED_UPSTREAM_STATUSES = [400, 401, 402, 403, 404, 409, 422, 429, 500, 502, 503, 504] as const;
export type MappedUpstreamStatus = (typeof MAPPED_UPSTREAM_STATUSES)[number];

interface StatusRule {
  code: ErrorCode;
  /** What the client reads when Barrack's own message is not passed on. */
  message: string;
  /** Whether Barrack's body code may refine the code (e.g. 409 + NAME_TAKEN), and its message be passed on. */
  refinable: boolean;
}

export const UPSTREAM_STATUS_MAP = {
  400: { code: 'BAD_USER_INPUT', message: 'Barrack rejected the request as invalid', refinable: true },
  // The TENANT's Barrack key was refused. Not UNAUTHENTICATED/FORBIDDEN: the caller authenticated fine with the
  // gateway and can do nothing about it; the operator must fix the tenant's credential, so it is an upstream fault.
  401: {
    code: 'UPSTREAM_UNAVAILABLE',
    message: "Barrack rejected this tenant's credential",
    refinable: false,
  },
  402: {
    code: 'INSUFFICIENT_CREDITS',
    message: 'Not enough Barrack credits for this operation',
    refinable: true,
  },
  // Barrack says 403 for another account's resource: answer exactly as for an unknown id, never hint it exists.
  403: { code: 'NOT_FOUND', message: 'Resource not found', refinable: false },
  404: { code: 'NOT_FOUND', message: 'Resource not found', refinable: false },
  409: {
    code: 'CONFLICT',
    message: 'The request conflicts with the current state of the resource',
    refinable: true,
  },
  422: { code: 'BAD_USER_INPUT', message: 'Barrack rejected the request as invalid', refinable: true },
  429: {
    code: 'RATE_LIMITED',
    message: 'Barrack is rate limiting this tenant; retry later',
    refinable: false,
  },
  500: { code: 'UPSTREAM_UNAVAILABLE', message: 'Barrack failed to handle the request', refinable: false },
  502: { code: 'UPSTREAM_UNAVAILABLE', message: 'Barrack is unavailable', refinable: false },
  503: { code: 'UPSTREAM_UNAVAILABLE', message: 'Barrack is unavailable', refinable: false },
  // A gateway timeout inside Barrack: like our own timeout, a write may or may not have happened.
  504: { code: 'UPSTREAM_TIMEOUT', message: 'Barrack timed out', refinable: false },
  // An unexpected status (3xx, 405, 2xx with success:false...) means the contract and reality disagree.
  default: {
    code: 'UPSTREAM_BAD_RESPONSE',
    message: 'Barrack returned an unexpected response',
    refinable: true,
  },
} as const satisfies Record<MappedUpstreamStatus | 'default', StatusRule>;

/** Failures without an HTTP status. */
export const UPSTREAM_KIND_MAP = {
  timeout: { code: 'UPSTREAM_TIMEOUT', message: 'Barrack did not answer in time' },
  connection: { code: 'UPSTREAM_UNAVAILABLE', message: 'Barrack is unreachable' },
  breaker_open: {
    code: 'UPSTREAM_UNAVAILABLE',
    message: 'Barrack is unavailable (failing fast after repeated errors)',
  },
  bad_response: {
    code: 'UPSTREAM_BAD_RESPONSE',
    message: 'Barrack returned a response the gateway cannot read',
  },
  aborted: { code: 'UPSTREAM_TIMEOUT', message: 'The Barrack call was cancelled before it completed' },
  not_configured: { code: 'UPSTREAM_UNAVAILABLE', message: 'No Barrack upstream is configured' },
} as const satisfies Record<Exclude<UpstreamFailureKind, 'http'>, { code: ErrorCode; message: string }>;

/** Barrack body codes (`error.code` / `error_reason`, normalised to UPPER_SNAKE) that sharpen a refinable status. */
export const UPSTREAM_BODY_CODE_MAP = {
  INSUFFICIENT_CREDITS: 'INSUFFICIENT_CREDITS',
  INSUFFICIENT_BALANCE: 'INSUFFICIENT_CREDITS',
  INVALID_STATE: 'INVALID_STATE',
  INVALID_STATUS: 'INVALID_STATE',
  NAME_TAKEN: 'NAME_TAKEN',
  DUPLICATE_NAME: 'NAME_TAKEN',
  NAME_NOT_UNIQUE: 'NAME_TAKEN',
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  NO_STOCK: 'OUT_OF_STOCK',
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  QUOTA_EXCEEDED: 'LIMIT_EXCEEDED',
  VALIDATION_ERROR: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
} as const satisfies Record<string, ErrorCode>;

/** Client messages for refined codes, used when Barrack's own message is not fit to pass on. */
const REFINED_MESSAGES: Partial<Record<ErrorCode, string>> = {
  INSUFFICIENT_CREDITS: 'Not enough Barrack credits for this operation',
  INVALID_STATE: 'The resource is not in a state that allows this operation',
  NAME_TAKEN: 'The name is already in use',
  OUT_OF_STOCK: 'The requested capacity is out of stock',
  LIMIT_EXCEEDED: 'An account limit would be exceeded',
};

/**
 * Facts from Barrack's `error.details` a client may act on. Only these keys, only scalars or short lists of
 * scalars; anything else (nested objects, ids of other accounts' resources, URLs) is dropped.
 */
const SAFE_DETAIL_KEYS: Record<string, string> = {
  current_state: 'currentState',
  current_status: 'currentState',
  required_state: 'requiredState',
  allowed_states: 'allowedStates',
  allowed_from: 'allowedFrom',
  balance: 'balance',
  required: 'required',
  required_credits: 'required',
  currency: 'currency',
  alternatives: 'alternatives',
  available: 'available',
  limit: 'limit',
};

const MAX_MESSAGE_CHARS = 300;
const MAX_LIST_ITEMS = 50;
const MAX_SCALAR_CHARS = 200;

export function normaliseUpstreamCode(code: string): string {
  return code
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

function statusRule(status: number | undefined): StatusRule {
  if (status !== undefined && (MAPPED_UPSTREAM_STATUSES as readonly number[]).includes(status)) {
    return UPSTREAM_STATUS_MAP[status as MappedUpstreamStatus];
  }
  // An unlisted 5xx is still an outage, never a client error and never NOT_FOUND.
  if (status !== undefined && status >= 500) return UPSTREAM_STATUS_MAP[500];
  return UPSTREAM_STATUS_MAP.default;
}

function safeScalar(v: unknown): string | number | boolean | null | undefined {
  if (v === null || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') return v.length <= MAX_SCALAR_CHARS && !v.includes('://') ? v : undefined;
  return undefined;
}

/** Exported for the spec: the whitelist applied to Barrack's `error.details`. */
export function safeUpstreamDetails(details: Record<string, unknown> | undefined): ErrorDetails {
  const out: ErrorDetails = {};
  if (!details) return out;
  for (const [key, value] of Object.entries(details)) {
    const name = SAFE_DETAIL_KEYS[key];
    if (!name) continue;
    if (Array.isArray(value)) {
      const items = value.slice(0, MAX_LIST_ITEMS).map(safeScalar);
      if (items.every((i): i is string => typeof i === 'string')) out[name] = items;
      else if (items.every((i): i is number => typeof i === 'number')) out[name] = items;
      continue;
    }
    const s = safeScalar(value);
    if (s !== undefined) out[name] = s;
  }
  return out;
}

/** Barrack's name of the field a refusal is about (kept off the client's details: see GatewayError.wireField). */
function wireFieldOf(details: Record<string, unknown> | undefined): string | undefined {
  const f = details?.field;
  return typeof f === 'string' && /^[a-z][a-z0-9_]{0,63}$/.test(f) ? f : undefined;
}

/** Barrack's own message may reach a client only when it is short, plain prose. */
function passableMessage(message: string | undefined): string | undefined {
  if (!message) return undefined;
  const m = message.trim();
  if (!m || m.length > MAX_MESSAGE_CHARS) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(m) || /:\/\/|[{}<>]/.test(m)) return undefined;
  return m;
}

/** The one conversion from an upstream failure to what a client sees. */
export function toGatewayError(err: BarrackUpstreamError): GatewayError {
  let mapped: GatewayError;
  if (err.kind !== 'http') {
    const rule = UPSTREAM_KIND_MAP[err.kind];
    mapped = new GatewayError(rule.code, rule.message, {}, err.upstreamRequestId);
  } else {
    const rule = statusRule(err.status);
    let code: ErrorCode = rule.code;
    let message: string = rule.message;
    let details: ErrorDetails = {};
    if (rule.refinable) {
      const refined = err.upstreamCode
        ? (UPSTREAM_BODY_CODE_MAP as Record<string, ErrorCode>)[normaliseUpstreamCode(err.upstreamCode)]
        : undefined;
      if (refined) {
        code = refined;
        message = REFINED_MESSAGES[refined] ?? message;
      }
      message = passableMessage(err.upstreamMessage) ?? message;
      details = safeUpstreamDetails(err.upstreamDetails);
    }
    const retryAfter = code === 'RATE_LIMITED' || err.status === 503 ? err.retryAfterS : undefined;
    mapped = new GatewayError(code, message, details, err.upstreamRequestId, retryAfter);
    if (rule.refinable) mapped.wireField = wireFieldOf(err.upstreamDetails);
  }
  mapped.cause = err;
  return mapped;
}

export function isBarrackUpstreamError(e: unknown): e is BarrackUpstreamError {
  return e instanceof BarrackUpstreamError;
}
