import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { Authenticator } from '../auth/authenticator.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { GRAPHQL_PATH } from '../common/graphql/paths';
import { logRequestCompleted, REQUEST_LOGGER, type RequestLogger } from '../logging/request-log';
import {
  type GraphqlParams,
  PersistedDocumentResolver,
} from '../persisted-documents/persisted-document-resolver';
import { tracingEnabled } from '../tracing/tracing';
import {
  type FastRequest,
  paramsOfQueryString,
  ResponseCacheFastPath,
  type RequestParams,
} from './fast-path';

/** A body the pre-router read but could not parse: handed to Express, whose body error handler answers it. */
export const PRE_READ_BODY_ERROR = Symbol('preReadBodyError');

type PreRoutedRequest = FastRequest & {
  body?: unknown;
  persistedDocument?: { hash: string; trusted: boolean };
  [PRE_READ_BODY_ERROR]?: Error;
};

const GRAPHQL = `/${GRAPHQL_PATH}`;

/**
 * Answers response-cache hits before Express: the first `request` listener of the gateway's HTTP server. A hit
 * through Express paid for its router, body parser, pino-http (two child loggers and a redacted header
 * serialisation per request, logged or not), passport and Nest's middleware chain: most of a hit's CPU. Here a
 * hit costs reading the body, the same credential check (Authenticator), the same persisted-documents rules
 * (PersistedDocumentResolver), the fast path's one Redis round trip (budgets and the entry), and the stored bytes.
 *
 * What it takes: POST /graphql with `Content-Type: application/json` (utf-8), a Content-Length within
 * MAX_BODY_BYTES and no Content-Encoding, or GET /graphql with a query string (not the IDE page), and a
 * credential header. Everything else goes to Express untouched. A request it took but does not answer (a miss,
 * a refusal, a batch, a document never seen, malformed JSON) goes on to Express with what it already did on the
 * request: the parsed body (body-parser sees a finished stream and skips), the principal (AuthMiddleware does
 * not authenticate twice), drawn budgets and the cache probe (drawn once), and a parse error for Express' body
 * error handler, so every refusal and every miss is answered by the one code that answers it on every path.
 *
 * CSRF: the pre-router only answers requests that carry a credential header (Authorization or X-API-Key),
 * which a browser sends cross-site only after a CORS preflight: csrfGuard lets every such request through.
 * Redis: the fast path gives the request its Redis budget (attachRedisBudget) before its two commands, and a
 * request handed on to Express keeps it, so the hit's round trip and everything a miss sends after it share one.
 * Off with RESPONSE_CACHE_PRE_ROUTER=false or RESPONSE_CACHE_FAST_PATH=false, and when tracing is on (hits then take the Express path, where
 * each gets its operation span).
 */
