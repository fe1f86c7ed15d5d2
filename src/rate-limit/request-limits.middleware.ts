import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { sendGraphqlError } from '../common/graphql/graphql-http';
import { GatewayError } from '../common/errors/gateway-error';
import { OperationLimits } from './operation-limits';

/** Writes a GraphQL-shaped error response for a request refused before it reaches Apollo (honours Accept). */
export const sendEarlyError = sendGraphqlError;

/**
 * Limits checked on the raw request, before Apollo parses anything: the number of operations in a batched
 * (array) body, and the lexical token count of each query (a cheap bound on parse and validation work;
 * the check itself is OperationLimits', shared with the WebSocket transport).
 */
@Injectable()
export class RequestLimitsMiddleware implements NestMiddleware {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limits: OperationLimits,
  ) {}

  use(req: Request & { persistedDocument?: { hash: string } }, res: Response, next: NextFunction): void {
    const body: unknown = req.body;
    const max = this.config.QUERY_MAX_BATCH;
    if (Array.isArray(body) && body.length > max) {
      return sendEarlyError(
        req,
        res,
        400,
        'BAD_USER_INPUT',
        `A batch may hold at most ${max} operations; got ${body.length}.`,
        {
          operations: body.length,
          limit: max,
        },
      );
    }
    const shape = malformedBody(req.method, body);
    if (shape) return sendEarlyError(req, res, 400, 'BAD_USER_INPUT', shape);
    const ops: unknown[] = Array.isArray(body) ? body : [body && typeof body === 'object' ? body : req.query];
    for (const op of ops) {
      const query = op && typeof op === 'object' ? (op as { query?: unknown }).query : undefined;
      if (typeof query !== 'string') continue;
      try {
        // A single body's text was hashed by the persisted-documents middleware (batches: each item is lexed).
        this.limits.checkTokens(query, Array.isArray(body) ? undefined : req.persistedDocument?.hash);
      } catch (e) {
        if (!(e instanceof GatewayError)) throw e;
        return sendEarlyError(req, res, 400, e.code, e.message, e.details);
      }
    }
    next();
  }
}

/**
 * The body shapes Apollo refuses before it has a request (with its own words), answered here instead so the refusal
 * carries a requestId like every other: Apollo writes these before any plugin runs. Batching is off (Apollo's
 * default), so any array is refused; a larger one got the batch-size refusal above.
 */
function malformedBody(method: string, body: unknown): string | undefined {
  if (method !== 'POST') return undefined;
  if (Array.isArray(body)) return 'Operation batching disabled.';
  if (!body || typeof body !== 'object' || Object.keys(body).length === 0) {
    return 'POST body missing, invalid Content-Type, or JSON object has no keys.';
  }
  for (const field of ['variables', 'extensions'] as const) {
    if (typeof (body as Record<string, unknown>)[field] === 'string') {
      return `\`${field}\` in a POST body should be provided as an object, not a recursively JSON-encoded string.`;
    }
  }
  return undefined;
}

/** body-parser failures on /graphql answered as GraphQL errors instead of Nest's generic HTTP error body. */
export function bodyErrorHandler(maxBytes: number) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    const type = err && typeof err === 'object' ? (err as { type?: unknown }).type : undefined;
    if (res.headersSent || !req.path.startsWith('/graphql')) return next(err);
    if (type === 'entity.too.large') {
      return sendEarlyError(
        req,
        res,
        413,
        'BAD_USER_INPUT',
        `The request body is larger than ${maxBytes} bytes.`,
        {
          limit: maxBytes,
        },
      );
    }
    if (type === 'entity.parse.failed') {
      return sendEarlyError(req, res, 400, 'BAD_USER_INPUT', 'The request body is not valid JSON.');
    }
    next(err);
  };
}
