import { Inject, Injectable } from '@nestjs/common';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { RedisBudget } from '../redis/redis-guard';
import type { Principal } from '../common/context/principal';
import { GatewayError } from '../common/errors/gateway-error';
import type { RateLimitPlan } from './rate-limit-plan';
import { LRUCache } from 'lru-cache';
import { canonicalJson } from '../common/graphql/canonical-json';
import { RateLimiterService, type BudgetDecision, type OperationDraw } from './rate-limiter.service';
import { PolicyHeaderMemo, rateLimitHeaderOf } from './rate-limit-headers';
import { computeQueryCost } from './query-cost';
import { countTokens, measureOperation } from './query-structure';
import {
  assertIntrospectionBounds,
  isFreeIntrospection,
  isIntrospectionOnly,
} from '../common/graphql/introspection';

/** One parsed and validated operation, as either transport holds it. */
export interface OperationToCheck {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  /**
   * The document's identity (its sha256 and the operation name), when the transport knows it: the structure
   * checks and the cost are then computed once per (document, variables) and remembered (bounded).
   */
  documentKey?: string;
}

/** Budgets already drawn for this operation (before Apollo, see OperationLimits.drawKnown). */
export interface PreDrawn {
  /** The cost the draw was made for; the cost budget is only taken from here when the check agrees. */
  costPoints: number;
  draw: OperationDraw;
}

/** How many (document, variables) costs are remembered. */
const COST_MEMO_MAX = 5_000;

/** The tenant's share of one operation: who, under which plan. Absent when limiting is off or anonymous. */
export interface BudgetHolder {
  principal: Principal;
  plan: RateLimitPlan;
  /** The Redis budget of the HTTP request the operation came in (redisBudgetOf(req)); none on WebSocket. */
  redis?: RedisBudget;
}

/** What the checks found; the transports report it (HTTP: `extensions.cost`, RateLimit headers). */
export interface OperationLimitsResult {
  /** `extensions.cost` of the response: `{ requested, limit, remaining? }`. */
  costExtension: Record<string, number>;
  /** The cost-budget draw, when one was made. */
  cost?: BudgetDecision;
}

/** Thrown by the checks with the decision that refused, so HTTP can write Retry-After from it. */
export class BudgetRefusal extends GatewayError {
  constructor(readonly decision: BudgetDecision) {
    super(
      'RATE_LIMITED',
      `Rate limit exceeded (${decision.budget}: ${decision.limit} per ${decision.windowSeconds} s); retry after ${decision.resetSeconds} s.`,
      { budget: decision.budget, limit: decision.limit, windowSeconds: decision.windowSeconds },
      undefined,
      decision.resetSeconds,
    );
  }
}

/**
 * The limits of one GraphQL operation, written once and called by every transport (HTTP: RateLimitPlugin;
 * WebSocket: GraphqlWsOptions.onSubscribe), so both refuse the same operation with the same error, byte for
 * byte: token count, depth, aliases, root fields, the per-operation cost maximum, the tenant's request and
 * cost budgets. Everything runs before any resolver, so a refused operation makes no upstream call. The
 * billable-mutation budget is drawn per create, where it runs (chargeBillable, via BillableMutation).
 */
@Injectable()
export class OperationLimits {
  /** Costs of operations that passed the structure and cost-maximum checks, by costKey(). */
  private readonly costs = new LRUCache<string, number>({ max: COST_MEMO_MAX });
  /** Document hashes whose text is within QUERY_MAX_TOKENS. */
  private readonly withinTokens = new LRUCache<string, true>({ max: COST_MEMO_MAX });

