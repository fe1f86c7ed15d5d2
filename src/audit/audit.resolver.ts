import { type OnModuleInit } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { principalOf } from '../auth/current-principal.decorator';
import { RequireScopes } from '../auth/scopes.decorator';
import type { GqlContext } from '../common/context/gql-context';
import { GatewayError } from '../common/errors/gateway-error';
import { ConnectionArgs, type ConnectionShape } from '../common/graphql/connection';
import { NodeRegistry, nodeIds } from '../common/graphql/node';
import type { AuditEntry } from './audit-entry';
import { AuditService } from './audit.service';
import { AuditRecord, AuditRecordConnection } from './models/audit-record.model';

function toRecord(e: AuditEntry): AuditRecord {
  return {
    at: new Date(e.at),
    principalKind: e.principal?.kind ?? 'none',
    principalSubject: e.principal?.subject ?? null,
    operation: e.operation,
    targetIds: e.targetIds ?? [],
    idempotencyKey: e.idempotencyKey ?? null,
    replayed: e.replayed === true,
    reconciled: e.reconciled === true,
    outcome: e.outcome,
    upstreamRequestId: e.upstreamRequestId ?? null,
    latencyMs: e.latencyMs,
    requestId: e.requestId,
    ...nodeIds('AuditRecord', e.id ?? ''),
  };
}

@Resolver(() => AuditRecord)
export class AuditResolver implements OnModuleInit {
  constructor(
    private readonly audit: AuditService,
    private readonly nodes: NodeRegistry,
  ) {}

  onModuleInit(): void {
    // The caller's tenant's record with this stream id, with the admin scope auditLog needs.
    this.nodes.register('AuditRecord', async (key, ctx) => {
      const p = ctx.principal;
      if (!p?.scopes.includes('admin')) return null;
      const e = await this.audit.find(p.tenantId, key, ctx.requestId);
      return e ? toRecord(e) : null;
    });
  }

  @Query(() => AuditRecordConnection, {
    description: "The caller's tenant's mutations, newest first, as a Relay connection (admin scope).",
  })
  @RequireScopes('admin')
  async auditLog(
    @Args() args: ConnectionArgs,
    @Context() ctx: GqlContext,
  ): Promise<ConnectionShape<AuditRecord>> {
    const principal = principalOf(ctx);
    if (!principal) throw new GatewayError('UNAUTHENTICATED', 'Authentication required');
    const page = await this.audit.page(principal.tenantId, args, ctx.requestId);
    const edges = page.edges.map((e) => ({ cursor: e.cursor, node: toRecord(e.node) }));
    return { ...page, edges, nodes: edges.map((e) => e.node) };
  }
}
