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
  if (code === 'BAD_REQUEST' || code === 'OPERATION_RESOLUTION_FAILURE') {
    return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  return {
    message: 'Internal error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL' },
  };
}
