import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { GatewayError } from './gateway-error';
import { isErrorCode, type ErrorCode } from './error-codes';
import { BarrackUpstreamError } from './barrack-upstream.error';
import { toGatewayError } from './upstream-error.map';

/**
 * The single place where errors become what a client sees. GatewayError keeps its code and details;
 * GraphQL's own parse/validation errors keep theirs; everything else is INTERNAL with a generic message,
 * so no stack, upstream URL or body can leak (in every NODE_ENV). requestId is stamped by ErrorsPlugin.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const raw = error instanceof GraphQLError ? error.originalError : error;
  // An upstream failure that escaped its api class still goes through the one error map.
  const original = raw instanceof BarrackUpstreamError ? toGatewayError(raw) : raw;
  if (original instanceof GatewayError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        ...original.details,
        code: original.code,
        ...(original.upstreamRequestId ? { upstreamRequestId: original.upstreamRequestId } : {}),
        ...(original.retryAfter !== undefined ? { retryAfter: original.retryAfter } : {}),
      },
    };
  }
  const code = formatted.extensions?.code;
  const known: ErrorCode | undefined = isErrorCode(code) ? code : undefined;
  if (known) {
    // Errors raised by graphql-js / Apollo with a known code (parse, validation, bad variables, auth).
    const { code: _c, stacktrace: _s, http: _h, ...rest } = formatted.extensions ?? {};
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { ...rest, code: known },
    };
  }
  if (code === 'BAD_REQUEST' || code === 'OPERATION_RESOLUTION_FAILURE' || isCodelessRequestError(error)) {
    return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  return {
    message: 'Internal error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL' },
  };
}

/**
 * A request error Apollo raises without a code but with a 4xx status: the persisted-query checks ("provided sha
 * does not match query", "Unsupported persisted query version"). Raised by Apollo itself (no original error, no
 * path), so its message is Apollo's own text about the request, safe to show; anything from our code or from
 * execution has an original error or a path and stays INTERNAL when it has no code.
 */
function isCodelessRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.originalError || error.path) return false;
  const http = error.extensions.http as { status?: unknown } | undefined;
  return typeof http?.status === 'number' && http.status >= 400 && http.status < 500;
}
