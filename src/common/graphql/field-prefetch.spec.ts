import {
  Kind,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { CONNECTION_ITEM_PATHS } from './connection';
import { FieldPrefetch, selectedFieldNames } from './field-prefetch';

/** The resolve info of the document's first root field, as graphql-js would pass it. */
function infoOf(document: string, variableValues: Record<string, unknown> = {}) {
  const doc = parse(document);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const root = op?.selectionSet.selections[0] as FieldNode;
  const fragments = Object.fromEntries(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [root], fragments, variableValues };
}

/** The loads here read no context: a request id stands for it. */
const ctx = 'request-1';

describe('selectedFieldNames', () => {
  it('collects the item fields of a connection from nodes and edges.node', () => {
    const info = infoOf(
      '{ instances { totalCount nodes { id snapshots { nodes { id } } } edges { node { volumes { totalCount } } } } }',
    );
    expect([...selectedFieldNames(info, CONNECTION_ITEM_PATHS)].sort()).toEqual([
      'id',
      'snapshots',
      'volumes',
    ]);
  });

  it('looks through fragment spreads and inline fragments, under aliases', () => {
    const info = infoOf(`
      query { list: instances { nodes { ...Row ... on Instance { fw: firewalls { id } } } } }
      fragment Row on Instance { name ...Nested }
      fragment Nested on Instance { snapshots { totalCount } }`);
    expect([...selectedFieldNames(info, CONNECTION_ITEM_PATHS)].sort()).toEqual([
      'firewalls',
      'name',
      'snapshots',
    ]);
  });

  it('leaves out fields under @skip(if: true) and @include(if: false), with variables', () => {
    const info = infoOf(
      'query($no: Boolean!) { instances { nodes { a: name @skip(if: true) snapshots @include(if: $no) { totalCount } volumes @skip(if: $no) { totalCount } } } }',
      { no: false },
    );
    expect([...selectedFieldNames(info, CONNECTION_ITEM_PATHS)]).toEqual(['volumes']);
  });

  it('finds nothing when the connection selects no items', () => {
    expect(selectedFieldNames(infoOf('{ instances { totalCount } }'), CONNECTION_ITEM_PATHS).size).toBe(0);
  });
});

describe('FieldPrefetch', () => {
  it('starts the loads of the selected fields only, and waits for them', async () => {
    const prefetch = new FieldPrefetch<string>();
    const started: string[] = [];
    let settled = false;
    prefetch.register('Instance', 'snapshots', () => {
      started.push('snapshots');
      return new Promise<void>((resolve) => setImmediate(() => ((settled = true), resolve())));
    });
    prefetch.register('Instance', 'volumes', () => started.push('volumes'));
    await prefetch.prefetch(
      'Instance',
      infoOf('{ instances { nodes { snapshots { totalCount } } } }'),
      CONNECTION_ITEM_PATHS,
      ctx,
    );
    expect(started).toEqual(['snapshots']);
    expect(settled).toBe(true);
  });

  it('does not throw for a failed load (the field reports it at its own path)', async () => {
    const prefetch = new FieldPrefetch<string>();
    prefetch.register('Instance', 'snapshots', () => Promise.reject(new Error('upstream down')));
    await expect(
      prefetch.prefetch(
        'Instance',
        infoOf('{ instances { nodes { snapshots { totalCount } } } }'),
        CONNECTION_ITEM_PATHS,
        ctx,
      ),
    ).resolves.toBeUndefined();
  });

  it('refuses a second load for the same field', () => {
    const prefetch = new FieldPrefetch<string>();
    prefetch.register('Instance', 'snapshots', () => null);
    expect(() => prefetch.register('Instance', 'snapshots', () => null)).toThrow(/twice/);
  });
});
