import { Injectable, type NestMiddleware } from '@nestjs/common';
import { context } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { GRAPHQL_PATH, SSE_PATH } from '../common/graphql/paths';
import { describeOperation, startServerSpan, tracingEnabled } from './tracing';

/** The request's operation span, for TracingPlugin to name and enrich. */
export const OPERATION_SPAN = Symbol('operationSpan');

export type TracedRequest = Request & { [OPERATION_SPAN]?: ReturnType<typeof startServerSpan>['span'] };

/**
 * Opens the operation span of one HTTP GraphQL request (POST /graphql, and the graphql-sse stream at
 * /graphql/stream, whose span lasts as long as the stream), child of the client's `traceparent`, and runs the
 * rest of the request (authentication, limits, Apollo, resolvers) inside it, so every Redis and Barrack span
 * of the request hangs below it. Nest middleware (after the body parser): the AsyncLocalStorage context of
 * the active span (tracing on only) would not survive the body stream if entered earlier.
 * The span ends when the response is finished (or the client went away).
 */
@Injectable()
export class TracingMiddleware implements NestMiddleware {
  use(req: TracedRequest, res: Response, next: NextFunction): void {
    if (!tracingEnabled()) return next();
    const { span, ctx } = startServerSpan('graphql', req.headers, {
      'http.request.method': req.method,
      'http.route': routeOf(req),
    });
    req[OPERATION_SPAN] = span;
    res.once('close', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      span.end();
    });
    context.with(ctx, next);
  }
}

/** The route template (one of the two this middleware is mounted on), never the full URL. */
function routeOf(req: Request): string {
  return (req.originalUrl ?? req.url).split('?')[0]?.replace(/\/+$/, '') === `/${SSE_PATH}`
    ? `/${SSE_PATH}`
    : `/${GRAPHQL_PATH}`;
}

/**
 * Names the request's operation span and records what identifies the operation without its content (per the
 * OpenTelemetry GraphQL conventions): type, operation name, document hash (never the text or the variables) and
 * tenant. For the response-cache fast path, which answers before TracingPlugin runs.
 */
export function annotateOperationSpan(
  req: IncomingMessage,
  op: { tenantId?: string; type: string; hash: string; operationName?: string | null },
): void {
  if (!tracingEnabled()) return;
  const span = (req as TracedRequest)[OPERATION_SPAN];
  if (!span) return;
  describeOperation(span, { type: op.type, hash: op.hash, name: op.operationName, tenantId: op.tenantId });
}
