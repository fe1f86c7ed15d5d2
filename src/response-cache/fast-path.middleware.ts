import { createHash } from 'node:crypto';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { Principal } from '../common/context/principal';
import { requestIdOf } from '../common/graphql/context.factory';
import { graphqlMediaType } from '../common/graphql/graphql-http';
import { persistedQueryHash } from '../common/graphql/persisted-query';
import { OperationLimits, type BudgetHolder, type PreDrawn } from '../rate-limit/operation-limits';
import { PRE_DRAWN_BUDGETS, type RequestWithPreDrawn } from '../rate-limit/rate-limit.plugin';
import { annotateOperationSpan } from '../tracing/tracing.middleware';
import {
  CACHE_PROBE,
  ResponseCacheKeys,
  type CacheProbe,
  type RequestWithProbe,
} from './response-cache-keys';
import { composeHitBody, type StoredAnswer, type ResponseCacheStore } from './response-cache.store';
import { RESPONSE_CACHE_STORE } from './response-cache.tokens';

/** One GraphQL request as the fast path needs it: no text, only the document's identity. */
interface KnownOperation {
  hash: string;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
}

type FastRequest = Request &
  RequestWithPreDrawn &
  RequestWithProbe & {
    principal?: Principal;
    persistedDocument?: { hash: string };
    /** Set when the answer was written here (the request's log line says so). */
    responseCacheFastHit?: true;
  };

const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

/**
 * The hot path, before Apollo and after authentication, persisted documents and the request limits (module
 * order in AppModule). For a request whose document (text, trusted documentId or APQ hash), operation name and
 * variables already passed every check once, so its cost is known (OperationLimits.knownCost):
 *
 * 1. In one Redis round trip: the request and cost budgets (one script), and, when the document's policy says
 *    cacheable, the stored entry and the slot's generation (one MGET) — two commands sent in the same tick.
 * 2. A fresh entry and budgets that allow it: the stored bytes are written as they are, with truthful
 *    `extensions` (`cost`, `responseCache.asOf`/`stale`), ETag (304 on If-None-Match), Cache-Control and
 *    RateLimit headers, the request id. No parse, validation, Apollo plugin or JSON re-serialisation.
 * 3. Anything else (no entry, stale, a budget refused, Redis trouble, a batch, a document never seen) goes on
 *    to Apollo unchanged, carrying what was drawn and read, so budgets are drawn once and the entry is not read
 *    twice; a refusal is therefore produced by the one code that produces it on every path.
 *
 * Scopes: an answer is keyed by the principal's scope set (ResponseCacheKeys), so it only reaches principals
 * whose scopes produced it without errors. Trusted-documents-only tenants are refused before this middleware.
 * RESPONSE_CACHE_FAST_PATH=false turns it off.
 */
