import { createHash } from 'node:crypto';
import { Inject, Logger } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import {
  HeaderMap,
  type ApolloServerPlugin,
  type GraphQLRequestContext,
  type GraphQLRequestContextDidResolveOperation,
  type GraphQLRequestContextWillSendResponse,
  type GraphQLRequestListener,
  type GraphQLResponse,
} from '@apollo/server';
import {
  getNamedType,
  isObjectType,
  Kind,
  OperationTypeNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { redisBudgetOf, RedisUnavailableError, type RedisBudget } from '../redis/redis-guard';
import type { GqlContext } from '../common/context/gql-context';
import type { DocumentPolicy } from './document-policy';
import {
  CACHE_PROBE,
  ResponseCacheKeys,
  slotOf,
  type CacheProbe,
  type RequestWithProbe,
} from './response-cache-keys';
import type { ResponseScope } from './field-policy';
import { ResponseCacheMetrics } from './response-cache.metrics';
import { RESPONSE_CACHE_STORE } from './response-cache.tokens';
import { storedBody, type ResponseCacheStore, type StoredAnswer } from './response-cache.store';

/** What one operation's listener knows about its place in the cache. */
interface CacheState {
  slot?: string;
  key?: string;
  policy?: Extract<DocumentPolicy, { cacheable: true }>;
  generation?: string;
  /** A stale entry this request is refreshing: served instead if the refresh fails (stale-if-error). */
  stale?: StoredAnswer;
  hit?: StoredAnswer;
  mutationSlot?: string;
  /** What the fast path already read for this request (entry and generation of the same key). */
  probe?: CacheProbe;
  /** The Redis budget of the HTTP request (none on WebSocket), which bounds every store command below. */
  budget?: RedisBudget;
}

/**
 * Every id in an answer: the entity tags of what it contains. `id` fields, and `…Id` fields such as a delete
 * payload's `deletedSshKeyId` (the object is gone, its id is still what stored answers carry).
 */
export function idsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) idsIn(v, into);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'id' || k.endsWith('Id')) && typeof v === 'string') into.add(v);
      else if (v !== null && typeof v === 'object') idsIn(v, into);
    }
  }
  return into;
}

/**
 * The whole-response cache, in front of execution. For each query it derives (once per document) whether the
 * answer may be stored, for whom and for how long (document-policy.ts), and answers repeated documents from
 * Redis without executing them. It runs after the limits plugin's checks (Apollo calls every
 * didResolveOperation before any responseForOperation), so authentication, scopes, the request and cost budgets
 * apply to every hit exactly as to a miss. Mutations invalidate the tags of what they return and the lists of the
 * types they touch; a generation counter per tenant stops a read that overlapped a mutation from storing.
 */
