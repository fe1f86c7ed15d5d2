import { Inject } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';
import {
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { GqlContext } from '../common/context/gql-context';
import type { Principal } from '../common/context/principal';
import { GatewayError } from '../common/errors/gateway-error';
import { assertIntrospectionBounds, isFreeIntrospection } from '../common/graphql/introspection';
import { BILLABLE_MUTATIONS, type RateLimitPlan } from './rate-limit-plan';
import { RateLimiterService, type BudgetDecision } from './rate-limiter.service';
import { computeQueryCost } from './query-cost';
import { measureOperation } from './query-structure';
import { rateLimitHeader, rateLimitPolicyHeader } from './rate-limit-headers';

/** What one operation drew from its tenant's budgets; the response headers are written from it. */
interface LimitState {
  principal?: Principal;
  plan?: RateLimitPlan;
  requests?: BudgetDecision;
  cost?: BudgetDecision;
  /** The first budget that said no (its reset time becomes Retry-After). */
  limited?: BudgetDecision;
  /** A fail-closed refusal while the limiter's store is down. */
  unavailable?: GatewayError;
  /** An introspection-only document: its own bounds, no data limits, no budgets (see introspection.ts). */
  introspection?: boolean;
}

/**
 * Enforces, before any resolver runs (so a refused operation makes no upstream call): the request budget,
 * the structural limits (depth, aliases, root fields), the per-request cost maximum, the tenant's cost
 * budget and the billable-mutation budget. Runs after authentication: the principal comes from the context.
 */
@Plugin()
export class RateLimitPlugin implements ApolloServerPlugin<GqlContext> {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limiter: RateLimiterService,
  ) {}

  async requestDidStart({
    contextValue,
    request,
  }: GraphQLRequestContext<GqlContext>): Promise<GraphQLRequestListener<GqlContext>> {
    const state: LimitState = {};
    const principal = contextValue.principal ?? contextValue.req?.principal;
    // Introspection hook (1/2): an introspection-only document draws from no budget.
    state.introspection = isFreeIntrospection(this.config.INTROSPECTION, request.query);
    if (this.limiter.enabled && principal && !state.introspection) {
      state.principal = principal;
      try {
        state.plan = await this.limiter.planFor(principal.tenantId);
        state.requests = await this.limiter.consume(principal, state.plan, 'requests', 1);
        if (!state.requests.allowed) state.limited = state.requests;
      } catch (e) {
        // Thrown from didResolveOperation: Apollo turns errors of this hook (not this one) into responses.
        if (e instanceof GatewayError) state.unavailable = e;
        else throw e;
      }
    }
    return {
      didResolveOperation: (ctx) => this.check(ctx, state),
      // eslint-disable-next-line @typescript-eslint/require-await
      willSendResponse: async ({ response }) => {
        if (!state.principal) return;
        const headers = response.http.headers;
        const decisions = [state.requests, state.cost].filter((d): d is BudgetDecision => d !== undefined);
        if (state.plan && decisions.length) {
          const policy: BudgetDecision[] = [
            state.requests ?? this.placeholder(state.plan, 'requests'),
            state.cost ?? this.placeholder(state.plan, 'cost'),
          ];
          headers.set('ratelimit-policy', rateLimitPolicyHeader(policy));
          headers.set('ratelimit', rateLimitHeader(decisions));
        }
        if (state.limited) headers.set('retry-after', String(state.limited.resetSeconds));
        else if (state.unavailable) headers.set('retry-after', String(state.unavailable.retryAfter ?? 1));
      },
    };
  }

  private async check(ctx: GraphQLRequestContext<GqlContext>, state: LimitState): Promise<void> {
    if (state.unavailable) throw state.unavailable;
    if (state.limited) throw this.limitedError(state.limited);
    const { document, operation, schema, request, contextValue } = ctx;
    if (!document || !operation) return;

    const shape = measureOperation(document, operation);
    const c = this.config;
    // Introspection hook (2/2): its own bounds instead of the data limits, cost and budgets.
    if (state.introspection) return assertIntrospectionBounds(shape, c.QUERY_MAX_ALIASES);
    if (shape.depth > c.QUERY_MAX_DEPTH)
      this.tooComplex(
        'depth',
        `Query depth ${shape.depth} exceeds the maximum of ${c.QUERY_MAX_DEPTH}.`,
        shape.depth,
        c.QUERY_MAX_DEPTH,
      );
    if (shape.aliases > c.QUERY_MAX_ALIASES)
      this.tooComplex(
        'aliases',
        `Query uses ${shape.aliases} aliases; the maximum is ${c.QUERY_MAX_ALIASES}.`,
        shape.aliases,
        c.QUERY_MAX_ALIASES,
      );
    if (shape.rootFields > c.QUERY_MAX_ROOT_FIELDS)
      this.tooComplex(
        'rootFields',
        `Query selects ${shape.rootFields} root fields; the maximum is ${c.QUERY_MAX_ROOT_FIELDS}.`,
        shape.rootFields,
        c.QUERY_MAX_ROOT_FIELDS,
      );

    let cost: number;
    try {
      cost = computeQueryCost({
        schema,
        document,
        operationName: request.operationName,
        variables: request.variables,
      });
    } catch (e) {
      // Variable coercion problems surface here first; they are the client's to fix.
      throw new GatewayError('BAD_USER_INPUT', e instanceof Error ? e.message : 'Invalid variables.');
    }
    const costExt: Record<string, number> = { requested: cost, limit: c.QUERY_MAX_COST };
    contextValue.responseExtensions.cost = costExt;
    if (cost > c.QUERY_MAX_COST) {
      throw new GatewayError(
        'QUERY_TOO_COMPLEX',
        `Query cost ${cost} exceeds the maximum of ${c.QUERY_MAX_COST}.`,
        {
          cost,
          limit: c.QUERY_MAX_COST,
        },
      );
    }
    const { principal, plan } = state;
    if (!principal || !plan) return;

    state.cost = await this.limiter.consume(principal, plan, 'cost', cost);
    costExt.remaining = state.cost.remaining;
    if (!state.cost.allowed) {
      state.limited = state.cost;
      throw this.limitedError(state.cost);
    }
    if (operation.operation === OperationTypeNode.MUTATION) {
      const billable = countBillable(document, operation.selectionSet);
      if (billable > 0) {
        const m = await this.limiter.consume(principal, plan, 'mutations', billable);
        if (!m.allowed) {
          state.limited = m;
          throw this.limitedError(m);
        }
      }
    }
  }

  private tooComplex(rule: string, message: string, actual: number, limit: number): never {
    throw new GatewayError('QUERY_TOO_COMPLEX', message, { rule, actual, limit });
  }

  private limitedError(d: BudgetDecision): GatewayError {
    return new GatewayError(
      'RATE_LIMITED',
      `Rate limit exceeded (${d.budget}: ${d.limit} per ${d.windowSeconds} s); retry after ${d.resetSeconds} s.`,
      { budget: d.budget, limit: d.limit, windowSeconds: d.windowSeconds },
      undefined,
      d.resetSeconds,
    );
  }

  private placeholder(plan: RateLimitPlan, budget: 'requests' | 'cost'): BudgetDecision {
    const limit = this.limiter.limitOf(plan, budget);
    const windowSeconds = this.limiter.windowOf(budget);
    return { budget, allowed: true, limit, remaining: limit, resetSeconds: windowSeconds, windowSeconds };
  }
}

/** Root mutation fields in BILLABLE_MUTATIONS, fragments included (each occurrence is one Barrack create). */
function countBillable(
  document: DocumentNode,
  set: SelectionSetNode,
  seen: ReadonlySet<string> = new Set(),
): number {
  let n = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (BILLABLE_MUTATIONS.has(sel.name.value)) n++;
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      n += countBillable(document, sel.selectionSet, seen);
    } else if (!seen.has(sel.name.value)) {
      const frag = document.definitions.find(
        (d): d is FragmentDefinitionNode =>
          d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === sel.name.value,
      );
      if (frag) n += countBillable(document, frag.selectionSet, new Set([...seen, sel.name.value]));
    }
  }
  return n;
}
