import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { OperationTypeNode } from 'graphql';
import { performance } from 'node:perf_hooks';
import { principalOf } from '../auth/current-principal.decorator';
import { BarrackUpstreamError } from '../common/errors/barrack-upstream.error';
import type { GqlContext } from '../common/context/gql-context';
import { GatewayError } from '../common/errors/gateway-error';
import { toGatewayError } from '../common/errors/upstream-error.map';
import { idempotencyNoteOf } from '../idempotency/idempotency-note';
import { collectIds, type AuditEntry } from './audit-entry';
import { AuditService } from './audit.service';

function errorCodeOf(e: unknown): { code: string; upstreamRequestId?: string } {
  const g = e instanceof BarrackUpstreamError ? toGatewayError(e) : e;
  if (g instanceof GatewayError) return { code: g.code, upstreamRequestId: g.upstreamRequestId };
  return { code: 'INTERNAL' };
}

/**
 * Audits every root Mutation field, whatever its resolver (a plugin, not an interceptor, so calls refused by
 * the scopes guard are recorded too). Queries cost nothing: no field hook is installed for them. Records are
 * written before the response is sent, so a client that got its answer can read its record.
 */
@Plugin()
export class AuditPlugin implements ApolloServerPlugin<GqlContext> {
  constructor(private readonly audit: AuditService) {}

  // eslint-disable-next-line @typescript-eslint/require-await
  async requestDidStart(): Promise<GraphQLRequestListener<GqlContext>> {
    const pending: Promise<void>[] = [];
    return {
      // eslint-disable-next-line @typescript-eslint/require-await
      executionDidStart: async ({ operation }) => {
        if (operation.operation !== OperationTypeNode.MUTATION) return;
        return {
          willResolveField: ({ info, args, contextValue }) => {
            if (info.parentType !== info.schema.getMutationType()) return;
            const at = new Date();
            const started = performance.now();
            return (error, result) => {
              const ctx = contextValue;
              const principal = principalOf(ctx);
              const note = idempotencyNoteOf(ctx, String(info.path.key));
              const ids = new Set<string>();
              collectIds(args, ids);
              if (!error) collectIds(result, ids);
              const failure = error ? errorCodeOf(error) : refusalOf(result);
              const resultRequestId =
                !error && result && typeof result === 'object'
                  ? (result as { requestId?: unknown }).requestId
                  : undefined;
              const upstreamRequestId =
                failure?.upstreamRequestId ??
                (typeof resultRequestId === 'string' ? resultRequestId : undefined);
              const entry: AuditEntry = {
                at: at.toISOString(),
                tenantId: principal?.tenantId ?? 'anonymous',
                principal: principal ? { kind: principal.kind, subject: principal.subject } : null,
                operation: info.fieldName,
                targetIds: [...ids],
                ...(note ? { idempotencyKey: note.key, replayed: note.replayed } : {}),
                ...(note?.reconciled ? { reconciled: true } : {}),
                outcome: failure?.code ?? 'OK',
                ...(upstreamRequestId ? { upstreamRequestId } : {}),
                latencyMs: Math.round(performance.now() - started),
                requestId: ctx.requestId,
              };
              pending.push(this.audit.record(entry));
            };
          },
        };
      },
      willSendResponse: async () => {
        await Promise.allSettled(pending);
      },
    };
  }
}

/** A refusal answered as data: the first of the payload's userErrors (see common/graphql/user-error.ts). */
function refusalOf(result: unknown): { code: string; upstreamRequestId?: string } | undefined {
  if (!result || typeof result !== 'object') return undefined;
  const { userErrors, requestId } = result as { userErrors?: { code?: unknown }[]; requestId?: unknown };
  const code = userErrors?.[0]?.code;
  if (typeof code !== 'string') return undefined;
  return { code, ...(typeof requestId === 'string' ? { upstreamRequestId: requestId } : {}) };
}
