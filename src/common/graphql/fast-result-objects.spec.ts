import {
  buildSchema,
  execute,
  executeSync,
  GraphQLError,
  parse,
  subscribe,
  type ExecutionResult,
} from 'graphql';
import * as executeModule from 'graphql/execution/execute';
import { useFastResultObjects } from './fast-result-objects';

const schema = buildSchema(`
  type Query {
    item: Item
    items: [Item!]!
    later: Item
    failing: Item
    strict: Item!
  }
  type Mutation { rename(name: String!): Item }
  type Subscription { ticks: Item }
  type Item { name: String! n: Int tags: [String!]! child: Item }
`);
const item = { name: 'a', n: 1, tags: ['x', 'y'], child: { name: 'b', n: 2, tags: [], child: null } };
const root = {
  item,
  items: [item, item.child],
  later: () => Promise.resolve(item),
  failing: () => {
    throw new GraphQLError('nope');
  },
  strict: () => null,
  rename: ({ name }: { name: string }) => ({ ...item, name }),
  ticks: async function* () {
    yield await Promise.resolve({ ticks: item });
  },
};

const DOCUMENTS = [
  '{ item { name n tags child { name child { name } } } items { name } }',
  '{ __proto__: item { constructor: name toString: n hasOwnProperty: tags } }',
  '{ later { name child { n } } item { name } }',
  '{ item { name } failing { name } }',
  '{ strict { name } item { name } }',
  '{ a: item { name } a: item { n } }',
  'mutation { first: rename(name: "x") { name } second: rename(name: "y") { name n } }',
];

/** graphql-js's own answers, taken before the fast objects are installed. */
const original = new Map<string, ExecutionResult>();

function run(document: string): Promise<ExecutionResult> {
  return Promise.resolve(execute({ schema, document: parse(document), rootValue: root }));
}

describe('useFastResultObjects', () => {
  beforeAll(async () => {
    for (const d of DOCUMENTS) original.set(d, await run(d));
    const graphqlJs = executeModule.execute;
    expect(useFastResultObjects()).toBe(true);
    expect(executeModule.execute).not.toBe(graphqlJs);
    expect(useFastResultObjects()).toBe(true);
  });

  it.each(DOCUMENTS)('answers %s as graphql-js does (data, errors, key order)', async (document) => {
    const fast = await run(document);
    const before = original.get(document);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(before));
    expect(fast.errors?.map((e) => [e.message, e.path])).toEqual(
      before?.errors?.map((e) => [e.message, e.path]),
    );
    expect(fast.errors?.every((e) => e instanceof GraphQLError) ?? true).toBe(true);
  });

  it('inherits nothing: an alias named like an Object.prototype member is an own key', async () => {
    const { data } = await run('{ __proto__: item { constructor: name toString: n } }');
    const result = data as Record<string, Record<string, unknown>>;
    expect(Object.keys(result)).toEqual(['__proto__']);
    expect(Object.keys(result.__proto__!)).toEqual(['constructor', 'toString']);
    expect(result.__proto__!.constructor).toBe('a');
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
    const plain = (await run('{ item { name } }')).data as Record<string, unknown>;
    expect('toString' in plain).toBe(false);
    expect('hasOwnProperty' in plain).toBe(false);
  });

  it('reaches executeSync and subscriptions too', async () => {
    expect(
      JSON.stringify(executeSync({ schema, document: parse('{ item { name } }'), rootValue: root })),
    ).toBe('{"data":{"item":{"name":"a"}}}');
    const stream = await subscribe({
      schema,
      document: parse('subscription { ticks { name n } }'),
      rootValue: root,
    });
    const iterator = stream as AsyncIterableIterator<ExecutionResult>;
    const first = await iterator.next();
    expect(JSON.stringify(first.value)).toBe('{"data":{"ticks":{"name":"a","n":1}}}');
    await iterator.return?.();
  });
});
