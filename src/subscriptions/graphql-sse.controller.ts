import { randomUUID } from 'node:crypto';
import { All, Controller, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  GraphQLError,
  getOperationAST,
  OperationTypeNode,
  subscribe,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { createHandler, type RequestContext } from 'graphql-sse/lib/use/express';
import { RequireScopes } from '../auth/scopes.decorator';
import type { GqlContext } from '../common/context/gql-context';
import type { Principal } from '../common/context/principal';
import { GatewayError } from '../common/errors/gateway-error';
import { SSE_PATH } from '../common/graphql/paths';
import { OPERATION_SPAN, type TracedRequest } from '../tracing/tracing.middleware';
import { asGraphqlError, GraphqlWsOptions, wsCredentialHeaders } from './graphql-ws.options';
import { markOperationErrors } from './operation-trace';

type SseRequest = TracedRequest & { principal?: Principal; requestId?: string };

/** The stream's context: the HTTP GqlContext shape, plus how the sweep ends it. */
interface SseContext extends GqlContext {
  [key: PropertyKey]: unknown;
  sse: { remove: () => void; ended?: GraphQLError; wake?: () => void; gone?: boolean };
}

/**
 * GraphQL subscriptions over Server-Sent Events (graphql-sse, "distinct connections" mode: one HTTP request,
 * one operation, one event stream) at POST/GET /graphql/stream, for clients that cannot use WebSockets.
 * The same rules as graphql-ws: the HTTP auth middleware authenticates (req.principal) and the global
 * ScopesGuard wants `read`; GraphqlWsOptions.admit runs the one admission (tokens, validation, limits,
 * budgets); the stream counts in the tenant's connection bound (WS_MAX_SOCKETS_PER_TENANT, sockets and
 * streams together) and in the credential sweep, which ends it with an error event (UNAUTHENTICATED /
 * FORBIDDEN) and completes it. Only subscriptions: queries and mutations stay on POST /graphql, where
 * idempotency, audit and the response cache live. Single-connection mode (reservations) is not offered:
 * it keeps per-token state a second replica would not have.
 */
@Controller()
export class GraphqlSseController {
  private readonly handler: ReturnType<typeof createHandler<SseContext>>;

  constructor(private readonly options: GraphqlWsOptions) {
    this.handler = createHandler<SseContext>({
      onSubscribe: (req, params) => this.onSubscribe(req, params),
      subscribe: (args) => this.subscribe(args),
      onComplete: (ctx) => ctx.sse.remove(),
    });
  }

  @All(SSE_PATH)
  @RequireScopes('read')
  async stream(@Req() req: SseRequest, @Res() res: Response): Promise<void> {
    await this.handler(req, res);
  }

  private async onSubscribe(
    req: { raw: SseRequest; context: RequestContext },
    payload: SubscribePayload,
  ): Promise<(ExecutionArgs & { contextValue: SseContext }) | ExecutionResult> {
    const raw = req.raw;
    const requestId = raw.requestId ?? randomUUID();
    // Tracing on: TracingMiddleware's span of this request, which lasts as long as the stream.
    const span = raw[OPERATION_SPAN];
    span?.setAttribute('graphql.transport', 'graphql-sse');
    try {
      const principal = raw.principal;
      if (!principal) throw new GatewayError('UNAUTHENTICATED', 'Authentication required');
      const args = await this.options.admit(principal, payload, span);
      const op = getOperationAST(args.document, payload.operationName);
      if (op?.operation !== OperationTypeNode.SUBSCRIPTION)
        throw new GatewayError(
          'BAD_USER_INPUT',
          'Only subscriptions are served over SSE; use POST /graphql.',
          {
            rule: 'operationOverSse',
          },
        );
      const sse: SseContext['sse'] = { remove: () => undefined };
      const contextValue: SseContext = {
        req: raw,
        res: undefined as unknown as GqlContext['res'],
        requestId,
        principal,
        memo: new Map(),
        responseExtensions: {},
        sse,
      };
      sse.remove = this.options.addStream({
        principal,
        credential: wsCredentialHeaders(undefined, raw.headers),
        end: (error) => {
          sse.ended = error;
          sse.wake?.();
        },
      });
      return { ...args, contextValue };
    } catch (e) {
      const error = e instanceof GraphQLError ? e : e instanceof GatewayError ? asGraphqlError(e) : undefined;
      if (!error) throw e;
      if (span) markOperationErrors(span, [error]);
      // `data: null` marks it a result (not execution args) for graphql-sse.
      return { data: null, errors: this.options.formatFor(requestId, [error]) as unknown as GraphQLError[] };
    }
  }

  /** graphql's subscribe, with the source ended (after one error event) when the sweep revokes the stream. */
  private async subscribe(
    args: ExecutionArgs & { contextValue: SseContext },
  ): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
    const sse = args.contextValue.sse;
    const result = await subscribe(args);
    if (!(Symbol.asyncIterator in result)) {
      sse.remove();
      return this.formatted(args.contextValue, result);
    }
    const source = result;
    const revoked = new Promise<'revoked'>((resolve) => (sse.wake = () => resolve('revoked')));
    // The client went away: graphql-sse's return() on the generator below would wait for its pending
    // await (the next event, which an unchanged instance never sends), keeping the feed polling for nobody.
    args.contextValue.req.res?.once('close', () => {
      sse.gone = true;
      sse.wake?.();
    });
    const format = (r: ExecutionResult) => this.formatted(args.contextValue, r);
    const formatEnd = (e: GraphQLError) =>
      this.options.formatFor(args.contextValue.requestId, [e]) as unknown as GraphQLError[];
    return (async function* () {
      try {
        for (;;) {
          if (sse.ended) break;
          const next = await Promise.race([source.next(), revoked]);
          if (next === 'revoked' || next.done) break;
          yield format(next.value);
        }
        if (sse.ended && !sse.gone) yield { errors: formatEnd(sse.ended) };
      } finally {
        sse.remove();
        await source.return?.(undefined);
      }
    })();
  }

  private formatted(ctx: SseContext, result: ExecutionResult): ExecutionResult {
    if (!result.errors?.length) return result;
    const span = (ctx.req as SseRequest)[OPERATION_SPAN];
    if (span) markOperationErrors(span, result.errors);
    return {
      ...result,
      errors: this.options.formatFor(ctx.requestId, result.errors) as unknown as GraphQLError[],
    };
  }
}
