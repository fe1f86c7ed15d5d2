import { buildSchema, execute, Kind, parse, type GraphQLFieldResolver } from 'graphql';
import * as values from 'graphql/execution/values';
import { getArgumentValues } from 'graphql/execution/values';
import { useFastArgumentValues } from './fast-argument-values';

/** Runs `document` against a small schema, recording the args object each field's resolver received. */
async function run(document: string, variableValues?: Record<string, unknown>) {
  const schema = buildSchema(`
    type Query { plain: Item! list(first: Int = 20, after: String): [Item!]! needs(id: ID!): Item }
    type Item { name: String! }
  `);
  const seen: Record<string, unknown>[] = [];
  const record =
    (value: unknown): GraphQLFieldResolver<unknown, unknown> =>
    (_s, args: Record<string, unknown>) => {
      seen.push(args);
      return value;
    };
  const query = schema.getQueryType()!.getFields();
  query.plain!.resolve = record({ name: 'n' });
  query.list!.resolve = record([{ name: 'a' }]);
  query.needs!.resolve = record({ name: 'n' });
  const result = await execute({ schema, document: parse(document), variableValues });
  return { result, seen };
}

describe('useFastArgumentValues', () => {
  beforeAll(() => {
    const graphqlJs = values.getArgumentValues;
    expect(useFastArgumentValues()).toBe(true);
    expect(values.getArgumentValues).not.toBe(graphqlJs);
    expect(useFastArgumentValues()).toBe(true);
  });

  it('gives a field without arguments a fresh plain empty object, as graphql-js did', async () => {
    const { result, seen } = await run('{ a: plain { name } b: plain { name } }');
    expect(result.errors).toBeUndefined();
    expect(seen).toEqual([{}, {}]);
    expect(seen[0]).not.toBe(seen[1]);
    expect(Object.getPrototypeOf(seen[0])).toBe(Object.prototype);
  });

  it('leaves fields with arguments to graphql-js: defaults, literals and variables', async () => {
    const { result, seen } = await run(
      'query($after: String) { list(after: $after) { name } x: list(first: 2) { name } }',
      {
        after: 'c',
      },
    );
    expect(result.errors).toBeUndefined();
    expect(seen).toEqual([{ first: 20, after: 'c' }, { first: 2 }]);
  });

  it('keeps graphql-js errors for arguments (a required one given a null variable)', async () => {
    const { result } = await run('query($id: ID) { needs(id: $id) { name } }', { id: null });
    expect(result.errors?.[0]?.message).toBe('Argument "id" of non-null type "ID!" must not be null.');
  });

  it('is what graphql/execution/values exports to every other caller (the cost analysis)', () => {
    const schema = buildSchema('type Query { plain: Int }');
    const op = parse('{ plain }').definitions[0];
    if (op?.kind !== Kind.OPERATION_DEFINITION) throw new Error('no operation');
    const node = op.selectionSet.selections[0];
    if (node?.kind !== Kind.FIELD) throw new Error('no field');
    const def = schema.getQueryType()?.getFields().plain;
    if (!def) throw new Error('no field definition');
    expect(getArgumentValues(def, node)).toEqual({});
  });
});
