import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { GqlContext } from '../common/context/gql-context';
import { IdempotencyService } from './idempotency.service';

/**
 * On the root Mutation fields marked @Idempotent() (the decorator puts it there; built in each feature module
 * that has one, so IdempotencyService is exported by the global IdempotencyModule). Guards have already run,
 * so an unauthorised call never claims a key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly service: IdempotencyService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (info.parentType !== info.schema.getMutationType()) return next.handle();
    const call = {
      operation: info.fieldName,
      responseKey: String(info.path.key),
      args: gql.getArgs<Record<string, unknown>>(),
      ctx: gql.getContext<GqlContext>(),
    };
    return from(this.service.execute(call, () => lastValueFrom(next.handle())));
  }
}
