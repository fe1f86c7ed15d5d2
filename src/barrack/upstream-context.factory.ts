import { Injectable } from '@nestjs/common';
import type { GqlContext } from '../common/context/gql-context';
import { GatewayError } from '../common/errors/gateway-error';
import { TenantCredentials } from '../tenancy/tenant-credentials';
import type { UpstreamContext } from './http/barrack-call';

/**
 * Turns the GraphQL context into the context of an upstream call: this tenant's credential, this request id.
 * Built once per request (per GraphQL context: an HTTP request, a WebSocket/SSE operation, a subscription
 * poll) and shared by every Barrack call of it, so one request never mixes two credentials when the tenants
 * file is reloaded under it, and a page of 50 edges does not resolve the tenant 50 times.
 */
@Injectable()
export class UpstreamContextFactory {
  /** Keyed by the request's context object: dropped with it, never shared between requests. */
  private readonly perRequest = new WeakMap<GqlContext, Readonly<UpstreamContext>>();

  constructor(private readonly credentials: TenantCredentials) {}

  for(ctx: GqlContext): UpstreamContext {
    const built = this.perRequest.get(ctx);
    if (built) return built;
    const principal = ctx.principal ?? ctx.req.principal;
    if (!principal) throw new GatewayError('UNAUTHENTICATED', 'Authentication required');
    const upstream = Object.freeze({
      tenantId: principal.tenantId,
      credential: this.credentials.barrackCredential(principal.tenantId),
      requestId: ctx.requestId,
    });
    this.perRequest.set(ctx, upstream);
    return upstream;
  }
}
