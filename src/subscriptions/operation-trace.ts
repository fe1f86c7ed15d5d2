import type { IncomingMessage } from 'node:http';
import type { GraphQLError, OperationDefinitionNode } from 'graphql';
import type { Principal } from '../common/context/principal';
import { formatGatewayError } from '../common/errors/format-error';
import { describeOperation, documentHash, markError, type ServerSpan } from '../tracing/tracing';

/*
 * Tracing of operations on the long-lived transports (graphql-ws, graphql-sse), written once for both: the
 * same attributes as the HTTP operation span (TracingPlugin), the same error marking. Only called when
 * tracing is on (the callers check tracingEnabled() first).
 */

const TRACE_HEADERS = ['traceparent', 'tracestate'] as const;

/**
 * The W3C trace context of a WebSocket connection: `traceparent` / `tracestate` from the connection_init
 * payload (browsers cannot set headers on a WebSocket), else from the upgrade request's headers. Only those
 * two keys are read: the payload also carries the credential.
 */
export function wsTraceCarrier(
  params: Readonly<Record<string, unknown>> | undefined,
  upgradeHeaders: IncomingMessage['headers'],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    const name = k.toLowerCase();
    if ((TRACE_HEADERS as readonly string[]).includes(name) && typeof v === 'string') out[name] = v;
  }
  if (out.traceparent) return out;
  for (const name of TRACE_HEADERS) {
    const v = upgradeHeaders[name];
    if (typeof v === 'string') out[name] = v;
  }
  return out;
}

/** Names the span of an admitted operation and sets what identifies it (never its text or variables). */
export function describeAdmitted(
  span: ServerSpan['span'],
  principal: Principal,
  query: string,
  operation: OperationDefinitionNode,
): void {
  describeOperation(span, {
    type: operation.operation,
    name: operation.name?.value,
    hash: documentHash(query),
    tenantId: principal.tenantId,
  });
}

/** Marks the span with the code the client sees for the first error (as TracingPlugin does over HTTP). */
export function markOperationErrors(span: ServerSpan['span'], errors: readonly GraphQLError[]): void {
  const first = errors[0];
  if (!first) return;
  const code = formatGatewayError(first.toJSON(), first).extensions?.code;
  markError(span, typeof code === 'string' ? code : 'GRAPHQL_ERROR');
}
