import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { acceptsGraphqlJson, prefersHtml, sendGraphqlError } from '../common/graphql/graphql-http';
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
    const refusal = malformedRequest(req);
    if (refusal) {
      if (refusal.status === 405) res.setHeader('allow', 'GET, POST');
      return sendEarlyError(req, res, refusal.status, 'BAD_USER_INPUT', refusal.message);
    }
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
 * The requests Apollo refuses before it has a GraphQL request (with its own words and statuses), answered here
 * instead so the refusal carries a requestId like every other: Apollo writes these before any plugin runs, and
 * its 406 only after executing the operation (so a mutation sent with an Accept naming no JSON type ran in
 * Barrack and its client got an error). Batching is off (Apollo's default), so any array is refused; a larger
 * one got the batch-size refusal above. OPTIONS is left to the CORS and CSRF layers, a browser's GET for the IDE
 * page to GraphiQL.
 */
function malformedRequest(req: Request): { status: number; message: string } | undefined {
  const method = req.method;
  if (method === 'OPTIONS' || prefersHtml(req)) return undefined;
  const shape =
    method === 'POST'
      ? malformedBody(req.body)
      : method === 'GET'
        ? malformedQueryString(req)
        : { status: 405, message: 'Apollo Server supports only GET/POST requests.' };
  if (shape) return typeof shape === 'string' ? { status: 400, message: shape } : shape;
  if (!acceptsGraphqlJson(req)) {
    return {
      status: 406,
      message:
        "An 'accept' header was provided for this request which does not accept application/json or application/graphql-response+json",
    };
  }
  return undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && !Buffer.isBuffer(v);

function malformedBody(body: unknown): string | undefined {
  if (Array.isArray(body)) return 'Operation batching disabled.';
  if (!isRecord(body) || Object.keys(body).length === 0) {
    return 'POST body missing, invalid Content-Type, or JSON object has no keys.';
  }
  if (body.query && typeof body.query !== 'string') return 'GraphQL queries must be strings.';
  for (const field of ['variables', 'extensions'] as const) {
    if (typeof body[field] === 'string') {
      return `\`${field}\` in a POST body should be provided as an object, not a recursively JSON-encoded string.`;
    }
  }
  for (const field of ['extensions', 'variables'] as const) {
    if (field in body && body[field] !== null && !isRecord(body[field])) {
      return `\`${field}\` in a POST body must be an object if provided.`;
    }
  }
  if ('operationName' in body && body.operationName !== null && typeof body.operationName !== 'string') {
    return '`operationName` in a POST body must be a string if provided.';
  }
  return undefined;
}

function malformedQueryString(req: Request): { status: number; message: string } | string | undefined {
  const type = req.headers['content-type'];
  if (type !== undefined && type.split(';', 1)[0]!.trim().toLowerCase() !== 'application/json') {
    return {
      status: 415,
      message: 'GET requests may not have a content-type header other than application/json.',
    };
  }
  const q = req.originalUrl.indexOf('?');
  if (q < 0) return undefined;
  const params = new URLSearchParams(req.originalUrl.slice(q + 1));
  for (const name of ['query', 'operationName', 'variables', 'extensions']) {
    const values = params.getAll(name);
    if (values.length > 1) return `The '${name}' search parameter may only be specified once.`;
    if (values.length === 0 || (name !== 'variables' && name !== 'extensions')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(values[0]!);
    } catch {
      return `The ${name} search parameter contains invalid JSON.`;
    }
    if (!isRecord(parsed)) return `The ${name} search parameter should contain a JSON-encoded object.`;
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
