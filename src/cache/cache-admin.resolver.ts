import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { RequireScopes } from '../auth/scopes.decorator';
import type { Principal } from '../common/context/principal';
import type { GqlContext } from '../common/context/gql-context';
import { CacheAdminService } from './cache-admin.service';
import { ClearCacheInput, ClearCachePayload } from './cache-admin.types';

@Resolver()
export class CacheAdminResolver {
  constructor(private readonly admin: CacheAdminService) {}

  @Mutation(() => ClearCachePayload, {
    description:
      "Drops cached catalogue data of one kind so the next read goes to Barrack: the caller tenant's entries for a per-tenant kind, the shared entries of a shared kind (see CacheKind). Needs the admin scope.",
  })
  @RequireScopes('admin')
  clearCache(
    @CurrentPrincipal() principal: Principal,
    @Args('input', { description: 'The kind (and tenant) to clear.' }) input: ClearCacheInput,
    @Context() ctx: GqlContext,
  ): Promise<ClearCachePayload> {
    return this.admin.clear(principal, input.kind, input.tenantId, ctx);
  }
}
