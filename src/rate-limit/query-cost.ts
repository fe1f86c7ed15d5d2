import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { upstreamCostOf } from '../common/graphql/upstream-cost.decorator';

/** Page size assumed for a list whose size the query does not state. */
export const DEFAULT_PAGE_SIZE = 20;
/** Own cost of a root Query field (one Barrack call) unless the field declares its own. */
export const ROOT_QUERY_COST = 10;
/** Own cost of a root Mutation field (a Barrack write) unless the field declares its own. */
export const ROOT_MUTATION_COST = 20;

/** Paging arguments that bound a list's size: Relay's `first`/`last` and the older `pageSize`, and `limit`. */
const PAGE_ARGS = ['first', 'last', 'pageSize', 'limit'] as const;

/** The page size a field asks for: a paging argument at the top level or one level down (`page: {first}`). */
function requestedPageSize(args: Record<string, unknown>): number | undefined {
  // Both `first` and `last` given: the larger bounds the page (an upper bound, never a guess low).
  const pick = (o: Record<string, unknown>): number | undefined => {
    let size: number | undefined;
    for (const name of PAGE_ARGS) {
      const v = o[name];
      if (typeof v === 'number' && Number.isFinite(v)) size = Math.max(size ?? 0, Math.floor(v));
    }
    return size;
  };
  const top = pick(args);
  if (top !== undefined) return top;
  for (const v of Object.values(args)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const nested = pick(v as Record<string, unknown>);
      if (nested !== undefined) return nested;
    }
  }
  return undefined;
}

function hasPageArg(argNames: readonly string[]): boolean {
  return argNames.some((n) => (PAGE_ARGS as readonly string[]).includes(n));
}

/** Points charged per Barrack call a field declares (README "Rate limits and query cost"). */
export const UPSTREAM_CALL_COST = 10;

/**
 * What the estimator learns beside the multiplied cost: calls that happen once per operation whatever the
 * number of parents (a DataLoader batch, the request's shared listing of a kind), added after the walk.
 */
export interface CostTally {
  /** Points of `{ batched }` declarations, once per field node. */
  batched: number;
  /** Kinds of `{ shared }` listings the operation can read (one call each). */
  shared: Set<string>;
}

/**
 * The gateway's cost model (README "Rate limits and query cost"):
 * - own cost: a field that declares its Barrack calls (`@UpstreamCost(n)`, common/graphql/upstream-cost.decorator)
 *   costs 10 points per call per parent item; `@Field({ complexity: N })` or extension `cost: N` when declared;
 *   else 10 for a root Query field (one call), 20 for a root Mutation field (a Barrack write), 1 for an
 *   object-typed field, 0 for a scalar or enum field;
 * - cost = own + multiplier × (cost of the selected children), where the multiplier is the page size the
 *   field asks for (`first`/`last`/`pageSize`/`limit`, default 20) when the field pages or returns a list; a list
 *   inside a page object (`*Page`, `*Connection`) counts once, since its parent field already multiplied;
 * - plus, once per operation, 10 points for each `{ batched }` field and each `{ shared }` listing kind.
 * A `complexity` function on a field is left to graphql-query-complexity's fieldExtensionsEstimator.
 */
export function gatewayCostEstimator(
  schema: GraphQLSchema,
  tally: CostTally = { batched: 0, shared: new Set() },
): ComplexityEstimator {
  const queryType = schema.getQueryType();
  const mutationType = schema.getMutationType();
  return ({ type, field, args, childComplexity }) => {
    const ext = field.extensions as { complexity?: unknown; cost?: unknown } | undefined;
    if (typeof ext?.complexity === 'function') return undefined;
    const returnType = getNullableType(field.type);
    const declared = upstreamCostOf(field);
    const isRootMutation = !!mutationType && type === mutationType;
    let own: number;
    if (typeof declared === 'number') {
      own = declared * UPSTREAM_CALL_COST;
      if (isRootMutation) own = Math.max(own, ROOT_MUTATION_COST);
    } else if (typeof ext?.complexity === 'number') own = ext.complexity;
    else if (typeof ext?.cost === 'number') own = ext.cost;
    else if (queryType && type === queryType) own = ROOT_QUERY_COST;
    else if (isRootMutation) own = ROOT_MUTATION_COST;
    else own = isCompositeType(getNamedType(field.type)) ? 1 : 0;
    if (declared !== undefined && typeof declared !== 'number') {
      if ('batched' in declared) tally.batched += declared.batched * UPSTREAM_CALL_COST;
      else tally.shared.add(declared.shared);
    }

    let multiplier = 1;
    const pages = hasPageArg(field.args.map((a) => a.name));
    if (pages || isListType(returnType)) {
      const insidePage = /(Page|Connection)$/.test(type.name) && !pages;
      multiplier = insidePage ? 1 : (requestedPageSize(args) ?? DEFAULT_PAGE_SIZE);
    }
    return own + multiplier * childComplexity;
  };
}

export interface CostInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
}

/** Cost of the operation that will run, computed from the document alone (no resolver runs). */
export function computeQueryCost({ schema, document, operationName, variables }: CostInput): number {
  const tally: CostTally = { batched: 0, shared: new Set() };
  const walked = getComplexity({
    schema,
    query: document,
    operationName: operationName ?? undefined,
    variables: variables ?? {},
    estimators: [gatewayCostEstimator(schema, tally), fieldExtensionsEstimator()],
  });
  return walked + tally.batched + tally.shared.size * UPSTREAM_CALL_COST;
}