@Injectable()
export class ResponseCachePreRouter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly fastPath: ResponseCacheFastPath,
    private readonly authenticator: Authenticator,
    private readonly documents: PersistedDocumentResolver,
    @Inject(REQUEST_LOGGER) private readonly log: RequestLogger,
  ) {}

  /** Puts the pre-router in front of the server's one request listener (Express), when it is on. */
  install(server: Server): boolean {
    if (!this.fastPath.enabled || !this.config.RESPONSE_CACHE_PRE_ROUTER || tracingEnabled()) return false;
    const listeners = server.listeners('request') as RequestListener[];
    const [express] = listeners;
    if (listeners.length !== 1 || !express) return false;
    server.removeListener('request', express);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => this.route(req, res, express));
    return true;
  }

  route(req: PreRoutedRequest, res: ServerResponse, express: RequestListener): void {
    const headers = req.headers;
    if (headers.authorization === undefined && headers['x-api-key'] === undefined)
      return void express(req, res);
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    if (path !== GRAPHQL && path !== `${GRAPHQL}/`) return void express(req, res);
    const startedAt = Date.now();
    if (req.method === 'GET') {
      if (q === -1 || headers.accept?.includes('text/html')) return void express(req, res);
      const search = new URLSearchParams(url.slice(q + 1));
      // What Apollo refuses over GET (a content type but JSON's, a parameter given twice) is refused on
      // Express' path (request-limits), never answered from cache.
      if (headers['content-type'] !== undefined || repeatsAParameter(search)) return void express(req, res);
      const item: (GraphqlParams & RequestParams) | undefined = paramsOfQueryString(search);
      if (!item) return void express(req, res); // malformed variables or extensions: Apollo answers
      item.documentId = search.get('documentId') ?? undefined;
      if (item.query === undefined && item.documentId === undefined && item.extensions === undefined) {
        return void express(req, res);
      }
      return this.attempt(req, res, item, express, startedAt);
    }
    if (req.method !== 'POST' || !this.readableJson(req)) return void express(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (e) {
        body = undefined;
        req[PRE_READ_BODY_ERROR] = bodyParseError(e);
      }
      // body-parser's strict mode: only an object or an array is a JSON request body.
      if (body !== undefined && (body === null || typeof body !== 'object')) {
        body = undefined;
        req[PRE_READ_BODY_ERROR] = bodyParseError(new SyntaxError('not a JSON object or array'));
      }
      req.body = body;
      if (!body || Array.isArray(body)) return void express(req, res);
      this.attempt(req, res, body, express, startedAt);
    });
  }

  /** POST bodies the pre-router reads itself: JSON in utf-8, unencoded, of a declared size within the limit. */
  private readableJson(req: IncomingMessage): boolean {
    const h = req.headers;
    const type = h['content-type'];
    if (
      type !== 'application/json' &&
      type?.replace(/\s+/g, '').toLowerCase() !== 'application/json;charset=utf-8'
    )
      return false;
    if (h['content-encoding'] !== undefined || h['transfer-encoding'] !== undefined) return false;
    const length = Number(h['content-length']);
    return Number.isInteger(length) && length > 0 && length <= this.config.MAX_BODY_BYTES;
  }

  private attempt(
    req: PreRoutedRequest,
    res: ServerResponse,
    item: RequestParams & GraphqlParams,
    express: RequestListener,
    startedAt: number,
  ): void {
    this.serve(req, res, item).then(
      (served) => {
        if (!served) return void express(req, res);
        if (res.writableFinished) logRequestCompleted(this.log, req, res, startedAt);
        else res.once('finish', () => logRequestCompleted(this.log, req, res, startedAt));
      },
      () => {
        // Whatever failed here, Express answers the request (and logs it) as it would have without us.
        if (!res.headersSent) express(req, res);
      },
    );
  }

  private async serve(
    req: PreRoutedRequest,
    res: ServerResponse,
    item: RequestParams & GraphqlParams,
  ): Promise<boolean> {
    const outcome = await this.authenticator.authenticate(req);
    if (!outcome.ok) return false; // AuthMiddleware refuses it, with the same outcome
    const principal = outcome.principal;
    req.principal = principal;
    let resolved;
    try {
      resolved = this.documents.resolve(item, this.documents.trustedOnly(principal));
    } catch {
      return false; // PersistedDocumentsMiddleware refuses it, with its code
    }
    if (resolved) req.persistedDocument = resolved;
    return this.fastPath.tryServe(req, res, principal, item, resolved?.hash);
  }
}

/** The error body-parser would have passed on for this body (its type is what the body error handler reads). */
function bodyParseError(cause: unknown): Error {
  const err = new SyntaxError(cause instanceof Error ? cause.message : 'invalid JSON') as SyntaxError & {
    type: string;
    status: number;
    expose: boolean;
  };
  err.type = 'entity.parse.failed';
  err.status = 400;
  err.expose = true;
  return err;
}

function repeatsAParameter(search: URLSearchParams): boolean {
  for (const name of ['query', 'operationName', 'variables', 'extensions', 'documentId'])
    if (search.getAll(name).length > 1) return true;
  return false;
}
