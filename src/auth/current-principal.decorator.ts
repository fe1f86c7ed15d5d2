import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GqlContext } from '../common/context/gql-context';
import type { Principal } from '../common/context/principal';
import { GatewayError } from '../common/errors/gateway-error';

/** The principal of the current GraphQL operation, as set by authentication; never undefined in a guarded field. */
export function principalOf(
  ctx: Partial<GqlContext> & { extra?: { principal?: Principal } },
): Principal | undefined {
  return ctx.principal ?? ctx.req?.principal ?? ctx.extra?.principal;
}

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = principalOf(GqlExecutionContext.create(context).getContext<GqlContext>());
    if (!principal) throw new GatewayError('UNAUTHENTICATED', 'Authentication required');
    return principal;
  },
);
