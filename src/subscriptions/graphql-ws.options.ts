import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost, type SubscriptionConfig } from '@nestjs/graphql';
import {
  GraphQLError,
  getOperationAST,
  OperationTypeNode,
  parse,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFormattedError,
} from 'graphql';
import type { Context, ServerOptions, SubscribePayload } from 'graphql-ws';
import type WebSocket from 'ws';
import { Authenticator, type AuthOutcome, type CredentialHeaders } from '../auth/authenticator.service';
import type { GqlContext } from '../common/context/gql-context';
import type { Principal } from '../common/context/principal';
import type { ErrorCode } from '../common/errors/error-codes';
import { formatGatewayError } from '../common/errors/format-error';
import { GatewayError, type ErrorDetails } from '../common/errors/gateway-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { computeQueryCost } from '../rate-limit/query-cost';
import { countTokens, measureOperation } from '../rate-limit/query-structure';
import { RateLimiterService, type BudgetDecision } from '../rate-limit/rate-limiter.service';

/** What graphql-ws (on `ws`) gives each connection, plus what the gateway keeps on it. */
export interface WsExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  principal?: Principal;
  /** The credential the connection presented, re-checked at every subscribe (revocation, expiry). */
  credential?: CredentialHeaders;
  /** Request id per operation id: errors and upstream calls of one operation carry the same one. */
  requestIds?: Map<string, string>;
}

type WsContext = Context<Record<string, unknown> | undefined, WsExtra>;
export type GraphqlWsServerOptions = ServerOptions<Record<string, unknown> | undefined, WsExtra>;

/** Close codes of a refused connection (graphql-ws' Unauthorized / Forbidden). */
export const WS_CLOSE_UNAUTHENTICATED = 4401;
export const WS_CLOSE_FORBIDDEN = 4403;

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The credential of a WebSocket connection: `connectionParams` (`Authorization: Bearer …` or `x-api-key`,
 * any letter case) when they carry one, else the upgrade request's headers. Nothing else is passed on, so
 * a client cannot smuggle other headers into authentication.
 */
export function wsCredentialHeaders(
  params: Readonly<Record<string, unknown>> | undefined,
  upgradeHeaders: IncomingMessage['headers'],
): CredentialHeaders {
  const fromParams: CredentialHeaders = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    const name = k.toLowerCase();
    if ((name === 'authorization' || name === 'x-api-key') && typeof v === 'string') fromParams[name] = v;
  }
  if (Object.keys(fromParams).length) return fromParams;
  const out: CredentialHeaders = {};
  if (upgradeHeaders.authorization !== undefined) out.authorization = upgradeHeaders.authorization;
  if (upgradeHeaders['x-api-key'] !== undefined) out['x-api-key'] = upgradeHeaders['x-api-key'];
  return out;
}

/**
 * GraphQL over WebSocket (graphql-ws): authentication when the connection opens, the per-operation context
 * (principal + request id, the same GqlContext shape as HTTP so UpstreamContextFactory and the global
 * ScopesGuard work unchanged), and before each operation the checks Apollo's HTTP plugins would make: the
 * credential is still valid, parse + validation, structural limits and cost, and the tenant's request and
 * cost budgets (a subscription counts as one request when it starts, not per event). Errors leave through
 * the one formatter. Mutations are served over HTTP only: idempotency keys, audit and billable-mutation
 * budgets live in HTTP plugins, and a second, weaker path to Barrack writes is not worth having.
 */
@Injectable()
export class GraphqlWsOptions {
  private readonly log = new Logger('GraphqlWs');

