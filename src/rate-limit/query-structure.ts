import {
  Kind,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface QueryShape {
  /** Deepest field nesting (a root field is depth 1; `__typename`-only levels count too). */
  depth: number;
  /** Fields written with an alias, counted once per place in the expanded operation. */
  aliases: number;
  /** Fields selected at the root of the operation (fragments expanded). */
  rootFields: number;
}

/**
 * Measures an operation with its fragments expanded. Runs after validation, so fragment cycles are already
 * rejected; the `seen` guard only keeps a pathological document from recursing forever.
 */
export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode): QueryShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const shape: QueryShape = { depth: 0, aliases: 0, rootFields: 0 };

  const walk = (set: SelectionSetNode, depth: number, seen: ReadonlySet<string>, root: boolean): void => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (root) shape.rootFields++;
        if (sel.alias) shape.aliases++;
        shape.depth = Math.max(shape.depth, depth);
        if (sel.selectionSet) walk(sel.selectionSet, depth + 1, seen, false);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet, depth, seen, root);
      } else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (frag && !seen.has(name)) walk(frag.selectionSet, depth, new Set([...seen, name]), root);
      }
    }
  };
  walk(operation.selectionSet, 1, new Set(), true);
  return shape;
}

/**
 * Counts lexical tokens without building an AST, stopping one past `stopAfter` (the caller only needs to
 * know the limit was passed). A lexing error ends the count; the parser reports it properly afterwards.
 */
export function countTokens(query: string, stopAfter = Number.POSITIVE_INFINITY): number {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      n++;
      if (n > stopAfter) break;
    }
  } catch {
    // Syntax errors are the parser's to report, with their location.
  }
  return n;
}
