import { Injectable } from '@nestjs/common';
import type { Principal } from '../common/context/principal';
import { GatewayError } from '../common/errors/gateway-error';
import { CACHE_SCOPE_OF, type CacheKind } from './cache-kinds';
import type { ClearCachePayload } from './cache-admin.types';
import { CacheService } from './cache.service';

/**
 * The admin side of the cache. An admin acts for its own tenant only: it may clear its tenant's entries of a
 * per-tenant kind, and the shared entries of a shared kind (those serve its tenant too). Clearing every
 * tenant at once is an operator task (`npm run cache -- clear`).
 */
@Injectable()
export class CacheAdminService {
  constructor(private readonly cache: CacheService) {}

  async clear(
    principal: Principal,
    kind: CacheKind,
    tenantId: string | undefined | null,
  ): Promise<ClearCachePayload> {
    if (tenantId != null && tenantId !== principal.tenantId) {
      throw new GatewayError('FORBIDDEN', 'An admin may clear cache entries of its own tenant only', {
        tenantId,
      });
    }
    if (CACHE_SCOPE_OF[kind] === 'shared') {
      const r = await this.cache.invalidate(kind, 'shared');
      return { kind, tenantId: null, ...r, requestId: null };
    }
    const r = await this.cache.invalidate(kind, { tenantId: principal.tenantId });
    return { kind, tenantId: principal.tenantId, ...r, requestId: null };
  }
}
