import { type OnModuleInit } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { NodeRegistry } from '../common/graphql/node';
import type { Principal } from '../common/context/principal';
import { CurrentPrincipal } from './current-principal.decorator';
import { ApiKeyInfo, Viewer } from './models/viewer.model';
import { RequireScopes } from './scopes.decorator';
import { ViewerService } from './viewer.service';

@Resolver()
export class ViewerResolver implements OnModuleInit {
  constructor(
    private readonly viewers: ViewerService,
    private readonly nodes: NodeRegistry,
  ) {}

  onModuleInit(): void {
    // Only the caller's own tenant's keys, and only with the admin scope apiKeys needs.
    this.nodes.register('ApiKeyInfo', (key, ctx) => {
      const p = ctx.principal;
      if (!p?.scopes.includes('admin')) return Promise.resolve(null);
      return Promise.resolve(this.viewers.apiKeys(p).find((k) => k.barrackId === key) ?? null);
    });
  }

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
