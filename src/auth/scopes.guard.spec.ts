import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { buildSchema, type GraphQLResolveInfo } from 'graphql';
import type { Principal } from '../common/context/principal';
import { GatewayError } from '../common/errors/gateway-error';
import { Public, RequireScopes } from './scopes.decorator';
import { ScopesGuard } from './scopes.guard';

const schema = buildSchema('type Query { a: Thing } type Mutation { b: Int } type Thing { c: Int }');

class Handlers {
  @RequireScopes('write')
  writes(): void {}
  @Public()
  open(): void {}
  undeclared(): void {}
}

function gqlContext(handler: keyof Handlers, parent: 'Query' | 'Mutation' | 'Thing', principal?: Principal) {
  const info = {
    schema,
    parentType: schema.getType(parent),
    fieldName: 'f',
  } as unknown as GraphQLResolveInfo;
  const ctx = new ExecutionContextHost(
    [{}, {}, { principal, req: {} }, info],
    Handlers,
    Handlers.prototype[handler],
  );
  ctx.setType('graphql');
  return ctx;
}

const reader: Principal = { tenantId: 't', kind: 'api_key', subject: 'k', scopes: ['read'] };
const writer: Principal = { ...reader, scopes: ['read', 'write'] };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof GatewayError ? `${e.code}: ${e.message}` : 'other';
  }
  return undefined;
}

describe('ScopesGuard', () => {
  const guard = new ScopesGuard(new Reflector());

  it('allows a root field when the principal holds the scope', () => {
    expect(guard.canActivate(gqlContext('writes', 'Mutation', writer))).toBe(true);
  });

  it('refuses a root field with FORBIDDEN naming the missing scope', () => {
    expect(codeOf(() => guard.canActivate(gqlContext('writes', 'Mutation', reader)))).toBe(
      'FORBIDDEN: Missing required scope: write',
    );
  });

  it('refuses a root field without any declaration, even for a principal holding every scope', () => {
    const all: Principal = { ...reader, scopes: ['read', 'write', 'billing', 'ai', 'admin'] };
    expect(codeOf(() => guard.canActivate(gqlContext('undeclared', 'Query', all)))).toBe(
      'FORBIDDEN: Query.f declares no required scope',
    );
  });

  it('refuses a scoped root field without principal as UNAUTHENTICATED, allows @Public', () => {
    expect(codeOf(() => guard.canActivate(gqlContext('writes', 'Query')))).toBe(
      'UNAUTHENTICATED: Authentication required',
    );
    expect(guard.canActivate(gqlContext('open', 'Query'))).toBe(true);
  });

  it('does not check nested fields', () => {
    expect(guard.canActivate(gqlContext('undeclared', 'Thing', reader))).toBe(true);
  });
});
