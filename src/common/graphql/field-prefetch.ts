import { Injectable } from '@nestjs/common';
import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { GqlContext, MaybePromise } from '../context/gql-context';

/** What a nested field reads for every parent of a page at once (e.g. the request's snapshots by instance). */
export type FieldLoad<Ctx = GqlContext> = (ctx: Ctx) => MaybePromise<unknown>;

/**
 * Loads what the nested fields of a page will read before graphql-js walks the page. The console page lists
 * 50 instances with snapshots, volumes and firewalls; each of those fields reads a per-request grouping (one
 * Barrack list call per kind, see PerRequestCollection.groupedBy). Without this, graphql-js reaches all 50
 * instances before any list has arrived, so each of the 150 field calls returns a promise and every instance
 * object is completed on graphql-js's asynchronous path (a promise per field, promiseForObject per object).
 * A list resolver that awaits `prefetch` before returning its page hands over objects whose nested fields
 * answer synchronously from the loaded groupings.
 *
 * The feature that owns a field registers its load (Instance.snapshots is the snapshots feature's), so the
 * list's feature knows no other feature. Only fields the document selects are loaded, and a load is the same
 * memoized one the field itself would start: the upstream calls are the same as without the prefetch.
 */
@Injectable()
export class FieldPrefetch<Ctx = GqlContext> {
  private readonly loads = new Map<string, Map<string, FieldLoad<Ctx>>>();

  register(typeName: string, fieldName: string, load: FieldLoad<Ctx>): void {
    let byField = this.loads.get(typeName);
    if (!byField) this.loads.set(typeName, (byField = new Map<string, FieldLoad<Ctx>>()));
    if (byField.has(fieldName)) throw new Error(`prefetch for ${typeName}.${fieldName} registered twice`);
    byField.set(fieldName, load);
  }

  /**
   * Starts the registered loads of the fields the document selects on the `typeName` items found at
   * `itemPaths` under the field being resolved (for a connection CONNECTION_ITEM_PATHS: `nodes` and
   * `edges.node`), and waits for them. A failed load is not thrown here: the field reads the same memoized
   * load and reports the failure at its own path, as it would have without the prefetch.
   */
  async prefetch(
    typeName: string,
    info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues'>,
    itemPaths: readonly (readonly string[])[],
    ctx: Ctx,
  ): Promise<void> {
    const byField = this.loads.get(typeName);
    if (!byField) return;
    const pending: MaybePromise<unknown>[] = [];
    for (const name of selectedFieldNames(info, itemPaths)) {
      const load = byField.get(name);
      if (load) pending.push(load(ctx));
    }
    if (pending.length) await Promise.allSettled(pending);
  }
}

type SelectionInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues'>;

/**
 * Names of the fields selected at each of `itemPaths` below the current field, through fragments, honouring
 * @skip/@include. Type conditions are not narrowed: items of one object type are meant, and a fragment on
 * another type could only name a field too many (one load more), never one too few.
 */
export function selectedFieldNames(
  info: SelectionInfo,
  itemPaths: readonly (readonly string[])[],
): Set<string> {
  const names = new Set<string>();
  const roots = info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  for (const path of itemPaths) {
    let sets = roots;
    for (const step of path) {
      sets = fieldsIn(sets, info)
        .filter((f) => f.name.value === step)
        .flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
    }
    for (const f of fieldsIn(sets, info)) names.add(f.name.value);
  }
  return names;
}

function fieldsIn(
  sets: readonly SelectionSetNode[],
  info: SelectionInfo,
  seen = new Set<string>(),
): FieldNode[] {
  const out: FieldNode[] = [];
  for (const set of sets) {
    for (const s of set.selections) {
      if (!included(s, info)) continue;
      if (s.kind === Kind.FIELD) out.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) out.push(...fieldsIn([s.selectionSet], info, seen));
      else {
        const name = s.name.value;
        const fragment = info.fragments[name];
        if (!fragment || seen.has(name)) continue;
        seen.add(name);
        out.push(...fieldsIn([fragment.selectionSet], info, seen));
      }
    }
  }
  return out;
}

function included(node: Parameters<typeof getDirectiveValues>[1], info: SelectionInfo): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
}
