import { Module } from '@nestjs/common';
import type { Request } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { Principal } from '../common/context/principal';
import { requestIdOf } from '../common/graphql/context.factory';
import { prettyDestination, usePrettyLogs } from './log-format';

/** Optional token: where log lines go (tests capture them); stdout when absent. */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

const SECRET_FIELDS = ['credential', 'secret', 'password', 'token', 'apiKey', 'api_key', 'authorization'];

/**
 * Paths pino censors wherever they appear in a log object (pino's wildcards match one level, so a few depths
 * are spelled out). Request headers that carry credentials are listed by name.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.api_key',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`, `*.*.*.${f}`]),
];

type LoggedRequest = IncomingMessage &
  Request & { principal?: Principal; requestId?: string; responseCacheFastHit?: true };

/** Health probes and scrapes arrive every few seconds and say nothing about traffic. */
const QUIET_PATHS = ['/health/live', '/health/ready', '/metrics'];

export function pinoHttpOptions(config: AppConfig): Options {
  return {
    level: config.LOG_LEVEL,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // The same id the GraphQL context, upstream calls and error extensions use; echoed so clients can quote it.
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestIdOf(req as LoggedRequest);
      res.setHeader('x-request-id', id);
      return id;
    },
    customAttributeKeys: { reqId: 'requestId', responseTime: 'latencyMs' },
    // Binds requestId to every line logged while serving the request, not only to the completion line.
    quietReqLogger: true,
    // Evaluated again when the response finishes, by which time authentication has set the principal.
    customProps: (req: IncomingMessage) => {
      const { principal, responseCacheFastHit } = req as LoggedRequest;
      return {
        ...(principal ? { tenantId: principal.tenantId, principal: principal.subject } : {}),
        // Answered from stored bytes before Apollo (the response-cache fast path).
        ...(responseCacheFastHit ? { responseCache: 'fast-hit' } : {}),
      };
    },
    autoLogging: {
      ignore: (req: IncomingMessage) => QUIET_PATHS.some((p) => req.url?.startsWith(p) === true),
    },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      // The query string can carry anything a client typed; the path is enough to find the route.
      req: (req: { id?: unknown; method?: string; url?: string; headers?: Record<string, unknown> }) => ({
        method: req.method,
        path: req.url?.split('?')[0],
        headers: req.headers,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/**
 * Logs through nestjs-pino: one line per request with request id, tenant and latency; secrets redacted. JSON,
 * or pretty coloured lines in development on a terminal (LOG_FORMAT, see log-format.ts).
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG, { token: LOG_DESTINATION, optional: true }],
      useFactory: (config: AppConfig, destination?: DestinationStream) => {
        const out = destination ?? (usePrettyLogs(config) ? prettyDestination() : null);
        return { pinoHttp: out ? [pinoHttpOptions(config), out] : pinoHttpOptions(config) };
      },
    }),
  ],
})
export class LoggingModule {}

// Re-exported for bootstrap so it depends on this module, not on nestjs-pino directly.
export { Logger as PinoNestLogger } from 'nestjs-pino';
