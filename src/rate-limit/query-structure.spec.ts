import { getOperationAST, parse } from 'graphql';
import { countTokens, measureOperation } from './query-structure';

function measure(query: string) {
  const doc = parse(query);
  const op = getOperationAST(doc);
  if (!op) throw new Error('no operation');
  return measureOperation(doc, op);
}

describe('measureOperation', () => {
  it('measures depth through fragments and inline fragments', () => {
    const m = measure('{ a { b { ...F } } } fragment F on T { c { ... on U { d { e } } } }');
    expect(m.depth).toBe(5);
  });

  it('counts aliases and root fields, fragments expanded', () => {
    const m = measure('{ x: a { id } y: a { id } ...R } fragment R on Query { z: b c }');
    expect(m).toEqual({ depth: 2, aliases: 3, rootFields: 4 });
  });
});

describe('countTokens', () => {
  it('counts lexical tokens and stops just past the limit', () => {
    expect(countTokens('{ a { b } }')).toBe(6);
    expect(countTokens('{ a b c d e f g }', 3)).toBe(4);
  });
});
