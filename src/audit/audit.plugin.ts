import type { ApolloServerPlugin, GraphQLRequestListener, GraphQLServerContext } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import {
  defaultFieldResolver,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
} from 'graphql';
import { performance } from 'node:perf_hooks';
import { principalOf } from '../auth/current-principal.decorator';
import { BarrackUpstreamError } from '../common/errors/barrack-upstream.error';
import { memoize, type GqlContext } from '../common/context/gql-context';
import { GatewayError } from '../common/errors/gateway-error';
import { toGatewayError } from '../common/errors/upstream-error.map';
import { idempotencyNoteOf } from '../idempotency/idempotency-note';
import { redisBudgetOf } from '../redis/redis-guard';
import { collectIds, type AuditEntry } from './audit-entry';
import { AuditService } from './audit.service';

function errorCodeOf(e: unknown): { code: string; upstreamRequestId?: string } {
  const g = e instanceof BarrackUpstreamError ? toGatewayError(e) : e;
  if (g instanceof GatewayError) return { code: g.code, upstreamRequestId: g.upstreamRequestId };
  return { code: 'INTERNAL' };
}

/** The audit records of one request still being written (awaited before its response is sent). */
const PENDING_KEY = 'audit.pending';
/** Fields already wrapped: a schema given to a second server (tests) is not audited twice. */
const AUDITED = new WeakSet<GraphQLField<unknown, GqlContext>>();

/**
 * Audits every root Mutation field, whatever its resolver (the wrapper sits outside Nest's guards, so calls
 * refused by the scopes guard are recorded too). Records are written before the response is sent, so a client
 * that got its answer can read its record.
 *
 * The root Mutation fields are wrapped once, when the server starts. Apollo's `willResolveField` hook would
 * do the same job, but once any request has used it Apollo wraps every field resolver of the schema for the
 * rest of the process, so every field of every later query (1,400 on the console page) would pay a closure
 * and two symbol reads on the context (bench/PROFILE.md, S3).
 */
@Plugin()
export class AuditPlugin implements ApolloServerPlugin<GqlContext> {
  constructor(private readonly audit: AuditService) {}

  // eslint-disable-next-line @typescript-eslint/require-await
  async serverWillStart({ schema }: GraphQLServerContext): Promise<void> {
    const mutation = schema.getMutationType();
    if (!mutation) return;
    for (const field of Object.values(mutation.getFields()) as GraphQLField<unknown, GqlContext>[]) {
      if (AUDITED.has(field)) continue;
      AUDITED.add(field);
      field.resolve = this.audited(field.resolve ?? defaultFieldResolver);
    }
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async requestDidStart(): Promise<GraphQLRequestListener<GqlContext>> {
    return {
      willSendResponse: async ({ contextValue }) => {
        const pending = contextValue.memo.get(PENDING_KEY) as Promise<void>[] | undefined;
        if (pending) await Promise.allSettled(pending);
      },
    };
  }

  private audited(
    resolve: GraphQLFieldResolver<unknown, GqlContext>,
  ): GraphQLFieldResolver<unknown, GqlContext> {
    return (source, args: Record<string, unknown>, ctx, info) => {
      const at = new Date();
      const started = performance.now();
      const done = (error: unknown, result?: unknown) => {
        const entry = this.entry(ctx, info, args, at, started, error, result);
        memoize(ctx, PENDING_KEY, (): Promise<void>[] => []).push(
          this.audit.record(entry, redisBudgetOf(ctx.req)),
        );
      };
      let result: unknown;
      try {
        result = resolve(source, args, ctx, info);
      } catch (e) {
        done(e);
        throw e;
      }
      if (isPromise(result))
        result.then(
          (r) => done(null, r),
          (e: unknown) => done(e),
        );
      else done(null, result);
      return result;
    };
  }

  private entry(
    ctx: GqlContext,
    info: GraphQLResolveInfo,
    args: Record<string, unknown>,
    at: Date,
    started: number,
    error: unknown,
    result: unknown,
  ): AuditEntry {
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
      failure?.upstreamRequestId ?? (typeof resultRequestId === 'string' ? resultRequestId : undefined);
    return {
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
  }
}

function isPromise(v: unknown): v is PromiseLike<unknown> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}

/** A refusal answered as data: the first of the payload's userErrors (see common/graphql/user-error.ts). */
function refusalOf(result: unknown): { code: string; upstreamRequestId?: string } | undefined {
  if (!result || typeof result !== 'object') return undefined;
  const { userErrors, requestId } = result as { userErrors?: { code?: unknown }[]; requestId?: unknown };
  const code = userErrors?.[0]?.code;
  if (typeof code !== 'string') return undefined;
  return { code, ...(typeof requestId === 'string' ? { upstreamRequestId: requestId } : {}) };
}