  /** The RateLimit-Policy text of the last plan numbers seen (rateLimitHeaders). */
  private readonly policyHeader = new PolicyHeaderMemo();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limiter: RateLimiterService,
  ) {}

  /**
   * The tenant's plan when budgets apply to this principal (limiting on, principal known). `redis`: the Redis
   * budget of the HTTP request (redisBudgetOf(req)), which every draw for this holder is bounded by.
   */
  async holderFor(principal: Principal | undefined, redis?: RedisBudget): Promise<BudgetHolder | undefined> {
    if (!this.limiter.enabled || !principal) return undefined;
    return { principal, plan: await this.limiter.planFor(principal.tenantId), redis };
  }

  /** One operation against the request budget (a subscription counts once, when it starts). */
  async drawRequest(holder: BudgetHolder): Promise<BudgetDecision> {
    const d = await this.limiter.consume(holder.principal, holder.plan, 'requests', 1, false, holder.redis);
    if (!d.allowed) throw new BudgetRefusal(d);
    return d;
  }

  /**
   * The remembered cost of an operation that already passed every check once (same document, operation name
   * and variables), or undefined. Lets a transport draw all budgets before parsing anything.
   */
  knownCost(documentKey: string, variables: Record<string, unknown> | null | undefined): number | undefined {
    return this.costs.get(costKey(documentKey, variables));
  }

  /** The request and cost budgets of an operation whose cost is known, in one round trip (no refusal thrown). */
  drawKnown(holder: BudgetHolder, costPoints: number): Promise<PreDrawn> {
    return this.limiter
      .drawOperation(holder.principal, holder.plan, costPoints, holder.redis)
      .then((draw) => ({ costPoints, draw }));
  }

  /**
   * drawKnown, and the values of `readKeys` read by the same Redis command (a response-cache hit's entry and
   * generation), when the keys live in the holder's budget slot (RateLimiterService.canReadWithDraw); undefined
   * when they do not, so the caller draws and reads in two commands. `values` is absent when the operation was
   * refused or drawn without Redis.
   */
  drawKnownAndRead(
    holder: BudgetHolder,
    costPoints: number,
    readKeys: readonly string[],
  ): Promise<{ preDrawn: PreDrawn; values?: (Buffer | null)[] }> | undefined {
    const { principal, plan } = holder;
    if (!this.limiter.canReadWithDraw(principal, plan, readKeys)) return undefined;
    return this.limiter
      .drawOperationAndRead(principal, plan, costPoints, readKeys, holder.redis)
      .then(({ draw, values }) => ({ preDrawn: { costPoints, draw }, values }));
  }

  /**
   * RateLimit and RateLimit-Policy header values for what an operation drew (RFC draft
   * ratelimit-headers): both budgets in the policy, what was drawn in RateLimit.
   */
  rateLimitHeaders(
    holder: BudgetHolder,
    requests: BudgetDecision | undefined,
    cost: BudgetDecision | undefined,
  ): { policy: string; limit: string } | undefined {
    const first = requests ?? cost;
    if (first === undefined) return undefined;
    // Every hit writes these: the policy (the plan's numbers) is remembered, RateLimit built without arrays.
    const policy = this.policyHeader.of(
      requests ?? this.placeholder(holder.plan, 'requests'),
      cost ?? this.placeholder(holder.plan, 'cost'),
    );
    return { policy, limit: rateLimitHeaderOf(first, requests && cost) };
  }

  private placeholder(plan: RateLimitPlan, budget: 'requests' | 'cost'): BudgetDecision {
    const limit = this.limiter.limitOf(plan, budget);
    const windowSeconds = this.limiter.windowOf(budget);
    return { budget, allowed: true, limit, remaining: limit, resetSeconds: windowSeconds, windowSeconds };
  }

  /** The lexical token bound, checked on the raw text before parsing (a cheap bound on parser work). */
  checkTokens(query: string, hash?: string): void {
    if (hash !== undefined && this.withinTokens.has(hash)) return;
    const limit = this.config.QUERY_MAX_TOKENS;
    const within = countTokens(query, limit) <= limit;
    // The document's sha256 (persisted-documents middleware): the same text is never lexed twice.
    if (within && hash !== undefined) this.withinTokens.set(hash, true);
    if (!within)
      throw new GatewayError('QUERY_TOO_COMPLEX', `The query has more than ${limit} tokens.`, {
        rule: 'tokens',
        limit,
      });
  }

  /**
   * Structure, cost maximum, cost budget, in that order; throws the first
   * refusal. `onCost` receives `extensions.cost` as soon as it is known, so a refused operation reports it too.
   */
  async check(
    op: OperationToCheck,
    holder: BudgetHolder | undefined,
    onCost?: (costExtension: Record<string, number>) => void,
    preDrawn?: PreDrawn,
  ): Promise<OperationLimitsResult | null> {
    if (this.isFreeIntrospection(op)) {
      // Introspection for tools: its own bounds (depth, aliases; graphql-js refuses cyclic bombs in
      // validation), no data limits, no cost, no budgets. See src/common/graphql/introspection.ts.
      assertIntrospectionBounds(measureOperation(op.document, op.operation), this.config.QUERY_MAX_ALIASES);
      return null;
    }
    const memoKey = op.documentKey === undefined ? undefined : costKey(op.documentKey, op.variables);
    let cost = memoKey === undefined ? undefined : this.costs.get(memoKey);
    if (cost === undefined) {
      this.checkStructure(op.document, op.operation);
      cost = this.costOf(op);
      if (memoKey !== undefined && cost <= this.config.QUERY_MAX_COST) this.costs.set(memoKey, cost);
    }
    const max = this.config.QUERY_MAX_COST;
    const costExtension: Record<string, number> = { requested: cost, limit: max };
    onCost?.(costExtension);
    if (cost > max) {
      throw new GatewayError('QUERY_TOO_COMPLEX', `Query cost ${cost} exceeds the maximum of ${max}.`, {
        rule: 'cost',
        actual: cost,
        limit: max,
        // Kept beside `actual` for clients written before the rule names were unified.
        cost,
      });
    }
    const result: OperationLimitsResult = { costExtension };
    if (!holder) return result;

    result.cost =
      preDrawn && preDrawn.costPoints === cost && preDrawn.draw.cost
        ? preDrawn.draw.cost
        : await this.limiter.consume(holder.principal, holder.plan, 'cost', cost, false, holder.redis);
    costExtension.remaining = result.cost.remaining;
    if (!result.cost.allowed) throw new BudgetRefusal(result.cost);

    return result;
  }

  /**
   * One billable create against the hourly budget, drawn where the create is about to run (see
   * BillableMutation): after idempotency, so a replay never draws, and before the upstream call.
   */
  async chargeBillable(holder: BudgetHolder): Promise<void> {
    const d = await this.limiter.consume(holder.principal, holder.plan, 'mutations', 1, false, holder.redis);
    if (!d.allowed) throw new BudgetRefusal(d);
  }

  /** Gives back a billable point drawn for a create that turned out to create nothing (`requestId`: its). */
  async refundBillable(holder: BudgetHolder, requestId: string): Promise<void> {
    await this.limiter.refund(holder.principal, holder.plan, 'mutations', 1, holder.redis, requestId);
  }

  /**
   * The one place that decides whether an operation is introspection for tools, which draws on no data
   * limit or budget (INTROSPECTION=off refuses it in validation instead, so it never gets here).
   */
  isFreeIntrospection(op: Pick<OperationToCheck, 'document'>): boolean {
    return this.config.INTROSPECTION !== 'off' && isIntrospectionOnly(op.document);
  }

  /** The same decision on raw query text, before parsing (the request budget is drawn that early on HTTP). */
  isFreeIntrospectionSource(query: unknown): boolean {
    return isFreeIntrospection(this.config.INTROSPECTION, query);
  }

  private checkStructure(document: DocumentNode, operation: OperationDefinitionNode): void {
    const shape = measureOperation(document, operation);
    const c = this.config;
    if (shape.depth > c.QUERY_MAX_DEPTH)
      tooComplex(
        'depth',
        `Query depth ${shape.depth} exceeds the maximum of ${c.QUERY_MAX_DEPTH}.`,
        shape.depth,
        c.QUERY_MAX_DEPTH,
      );
    if (shape.aliases > c.QUERY_MAX_ALIASES)
      tooComplex(
        'aliases',
        `Query uses ${shape.aliases} aliases; the maximum is ${c.QUERY_MAX_ALIASES}.`,
        shape.aliases,
        c.QUERY_MAX_ALIASES,
      );
    if (shape.rootFields > c.QUERY_MAX_ROOT_FIELDS)
      tooComplex(
        'rootFields',
        `Query selects ${shape.rootFields} root fields; the maximum is ${c.QUERY_MAX_ROOT_FIELDS}.`,
        shape.rootFields,
        c.QUERY_MAX_ROOT_FIELDS,
      );
  }

  private costOf(op: OperationToCheck): number {
    try {
      return computeQueryCost({
        schema: op.schema,
        document: op.document,
        operationName: op.operationName,
        variables: op.variables ?? undefined,
      });
    } catch (e) {
      // Variable coercion problems surface here first; they are the client's to fix.
      throw new GatewayError('BAD_USER_INPUT', e instanceof Error ? e.message : 'Invalid variables.');
    }
  }
}

function costKey(documentKey: string, variables: Record<string, unknown> | null | undefined): string {
  return `${documentKey}|${canonicalJson(variables ?? {})}`;
}

function tooComplex(rule: string, message: string, actual: number, limit: number): never {
  throw new GatewayError('QUERY_TOO_COMPLEX', message, { rule, actual, limit });
}
