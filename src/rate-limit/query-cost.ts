import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/** Page size assumed for a list whose size the query does not state. */
export const DEFAULT_PAGE_SIZE = 20;
/** Own cost of a root Query field (one Barrack call) unless the field declares its own. */
export const ROOT_QUERY_COST = 10;
/** Own cost of a root Mutation field (a Barrack write) unless the field declares its own. */
export const ROOT_MUTATION_COST = 20;

const PAGE_ARGS = ['first', 'pageSize', 'limit', 'last'] as const;

/** The page size a field asks for: a paging argument at the top level or one level down (`page: {first}`). */
function requestedPageSize(args: Record<string, unknown>): number | undefined {
  const pick = (o: Record<string, unknown>): number | undefined => {
    for (const name of PAGE_ARGS) {
      const v = o[name];
      if (typeof v === 'number' && Number.isFinite(v)) return Math.max(0, Math.floor(v));
    }
    return undefined;
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

/**
 * The gateway's cost model (README "Rate limits and query cost"):
 * - own cost: `@Field({ complexity: N })` or extension `cost: N` when declared; else 10 for a root Query
 *   field, 20 for a root Mutation field, 1 for an object-typed field, 0 for a scalar or enum field;
 * - cost = own + multiplier × (cost of the selected children), where the multiplier is the page size the
 *   field asks for (`first`/`pageSize`/`limit`, default 20) when the field pages or returns a list; a list
 *   inside a page object (`*Page`, `*Connection`) counts once, since its parent field already multiplied.
 * A `complexity` function on a field is left to graphql-query-complexity's fieldExtensionsEstimator.
 */
export function gatewayCostEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const queryType = schema.getQueryType();
  const mutationType = schema.getMutationType();
  return ({ type, field, args, childComplexity }) => {
    const ext = field.extensions as { complexity?: unknown; cost?: unknown } | undefined;
    if (typeof ext?.complexity === 'function') return undefined;
    const returnType = getNullableType(field.type);
    let own: number;
    if (typeof ext?.complexity === 'number') own = ext.complexity;
    else if (typeof ext?.cost === 'number') own = ext.cost;
    else if (queryType && type === queryType) own = ROOT_QUERY_COST;
    else if (mutationType && type === mutationType) own = ROOT_MUTATION_COST;
    else own = isCompositeType(getNamedType(field.type)) ? 1 : 0;

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
  return getComplexity({
    schema,
    query: document,
    operationName: operationName ?? undefined,
    variables: variables ?? {},
    estimators: [gatewayCostEstimator(schema), fieldExtensionsEstimator()],
  });
}
