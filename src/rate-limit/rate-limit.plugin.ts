import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { GqlContext } from '../common/context/gql-context';
import type { ErrorCode } from '../common/errors/error-codes';
import { GatewayError } from '../common/errors/gateway-error';
import { idempotencyNoteOf } from '../idempotency/idempotency-note';
import type { RateLimitPlan } from './rate-limit-plan';
import { RateLimiterService, type BudgetDecision } from './rate-limiter.service';
import { BudgetRefusal, OperationLimits, type BudgetHolder } from './operation-limits';
import { rateLimitHeader, rateLimitPolicyHeader } from './rate-limit-headers';

/** What one operation drew from its tenant's budgets; the response headers are written from it. */
interface LimitState {
  holder?: BudgetHolder;
  requests?: BudgetDecision;
  cost?: BudgetDecision;
  /** Billable root fields whose hourly point was reserved (refunded when they create nothing). */
  billable: string[];
  /** The first budget that said no (its reset time becomes Retry-After). */
  limited?: BudgetDecision;
  /** A refusal from requestDidStart (limiter store down, request budget spent), thrown later. */
  refused?: GatewayError;
}

/**
 * Outcomes of a billable mutation field that say Barrack created nothing: the gateway refused it before
 * calling Barrack, or Barrack refused it. Such a field's billable point is given back. Success and the
 * outcomes that leave it open (timeouts, OUTCOME_UNKNOWN, UPSTREAM_*, INTERNAL) keep the charge.
 */
const NOTHING_CREATED: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'NAME_TAKEN',
  'OUT_OF_STOCK',
  'LIMIT_EXCEEDED',
  'INSUFFICIENT_CREDITS',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_IN_PROGRESS',
]);

/**
 * The HTTP side of OperationLimits: draws the request budget when the request starts, runs the shared
 * checks once the operation is resolved (before any resolver, so a refused operation makes no upstream
 * call), writes RateLimit headers, and refunds the billable points of fields that created nothing
 * (idempotent replays, refusals). Runs after authentication: the principal comes from the context.
 */
@Plugin()
export class RateLimitPlugin implements ApolloServerPlugin<GqlContext> {
  constructor(
    private readonly limits: OperationLimits,
    private readonly limiter: RateLimiterService,
  ) {}

  async requestDidStart({
    contextValue,
  }: GraphQLRequestContext<GqlContext>): Promise<GraphQLRequestListener<GqlContext>> {
    const state: LimitState = { billable: [] };
    try {
      state.holder = await this.limits.holderFor(contextValue.principal ?? contextValue.req?.principal);
      if (state.holder) state.requests = await this.limits.drawRequest(state.holder);
    } catch (e) {
      // Thrown from didResolveOperation: Apollo turns errors of that hook (not this one) into responses.
      if (!(e instanceof GatewayError)) throw e;
      state.refused = e;
      if (e instanceof BudgetRefusal) state.limited = state.requests = e.decision;
    }
    return {
      didResolveOperation: (ctx) => this.check(ctx, state),
      willSendResponse: async ({ response, contextValue: gctx }) => {
        if (state.holder && state.billable.length) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const unspent = state.billable.filter((key) => createdNothing(gctx, key, body?.errors));
          await this.limits.refundBillable(state.holder, unspent.length);
        }
        this.writeHeaders(response.http.headers, state);
      },
    };
  }

  private async check(ctx: GraphQLRequestContext<GqlContext>, state: LimitState): Promise<void> {
    if (state.refused) throw state.refused;
    const { document, operation, schema, request, contextValue } = ctx;
    if (!document || !operation) return;
    try {
      const result = await this.limits.check(
        { schema, document, operation, operationName: request.operationName, variables: request.variables },
        state.holder,
        (ext) => (contextValue.responseExtensions.cost = ext),
      );
      state.cost = result.cost;
      state.billable = result.billable;
    } catch (e) {
      if (e instanceof BudgetRefusal) {
        state.limited = e.decision;
        if (e.decision.budget === 'cost') state.cost = e.decision;
      }
      throw e;
    }
  }

  private writeHeaders(headers: Map<string, string>, state: LimitState): void {
    if (!state.holder) {
      if (state.refused) headers.set('retry-after', String(state.refused.retryAfter ?? 1));
      return;
    }
    const { plan } = state.holder;
    const decisions = [state.requests, state.cost].filter((d): d is BudgetDecision => d !== undefined);
    if (decisions.length) {
      const policy: BudgetDecision[] = [
        state.requests ?? this.placeholder(plan, 'requests'),
        state.cost ?? this.placeholder(plan, 'cost'),
      ];
      headers.set('ratelimit-policy', rateLimitPolicyHeader(policy));
      headers.set('ratelimit', rateLimitHeader(decisions));
    }
    if (state.limited) headers.set('retry-after', String(state.limited.resetSeconds));
    else if (state.refused) headers.set('retry-after', String(state.refused.retryAfter ?? 1));
  }

  private placeholder(plan: RateLimitPlan, budget: 'requests' | 'cost'): BudgetDecision {
    const limit = this.limiter.limitOf(plan, budget);
    const windowSeconds = this.limiter.windowOf(budget);
    return { budget, allowed: true, limit, remaining: limit, resetSeconds: windowSeconds, windowSeconds };
  }
}

/** A billable field answered from an idempotency record, or refused with an outcome that created nothing. */
function createdNothing(
  ctx: GqlContext,
  responseKey: string,
  errors: readonly GraphQLFormattedError[] | undefined,
): boolean {
  if (idempotencyNoteOf(ctx, responseKey)?.replayed) return true;
  const err = errors?.find((e) => e.path?.[0] === responseKey);
  const code = err?.extensions?.code;
  return typeof code === 'string' && NOTHING_CREATED.has(code as ErrorCode);
}
