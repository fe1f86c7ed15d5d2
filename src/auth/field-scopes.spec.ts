import { execute, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import type { Principal } from '../common/context/principal';
import { GatewayError } from '../common/errors/gateway-error';
import { enforceFieldScopes, FIELD_SCOPES_EXTENSION } from './field-scopes';

function schemaWithSpend(onSpendResolved: () => void): GraphQLSchema {
  const Account = new GraphQLObjectType({
    name: 'Account',
    fields: {
      name: { type: GraphQLString },
      rate: { type: GraphQLString },
      spent: { type: GraphQLString, extensions: { [FIELD_SCOPES_EXTENSION]: ['billing'] } },
      history: {
        type: GraphQLString,
        extensions: { [FIELD_SCOPES_EXTENSION]: ['billing'] },
        resolve: () => {
          onSpendResolved();
          return 'lines';
        },
      },
    },
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: { account: { type: Account, resolve: () => ({ name: 'a', rate: '1.5', spent: '42' }) } },
    }),
  });
}

const principal = (scopes: Principal['scopes']): Principal => ({
  tenantId: 't1',
  kind: 'api_key',
  subject: 'k1',
  scopes,
});

describe('enforceFieldScopes', () => {
  it('nulls a declared field for a principal without the scope, keeps the rest, and never runs its resolver', async () => {
    let resolved = 0;
    const schema = enforceFieldScopes(schemaWithSpend(() => resolved++));
    const res = await execute({
      schema,
      document: parse('{ account { name rate spent history } }'),
      contextValue: { principal: principal(['read']) },
    });
    expect(res.data).toEqual({ account: { name: 'a', rate: '1.5', spent: null, history: null } });
    expect(
      res.errors?.map((e) => [
        e.path?.join('.'),
        e.originalError instanceof GatewayError ? e.originalError.code : undefined,
      ]),
    ).toEqual([
      ['account.spent', 'FORBIDDEN'],
      ['account.history', 'FORBIDDEN'],
    ]);
    expect(resolved).toBe(0);
  });

  it('serves the field to a principal holding the scope (default and custom resolvers alike)', async () => {
    let resolved = 0;
    const schema = enforceFieldScopes(schemaWithSpend(() => resolved++));
    const res = await execute({
      schema,
      document: parse('{ account { spent history } }'),
      contextValue: { principal: principal(['read', 'billing']) },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ account: { spent: '42', history: 'lines' } });
    expect(resolved).toBe(1);
  });
});
