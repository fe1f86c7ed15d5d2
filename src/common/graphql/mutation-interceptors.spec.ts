import {
  type CallHandler,
  type DynamicModule,
  forwardRef,
  Injectable,
  Module,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { interceptRootMutations, prependInterceptor, rootFieldHandlers } from './mutation-interceptors';

@Injectable()
class Outer implements NestInterceptor {
  intercept(_: unknown, next: CallHandler) {
    return next.handle();
  }
}

@Injectable()
class Inner implements NestInterceptor {
  intercept(_: unknown, next: CallHandler) {
    return next.handle();
  }
}

@Resolver()
class StaticResolver {
  @Query(() => String)
  read(): string {
    return 'r';
  }

  @Mutation(() => String)
  @UseInterceptors(Inner)
  write(): string {
    return 'w';
  }
}

@Resolver()
class DynamicResolver {
  @Mutation(() => String)
  other(): string {
    return 'o';
  }
}

@Resolver()
class ForwardResolver {
  @Mutation(() => String)
  late(): string {
    return 'l';
  }
}

@Module({ providers: [ForwardResolver] })
class ForwardModule {}

@Module({ providers: [StaticResolver], imports: [forwardRef(() => ForwardModule)] })
class StaticModule {}

@Module({})
class DynamicHost {
  static forRoot(): DynamicModule {
    return { module: DynamicHost, imports: [StaticModule], providers: [DynamicResolver] };
  }
}

const interceptorsOf = (method: object): unknown[] =>
  (Reflect.getMetadata(INTERCEPTORS_METADATA, method) ?? []) as unknown[];

describe('interceptRootMutations', () => {
  it('puts the interceptor outermost on every root mutation (nested, dynamic, forwardRef modules), once', () => {
    const modules = [DynamicHost.forRoot()];
    expect(interceptRootMutations(modules, Outer)).toBe(3);
    expect(interceptorsOf(StaticResolver.prototype.write)).toEqual([Outer, Inner]);
    expect(interceptorsOf(DynamicResolver.prototype.other)).toEqual([Outer]);
    expect(interceptorsOf(ForwardResolver.prototype.late)).toEqual([Outer]);
    // Queries are left alone: they pay for no interceptor chain.
    expect(interceptorsOf(StaticResolver.prototype.read)).toEqual([]);
    // A second composition root in the same process (tests start several gateways) changes nothing.
    interceptRootMutations(modules, Outer);
    expect(interceptorsOf(StaticResolver.prototype.write)).toEqual([Outer, Inner]);
  });

  it('lists root field handlers by type', () => {
    const handlers = rootFieldHandlers([StaticModule]).map((h) => `${h.type} ${h.name}`);
    expect(handlers.sort()).toEqual(['Mutation late', 'Mutation write', 'Query read']);
  });
});

describe('prependInterceptor', () => {
  it('goes first whatever was there, and only once', () => {
    const method = { handler: true };
    prependInterceptor(method, Inner);
    prependInterceptor(method, Outer);
    prependInterceptor(method, Inner);
    expect(interceptorsOf(method)).toEqual([Outer, Inner]);
  });
});
