import DataLoader from 'dataloader';
import { memoize, memoizeLoad, type GqlContext, type MaybePromise } from '../context/gql-context';
import { isNoSuchObject } from '../errors/gateway-error';

/**
 * Where a collection's items come from: the account's list (every page; narrowed by Barrack when a filter is
 * given), and one item by id.
 */
export interface CollectionSource<T, F> {
  listAll(ctx: GqlContext, filter?: F): Promise<T[]>;
  getOne(id: string, ctx: GqlContext): Promise<T>;
}

/**
 * One resource kind of the tenant's account as a request sees it. The whole list is read at most once per
 * request and shared by every graph edge (Instance.snapshots for 50 instances is one call); lookups by id are
 * batched: one id alone is one GET, several ids (or any id once the list was read) come from the list.
 * Everything lives in the request's memo, so nothing is shared between requests or tenants.
 */
export class PerRequestCollection<T extends { barrackId: string }, F = never> {
  constructor(
    /** Memo namespace, unique per kind (e.g. 'snapshots'). */
    private readonly kind: string,
    private readonly source: CollectionSource<T, F>,
  ) {}

  private key(part: string): string {
    return `${this.kind}.${part}`;
  }

  /** Memo keys of groupings, built once: a key built per call is a new string to hash on every lookup (150 a page on S3). */
  private readonly groupKeys = new Map<string, string>();

  private groupKey(name: string): string {
    let k = this.groupKeys.get(name);
    if (k === undefined) this.groupKeys.set(name, (k = this.key(`by.${name}`)));
    return k;
  }

  /**
   * The whole list. Its items are not primed into the DataLoader one by one (a promise and a cache entry per
   * item, 150 a console page, for lookups that page never makes): a lookup once the list is read finds them
   * through `allById`, built on the first lookup only.
   */
  all(ctx: GqlContext): Promise<T[]> {
    return memoize(ctx, this.key('all'), () => this.source.listAll(ctx));
  }

  /** The whole list by Barrack id, built once per request, for lookups by id. */
  private allById(ctx: GqlContext): Promise<Map<string, T>> {
    return memoize(ctx, this.key('allById'), async () => {
      const byId = new Map<string, T>();
      for (const t of await this.all(ctx)) byId.set(t.barrackId, t);
      return byId;
    });
  }

  /**
   * A list query's items: without a filter, the request's shared whole list; with one, Barrack's filtered list
   * (itself primed for later lookups by id).
   */
  async matching(ctx: GqlContext, filter: F | undefined): Promise<T[]> {
    if (filter === undefined) return this.all(ctx);
    const list = await this.source.listAll(ctx, filter);
    this.prime(ctx, list);
    return list;
  }

  /** Makes items read some other way (e.g. a filtered list) available to lookups by id. */
  prime(ctx: GqlContext, items: readonly T[]): void {
    const loader = this.loader(ctx);
    for (const t of items) loader.prime(t.barrackId, t);
  }

  /** Null when the item does not exist (or belongs to another account: Barrack answers 404 for both). */
  load(id: string, ctx: GqlContext): Promise<T | null> {
    return this.loader(ctx).load(id);
  }

  /**
   * Items grouped by a parent id (e.g. snapshots by instance), computed once per request and grouping. Once
   * computed, the map itself rather than a promise (see memoizeLoad): a field under a page whose grouping was
   * loaded up front (FieldPrefetch) answers synchronously.
   */
  groupedBy(
    ctx: GqlContext,
    name: string,
    parentOf: (t: T) => string | null,
    order: (list: readonly T[]) => T[] = (l) => [...l],
  ): MaybePromise<Map<string, T[]>> {
    return memoizeLoad(ctx, this.groupKey(name), async () => {
      const groups = new Map<string, T[]>();
      for (const t of order(await this.all(ctx))) {
        const parent = parentOf(t);
        if (parent === null) continue;
        const g = groups.get(parent);
        if (g) g.push(t);
        else groups.set(parent, [t]);
      }
      return groups;
    });
  }

  /** After a mutation: nothing this request read before it may be served again. */
  forget(ctx: GqlContext): void {
    for (const k of [...ctx.memo.keys()]) if (k.startsWith(`${this.kind}.`)) ctx.memo.delete(k);
  }

  private loader(ctx: GqlContext): DataLoader<string, T | null> {
    return memoize(
      ctx,
      this.key('byId'),
      () =>
        new DataLoader<string, T | null>(async (ids) => {
          const [only] = ids;
          if (ids.length === 1 && only !== undefined && !ctx.memo.has(this.key('all'))) {
            return [await this.getOrNull(only, ctx)];
          }
          const byId = await this.allById(ctx);
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
  }

  private async getOrNull(id: string, ctx: GqlContext): Promise<T | null> {
    try {
      return await this.source.getOne(id, ctx);
    } catch (e) {
      if (isNoSuchObject(e)) return null;
      throw e;
    }
  }
}

/** A Barrack list filter, or undefined when no field is set (so the request's shared whole list serves). */
export function filterOrNone<F extends Record<string, string | undefined>>(filter: F): F | undefined {
  return Object.values(filter).some((v) => v !== undefined && v !== '') ? filter : undefined;
}
