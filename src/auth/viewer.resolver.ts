import { Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '../common/context/principal';
import { CurrentPrincipal } from './current-principal.decorator';
import { ApiKeyInfo, Viewer } from './models/viewer.model';
import { RequireScopes } from './scopes.decorator';
import { ViewerService } from './viewer.service';

@Resolver()
export class ViewerResolver {
  constructor(private readonly viewers: ViewerService) {}

  @Query(() => Viewer, {
    description: 'The authenticated caller: tenant, credential kind, subject and scopes.',
  })
  @RequireScopes('read')
  viewer(@CurrentPrincipal() principal: Principal): Viewer {
    return this.viewers.viewer(principal);
  }

  @Query(() => [ApiKeyInfo], {
    description: 'The API keys of the caller’s own tenant (ids and scopes, never secrets).',
  })
  @RequireScopes('admin')
  apiKeys(@CurrentPrincipal() principal: Principal): ApiKeyInfo[] {
    return this.viewers.apiKeys(principal);
  }
}