@Injectable()
export class ResponseCacheFastPath implements NestMiddleware {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RESPONSE_CACHE_STORE) private readonly store: ResponseCacheStore | null,
    private readonly keys: ResponseCacheKeys,
    private readonly limits: OperationLimits,
  ) {}

  use(req: FastRequest, res: Response, next: NextFunction): void {
    const principal = req.principal;
    if (!this.config.RESPONSE_CACHE_FAST_PATH || !principal) return next();
    const op = operationOf(req);
    if (!op) return next();
    const cost = this.limits.knownCost(`${op.hash}|${op.operationName ?? ''}`, op.variables);
    if (cost === undefined) return next();
    this.serve(req, res, principal, op, cost).then(
      (served) => {
        if (!served) next();
      },
      (e: unknown) => next(e),
    );
  }

  /** True when the answer was written here. */
  private async serve(
    req: FastRequest,
    res: Response,
    principal: Principal,
    op: KnownOperation,
    cost: number,
  ): Promise<boolean> {
    const holder = await this.limits.holderFor(principal);
    const version = this.keys.currentSchemaVersion;
    const policy = version ? this.keys.knownPolicy(version, op.hash, op.operationName) : undefined;
    // Over GET only a known cacheable query is drawn for here: a mutation over GET must get its 405 from the
    // GraphQL-over-HTTP layer with no budget spent, whatever its cost is already known to be.
    if (req.method === 'GET' && !policy?.cacheable) return false;
    const store = this.store;
    const address =
      store && version && policy?.cacheable
        ? this.keys.addressOf(version, policy, principal, op.hash, op.operationName, op.variables)
        : undefined;
    const [preDrawn, probe] = await Promise.all([
      // A limiter failure (fail-closed) is left to Apollo's path, which draws again and refuses the same way.
      holder ? this.limits.drawKnown(holder, cost).catch(() => undefined) : undefined,
      address && store
        ? store.peek(address.slot, address.key).then(
            (p): CacheProbe => ({ address, ...p }),
            () => undefined,
          )
        : undefined,
    ]);
    if (preDrawn) req[PRE_DRAWN_BUDGETS] = preDrawn;
    if (probe) req[CACHE_PROBE] = probe;
    if (holder && !preDrawn) return false;
    if (preDrawn && (!preDrawn.draw.requests.allowed || !preDrawn.draw.cost?.allowed)) return false;
    const entry = probe?.entry;
    if (!entry || !policy?.cacheable) return false;
    const ageMs = Date.now() - entry.storedAt;
    if (ageMs > entry.ttlS * 1000) return false; // stale: the plugin's one-refresher-per-key rule decides
    const drawn = holder && preDrawn ? { holder, preDrawn } : undefined;
    this.writeHit(req, res, principal, op, entry, policy.scope === 'public', cost, drawn);
    return true;
  }

  private writeHit(
    req: FastRequest,
    res: Response,
    principal: Principal,
    op: KnownOperation,
    entry: StoredAnswer,
    shared: boolean,
    cost: number,
    drawn: { holder: BudgetHolder; preDrawn: PreDrawn } | undefined,
  ): void {
    const preDrawn = drawn?.preDrawn;
    req.responseCacheFastHit = true;
    annotateOperationSpan(req, {
      tenantId: principal.tenantId,
      type: 'query',
      hash: op.hash,
      operationName: op.operationName,
    });
    res.setHeader('x-request-id', requestIdOf(req));
    const remaining = Math.max(0, Math.floor(entry.ttlS - (Date.now() - entry.storedAt) / 1000));
    res.setHeader('etag', entry.etag);
    res.setHeader('cache-control', `${shared ? 'public' : 'private'}, max-age=${remaining}`);
    if (drawn) {
      const { requests, cost: costDraw } = drawn.preDrawn.draw;
      const rl = this.limits.rateLimitHeaders(drawn.holder, requests, costDraw);
      if (rl) {
        res.setHeader('ratelimit-policy', rl.policy);
        res.setHeader('ratelimit', rl.limit);
      }
    }
    if (req.headers['if-none-match'] === entry.etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    const costExtension: Record<string, number> = { requested: cost, limit: this.config.QUERY_MAX_COST };
    if (preDrawn?.draw.cost) costExtension.remaining = preDrawn.draw.cost.remaining;
    const body = composeHitBody(entry, {
      cost: costExtension,
      responseCache: { hit: true, asOf: new Date(entry.storedAt).toISOString(), stale: false },
    });
    res.statusCode = 200;
    res.setHeader('content-type', `${graphqlMediaType(req)}; charset=utf-8`);
    res.setHeader('content-length', Buffer.byteLength(body));
    res.end(body);
  }
}

/** The document's identity, operation name and variables of a single (not batched) GET or POST, or undefined. */
function operationOf(req: FastRequest): KnownOperation | undefined {
  const path = req.originalUrl.split('?', 1)[0]?.replace(/\/+$/, '');
  if (path !== '/graphql') return undefined;
  let params: { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown };
  if (req.method === 'POST') {
    const body: unknown = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
    params = body;
  } else if (req.method === 'GET') {
    const q = req.query as Record<string, unknown>;
    try {
      params = {
        query: q.query,
        operationName: q.operationName,
        variables: typeof q.variables === 'string' ? JSON.parse(q.variables) : q.variables,
        extensions: typeof q.extensions === 'string' ? JSON.parse(q.extensions) : q.extensions,
      };
    } catch {
      return undefined; // Apollo answers malformed JSON
    }
  } else return undefined;
  const { query, operationName, variables } = params;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
    return undefined;
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== 'object' || Array.isArray(variables))
  )
    return undefined;
  let hash: string | undefined;
  const apq = persistedQueryHash(params.extensions);
  if (typeof query === 'string') {
    // The persisted-documents middleware already hashed the text (Apollo's queryHash is the same sha256).
    hash = req.persistedDocument?.hash ?? createHash('sha256').update(query).digest('hex');
    // Text with a persisted-query hash that is not its own: Apollo refuses it, so Apollo must see it.
    if (apq !== undefined && apq.toLowerCase() !== hash) return undefined;
  } else if ((query === undefined || query === null) && apq !== undefined && SHA256_HEX.test(apq)) {
    hash = apq;
  }
  if (hash === undefined) return undefined;
  return {
    hash,
    operationName: operationName ?? undefined,
    variables: (variables as Record<string, unknown> | null) ?? undefined,
  };
}
