import { Injectable } from '@nestjs/common';
import type { Principal } from '../common/context/principal';
import { GatewayError } from '../common/errors/gateway-error';
import { cacheScopeOf, type CacheKind } from './cache-kinds';
import type { ClearCachePayload } from './cache-admin.types';
import { CacheService } from './cache.service';

/**
 * The admin side of the cache. An admin acts for its own tenant only: it may clear its tenant's entries of a
 * per-tenant kind, and the public entries of a public kind (those serve its tenant too). Clearing every
 * tenant at once is an operator task (`npm run cache -- clear`).
 */
@Injectable()
export class CacheAdminService {
  constructor(private readonly cache: CacheService) {}

  async clear(
    principal: Principal,
    kind: CacheKind,
    tenantId: string | undefined | null,
    ctx: { req?: object; requestId: string },
  ): Promise<ClearCachePayload> {
    if (tenantId != null && tenantId !== principal.tenantId) {
      throw new GatewayError('FORBIDDEN', 'An admin may clear cache entries of its own tenant only', {
        tenantId,
      });
    }
    const r = await this.cache.invalidate(kind, { tenantId: principal.tenantId }, ctx);
    return {
      kind,
      tenantId: cacheScopeOf(kind) === 'public' ? null : principal.tenantId,
      ...r,
      requestId: null,
    };
  }
}
