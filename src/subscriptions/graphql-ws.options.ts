import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  execute,
  GraphQLError,
  getOperationAST,
  OperationTypeNode,
  parse,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  specifiedRules,
  subscribe,
} from 'graphql';
import { introspectionValidationRules } from '../common/graphql/introspection';
import {
  MessageType,
  stringifyMessage,
  type Context,
  type ServerOptions,
  type SubscribePayload,
} from 'graphql-ws';
import type WebSocket from 'ws';
import { Authenticator, type CredentialHeaders } from '../auth/authenticator.service';
import { CredentialRecheck } from '../auth/credential-recheck';
import type { GqlContext } from '../common/context/gql-context';
import type { Principal } from '../common/context/principal';
import type { ErrorCode } from '../common/errors/error-codes';
import { formatGatewayError } from '../common/errors/format-error';
import { GatewayError } from '../common/errors/gateway-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OperationLimits } from '../rate-limit/operation-limits';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import {
  markError,
  ROOT_CONTEXT,
  startServerSpan,
  tracingEnabled,
  withContext,
  type ServerSpan,
} from '../tracing/tracing';
import { describeAdmitted, markOperationErrors, wsTraceCarrier } from './operation-trace';
import { WsConnections } from './ws-connections';

/** What graphql-ws (on `ws`) gives each connection, plus what the gateway keeps on it. */
export interface WsExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  principal?: Principal;
  /** The credential the connection presented, re-checked at every subscribe (revocation, expiry). */
  credential?: CredentialHeaders;
  /** Request id per operation id: errors and upstream calls of one operation carry the same one. */
  requestIds?: Map<string, string>;
  /** Tracing on: the connection's W3C trace context (connection_init payload or upgrade headers). */
  traceCarrier?: Record<string, string>;
  /** Tracing on: the span of each running operation, by operation id. */
  spans?: Map<string, ServerSpan>;
}

/** The context of one operation on a socket; `trace`: its span's context (tracing on). */
type WsGqlContext = GqlContext & { extra: WsExtra; trace?: ServerSpan['ctx'] };

/** One running SSE stream, as the sweep and the tenant bound see it. */
export interface SseStreamEntry {
  principal: Principal;
  readonly credential: CredentialHeaders;
  /** Ends the stream with this error as its last event. */
  end(error: GraphQLError): void;
}

type WsContext = Context<Record<string, unknown> | undefined, WsExtra>;
export type GraphqlWsServerOptions = ServerOptions<Record<string, unknown> | undefined, WsExtra>;

/** Close codes of a refused or ended connection (graphql-ws' Unauthorized / Forbidden, and the tenant's socket bound). */
export const WS_CLOSE_UNAUTHENTICATED = 4401;
export const WS_CLOSE_FORBIDDEN = 4403;
export const WS_CLOSE_TOO_MANY_CONNECTIONS = 4429;

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
 * GraphQL over WebSocket (graphql-ws): authentication when the connection opens, the tenant's socket bound,
 * the per-operation context (principal + request id, the same GqlContext shape as HTTP so
 * UpstreamContextFactory and the global ScopesGuard work unchanged), and before each operation the same
 * checks as HTTP: the credential is still valid, the socket's operation bound, then OperationLimits (tokens,
 * structure, cost, the tenant's request and cost budgets; a subscription counts as one request when it
 * starts, not per event). While a socket is open its credential is re-checked on every tenant-registry
 * reload and every SUBSCRIPTION_POLL_MS: a revoked or expired credential or a suspended tenant ends every
 * running operation with UNAUTHENTICATED / FORBIDDEN and closes the socket (4401 / 4403). Errors leave
 * through the one formatter. Mutations are served over HTTP only: idempotency keys, audit and the
 * billable-mutation budget live in HTTP plugins, and a second, weaker path to Barrack writes is not worth having.
 */
