import { Module } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { pino, type DestinationStream, type LoggerOptions } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { prettyDestination, usePrettyLogs } from './log-format';
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
 * Logs through pino: one line per request with request id, tenant and latency (requestLogging, mounted first by
 * bootstrap; nestjs-pino only binds each request's child logger, `useExisting`, so lines logged while serving a
 * request carry its requestId), and Nest's own logs through nestjs-pino; secrets redacted. JSON, or pretty
 * coloured lines in development on a terminal (LOG_FORMAT, see log-format.ts).
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG, { token: LOG_DESTINATION, optional: true }],
      useFactory: (config: AppConfig, destination?: DestinationStream) => {
        const out = logOutput(config, destination);
        return { pinoHttp: out ? [loggerOptions(config), out] : loggerOptions(config), useExisting: true };
      },
    }),
  ],
  providers: [
    {
      // The logger of request lines (requestLogging, and the pre-router's hits) and of each request's child.
      // One per app: several apps in one process (tests) each log to their own output.
      provide: REQUEST_LOGGER,
      inject: [APP_CONFIG, { token: LOG_DESTINATION, optional: true }],
      useFactory: (config: AppConfig, destination?: DestinationStream): RequestLogger => {
        const out = logOutput(config, destination);
        return out ? pino(loggerOptions(config), out) : pino(loggerOptions(config));
      },
    },
  ],
  exports: [REQUEST_LOGGER],
})
export class LoggingModule {}

/** Where log lines go: the tests' stream, pretty lines on a development terminal, or (null) stdout as JSON. */
function logOutput(config: AppConfig, destination?: DestinationStream): DestinationStream | null {
  return destination ?? (usePrettyLogs(config) ? prettyDestination() : null);
}

// Re-exported for bootstrap so it depends on this module, not on nestjs-pino directly.
export { Logger as PinoNestLogger } from 'nestjs-pino';
