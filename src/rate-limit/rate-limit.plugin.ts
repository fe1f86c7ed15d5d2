import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';
import type { GqlContext } from '../common/context/gql-context';
import { GatewayError } from '../common/errors/gateway-error';
import { redisBudgetOf } from '../redis/redis-guard';
import type { BudgetDecision } from './rate-limiter.service';
import { BudgetRefusal, OperationLimits, type BudgetHolder, type PreDrawn } from './operation-limits';

/** What one operation drew from its tenant's budgets; the response headers are written from it. */
interface LimitState {
  holder?: BudgetHolder;
  requests?: BudgetDecision;
  cost?: BudgetDecision;
  /** The first budget that said no (its reset time becomes Retry-After). */
  limited?: BudgetDecision;
  /** A refusal from requestDidStart (limiter store down, request budget spent), thrown later. */
  refused?: GatewayError;
  /** Budgets drawn before Apollo for a document whose cost was known (ResponseCacheFastPath). */
  preDrawn?: PreDrawn;
}

/** Where an earlier layer leaves the budgets it drew for this request (drawn once, never twice). */
export const PRE_DRAWN_BUDGETS = Symbol('preDrawnBudgets');
export type RequestWithPreDrawn = { [PRE_DRAWN_BUDGETS]?: PreDrawn };

/**
 * The HTTP side of OperationLimits: draws the request budget when the request starts, runs the shared
 * checks once the operation is resolved (before any resolver, so a refused operation makes no upstream
 * call) and writes RateLimit headers. Runs after authentication: the principal comes from the context.
 * (The billable-mutation budget is drawn per create by BillableMutationInterceptor.)
 */
@Plugin()
export class RateLimitPlugin implements ApolloServerPlugin<GqlContext> {
  constructor(private readonly limits: OperationLimits) {}

  async requestDidStart({
    contextValue,
    request,
  }: GraphQLRequestContext<GqlContext>): Promise<GraphQLRequestListener<GqlContext>> {
    const state: LimitState = {};
    try {
      // Introspection for tools draws on no budget (OperationLimits.check applies its own bounds).
      if (!this.limits.isFreeIntrospectionSource(request.query))
        state.holder = await this.limits.holderFor(
          contextValue.principal ?? contextValue.req?.principal,
          redisBudgetOf(contextValue.req),
        );
      const preDrawn = (contextValue.req as RequestWithPreDrawn | undefined)?.[PRE_DRAWN_BUDGETS];
      if (state.holder && preDrawn) {
        state.preDrawn = preDrawn;
        state.requests = preDrawn.draw.requests;
        if (!state.requests.allowed) throw new BudgetRefusal(state.requests);
      } else if (state.holder) state.requests = await this.limits.drawRequest(state.holder);
    } catch (e) {
      // Thrown from didResolveOperation: Apollo turns errors of that hook (not this one) into responses.
      if (!(e instanceof GatewayError)) throw e;
      state.refused = e;
      if (e instanceof BudgetRefusal) state.limited = state.requests = e.decision;
    }
    return {
      didResolveOperation: (ctx) => this.check(ctx, state),
      // eslint-disable-next-line @typescript-eslint/require-await
      willSendResponse: async ({ response }) => this.writeHeaders(response.http.headers, state),
    };
  }

  private async check(ctx: GraphQLRequestContext<GqlContext>, state: LimitState): Promise<void> {
    if (state.refused) throw state.refused;
    const { document, operation, schema, request, contextValue } = ctx;
    if (!document || !operation) return;
    try {
      const result = await this.limits.check(
        {
          schema,
          document,
          operation,
          operationName: request.operationName,
          variables: request.variables,
          documentKey: ctx.queryHash ? `${ctx.queryHash}|${request.operationName ?? ''}` : undefined,
        },
        state.holder,
        (ext) => (contextValue.responseExtensions.cost = ext),
        state.preDrawn,
      );
      state.cost = result?.cost;
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
    const rl = this.limits.rateLimitHeaders(state.holder, state.requests, state.cost);
    if (rl) {
      headers.set('ratelimit-policy', rl.policy);
      headers.set('ratelimit', rl.limit);
    }
    if (state.limited) headers.set('retry-after', String(state.limited.resetSeconds));
    else if (state.refused) headers.set('retry-after', String(state.refused.retryAfter ?? 1));
  }
}
