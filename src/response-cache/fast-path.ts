import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { Principal } from '../common/context/principal';
import { requestIdOf } from '../common/graphql/context.factory';
import { acceptsGraphqlJson, graphqlMediaType } from '../common/graphql/graphql-http';
import { hasUnsupportedPersistedQuery, persistedQueryHash } from '../common/graphql/persisted-query';
import { OperationLimits, type BudgetHolder, type PreDrawn } from '../rate-limit/operation-limits';
import { PRE_DRAWN_BUDGETS, type RequestWithPreDrawn } from '../rate-limit/rate-limit.plugin';
import { attachRedisBudget, requestBudgetMsOf, type RedisBudget } from '../redis/redis-guard';
import { annotateOperationSpan } from '../tracing/tracing.middleware';
import {
  CACHE_PROBE,
  ResponseCacheKeys,
  type CacheAddress,
  type CacheProbe,
  type RequestWithProbe,
} from './response-cache-keys';
import { ResponseCacheMetrics } from './response-cache.metrics';
import { composeHitBytes, type StoredAnswer, type ResponseCacheStore } from './response-cache.store';
import { RESPONSE_CACHE_STORE } from './response-cache.tokens';

/** One GraphQL request as the fast path needs it: no text, only the document's identity. */
export interface KnownOperation {
  hash: string;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
}

/** The parameters of one (not batched) GraphQL-over-HTTP request, from a POST body or a GET query string. */
export interface RequestParams {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/** Set on a request the fast path has looked at, so the Express middleware does not try it a second time. */
export const FAST_PATH_TRIED = Symbol('responseCacheFastPathTried');

export type FastRequest = IncomingMessage &
  RequestWithPreDrawn &
  RequestWithProbe & {
    principal?: Principal;
    requestId?: string;
    /** Set when the answer was written here (the request's log line says so). */
    responseCacheFastHit?: true;
    [FAST_PATH_TRIED]?: true;
  };

const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

/**
 * The hot path, before Apollo and after authentication and persisted documents: for a request whose document
 * (text, trusted documentId or APQ hash), operation name and variables already passed every check once, so its
 * cost is known (OperationLimits.knownCost):
 *
 * 1. In one Redis round trip: the request and cost budgets (one script), and, when the document's policy says
 *    cacheable, the stored entry and the slot's generation. For a tenant-scoped answer the budget script reads
 *    those too (one command: its keys share the tenant's hash tag); a public answer is one MGET beside it, sent
 *    in the same tick (drawAndPeek). All of it through the RedisGuard within the request's Redis budget
 *    (attached here, shared by Apollo's path).
 * 2. A fresh entry and budgets that allow it: the stored bytes are written as they are, with truthful
 *    `extensions` (`cost`, `responseCache.asOf`/`stale`), ETag (304 on If-None-Match), Cache-Control and
 *    RateLimit headers, the request id. No parse, validation, Apollo plugin or JSON re-serialisation.
 * 3. Anything else (no entry, stale, a budget refused, Redis trouble, a document never seen) goes on to Apollo
 *    unchanged, carrying what was drawn and read, so budgets are drawn once and the entry is not read twice; a
 *    refusal is therefore produced by the one code that produces it on every path.
 *
 * Two callers: the pre-router (pre-router.ts), which runs it on the plain node request before Express for the
 * common shapes, and the Express middleware (fast-path.middleware.ts) for the rest (tracing on, chunked bodies…).
 * Scopes: an answer is keyed by the principal's scope set (ResponseCacheKeys), so it only reaches principals
 * whose scopes produced it without errors. RESPONSE_CACHE_FAST_PATH=false turns both off.
 */
@Injectable()
export class ResponseCacheFastPath {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RESPONSE_CACHE_STORE) private readonly store: ResponseCacheStore | null,
    private readonly keys: ResponseCacheKeys,
    private readonly limits: OperationLimits,
    private readonly metrics: ResponseCacheMetrics,
  ) {
    this.redisBudgetMs = requestBudgetMsOf(config);
  }

  private readonly redisBudgetMs: number;

  get enabled(): boolean {
    return this.config.RESPONSE_CACHE_FAST_PATH;
  }

  /**
   * True when the answer was written here; false hands the request on (with what was drawn and read attached).
   * `persistedHash` is the hash the persisted-documents rules settled on for a text or trusted document.
   */
  async tryServe(
    req: FastRequest,
    res: ServerResponse,
    principal: Principal,
    params: RequestParams,
    persistedHash: string | undefined,
  ): Promise<boolean> {
    if (!this.enabled || req[FAST_PATH_TRIED]) return false;
    req[FAST_PATH_TRIED] = true;
    // An Accept naming no JSON type is refused 406 before execution (request-limits): a hit must not answer it.
    if (!acceptsGraphqlJson(req)) return false;
    const op = operationOf(params, persistedHash);
    if (!op) return false;
    const cost = this.limits.knownCost(`${op.hash}|${op.operationName ?? ''}`, op.variables);
    if (cost === undefined) return false;
    // The request's Redis budget, given here (the first layer that uses Redis) and shared with Apollo's path
    // after it (attachRedisBudget keeps it): the draw and the probe, and whatever a miss sends later, together.
    const budget = attachRedisBudget(req, this.redisBudgetMs);
    const holder = await this.limits.holderFor(principal, budget);
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
    const { preDrawn, probe } = await this.drawAndPeek(holder, cost, address, store, budget);
    if (preDrawn) req[PRE_DRAWN_BUDGETS] = preDrawn;
    if (probe) req[CACHE_PROBE] = probe;
    if (holder && !preDrawn) return false;
    if (preDrawn && (!preDrawn.draw.requests.allowed || !preDrawn.draw.cost?.allowed)) return false;
    const entry = probe?.entry;
    if (!entry || !policy?.cacheable) return false;
    const ageMs = Date.now() - entry.storedAt;
    if (ageMs > entry.ttlS * 1000) return false; // stale: the plugin's one-refresher-per-key rule decides
    const drawn = holder && preDrawn ? { holder, preDrawn } : undefined;
    this.metrics.count('hit');
    this.writeHit(req, res, principal, op, entry, policy.scope === 'public', cost, drawn);
    return true;
  }

  /**
   * The budgets and the entry with its generation. One command when the entry's keys share the budgets' slot
   * (a tenant-scoped answer under the tenant's budgets): the budget script returns them. Otherwise two, sent in
   * the same turn. Either way the entry and the generation are read together, so the generation race holds. A
   * failure of either is no answer here (Apollo's path draws again and reads for itself).
   */
  private async drawAndPeek(
    holder: BudgetHolder | undefined,
    cost: number,
    address: CacheAddress | undefined,
    store: ResponseCacheStore | null,
    budget: RedisBudget,
  ): Promise<{ preDrawn?: PreDrawn; probe?: CacheProbe }> {
    const keys =
      address && store && this.config.RESPONSE_CACHE_ONE_COMMAND && store.peekKeys(address.slot, address.key);
    const combined = holder && keys ? this.limits.drawKnownAndRead(holder, cost, keys) : undefined;
    if (combined && address && store) {
      const r = await combined.catch(() => undefined);
      const [entry = null, generation = null] = r?.values ?? [];
      return {
        preDrawn: r?.preDrawn,
        probe: r?.values ? { address, ...store.peekOf(address.slot, entry, generation) } : undefined,
      };
    }
    const [preDrawn, probe] = await Promise.all([
      // A limiter failure (fail-closed) is left to Apollo's path, which draws again and refuses the same way.
      holder ? this.limits.drawKnown(holder, cost).catch(() => undefined) : undefined,
      address && store
        ? store.peek(address.slot, address.key, budget).then(
            (p): CacheProbe => ({ address, ...p }),
            () => undefined,
          )
        : undefined,
    ]);
    return { preDrawn, probe };
  }

  private writeHit(
    req: FastRequest,
    res: ServerResponse,
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
    const body = composeHitBytes(
      entry,
      hitExtensions(cost, this.config.QUERY_MAX_COST, preDrawn?.draw.cost?.remaining, entry.storedAt),
    );
    res.statusCode = 200;
    res.setHeader('content-type', `${graphqlMediaType(req)}; charset=utf-8`);
    res.setHeader('content-length', body.length);
    res.end(body);
  }
}

