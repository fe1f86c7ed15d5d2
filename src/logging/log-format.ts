import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/app-config';

/**
 * Pretty (coloured, one line per entry) or JSON. `auto` picks pretty only in development with stdout on a
 * terminal: logs piped to a file, a container runtime or a collector stay JSON, which is what machines read.
 */
export function usePrettyLogs(
  config: Pick<AppConfig, 'LOG_FORMAT' | 'NODE_ENV'>,
  stdoutIsTty: boolean = process.stdout.isTTY === true,
): boolean {
  if (config.LOG_FORMAT !== 'auto') return config.LOG_FORMAT === 'pretty';
  return config.NODE_ENV === 'development' && stdoutIsTty;
}

/**
 * pino-pretty as an in-process stream (no worker thread): `10:41:07.123 INFO [Cache] message key=value`.
 * Null when pino-pretty is not installed (a production image built with --omit=dev may lack it): JSON then.
 */
export function prettyDestination(
  opts: { colorize?: boolean; destination?: NodeJS.WritableStream } = {},
): DestinationStream | null {
  let build: (opts: Record<string, unknown>) => DestinationStream;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    build = require('pino-pretty') as typeof build;
  } catch {
    return null;
  }
  return build({
    colorize: opts.colorize ?? true,
    ...(opts.destination ? { destination: opts.destination } : {}),
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,context',
    messageFormat: '{if context}[{context}] {end}{msg}',
    sync: true,
  });
}
