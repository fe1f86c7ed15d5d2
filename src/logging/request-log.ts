import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Principal } from '../common/context/principal';
import { requestIdOf } from '../common/graphql/context.factory';

type LoggedRequest = IncomingMessage & {
  principal?: Principal;
  requestId?: string;
  responseCacheFastHit?: true;
};

/** The logger of request completion lines (pino-http's, see LoggingModule). */
export const REQUEST_LOGGER = Symbol('REQUEST_LOGGER');
export type RequestLogger = Logger;

export type RequestLogLevel = 'error' | 'warn' | 'info';

/** The level of a request's completion line: 5xx error, 4xx warn, anything else info. */
function requestLogLevel(res: ServerResponse): RequestLogLevel {
  return res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
}

/** What a completion line says beyond method, path, status and latency: who asked, and how it was answered. */
export function requestLogProps(req: IncomingMessage): Record<string, string> {
  const { principal, responseCacheFastHit } = req as LoggedRequest;
  return {
    ...(principal ? { tenantId: principal.tenantId, principal: principal.subject } : {}),
    // Answered from stored bytes before Apollo (the response-cache fast path).
    ...(responseCacheFastHit ? { responseCache: 'fast-hit' } : {}),
  };
}

/** Health probes and scrapes arrive every few seconds and say nothing about traffic. */
export const QUIET_PATHS = ['/health/live', '/health/ready', '/metrics'];

/**
 * One completion line per request, in pino-http's shape (`req` and `res` through pino-http's serializers and
 * redaction, `requestId`, `latencyMs`, the props above; "request completed", or "request errored" with an `err`
 * for a 5xx), written when the response finishes or the client goes away. Nothing is built when the level is off.
 */
export function logRequestCompleted(
  root: RequestLogger,
  req: IncomingMessage,
  res: ServerResponse,
  startedAt: number,
): void {
  const level = requestLogLevel(res);
  if (!root.isLevelEnabled(level)) return;
  const failed = res.statusCode >= 500;
  root[level](
    {
      requestId: (req as LoggedRequest).requestId,
      req,
      ...requestLogProps(req),
      res,
      ...(failed ? { err: new Error(`failed with status code ${res.statusCode}`) } : {}),
      latencyMs: Date.now() - startedAt,
    },
    failed ? 'request errored' : 'request completed',
  );
}

/**
 * The request logging of every HTTP request that reaches Express (the first middleware): the request id (a safe
 * client `x-request-id`, else a new one) echoed in `x-request-id`, and the one completion line
 * (logRequestCompleted). It replaces pino-http's middleware, which built two child loggers per request and
 * serialised and redacted the request's headers into one of them whether anything was logged or not. No logger is
 * bound to the request: lines logged while serving it pass its `requestId` themselves (nest-logger.ts says why).
 */
export function requestLogging(root: RequestLogger) {
  return (req: LoggedRequest, res: ServerResponse, next: () => void): void => {
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    const url = req.url ?? '';
    if (!QUIET_PATHS.some((p) => url.startsWith(p))) {
      const startedAt = Date.now();
      let logged = false;
      const done = (): void => {
        if (logged) return;
        logged = true;
        logRequestCompleted(root, req, res, startedAt);
      };
      res.once('finish', done);
      res.once('close', done);
    }
    next();
  };
}
