import {
  buildSchema,
  GraphQLInt,
  GraphQLList,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { UPSTREAM_COST_EXTENSION } from '../common/graphql/upstream-cost.decorator';
import {
  computeQueryCost,
  DEFAULT_PAGE_SIZE,
  ROOT_MUTATION_COST,
  ROOT_QUERY_COST,
  UPSTREAM_CALL_COST,
} from './query-cost';

const schema = buildSchema(`
  type Query {
    instances(page: Int, pageSize: Int): InstancePage
    regions: [Region!]!
    region(name: String!): Region
  }
  type Mutation { createInstance(name: String!): Instance }
  type InstancePage { items: [Instance!]! total: Int! }
  type Instance { id: ID! name: String! region: Region snapshots(first: Int): [Snapshot!]! }
  type Snapshot { id: ID! region: Region }
  type Region { name: String! }
`);

const cost = (query: string, variables?: Record<string, unknown>): number =>
  computeQueryCost({ schema, document: parse(query), variables });

describe('computeQueryCost', () => {
  it('charges a root query field its Barrack cost and plain scalars nothing', () => {
    expect(cost('{ region(name: "x") { name } }')).toBe(ROOT_QUERY_COST);
  });

  it('charges a root mutation more than a query', () => {
    expect(cost('mutation { createInstance(name: "a") { id } }')).toBe(ROOT_MUTATION_COST);
  });

  it('multiplies the children of a paged field by the page size, and counts the page list once', () => {
    // instances: 10 + 5 × (items: 1 + 1 × (region: 1 + 0))
    expect(cost('{ instances(pageSize: 5) { items { id region { name } } } }')).toBe(10 + 5 * (1 + 1));
  });

  it('uses the page size from variables', () => {
    expect(cost('query($n: Int) { instances(pageSize: $n) { items { region { name } } } }', { n: 50 })).toBe(
      10 + 50 * 2,
    );
  });

  it('assumes the default page size for a list without a paging argument', () => {
    expect(cost('{ regions { name } }')).toBe(ROOT_QUERY_COST);
    expect(cost('{ instances { items { region { name } } } }')).toBe(10 + DEFAULT_PAGE_SIZE * 2);
  });

  it('multiplies nested lists', () => {
    // instances: 10 + 10 × (items 1 + (snapshots: 1 + 3 × 0) ... ) with an object child inside
    const q = '{ instances(pageSize: 10) { items { snapshots(first: 3) { id } region { name } } } }';
    expect(cost(q)).toBe(10 + 10 * (1 + (1 + 3 * 0) + 1));
  });

  it('honours a declared complexity (extension) over the default', () => {
    const Item = new GraphQLObjectType({ name: 'Item', fields: { id: { type: GraphQLString } } });
    const s = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          cheap: { type: GraphQLString, extensions: { complexity: 1 } },
          pricey: {
            type: new GraphQLList(Item),
            args: { limit: { type: GraphQLInt } },
            extensions: { cost: 50 },
          },
        },
      }),
    });
    expect(computeQueryCost({ schema: s, document: parse('{ cheap pricey(limit: 4) { id } }') })).toBe(
      1 + 50,
    );
  });

  it('reports a large query so the caller can reject it before execution', () => {
    const q = '{ instances(pageSize: 100) { items { snapshots(first: 100) { region { name } } } } }';
    expect(cost(q)).toBe(10 + 100 * (1 + (1 + 100 * 1)));
  });

  it('adds up aliased root fields', () => {
    expect(cost('{ a: region(name: "a") { name } b: region(name: "b") { name } }')).toBe(2 * ROOT_QUERY_COST);
  });

  describe('declared upstream calls', () => {
    const Bill = new GraphQLObjectType({ name: 'Bill', fields: { total: { type: GraphQLString } } });
    const Thing: GraphQLObjectType = new GraphQLObjectType({
      name: 'Thing',
      fields: () => ({
        id: { type: GraphQLString },
        bill: { type: Bill, extensions: { [UPSTREAM_COST_EXTENSION]: 1 } },
        owner: { type: Thing, extensions: { [UPSTREAM_COST_EXTENSION]: { batched: 1 } } },
        siblings: {
          type: new GraphQLList(Thing),
          extensions: { [UPSTREAM_COST_EXTENSION]: { shared: 'things' } },
        },
        cousins: {
          type: new GraphQLList(Thing),
          extensions: { [UPSTREAM_COST_EXTENSION]: { shared: 'things' } },
        },
      }),
    });
    const ThingConnection = new GraphQLObjectType({
      name: 'ThingConnection',
      fields: { nodes: { type: new GraphQLList(Thing) } },
    });
    const s = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          things: {
            type: ThingConnection,
            args: { first: { type: GraphQLInt }, last: { type: GraphQLInt }, pageSize: { type: GraphQLInt } },
          },
          report: { type: GraphQLString, extensions: { [UPSTREAM_COST_EXTENSION]: 3 } },
        },
      }),
      mutation: new GraphQLObjectType({
        name: 'Mutation',
        fields: { touch: { type: GraphQLString, extensions: { [UPSTREAM_COST_EXTENSION]: 4 } } },
      }),
    });
    const c = (q: string): number => computeQueryCost({ schema: s, document: parse(q) });

    it('charges a per-parent declaration once per item of every page above it', () => {
      // things 10 + 7 × (nodes 1 + (bill 10 + 0))
      expect(c('{ things(first: 7) { nodes { bill { total } } } }')).toBe(10 + 7 * (1 + UPSTREAM_CALL_COST));
    });

    it('reads first, last and pageSize alike, the larger when several are given', () => {
      const per = (n: number) => 10 + n * (1 + UPSTREAM_CALL_COST);
      expect(c('{ things(last: 9) { nodes { bill { total } } } }')).toBe(per(9));
      expect(c('{ things(pageSize: 4) { nodes { bill { total } } } }')).toBe(per(4));
      expect(c('{ things(first: 3, last: 5) { nodes { bill { total } } } }')).toBe(per(5));
    });

    it('charges a batched field once, whatever the number of parents', () => {
      // things 10 + 50 × (nodes 1 + 50 × ... ) : owner's own cost is 1 (an object), its batch 10 once
      expect(c('{ things(first: 50) { nodes { owner { id } } } }')).toBe(
        10 + 50 * (1 + 1) + UPSTREAM_CALL_COST,
      );
    });

    it('charges a shared listing once per kind, however many fields read it', () => {
      const q = '{ things(first: 2) { nodes { siblings { id } cousins { siblings { id } } } } }';
      expect(c(q)).toBe(10 + 2 * (1 + 1 + (1 + DEFAULT_PAGE_SIZE * 1)) + UPSTREAM_CALL_COST);
    });

    it('lets a root field declare more than one call', () => {
      expect(c('{ report }')).toBe(3 * UPSTREAM_CALL_COST);
      expect(c('mutation { touch }')).toBe(4 * UPSTREAM_CALL_COST);
    });
  });
});
