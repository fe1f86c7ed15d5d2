import { Injectable } from '@nestjs/common';
import type { GqlContext } from '../common/context/gql-context';
import { GatewayError } from '../common/errors/gateway-error';
import { TenantCredentials } from '../tenancy/tenant-credentials';
import type { UpstreamContext } from './http/barrack-call';

/** Turns the GraphQL context into the context of an upstream call: this tenant's credential, this request id. */
@Injectable()
export class UpstreamContextFactory {
  constructor(private readonly credentials: TenantCredentials) {}

  for(ctx: GqlContext): UpstreamContext {
    const principal = ctx.principal ?? ctx.req.principal;
    if (!principal) throw new GatewayError('UNAUTHENTICATED', 'Authentication required');
    return {
      tenantId: principal.tenantId,
      credential: this.credentials.barrackCredential(principal.tenantId),
      requestId: ctx.requestId,
    };
  }
}
