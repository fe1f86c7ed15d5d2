import type { GqlContext } from '../context/gql-context';
import { GatewayError } from '../errors/gateway-error';
import { PerRequestCollection, filterOrNone } from './per-request-collection';

interface Item {
  barrackId: string;
  parent: string | null;
}

function setup(items: Item[]) {
  const calls = { list: 0, get: [] as string[] };
  const collection = new PerRequestCollection<Item>('items', {
    listAll: () => {
      calls.list++;
      return Promise.resolve(items);
    },
    getOne: (id) => {
      calls.get.push(id);
      const found = items.find((i) => i.barrackId === id);
      return found ? Promise.resolve(found) : Promise.reject(new GatewayError('NOT_FOUND', 'nope'));
    },
  });
  const ctx = () => ({ memo: new Map() }) as unknown as GqlContext;
  return { calls, collection, ctx };
}

const ITEMS: Item[] = [
  { barrackId: 'a', parent: 'p1' },
  { barrackId: 'b', parent: 'p1' },
  { barrackId: 'c', parent: 'p2' },
  { barrackId: 'd', parent: null },
];

describe('PerRequestCollection', () => {
  it('one id alone is one GET; an unknown id is null', async () => {
    const { calls, collection, ctx } = setup(ITEMS);
    const c = ctx();
    await expect(collection.load('b', c)).resolves.toEqual(ITEMS[1]);
    await expect(collection.load('zz', c)).resolves.toBeNull();
    expect(calls).toEqual({ list: 0, get: ['b', 'zz'] });
  });

  it('several ids in one tick are one list call, and later lookups reuse it', async () => {
    const { calls, collection, ctx } = setup(ITEMS);
    const c = ctx();
    const got = await Promise.all(['a', 'c', 'x'].map((id) => collection.load(id, c)));
    expect(got.map((g) => g?.barrackId ?? null)).toEqual(['a', 'c', null]);
    await collection.load('d', c);
    expect(calls).toEqual({ list: 1, get: [] });
  });

  it('groups by parent once per request, skipping items without one', async () => {
    const { calls, collection, ctx } = setup(ITEMS);
    const c = ctx();
    const [g1, g2] = await Promise.all([
      collection.groupedBy(c, 'parent', (i) => i.parent),
      collection.groupedBy(c, 'parent', (i) => i.parent),
    ]);
    expect(g1).toBe(g2);
    expect([...g1.entries()].map(([k, v]) => [k, v.map((i) => i.barrackId)])).toEqual([
      ['p1', ['a', 'b']],
      ['p2', ['c']],
    ]);
    expect(calls.list).toBe(1);
  });

  it('hands out the grouping itself, not a promise, once it has loaded (and a failed one stays a rejection)', async () => {
    const { collection, ctx } = setup(ITEMS);
    const c = ctx();
    const first = collection.groupedBy(c, 'parent', (i) => i.parent);
    expect(first).toBeInstanceOf(Promise);
    const loaded = await first;
    expect(collection.groupedBy(c, 'parent', (i) => i.parent)).toBe(loaded);
    collection.forget(c);
    expect(collection.groupedBy(c, 'parent', (i) => i.parent)).toBeInstanceOf(Promise);

    const failing = new PerRequestCollection<Item>('items', {
      listAll: () => Promise.reject(new GatewayError('UPSTREAM_UNAVAILABLE', 'down')),
      getOne: () => Promise.reject(new Error('unused')),
    });
    const f = ctx();
    await expect(failing.groupedBy(f, 'parent', (i) => i.parent)).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
    });
    await expect(failing.groupedBy(f, 'parent', (i) => i.parent)).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
    });
  });

  it('keeps requests apart, and forget() makes the next read fresh', async () => {
    const { calls, collection, ctx } = setup(ITEMS);
    const c1 = ctx();
    await collection.all(c1);
    await collection.all(ctx());
    expect(calls.list).toBe(2);
    collection.forget(c1);
    await collection.all(c1);
    expect(calls.list).toBe(3);
  });

  it('does not swallow upstream failures other than NOT_FOUND', async () => {
    const collection = new PerRequestCollection<Item>('items', {
      listAll: () => Promise.resolve([]),
      getOne: () => Promise.reject(new GatewayError('UPSTREAM_UNAVAILABLE', 'down')),
    });
    await expect(collection.load('a', { memo: new Map() } as unknown as GqlContext)).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
    });
  });
});

describe('PerRequestCollection.matching', () => {
  it('serves the shared list without a filter, asks Barrack with one, and primes lookups', async () => {
    const seen: (Record<string, string | undefined> | undefined)[] = [];
    const collection = new PerRequestCollection<Item, Record<string, string | undefined>>('items', {
      listAll: (_ctx, filter) => {
        seen.push(filter);
        return Promise.resolve(filter ? ITEMS.filter((i) => i.parent === filter.parent) : ITEMS);
      },
      getOne: () => Promise.reject(new Error('no single GET expected')),
    });
    const ctx = { memo: new Map() } as unknown as GqlContext;
    expect((await collection.matching(ctx, filterOrNone({ parent: undefined }))).length).toBe(4);
    expect((await collection.matching(ctx, filterOrNone({ parent: 'p2' }))).map((i) => i.barrackId)).toEqual([
      'c',
    ]);
    expect(seen).toEqual([undefined, { parent: 'p2' }]);
    await expect(collection.load('c', ctx)).resolves.toEqual(ITEMS[2]);
  });
});
