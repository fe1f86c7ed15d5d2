/* The queries of the adapter bench and what a correct answer to each is (shared by server and driver). */

export type BenchAdapter = 'express' | 'fastify';
export const ADAPTERS: readonly BenchAdapter[] = ['express', 'fastify'];

const ITEM_SELECTION = '{ item { id name description tags specs { key value weight } } }';

export const TYPENAME_QUERY = '{ __typename }';
/** Executed by Apollo: the resolver's ~2 KB object. */
export const ITEM_QUERY = `query Item ${ITEM_SELECTION}`;
/** The same selection under another name: answered from stored bytes before Apollo. */
export const STORED_QUERY = `query Stored ${ITEM_SELECTION}`;

/** What the stored-bytes path serves: the bytes Apollo would write, marked so the driver can tell them apart. */
export function storedAnswer(item: unknown): Map<string, Buffer> {
  return new Map([
    [STORED_QUERY, Buffer.from(JSON.stringify({ data: { item }, extensions: { stored: true } }))],
  ]);
}

export interface Scenario {
  name: string;
  what: string;
  query: string;
  /** undefined when the body is a correct answer for this path. */
  check: (body: { data?: Record<string, unknown>; extensions?: { stored?: unknown } }) => string | undefined;
}

const itemCheck = (body: { data?: Record<string, unknown> }): string | undefined => {
  const item = body.data?.item as { id?: unknown; specs?: unknown[] } | undefined;
  return item?.id === 'item-1' && item.specs?.length === 24 ? undefined : 'not the item';
};

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'typename',
    what: '`{ __typename }` through Apollo',
    query: TYPENAME_QUERY,
    check: (b) =>
      b.data?.__typename === 'Query' && !b.extensions?.stored ? undefined : 'no __typename from Apollo',
  },
  {
    name: 'item',
    what: 'one resolver, ~2 KB object, through Apollo',
    query: ITEM_QUERY,
    check: (b) => (b.extensions?.stored ? 'stored bytes on the Apollo path' : itemCheck(b)),
  },
  {
    name: 'stored',
    what: 'the same ~2 KB answer from stored bytes before Apollo',
    query: STORED_QUERY,
    check: (b) => (b.extensions?.stored === true ? itemCheck(b) : 'not the stored bytes'),
  },
];
