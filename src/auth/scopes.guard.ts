import { type CanActivate, type ExecutionContext, HttpException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { GqlContext } from '../common/context/gql-context';
import type { Principal, Scope } from '../common/context/principal';
import type { ErrorCode } from '../common/errors/error-codes';
import { GatewayError } from '../common/errors/gateway-error';
import { principalOf } from './current-principal.decorator';
import { PUBLIC_KEY, REQUIRED_SCOPES_KEY } from './scopes.decorator';

/**
 * The one global guard (APP_GUARD). Root GraphQL fields and HTTP handlers need @RequireScopes or @Public;
 * one with neither is refused, so a new resolver is never silently public. Nested fields are not checked:
 * reaching them requires a root field the principal was allowed.
 */
@Injectable()
export class ScopesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const type = context.getType<'http' | 'graphql' | 'ws' | 'rpc'>();
    let principal: Principal | undefined;
    let what: string;
    if (type === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const info = gql.getInfo<GraphQLResolveInfo>();
      if (!isRootField(info)) return true;
      principal = principalOf(gql.getContext<GqlContext>());
      what = `${info.parentType.name}.${info.fieldName}`;
    } else if (type === 'http') {
      principal = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
      what = `${context.getClass().name}.${context.getHandler().name}`;
    } else {
      return false;
    }
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const required = this.reflector.getAllAndOverride<Scope[] | undefined>(REQUIRED_SCOPES_KEY, targets);
    if (!required?.length) return deny(type, 'FORBIDDEN', `${what} declares no required scope`, {});
    if (!principal) return deny(type, 'UNAUTHENTICATED', 'Authentication required', {});
    const missing = required.filter((s) => !principal.scopes.includes(s));
    if (missing.length) {
      return deny(type, 'FORBIDDEN', `Missing required scope: ${missing.join(', ')}`, {
        requiredScopes: required,
        missingScopes: missing,
      });
    }
    return true;
  }
}

function isRootField(info: GraphQLResolveInfo): boolean {
  const s = info.schema;
  return (
    info.parentType === s.getQueryType() ||
    info.parentType === s.getMutationType() ||
    info.parentType === s.getSubscriptionType()
  );
}

function deny(type: string, code: ErrorCode, message: string, details: Record<string, string[]>): never {
  if (type === 'http') {
    throw new HttpException(
      { errors: [{ message, extensions: { code, ...details } }] },
      code === 'UNAUTHENTICATED' ? 401 : 403,
    );
  }
  throw new GatewayError(code, message, details);
}
