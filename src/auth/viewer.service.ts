import { Injectable } from '@nestjs/common';
import { nodeIds } from '../common/graphql/node';
import type { Principal } from '../common/context/principal';
import { GatewayError } from '../common/errors/gateway-error';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { type ApiKeyInfo, PrincipalKind, type Viewer } from './models/viewer.model';

@Injectable()
export class ViewerService {
  constructor(private readonly registry: TenantRegistry) {}

  viewer(p: Principal): Viewer {
    return {
      tenantId: p.tenantId,
      tenantName: this.tenantOf(p).name,
      principalKind: p.kind === 'jwt' ? PrincipalKind.JWT : PrincipalKind.API_KEY,
      subject: p.subject,
      scopes: [...p.scopes],
    };
  }

  /** Only the caller's own tenant: no principal can list another tenant's keys. */
  apiKeys(p: Principal): ApiKeyInfo[] {
    return this.tenantOf(p).apiKeys.map((k) => ({
      scopes: [...k.scopes],
      expiresAt: k.expiresAt ?? null,
      revoked: k.revoked,
      label: k.label ?? null,
      ...nodeIds('ApiKeyInfo', k.id),
    }));
  }

  private tenantOf(p: Principal) {
    const t = this.registry.tenant(p.tenantId);
    if (!t) throw new GatewayError('UNAUTHENTICATED', 'Invalid credential');
    return t;
  }
}
