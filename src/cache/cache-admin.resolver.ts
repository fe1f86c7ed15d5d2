import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { RequireScopes } from '../auth/scopes.decorator';
import type { Principal } from '../common/context/principal';
import { CacheAdminService } from './cache-admin.service';
import { ClearCachePayload } from './cache-admin.types';
import { CacheKindEnum } from './cache-kind.enum';
import type { CacheKind } from './cache-kinds';

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
    @Args('kind', { type: () => CacheKindEnum, description: 'The kind of cached data to clear.' })
    kind: CacheKind,
    @Args('tenantId', {
      type: () => String,
      nullable: true,
      description:
        "The tenant to clear; defaults to the caller's tenant, and may only be the caller's tenant.",
    })
    tenantId?: string | null,
  ): Promise<ClearCachePayload> {
    return this.admin.clear(principal, kind, tenantId);
  }
}