/** JSON.stringify of a number (a finite number's text, else null), without the call. */
function jsonNumber(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}

/** The last `asOf` written, by its entry's storedAt: the hits of one entry share it. */
let lastStoredAt = Number.NaN;
let lastAsOf = '';

/**
 * A hit's extension members, `"cost":{…},"responseCache":{…}` (no braces), as JSON.stringify writes
 * `{ cost: { requested, limit, remaining? }, responseCache: { hit: true, asOf, stale: false } }`: the values
 * are numbers and an ISO date (nothing to escape), so the text is written directly.
 */
export function hitExtensions(
  requested: number,
  limit: number,
  remaining: number | undefined,
  storedAt: number,
): string {
  if (storedAt !== lastStoredAt) {
    lastAsOf = new Date(storedAt).toISOString();
    lastStoredAt = storedAt;
  }
  const rest = remaining === undefined ? '' : `,"remaining":${jsonNumber(remaining)}`;
  return (
    `"cost":{"requested":${jsonNumber(requested)},"limit":${jsonNumber(limit)}${rest}},` +
    `"responseCache":{"hit":true,"asOf":"${lastAsOf}","stale":false}`
  );
}

/** The parameters of a GET /graphql query string (variables and extensions as JSON), or undefined if malformed. */
export function paramsOfQueryString(q: { get(name: string): unknown }): RequestParams | undefined {
  try {
    const variables = q.get('variables');
    const extensions = q.get('extensions');
    return {
      query: q.get('query') ?? undefined,
      operationName: q.get('operationName') ?? undefined,
      variables: typeof variables === 'string' ? JSON.parse(variables) : variables,
      extensions: typeof extensions === 'string' ? JSON.parse(extensions) : extensions,
    };
  } catch {
    return undefined; // Apollo answers malformed JSON
  }
}

/** The document's identity, operation name and variables of one request's parameters, or undefined. */
function operationOf(params: RequestParams, persistedHash: string | undefined): KnownOperation | undefined {
  const { query, operationName, variables } = params;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
    return undefined;
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== 'object' || Array.isArray(variables))
  )
    return undefined;
  // A persisted-query extension Apollo refuses (another version, not an object): Apollo must see it.
  if (hasUnsupportedPersistedQuery(params.extensions)) return undefined;
  let hash: string | undefined;
  const apq = persistedQueryHash(params.extensions);
  if (typeof query === 'string') {
    // The persisted-documents rules already hashed the text (Apollo's queryHash is the same sha256).
    hash = persistedHash ?? createHash('sha256').update(query).digest('hex');
    // Text with a persisted-query hash that is not exactly its own: Apollo refuses it, so Apollo must see it.
    if (apq !== undefined && apq !== hash) return undefined;
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
