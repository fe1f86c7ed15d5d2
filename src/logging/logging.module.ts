import { Module } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { pinoHttp, type Options } from 'pino-http';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { requestIdOf } from '../common/graphql/context.factory';
import { prettyDestination, usePrettyLogs } from './log-format';
import { REQUEST_LOGGER, requestLogLevel, requestLogProps, type RequestLogger } from './request-log';

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

/** Health probes and scrapes arrive every few seconds and say nothing about traffic. */
const QUIET_PATHS = ['/health/live', '/health/ready', '/metrics'];

export function pinoHttpOptions(config: AppConfig): Options {
  return {
    level: config.LOG_LEVEL,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // The same id the GraphQL context, upstream calls and error extensions use; echoed so clients can quote it.
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestIdOf(req);
      res.setHeader('x-request-id', id);
      return id;
    },
    customAttributeKeys: { reqId: 'requestId', responseTime: 'latencyMs' },
    // Binds requestId to every line logged while serving the request, not only to the completion line.
    quietReqLogger: true,
    // Evaluated again when the response finishes, by which time authentication has set the principal.
    customProps: requestLogProps,
    autoLogging: {
      ignore: (req: IncomingMessage) => QUIET_PATHS.some((p) => req.url?.startsWith(p) === true),
    },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) => requestLogLevel(res, err),
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
        const out = logOutput(config, destination);
        return { pinoHttp: out ? [pinoHttpOptions(config), out] : pinoHttpOptions(config) };
      },
    }),
  ],
  providers: [
    {
      // pino-http's own logger (the same serializers, redaction, level and output), for the completion lines
      // of requests answered before Express (logRequestCompleted). One per app: several apps in one process
      // (tests) each log to their own output, which nestjs-pino's static root logger would not.
      provide: REQUEST_LOGGER,
      inject: [APP_CONFIG, { token: LOG_DESTINATION, optional: true }],
      useFactory: (config: AppConfig, destination?: DestinationStream): RequestLogger => {
        const out = logOutput(config, destination);
        return (out ? pinoHttp(pinoHttpOptions(config), out) : pinoHttp(pinoHttpOptions(config))).logger;
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
