import {
  getNamedType,
  isObjectType,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { CacheConfig, CacheKind } from '../cache/cache-kinds';
import { upstreamCostOf } from '../common/graphql/upstream-cost.decorator';
import {
  NESTED_FIELD_POLICIES,
  ROOT_FIELD_POLICIES,
  narrowerScope,
  resolveFieldPolicy,
  type ResponseScope,
} from './field-policy';

export type DocumentPolicy =
  | {
      cacheable: true;
      scope: ResponseScope;
      ttlS: number;
      /** Catalogue kinds read: tags `kind:<kind>`, so the catalogue's invalidations reach stored answers. */
      kinds: CacheKind[];
      /** Types whose lists the document read: tags `list:<Type>`, invalidated by creates and deletes. */
      listTypes: string[];
      /**
       * The variables the operation declares: the only ones in its cache key. Execution ignores any other, so a
       * client adding undeclared variables gets the same answer, not a new entry (and tag members) per value.
       */
      variableNames: string[];
    }
  | { cacheable: false; reason: string };

/**
 * Does resolving this field call Barrack on its own? The cost model's declaration (@UpstreamCost) says so:
 * one declaration serves both, and a test fails when a resolving field lacks it.
 */
export function fieldCallsUpstream(field: GraphQLField<unknown, unknown>): boolean {
  const d = upstreamCostOf(field);
  if (d === undefined) return false;
  return typeof d === 'number' ? d > 0 : 'shared' in d || d.batched > 0;
}

/** The item type of a list, connection (`nodes`) or page (`items`) type, else the type itself. */
export function listedTypeOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) {
    const fields = type.getFields();
    const items = fields.nodes ?? fields.items;
    if (items && (type.name.endsWith('Connection') || type.name.endsWith('Page'))) {
      return getNamedType(items.type).name;
    }
  }
  return type.name;
}

/**
 * Derives whether an operation's answer may be stored, for whom, and for how long, from the fields it selects
 * (once per document hash: callers memoise). Mutations and subscriptions are never cacheable.
 */
export function deriveDocumentPolicy(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  config: CacheConfig,
): DocumentPolicy {
  if (operation.operation !== OperationTypeNode.QUERY) {
    return { cacheable: false, reason: `${operation.operation}s are never cached` };
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const queryType = schema.getQueryType();
  if (!queryType) return { cacheable: false, reason: 'no query type' };

  let scope: ResponseScope = 'public';
  let ttlS = Number.POSITIVE_INFINITY;
  const kinds = new Set<CacheKind>();
  const listTypes = new Set<string>();
  let refusal: string | undefined;
  let fieldsSeen = 0;

  const apply = (policy: Parameters<typeof resolveFieldPolicy>[0]) => {
    const p = resolveFieldPolicy(policy, config);
    scope = narrowerScope(scope, p.scope);
    ttlS = Math.min(ttlS, p.ttlS);
    if (p.kind) kinds.add(p.kind);
  };

  const walk = (
    set: SelectionSetNode,
    parent: GraphQLObjectType,
    root: boolean,
    seen: ReadonlySet<string>,
  ) => {
    for (const sel of set.selections) {
      if (refusal) return;
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (on && isObjectType(on)) walk(sel.selectionSet, on, root, seen);
        else if (on) walkAbstract(sel.selectionSet, seen);
        continue;
      }
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        if (!frag || seen.has(frag.name.value)) continue;
        const on = schema.getType(frag.typeCondition.name.value);
        const next = new Set([...seen, frag.name.value]);
        if (on && isObjectType(on)) walk(frag.selectionSet, on, root, next);
        else if (on) walkAbstract(frag.selectionSet, next);
        continue;
      }
      const name = sel.name.value;
      if (name.startsWith('__')) continue;
      const field = parent.getFields()[name];
      if (!field) continue; // validation already refused unknown fields
      fieldsSeen++;
      if (root) {
        const policy = ROOT_FIELD_POLICIES[name];
        if (!policy) {
          refusal = `${name} is not cacheable`;
          return;
        }
        apply(policy);
        listTypes.add(listedTypeOf(getNamedType(field.type)));
      } else {
        const policy = NESTED_FIELD_POLICIES[`${parent.name}.${name}`];
        if (policy) apply(policy);
        else if (fieldCallsUpstream(field)) {
          refusal = `${parent.name}.${name} reads Barrack and is not cacheable`;
          return;
        }
      }
      const type = getNamedType(field.type);
      if (sel.selectionSet) {
        if (isObjectType(type)) walk(sel.selectionSet, type, false, seen);
        else walkAbstract(sel.selectionSet, seen);
      }
    }
  };
  // Interfaces and unions (Node): no policy can be read off an abstract type, so be conservative.
  const walkAbstract = (set: SelectionSetNode, _seen: ReadonlySet<string>) => {
    const onlyTypename = set.selections.every((s) => s.kind === Kind.FIELD && s.name.value === '__typename');
    if (!onlyTypename) refusal = 'selects through an interface or union';
  };

  walk(operation.selectionSet, queryType, true, new Set());
  if (refusal) return { cacheable: false, reason: refusal };
  if (fieldsSeen === 0 || !Number.isFinite(ttlS) || ttlS <= 0) {
    return { cacheable: false, reason: 'nothing worth caching' };
  }
  const variableNames = (operation.variableDefinitions ?? []).map((d) => d.variable.name.value).sort();
  return { cacheable: true, scope, ttlS, kinds: [...kinds], listTypes: [...listTypes], variableNames };
}
