import type { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';

/** Nest's stack-trace contract: `error(message, stack, context)`, used by its exception handlers. */
const STACK_TRACE = /\n\s*at /;

/**
 * Nest's LoggerService over the app's pino logger (app.useLogger): every `new Logger('Name')` of the code writes
 * through it, `context` carrying the name. The line shapes are nestjs-pino's (`{ context, ...object, msg }`, an
 * Error as `err`), which this replaces. It binds nothing per request: nestjs-pino's request binding is an
 * AsyncLocalStorage entered for every request, and on Node 20 one entered storage keeps promise hooks on for
 * every promise of the process (~12% of a pass-through answer's instructions, bench/PROFILE.md "No
 * AsyncLocalStorage"). A line logged while serving a request names its request itself: `requestId` in the
 * object, taken from what the caller was handed (GqlContext.requestId, UpstreamContext.requestId, ...).
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** Nest passes the logger's context (its name) last; anything before it is interpolation arguments. */
  private write(level: Level, message: unknown, rest: unknown[]): void {
    if (!this.root.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    const args = rest.slice(0, -1);
    if (rest.length) fields.context = rest[rest.length - 1];
    if (message instanceof Error) {
      fields.err = message;
      this.root[level](fields, ...(args as []));
    } else if (typeof message === 'object' && message !== null) {
      // An object that carries its own `msg` is the whole line. Anything after it is the explicit context a caller
      // also passed (`this.log.warn({ msg, ... }, 'Name')`: Nest then appends the logger's own), never message
      // text: given to pino it would become a second `msg` key, which JSON readers take instead of the first.
      const rest = 'msg' in message ? [] : args.filter((a) => a !== fields.context);
      this.root[level](Object.assign(fields, message), ...(rest as []));
    } else if (
      level === 'error' &&
      typeof message === 'string' &&
      args.length === 1 &&
      typeof args[0] === 'string' &&
      STACK_TRACE.test(args[0])
    ) {
      const err = new Error(message);
      err.stack = args[0];
      fields.err = err;
      this.root.error(fields);
    } else {
      this.root[level](fields, String(message), ...(args as []));
    }
  }
}
