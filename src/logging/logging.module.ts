import { Module } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type LoggerOptions } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { prettyDestination, usePrettyLogs } from './log-format';
import { PinoNestLogger } from './nest-logger';
import { REQUEST_LOGGER, type RequestLogger } from './request-log';

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

type SerializedRequest = IncomingMessage & { originalUrl?: string };

/** The gateway's pino options: level, redaction, and what a request and a response look like in a line. */
export function loggerOptions(config: AppConfig): LoggerOptions {
  return {
    level: config.LOG_LEVEL,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      // The query string can carry anything a client typed; the path is enough to find the route.
      req: (req: SerializedRequest) => ({
        method: req.method,
        path: (req.originalUrl ?? req.url)?.split('?')[0],
        headers: req.headers,
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
  };
}

/**
 * Logs through one pino logger per app: one line per request with request id, tenant and latency
 * (requestLogging, mounted first by bootstrap), and every `new Logger(...)` of the code, Nest's own included,
 * through PinoNestLogger (bootstrap's app.useLogger); secrets redacted. JSON, or pretty coloured lines in
 * development on a terminal (LOG_FORMAT, see log-format.ts). Nothing is bound per request: a line logged while
 * serving one carries the `requestId` its caller passes (README, "Logs"; nest-logger.ts says why).
 */
@Module({
  providers: [
    {
      // The app's logger: request lines (requestLogging, and the pre-router's hits) and PinoNestLogger's.
      // One per app: several apps in one process (tests) each log to their own output.
      provide: REQUEST_LOGGER,
      inject: [APP_CONFIG, { token: LOG_DESTINATION, optional: true }],
      useFactory: (config: AppConfig, destination?: DestinationStream): RequestLogger => {
        const out = logOutput(config, destination);
        return out ? pino(loggerOptions(config), out) : pino(loggerOptions(config));
      },
    },
    {
      provide: PinoNestLogger,
      inject: [REQUEST_LOGGER],
      useFactory: (root: RequestLogger) => new PinoNestLogger(root),
    },
  ],
  exports: [REQUEST_LOGGER, PinoNestLogger],
})
export class LoggingModule {}

/** Where log lines go: the tests' stream, pretty lines on a development terminal, or (null) stdout as JSON. */
function logOutput(config: AppConfig, destination?: DestinationStream): DestinationStream | null {
  return destination ?? (usePrettyLogs(config) ? prettyDestination() : null);
}
