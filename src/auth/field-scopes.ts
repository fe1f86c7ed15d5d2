import { Extensions } from '@nestjs/graphql';
import { defaultFieldResolver, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { GqlContext } from '../common/context/gql-context';
import type { Principal, Scope } from '../common/context/principal';
import { GatewayError } from '../common/errors/gateway-error';
import { principalOf } from './current-principal.decorator';

/** The field extension a field-level scope requirement is stored under. */
export const FIELD_SCOPES_EXTENSION = 'requiredScopes';

/**
 * Declares scopes a NESTED field needs beyond the root field that reached it (root fields use
 * @RequireScopes and the ScopesGuard). Works on a model's `@Field` property and on a `@ResolveField` alike;
 * enforced by enforceFieldScopes, one schema transform for every transport (HTTP, WebSocket). A principal
 * without the scope gets FORBIDDEN on that field (null in the data when the field is nullable, so the rest
 * of the answer stays) and its resolver never runs, so no Barrack call is made for it.
 *
 * The `billing` scope guards money already spent (accrued cost, billing history, AI usage cost, balance);
 * prices (hourly rates, price lists) are catalogue data and need only `read` (README "Security").
 */
export const RequireFieldScopes = (...scopes: [Scope, ...Scope[]]): PropertyDecorator & MethodDecorator =>
  Extensions({ [FIELD_SCOPES_EXTENSION]: scopes });

/** The scopes a schema field declares with RequireFieldScopes (empty when none). */
export function fieldScopesOf(field: Pick<GraphQLField<unknown, unknown>, 'extensions'>): readonly Scope[] {
  const v = (field.extensions as Record<string, unknown> | undefined)?.[FIELD_SCOPES_EXTENSION];
  return Array.isArray(v) ? (v as Scope[]) : [];
}

/** Throws FORBIDDEN (or UNAUTHENTICATED) unless the principal holds every scope. Same shape as the guard's. */
export function assertScopes(principal: Principal | undefined, required: readonly Scope[]): void {
  if (!principal) throw new GatewayError('UNAUTHENTICATED', 'Authentication required');
  const missing = required.filter((s) => !principal.scopes.includes(s));
  if (missing.length) {
    throw new GatewayError('FORBIDDEN', `Missing required scope: ${missing.join(', ')}`, {
      requiredScopes: [...required],
      missingScopes: missing,
    });
  }
}

/**
 * Schema transform (GraphQLModule `transformSchema`): wraps the resolver of every field that declares
 * RequireFieldScopes with the scope check. Fields without a declaration are left untouched (no cost).
 */
export function enforceFieldScopes(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const required = fieldScopesOf(field);
      if (!required.length) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx: GqlContext, info) => {
        assertScopes(principalOf(ctx), required);
        return resolve(source, args, ctx, info);
      };
    }
  }
  return schema;
}