  constructor(
    private readonly auth: Authenticator,
    private readonly limiter: RateLimiterService,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * For GraphQLModule's `subscriptions` option. Nest's config type lists only some graphql-ws hooks, but it
   * spreads the whole object into graphql-ws' useServer, so `context`, `onError` and `onComplete` arrive too.
   */
  subscriptions(): SubscriptionConfig {
    return { 'graphql-ws': this.build() as unknown as SubscriptionConfig['graphql-ws'] };
  }

  build(): GraphqlWsServerOptions {
    return {
      onConnect: (ctx) => this.onConnect(ctx),
      onSubscribe: (ctx, id, payload) => this.onSubscribe(ctx, id, payload),
      context: (ctx, id) => this.contextFor(ctx, id),
      onNext: (ctx, id, _payload, _args, result) => ({
        ...result,
        ...(result.errors ? { errors: this.format(ctx, id, result.errors) } : {}),
      }),
      onError: (ctx, id, _payload, errors) => this.format(ctx, id, errors),
      onComplete: (ctx, id) => {
        ctx.extra.requestIds?.delete(id);
      },
    };
  }

  private async onConnect(ctx: WsContext): Promise<boolean> {
    const credential = wsCredentialHeaders(ctx.connectionParams, ctx.extra.request.headers);
    const outcome = await this.auth.authenticateHeaders(credential);
    if (!outcome.ok) {
      // graphql-ws would close with 4403 for every refusal; a missing or bad credential is 4401.
      ctx.extra.socket.close(
        outcome.status === 401 ? WS_CLOSE_UNAUTHENTICATED : WS_CLOSE_FORBIDDEN,
        outcome.message,
      );
      return false;
    }
    ctx.extra.principal = outcome.principal;
    ctx.extra.credential = credential;
    return true;
  }

  private async onSubscribe(
    ctx: WsContext,
    id: string,
    payload: SubscribePayload,
  ): Promise<ExecutionArgs | readonly GraphQLError[]> {
    const sent = payload.extensions?.requestId;
    const requestId = typeof sent === 'string' && SAFE_REQUEST_ID.test(sent) ? sent : randomUUID();
    (ctx.extra.requestIds ??= new Map()).set(id, requestId);
    try {
      const principal = await this.reauthenticate(ctx);
      const schema = this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
      const args = this.prepare(schema, payload);
      await this.drawBudgets(principal, schema, args.document, payload);
      return args;
    } catch (e) {
      if (e instanceof GraphQLError) return [e];
      if (e instanceof GatewayError) return [asGraphqlError(e)];
      throw e;
    }
  }

  /** A key revoked (or a token expired) since the connection opened starts no new operation. */
  private async reauthenticate(ctx: WsContext): Promise<Principal> {
    const outcome: AuthOutcome = ctx.extra.credential
      ? await this.auth.authenticateHeaders(ctx.extra.credential)
      : { ok: false, status: 401, message: 'Authentication required', reason: 'no credential' };
    if (!outcome.ok) {
      throw new GatewayError(outcome.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', outcome.message);
    }
    ctx.extra.principal = outcome.principal;
    return outcome.principal;
  }

  private prepare(schema: ExecutionArgs['schema'], payload: SubscribePayload): ExecutionArgs {
    const c = this.config;
    if (typeof payload.query !== 'string' || payload.query.length === 0) {
      throw new GatewayError('BAD_USER_INPUT', 'The operation has no query.');
    }
    if (countTokens(payload.query, c.QUERY_MAX_TOKENS) > c.QUERY_MAX_TOKENS) {
      throw tooComplex('tokens', `The query has more than ${c.QUERY_MAX_TOKENS} tokens.`, c.QUERY_MAX_TOKENS);
    }
    let document: DocumentNode;
    try {
      document = parse(payload.query);
    } catch (e) {
      throw coded('GRAPHQL_PARSE_FAILED', e instanceof GraphQLError ? e.message : 'Syntax error.');
    }
    const invalid = validate(schema, document);
    const [firstInvalid] = invalid;
    if (firstInvalid) throw coded('GRAPHQL_VALIDATION_FAILED', firstInvalid.message);
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) throw new GatewayError('BAD_USER_INPUT', 'Could not determine which operation to run.');
    if (operation.operation === OperationTypeNode.MUTATION) {
      throw new GatewayError('BAD_USER_INPUT', 'Mutations are served over HTTP (POST /graphql) only.', {
        rule: 'mutationOverWebSocket',
      });
    }
    const shape = measureOperation(document, operation);
    if (shape.depth > c.QUERY_MAX_DEPTH)
      throw tooComplex(
        'depth',
        `Query depth ${shape.depth} exceeds the maximum of ${c.QUERY_MAX_DEPTH}.`,
        c.QUERY_MAX_DEPTH,
      );
    if (shape.aliases > c.QUERY_MAX_ALIASES)
      throw tooComplex(
        'aliases',
        `Query uses ${shape.aliases} aliases; the maximum is ${c.QUERY_MAX_ALIASES}.`,
        c.QUERY_MAX_ALIASES,
      );
    if (shape.rootFields > c.QUERY_MAX_ROOT_FIELDS)
      throw tooComplex(
        'rootFields',
        `Query selects ${shape.rootFields} root fields; the maximum is ${c.QUERY_MAX_ROOT_FIELDS}.`,
        c.QUERY_MAX_ROOT_FIELDS,
      );
    return {
      schema,
      document,
      operationName: payload.operationName ?? undefined,
      variableValues: payload.variables ?? undefined,
    };
  }

  private async drawBudgets(
    principal: Principal,
    schema: ExecutionArgs['schema'],
    document: DocumentNode,
    payload: SubscribePayload,
  ): Promise<void> {
    let cost: number;
    try {
      cost = computeQueryCost({
        schema,
        document,
        operationName: payload.operationName ?? undefined,
        variables: payload.variables ?? undefined,
      });
    } catch (e) {
      throw new GatewayError('BAD_USER_INPUT', e instanceof Error ? e.message : 'Invalid variables.');
    }
    const max = this.config.QUERY_MAX_COST;
    if (cost > max) {
      throw new GatewayError('QUERY_TOO_COMPLEX', `Query cost ${cost} exceeds the maximum of ${max}.`, {
        cost,
        limit: max,
      });
    }
    if (!this.limiter.enabled) return;
    const plan = await this.limiter.planFor(principal.tenantId);
    const requests = await this.limiter.consume(principal, plan, 'requests', 1);
    if (!requests.allowed) throw limited(requests);
    const spent = await this.limiter.consume(principal, plan, 'cost', cost);
    if (!spent.allowed) throw limited(spent);
  }

  /** The same GqlContext shape HTTP builds, so resolvers, the guard and upstream calls cannot tell the difference. */
  private contextFor(ctx: WsContext, id: string): GqlContext & { extra: WsExtra } {
    const principal = ctx.extra.principal;
    const requestId = ctx.extra.requestIds?.get(id) ?? randomUUID();
    // Only the upgrade request's headers: code reading `ctx.req` must not mistake it for an HTTP request.
    const req = { headers: ctx.extra.request.headers, principal, requestId } as GqlContext['req'];
    return {
      req,
      // No HTTP response on a socket: features that set headers use optional calls.
      res: undefined as unknown as GqlContext['res'],
      requestId,
      principal,
      memo: new Map(),
      responseExtensions: {},
      extra: ctx.extra,
    };
  }

  private format(ctx: WsContext, id: string, errors: readonly GraphQLError[]): GraphQLFormattedError[] {
    const requestId = ctx.extra.requestIds?.get(id);
    return errors.map((e) => {
      const f = formatGatewayError(e.toJSON(), e);
      if (f.extensions?.code === 'INTERNAL')
        this.log.error(`operation ${requestId ?? id} failed: ${e.message}`);
      return { ...f, extensions: { ...(f.extensions ?? {}), ...(requestId ? { requestId } : {}) } };
    });
  }
}

function asGraphqlError(e: GatewayError): GraphQLError {
  return new GraphQLError(e.message, { originalError: e });
}

/** Parse and validation failures keep graphql-js' message under the gateway's code. */
function coded(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

function tooComplex(rule: string, message: string, limit: number): GatewayError {
  const details: ErrorDetails = { rule, limit };
  return new GatewayError('QUERY_TOO_COMPLEX', message, details);
}

function limited(d: BudgetDecision): GatewayError {
  return new GatewayError(
    'RATE_LIMITED',
    `Rate limit exceeded (${d.budget}: ${d.limit} per ${d.windowSeconds} s); retry after ${d.resetSeconds} s.`,
    { budget: d.budget, limit: d.limit, windowSeconds: d.windowSeconds },
    undefined,
    d.resetSeconds,
  );
}
