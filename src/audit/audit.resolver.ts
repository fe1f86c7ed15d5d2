import { type OnModuleInit } from '@nestjs/common';
import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { principalOf } from '../auth/current-principal.decorator';
import { RequireScopes } from '../auth/scopes.decorator';
import type { GqlContext } from '../common/context/gql-context';
import { GatewayError } from '../common/errors/gateway-error';
import { NodeRegistry, nodeIds } from '../common/graphql/node';
import type { AuditEntry } from './audit-entry';
import { AUDIT_MAX_LIMIT, AuditService } from './audit.service';
import { AuditRecord } from './models/audit-record.model';

function toRecord(e: AuditEntry): AuditRecord {
  return {
    ...nodeIds('AuditRecord', e.id ?? ''),
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
      const m = /^(\d{1,20})-(\d{1,20})$/.exec(key);
      if (!p?.scopes.includes('admin') || !m) return null;
      const next = `${m[1]}-${BigInt(m[2] ?? '0') + 1n}`;
      const [e] = await this.audit.list(p.tenantId, 1, next);
      return e && e.id === key ? toRecord(e) : null;
    });
  }

  @Query(() => [AuditRecord], { description: "The caller's tenant's mutations, newest first (admin scope)." })
  @RequireScopes('admin')
  async auditLog(
    @Args('limit', {
      type: () => Int,
      defaultValue: 50,
      description: `How many records (1-${AUDIT_MAX_LIMIT}).`,
    })
    limit: number,
    @Args('before', {
      type: () => String,
      nullable: true,
      description:
        'Only records older than this record id (the `id` of the last record of the previous page).',
    })
    before: string | null,
    @Context() ctx: GqlContext,
  ): Promise<AuditRecord[]> {
    const principal = principalOf(ctx);
    if (!principal) throw new GatewayError('UNAUTHENTICATED', 'Authentication required');
    return (await this.audit.list(principal.tenantId, limit, before)).map(toRecord);
  }
}