@Plugin()
export class ResponseCachePlugin implements ApolloServerPlugin<GqlContext> {
  private readonly log = new Logger('ResponseCache');
  private readonly mutationListTags = new Map<string, string[]>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RESPONSE_CACHE_STORE) private readonly store: ResponseCacheStore | null,
    private readonly keys: ResponseCacheKeys,
    private readonly metrics: ResponseCacheMetrics,
  ) {}

  // eslint-disable-next-line @typescript-eslint/require-await
  async requestDidStart(): Promise<GraphQLRequestListener<GqlContext>> {
    const store = this.store;
    if (!store) return {};
    const state: CacheState = {};
    return {
      didResolveOperation: (ctx) => this.resolve(ctx, state, store),
      responseForOperation: (ctx) => this.lookup(ctx, state, store),
      willSendResponse: (ctx) => this.finish(ctx, state, store),
    };
  }

  private async resolve(
    ctx: GraphQLRequestContextDidResolveOperation<GqlContext>,
    state: CacheState,
    store: ResponseCacheStore,
  ) {
    const { operation, document, schema, request, contextValue } = ctx;
    const principal = contextValue.principal ?? contextValue.req?.principal;
    if (!operation || !document || !principal) return;
    const budget = (state.budget = redisBudgetOf(contextValue.req));
    if (operation.operation === OperationTypeNode.MUTATION) {
      state.mutationSlot = slotOf('tenant', principal);
      // Reads that started before this mutation must not store what they read.
      await this.quietly('bump', ctx.contextValue.requestId, () => store.bump(state.mutationSlot!, budget));
      return;
    }
    const hash =
      ctx.queryHash ??
      createHash('sha256')
        .update(ctx.source ?? '')
        .digest('hex');
    const version = this.keys.schemaVersion(schema);
    const policy = this.keys.policyFor(version, hash, request.operationName, { schema, document, operation });
    if (!policy.cacheable) return;
    const address = this.keys.addressOf(
      version,
      policy,
      principal,
      hash,
      request.operationName,
      request.variables,
    );
    state.slot = address.slot;
    state.key = address.key;
    state.policy = policy;
    const probe = (contextValue.req as RequestWithProbe | undefined)?.[CACHE_PROBE];
    if (probe && probe.address.key === address.key && probe.address.slot === address.slot) {
      state.probe = probe;
      state.generation = probe.generation;
      return;
    }
    state.generation = await this.quietly('generation', ctx.contextValue.requestId, () =>
      store.generation(address.slot, budget),
    );
  }

  private async lookup(
    ctx: GraphQLRequestContext<GqlContext>,
    state: CacheState,
    store: ResponseCacheStore,
  ): Promise<GraphQLResponse | null> {
    const { slot, key, policy, budget } = state;
    if (!slot || !key || !policy) return null;
    const entry = state.probe
      ? state.probe.entry
      : await this.quietly('get', ctx.contextValue.requestId, () => store.get(slot, key, budget));
    if (!entry) {
      this.metrics.count('miss');
      return null;
    }
    const ageMs = Date.now() - entry.storedAt;
    const fresh = ageMs <= entry.ttlS * 1000;
    if (!fresh) {
      // Stale: one request across replicas refreshes it (and falls back to it on error); the others serve it.
      const refresher = await this.quietly('lock', ctx.contextValue.requestId, () =>
        store.tryLock(slot, key, this.config.CACHE_LOCK_TTL_MS, budget),
      );
      if (refresher !== false) {
        this.metrics.count('refresh');
        state.stale = entry;
        return null;
      }
    }
    this.metrics.count(fresh ? 'hit' : 'stale');
    state.hit = entry;
    return this.answerFrom(ctx, entry, !fresh, policy.scope);
  }

  private answerFrom(
    ctx: GraphQLRequestContext<GqlContext>,
    entry: StoredAnswer,
    stale: boolean,
    scope: ResponseScope,
  ): GraphQLResponse {
    const parsed = JSON.parse(entry.body) as {
      data: Record<string, unknown>;
      extensions?: Record<string, unknown>;
    };
    const headers = new HeaderMap();
    headers.set('etag', entry.etag);
    const remaining = Math.max(0, Math.floor(entry.ttlS - (Date.now() - entry.storedAt) / 1000));
    headers.set('cache-control', `${scope === 'public' ? 'public' : 'private'}, max-age=${remaining}`);
    ctx.contextValue.responseExtensions.responseCache = {
      hit: true,
      asOf: new Date(entry.storedAt).toISOString(),
      stale,
    };
    return {
      http: { status: undefined, headers },
      body: { kind: 'single', singleResult: { data: parsed.data, extensions: parsed.extensions } },
    };
  }

  private async finish(
    ctx: GraphQLRequestContextWillSendResponse<GqlContext>,
    state: CacheState,
    store: ResponseCacheStore,
  ) {
    const { response, contextValue } = ctx;
    if (response.body.kind !== 'single') return;
    const result = response.body.singleResult;
    if (state.hit) {
      const inm = ctx.request.http?.headers.get('if-none-match');
      if (inm !== undefined && inm === state.hit.etag && !result.errors?.length) response.http.status = 304;
      return;
    }
    if (state.mutationSlot) {
      const tags = [...idsIn(result.data), ...this.listTagsOf(ctx)];
      await this.quietly('invalidate', ctx.contextValue.requestId, () =>
        store.invalidate(state.mutationSlot!, tags, state.budget),
      );
      return;
    }
    const { slot, key, policy, generation, budget } = state;
    if (!slot || !key || !policy || generation === undefined) return;
    if (result.errors?.length || !result.data) {
      if (state.stale) {
        // stale-if-error: the refresh failed, the stored answer is still the best one there is.
        this.metrics.count('stale');
        const answer = this.answerFrom(ctx, state.stale, true, policy.scope);
        if (answer.body.kind === 'single') response.body.singleResult = answer.body.singleResult;
        for (const [k, v] of answer.http.headers) response.http.headers.set(k, v);
        response.http.status = undefined;
      }
      return;
    }
    const cacheExt = contextValue.responseExtensions.cache;
    const body = storedBody(result.data, cacheExt ? { cache: cacheExt } : {});
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const tags = [
      ...idsIn(result.data),
      ...policy.listTypes.map((t) => `list:${t}`),
      ...policy.kinds.map((k) => `kind:${k}`),
    ];
    const keepMs = (policy.ttlS + this.config.CACHE_MAX_STALE_S) * 1000;
    const answer: StoredAnswer = { body, etag, storedAt: Date.now(), ttlS: policy.ttlS };
    const stored = await this.quietly('put', ctx.contextValue.requestId, () =>
      store.put(slot, key, answer, tags, generation, keepMs, budget),
    );
    if (stored && slot !== 'pub' && policy.kinds.length) {
      await this.quietly('noteKinds', ctx.contextValue.requestId, () =>
        store.noteKinds(slot, policy.kinds, budget),
      );
    }
    response.http.headers.set('etag', etag);
    response.http.headers.set(
      'cache-control',
      stored ? `${policy.scope === 'public' ? 'public' : 'private'}, max-age=${policy.ttlS}` : 'no-store',
    );
    result.extensions = { ...result.extensions, responseCache: { hit: false, stored: stored === true } };
  }

  /** `list:<Type>` for every Node type a mutation's payload can contain (creates and deletes change lists). */
  private listTagsOf(ctx: GraphQLRequestContext<GqlContext>): string[] {
    const { operation, schema } = ctx;
    const mutationType = schema.getMutationType();
    if (!operation || !mutationType) return [];
    const tags = new Set<string>();
    for (const sel of operation.selectionSet.selections) {
      if (sel.kind !== Kind.FIELD) continue;
      const field = mutationType.getFields()[sel.name.value];
      if (!field) continue;
      let cached = this.mutationListTags.get(field.name);
      if (!cached) {
        const types = nodeTypesReachable(getNamedType(field.type), 3);
        // The type a mutation is named after (deleteSshKey -> SshKey), even when its payload only names an id.
        const named = namedObjectType(schema, field.name);
        if (named) types.add(named);
        cached = [...types].map((t) => `list:${t}`);
        this.mutationListTags.set(field.name, cached);
      }
      for (const t of cached) tags.add(t);
    }
    return [...tags];
  }

  /**
   * Redis trouble costs the cache, never the request: a failed read is a miss, a failed write is skipped (a
   * failed invalidation or bump is owed by the store, see RedisResponseCacheStore). `requestId`: the request's,
   * for the log line.
   */
  private async quietly<T>(what: string, requestId: string, run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (e) {
      // While the Redis breaker is open every request skips the store: the breaker has said so once.
      if (e instanceof RedisUnavailableError && e.reason === 'breaker_open') return undefined;
      this.log.warn({
        msg: `response cache ${what} failed: ${e instanceof Error ? e.message : String(e)}`,
        requestId,
      });
      return undefined;
    }
  }
}

/** The longest object type name a mutation's name ends with (`removeFirewallRule` -> `FirewallRule`). */
function namedObjectType(schema: GraphQLSchema, mutation: string): string | undefined {
  for (let i = 1; i < mutation.length; i++) {
    const candidate = mutation.slice(i);
    if (!/^[A-Z]/.test(candidate)) continue;
    const t = schema.getType(candidate);
    if (t && isObjectType(t) && t.getFields().id) return candidate;
  }
  return undefined;
}

/** Object types with an `id` reachable from `type` within `depth` levels (a payload's objects). */
function nodeTypesReachable(
  type: GraphQLNamedType,
  depth: number,
  into: Set<string> = new Set(),
): Set<string> {
  if (!isObjectType(type) || depth < 0) return into;
  const fields = type.getFields();
  if (fields.id && !type.name.endsWith('Payload')) into.add(type.name);
  for (const f of Object.values(fields)) {
    const t = getNamedType(f.type);
    if (isObjectType(t) && !into.has(t.name)) nodeTypesReachable(t, depth - 1, into);
  }
  return into;
}
