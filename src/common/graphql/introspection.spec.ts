import { parse } from 'graphql';
import { GatewayError } from '../errors/gateway-error';
import {
  assertIntrospectionBounds,
  INTROSPECTION_MAX_DEPTH,
  isFreeIntrospection,
  isIntrospectionOnly,
  isIntrospectionSource,
} from './introspection';

describe('isIntrospectionOnly', () => {
  it.each([
    ['{ __schema { queryType { name } } }', true],
    ['{ __type(name: "Instance") { name } __typename }', true],
    ['query Q { ...F } fragment F on Query { __schema { types { name } } }', true],
    ['{ ... on Query { __type(name: "X") { name } } }', true],
    ['{ __typename }', false],
    ['{ viewer { tenantId } __schema { queryType { name } } }', false],
    ['query A { __schema { queryType { name } } } query B { viewer { tenantId } }', false],
    ['{ ...F } fragment F on Query { viewer { tenantId } }', false],
    ['mutation { __typename }', false],
    ['{ viewer { __type: tenantId } }', false],
  ])('%s -> %s', (query, expected) => {
    expect(isIntrospectionOnly(parse(query))).toBe(expected);
  });
});

describe('isIntrospectionSource / isFreeIntrospection', () => {
  it('parses only text that mentions __schema or __type, and treats bad syntax as not introspection', () => {
    expect(isIntrospectionSource('{ __schema { queryType { name } } }')).toBe(true);
    expect(isIntrospectionSource('{ viewer { __typename } }')).toBe(false);
    expect(isIntrospectionSource('{ __schema { ')).toBe(false);
    expect(isIntrospectionSource(undefined)).toBe(false);
  });

  it('is never free with INTROSPECTION=off', () => {
    const q = '{ __schema { queryType { name } } }';
    expect(isFreeIntrospection('authenticated', q)).toBe(true);
    expect(isFreeIntrospection('public', q)).toBe(true);
    expect(isFreeIntrospection('off', q)).toBe(false);
  });
});

describe('assertIntrospectionBounds', () => {
  it('refuses depth over the bound and aliases over the limit', () => {
    expect(() => assertIntrospectionBounds({ depth: INTROSPECTION_MAX_DEPTH, aliases: 0 }, 30)).not.toThrow();
    const deep = (): void =>
      assertIntrospectionBounds({ depth: INTROSPECTION_MAX_DEPTH + 1, aliases: 0 }, 30);
    expect(deep).toThrow(GatewayError);
    expect(deep).toThrow(/Introspection depth 21 exceeds the maximum of 20/);
    expect(() => assertIntrospectionBounds({ depth: 3, aliases: 31 }, 30)).toThrow(/31 aliases/);
  });
});
