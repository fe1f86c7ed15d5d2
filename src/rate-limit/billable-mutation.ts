import {
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { GqlContext } from '../common/context/gql-context';
import type { ErrorCode } from '../common/errors/error-codes';
import { GatewayError } from '../common/errors/gateway-error';
import { redisBudgetOf } from '../redis/redis-guard';
import { OperationLimits } from './operation-limits';

/**
 * Failures of a create that say Barrack created nothing: refused by the gateway before the upstream call
 * (input checks, scopes), or refused by Barrack. The point drawn for it is given back. Success and every
 * failure that leaves the outcome open (timeouts, OUTCOME_UNKNOWN, UPSTREAM_*, INTERNAL) keep it.
 */
const NOTHING_CREATED: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'NAME_TAKEN',
  'OUT_OF_STOCK',
  'LIMIT_EXCEEDED',
  'INSUFFICIENT_CREDITS',
  'RATE_LIMITED',
]);

/**
 * Draws one point of the tenant's billable-mutation budget when a create really runs. Method-scoped
 * (BillableMutation), so it runs inside the IdempotencyInterceptor that @Idempotent() puts first: a replay is answered from its
 * record before reaching it and spends nothing; a refusal before the upstream call is refunded. Over the
 * budget it throws RATE_LIMITED before the resolver runs, so Barrack sees nothing (idempotency releases
 * the key on RATE_LIMITED, so the same key works once the window resets).
 */
@Injectable()
export class BillableMutationInterceptor implements NestInterceptor {
  // Only ModuleRef: the interceptor is built in each feature module that uses it.
  constructor(private readonly moduleRef: ModuleRef) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const ctx = GqlExecutionContext.create(context).getContext<GqlContext>();
    return from(this.charged(ctx, () => lastValueFrom(next.handle())));
  }

  private async charged(ctx: GqlContext, run: () => Promise<unknown>): Promise<unknown> {
    const limits = this.moduleRef.get(OperationLimits, { strict: false });
    const holder = await limits.holderFor(ctx.principal ?? ctx.req?.principal, redisBudgetOf(ctx.req));
    if (!holder) return run();
    await limits.chargeBillable(holder);
    try {
      return await run();
    } catch (e) {
      if (e instanceof GatewayError && NOTHING_CREATED.has(e.code))
        await limits.refundBillable(holder, ctx.requestId);
      throw e;
    }
  }
}

/**
 * Marks a root mutation that creates a paid resource at Barrack (createInstance, restoreSnapshot,
 * createVolume, cloneVolume): each run that reaches Barrack draws on the plan's billableMutationsPerHour.
 */
export const BillableMutation = (): MethodDecorator & ClassDecorator =>
  UseInterceptors(BillableMutationInterceptor);
