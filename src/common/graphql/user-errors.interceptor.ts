import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { type GraphQLInputType, type GraphQLResolveInfo, getNamedType, isInputObjectType } from 'graphql';
import { catchError, map, of, type Observable } from 'rxjs';
import { BarrackUpstreamError } from '../errors/barrack-upstream.error';
import { toGatewayError } from '../errors/upstream-error.map';
import { toUserError, type MutationInputShape } from '../errors/user-error.map';
import { checkInput, type InputRules } from './input-check';
import { MUTATION_RULES_KEY } from './mutation-rules.decorator';

/**
 * Put by the composition root on every root Mutation field and nothing else (interceptRootMutations, in
 * mutation-interceptors.ts), first, so it wraps every other interceptor. On every root Mutation field:
 * 1. runs the mutation's @MutationRules on `input`; any problem answers `{ userErrors }` at once: no resolver,
 *    no idempotency record (a corrected retry with the same key runs), no upstream call;
 * 2. turns a business refusal thrown below (INVALID_STATE, NAME_TAKEN, OUT_OF_STOCK, ...; see USER_ERROR_CODES)
 *    into `{ userErrors: [..], requestId }` with the payload's other fields null; anything else stays a
 *    top-level error;
 * 3. gives a successful payload `userErrors: []`.
 * One mechanism for every mutation, so resolvers and services hold no try/catch for it.
 */
@Injectable()
export class UserErrorsInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (!info || info.parentType !== info.schema.getMutationType()) return next.handle();
    const args = gql.getArgs<Record<string, unknown>>();
    const input = args.input as Record<string, unknown> | undefined;

    const rules = this.reflector.get<InputRules<unknown> | undefined>(
      MUTATION_RULES_KEY,
      context.getHandler(),
    );
    if (rules && input !== undefined) {
      const problems = checkInput(rules, input);
      if (problems.length > 0) return of({ userErrors: problems, requestId: null });
    }
    return next.handle().pipe(
      map((result: unknown) =>
        result && typeof result === 'object' && !('userErrors' in result)
          ? { ...result, userErrors: [] }
          : result,
      ),
      catchError((raw: unknown) => {
        const e = raw instanceof BarrackUpstreamError ? toGatewayError(raw) : raw;
        const userError = toUserError(e, inputShape(info, input));
        if (!userError) throw raw;
        const requestId = (e as { upstreamRequestId?: string }).upstreamRequestId ?? null;
        return of({ userErrors: [userError], requestId });
      }),
    );
  }
}

function inputShape(
  info: GraphQLResolveInfo,
  value: Record<string, unknown> | undefined,
): MutationInputShape {
  const field = info.parentType.getFields()[info.fieldName];
  const arg = field?.args.find((a) => a.name === 'input');
  const type = arg ? getNamedType(arg.type) : undefined;
  if (!type || !isInputObjectType(type)) return { fields: [], idFields: [], value };
  const fields = Object.values(type.getFields());
  const isId = (t: GraphQLInputType): boolean => getNamedType(t).name === 'ID';
  return {
    fields: fields.map((f) => f.name),
    idFields: fields.filter((f) => isId(f.type)).map((f) => f.name),
    value,
  };
}