@Injectable()
export class GraphqlWsOptions implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('GraphqlWs');
  private readonly connections = new WsConnections<WsContext>();
  private readonly streams = new WsConnections<SseStreamEntry>();
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private sweeping: Promise<void> | null = null;

  constructor(
    private readonly auth: Authenticator,
    private readonly recheck: CredentialRecheck,
    private readonly limits: OperationLimits,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly registry?: TenantRegistry,
  ) {}

  onModuleInit(): void {
    // A reload (key revoked, tenant suspended) is acted on at once; the timer catches JWT expiry.
    this.unsubscribe = this.registry?.onChange(() => void this.sweep()) ?? null;
    this.timer = setInterval(() => void this.sweep(), this.config.SUBSCRIPTION_POLL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
  }

  /** Open (acknowledged) sockets of a tenant on this replica. */
  socketsOf(tenantId: string): number {
    return this.connections.count(tenantId);
  }

  build(): GraphqlWsServerOptions {
    return {
      onConnect: (ctx) => this.onConnect(ctx),
      onSubscribe: (ctx, id, payload) => this.onSubscribe(ctx, id, payload),
      context: (ctx, id) => this.contextFor(ctx, id),
      // Resolvers (and the Redis and Barrack calls they make) run inside the operation's span.
      execute: (args) => withContext(traceOf(args), () => execute(args)),
      subscribe: (args) => withContext(traceOf(args), () => subscribe(args)),
      onNext: (ctx, id, _payload, _args, result) => {
        if (!result.errors) return result;
        const span = ctx.extra.spans?.get(id)?.span;
        if (span) markOperationErrors(span, result.errors);
        return { ...result, errors: this.format(ctx, id, result.errors) };
      },
      onError: (ctx, id, _payload, errors) => {
        const span = ctx.extra.spans?.get(id)?.span;
        if (span) markOperationErrors(span, errors);
        return this.format(ctx, id, errors);
      },
      onComplete: (ctx, id) => {
        ctx.extra.requestIds?.delete(id);
        endSpan(ctx.extra, id);
      },
      onClose: (ctx) => {
        this.connections.remove(ctx);
        for (const id of [...(ctx.extra.spans?.keys() ?? [])]) endSpan(ctx.extra, id);
      },
    };
  }

  private async onConnect(ctx: WsContext): Promise<boolean> {
    if (!tracingEnabled()) return this.connect(ctx);
    const carrier = wsTraceCarrier(ctx.connectionParams, ctx.extra.request.headers);
    ctx.extra.traceCarrier = carrier;
    // Authentication's Redis commands belong to the client's trace, not to a stray root span.
    const { span, ctx: spanCtx } = startServerSpan(
      'graphql-ws connection_init',
      carrier,
      { 'graphql.transport': 'graphql-ws' },
      ROOT_CONTEXT,
    );
    try {
      const ok = await withContext(spanCtx, () => this.connect(ctx));
      if (ctx.extra.principal) span.setAttribute('tenant.id', ctx.extra.principal.tenantId);
      if (!ok) markError(span, 'CONNECTION_REFUSED');
      return ok;
    } catch (e) {
      markError(span, 'INTERNAL');
      throw e;
    } finally {
      span.end();
    }
  }

  private async connect(ctx: WsContext): Promise<boolean> {
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
    const { tenantId } = outcome.principal;
    if (this.openOf(tenantId) >= this.config.WS_MAX_SOCKETS_PER_TENANT) {
      ctx.extra.socket.close(WS_CLOSE_TOO_MANY_CONNECTIONS, 'Too many connections');
      return false;
    }
    ctx.extra.principal = outcome.principal;
    ctx.extra.credential = credential;
    this.connections.add(tenantId, ctx);
    return true;
  }

  /**
   * Tracing on: opens the operation's span (child of the connection's traceparent) and runs admission in it;
   * it ends at onComplete (or onClose), or here when the operation is refused.
   */
  private async onSubscribe(
    ctx: WsContext,
    id: string,
    payload: SubscribePayload,
  ): Promise<ExecutionArgs | readonly GraphQLError[]> {
    if (!tracingEnabled()) return this.admitOnSocket(ctx, id, payload);
    const op = startServerSpan(
      'graphql',
      ctx.extra.traceCarrier ?? {},
      { 'graphql.transport': 'graphql-ws' },
      ROOT_CONTEXT,
    );
    const tenantId = ctx.extra.principal?.tenantId;
    if (tenantId) op.span.setAttribute('tenant.id', tenantId);
    (ctx.extra.spans ??= new Map()).set(id, op);
    try {
      const out = await withContext(op.ctx, () => this.admitOnSocket(ctx, id, payload, op.span));
      if (!('schema' in out)) {
        markOperationErrors(op.span, out);
        endSpan(ctx.extra, id);
      }
      return out;
    } catch (e) {
      markError(op.span, 'INTERNAL');
      endSpan(ctx.extra, id);
      throw e;
    }
  }

  private async admitOnSocket(
    ctx: WsContext,
    id: string,
    payload: SubscribePayload,
    span?: ServerSpan['span'],
  ): Promise<ExecutionArgs | readonly GraphQLError[]> {
    const sent = payload.extensions?.requestId;
    const requestId = typeof sent === 'string' && SAFE_REQUEST_ID.test(sent) ? sent : randomUUID();
    (ctx.extra.requestIds ??= new Map()).set(id, requestId);
    try {
      const principal = await this.reauthenticate(ctx);
      // graphql-ws has already entered this operation in ctx.subscriptions.
      const max = this.config.WS_MAX_SUBSCRIPTIONS_PER_SOCKET;
      if (Object.keys(ctx.subscriptions).length > max) {
        throw new GatewayError(
          'RATE_LIMITED',
          `A WebSocket connection may run at most ${max} operations at once; complete one first.`,
          { rule: 'subscriptionsPerSocket', limit: max },
        );
      }
      const args = await this.admit(principal, payload, span);
      return args;
    } catch (e) {
      if (e instanceof GraphQLError) return [e];
      if (e instanceof GatewayError) return [asGraphqlError(e)];
      throw e;
    }
  }

  /**
   * The admission of one operation on a long-lived transport, written once for WebSocket and SSE: tokens,
   * parse, validation (introspection rules), no mutations, then OperationLimits (structure, cost, the
   * tenant's request and cost budgets; free introspection draws nothing). Throws GraphQLError/GatewayError.
   * `span` (tracing on): the operation's span, named and described as soon as the operation is known.
   */
  async admit(
    principal: Principal,
    payload: SubscribePayload,
    span?: ServerSpan['span'],
  ): Promise<ExecutionArgs> {
    const schema = this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    const args = this.prepare(
      schema,
      payload,
      span && ((op) => describeAdmitted(span, principal, payload.query, op)),
    );
    // Introspection for tools draws on no budget, as over HTTP.
    const holder = this.limits.isFreeIntrospection(args) ? undefined : await this.limits.holderFor(principal);
    if (holder) await this.limits.drawRequest(holder);
    await this.limits.check(
      {
        schema,
        document: args.document,
        operation: getOperationAST(args.document, payload.operationName)!,
        operationName: payload.operationName,
        variables: payload.variables,
      },
      holder,
    );
    return args;
  }

  /**
   * Long-lived connections of a tenant on this replica: WebSocket sockets plus SSE streams, bounded together
   * by WS_MAX_SOCKETS_PER_TENANT.
   */
  openOf(tenantId: string): number {
    return this.connections.count(tenantId) + this.streams.count(tenantId);
  }

  /**
   * Enters an SSE stream in the tenant's bound and in the credential sweep; `end` is called with the error
   * when its credential no longer holds. Returns the function that removes it (idempotent).
   */
  addStream(stream: SseStreamEntry): () => void {
    const { tenantId } = stream.principal;
    const max = this.config.WS_MAX_SOCKETS_PER_TENANT;
    if (this.openOf(tenantId) >= max)
      throw new GatewayError('RATE_LIMITED', `At most ${max} streaming connections per account at once.`, {
        rule: 'connectionsPerTenant',
        limit: max,
      });
    this.streams.add(tenantId, stream);
    return () => this.streams.remove(stream);
  }

  /** Formats errors of an operation through the one formatter, with its request id. */
  formatFor(requestId: string, errors: readonly GraphQLError[]): GraphQLFormattedError[] {
    return errors.map((e) => {
      const f = formatGatewayError(e.toJSON(), e);
      if (f.extensions?.code === 'INTERNAL') this.log.error(`operation ${requestId} failed: ${e.message}`);
      return { ...f, extensions: { ...(f.extensions ?? {}), requestId } };
    });
  }

  /** A key revoked (or a token expired) since the connection opened starts no new operation. */
  private async reauthenticate(ctx: WsContext): Promise<Principal> {
    const { credential, principal } = ctx.extra;
    if (!credential || !principal) throw new GatewayError('UNAUTHENTICATED', 'Authentication required');
    const outcome = await this.recheck.recheck(credential, principal);
    if (!outcome.ok) throw new GatewayError(outcome.code, outcome.message);
    ctx.extra.principal = outcome.principal;
    return outcome.principal;
  }

  /** Re-checks every open socket's credential; one sweep at a time (a reload during a sweep waits for it). */
  sweep(): Promise<void> {
    this.sweeping ??= (async () => {
      try {
        await Promise.all([
          ...this.connections.all().map((ctx) => this.revalidate(ctx)),
          ...this.streams.all().map((st) => this.revalidateStream(st)),
        ]);
      } finally {
        this.sweeping = null;
      }
    })();
    return this.sweeping;
  }

  private async revalidateStream(stream: SseStreamEntry): Promise<void> {
    const outcome = await this.recheck.recheck(stream.credential, stream.principal);
    if (outcome.ok) {
      stream.principal = outcome.principal;
      return;
    }
    this.streams.remove(stream);
    this.log.log(`ending a ${stream.principal.tenantId} SSE stream: ${outcome.code}`);
    stream.end(asGraphqlError(new GatewayError(outcome.code, outcome.message)));
  }

  private async revalidate(ctx: WsContext): Promise<void> {
    const { credential, principal, socket } = ctx.extra;
    if (!credential || !principal || socket.readyState !== socket.OPEN) return;
    const outcome = await this.recheck.recheck(credential, principal);
    if (outcome.ok) {
      ctx.extra.principal = outcome.principal;
      return;
    }
    this.connections.remove(ctx);
    const error = asGraphqlError(new GatewayError(outcome.code, outcome.message));
    // One error per running operation (the client's sink sees why it ended), then the close code.
    for (const id of Object.keys(ctx.subscriptions)) {
      socket.send(stringifyMessage({ id, type: MessageType.Error, payload: this.format(ctx, id, [error]) }));
    }
    this.log.log(`closing a ${principal.tenantId} socket: ${outcome.code}`);
    socket.close(
      outcome.code === 'FORBIDDEN' ? WS_CLOSE_FORBIDDEN : WS_CLOSE_UNAUTHENTICATED,
      outcome.message,
    );
  }

  /** `known`: told the operation as soon as it is determined (before the mutation refusal). */
  private prepare(
    schema: ExecutionArgs['schema'],
    payload: SubscribePayload,
    known?: (operation: OperationDefinitionNode) => void,
  ): ExecutionArgs {
    if (typeof payload.query !== 'string' || payload.query.length === 0) {
      throw new GatewayError('BAD_USER_INPUT', 'The operation has no query.');
    }
    this.limits.checkTokens(payload.query);
    let document: DocumentNode;
    try {
      document = parse(payload.query);
    } catch (e) {
      throw coded('GRAPHQL_PARSE_FAILED', e instanceof GraphQLError ? e.message : 'Syntax error.');
    }
    const invalid = validate(schema, document, [
      ...specifiedRules,
      ...introspectionValidationRules(this.config.INTROSPECTION),
    ]);
    const [firstInvalid] = invalid;
    if (firstInvalid) throw coded('GRAPHQL_VALIDATION_FAILED', firstInvalid.message);
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) throw new GatewayError('BAD_USER_INPUT', 'Could not determine which operation to run.');
    known?.(operation);
    if (operation.operation === OperationTypeNode.MUTATION) {
      throw new GatewayError('BAD_USER_INPUT', 'Mutations are served over HTTP (POST /graphql) only.', {
        rule: 'mutationOverWebSocket',
      });
    }
    return {
      schema,
      document,
      operationName: payload.operationName ?? undefined,
      variableValues: payload.variables ?? undefined,
    };
  }

  /** The same GqlContext shape HTTP builds, so resolvers, the guard and upstream calls cannot tell the difference. */
  private contextFor(ctx: WsContext, id: string): WsGqlContext {
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
      trace: ctx.extra.spans?.get(id)?.ctx,
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

/** The span context an operation's execution runs in (built by contextFor; undefined when tracing is off). */
function traceOf(args: ExecutionArgs): ServerSpan['ctx'] | undefined {
  return (args.contextValue as Partial<WsGqlContext> | undefined)?.trace;
}

/** Ends an operation's span once (onComplete, onClose and a refusal may all get there). */
function endSpan(extra: WsExtra, id: string): void {
  const op = extra.spans?.get(id);
  if (!op) return;
  extra.spans?.delete(id);
  op.span.end();
}

export function asGraphqlError(e: GatewayError): GraphQLError {
  return new GraphQLError(e.message, { originalError: e });
}

/** Parse and validation failures keep graphql-js' message under the gateway's code. */
function coded(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}
