import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Principal } from '../common/context/principal';

type LoggedRequest = IncomingMessage & {
  principal?: Principal;
  requestId?: string;
  responseCacheFastHit?: true;
};

/** The logger of request completion lines (pino-http's, see LoggingModule). */
export const REQUEST_LOGGER = Symbol('REQUEST_LOGGER');
export type RequestLogger = Logger;

export type RequestLogLevel = 'error' | 'warn' | 'info';

/** The level of a request's completion line: 5xx (or a failure) error, 4xx warn, anything else info. */
export function requestLogLevel(res: ServerResponse, err?: Error): RequestLogLevel {
  return err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
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

/**
 * The completion line of a request answered before Express (the response-cache pre-router), in the same shape
 * pino-http writes for every other request (`req`, `res` through the same serializers and redaction,
 * `requestId`, `latencyMs`, the props above, "request completed"). Nothing is built when the level is off.
 */
export function logRequestCompleted(
  root: RequestLogger,
  req: IncomingMessage,
  res: ServerResponse,
  startedAt: number,
): void {
  const level = requestLogLevel(res);
  if (!root.isLevelEnabled(level)) return;
  root[level](
    {
      requestId: (req as LoggedRequest).requestId,
      req,
      ...requestLogProps(req),
      res,
      latencyMs: Date.now() - startedAt,
    },
    'request completed',
  );
}
