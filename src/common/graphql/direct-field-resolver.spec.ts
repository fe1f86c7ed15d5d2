import { Args, Context, Info, PARAM_ARGS_METADATA, Parent } from '@nestjs/graphql';
import { DirectFieldResolver } from './direct-field-resolver';

const paramsOf = (ctor: object, key: string): unknown =>
  Reflect.getMetadata(PARAM_ARGS_METADATA, ctor, key) as unknown;

describe('DirectFieldResolver', () => {
  it('drops the runtime parameter metadata of (parent, args, context, info) in graphql-js order', () => {
    class R {
      @DirectFieldResolver()
      field(@Parent() _p: unknown, @Args() _a: unknown, @Context() _c: unknown, @Info() _i: unknown) {
        return 1;
      }

      @DirectFieldResolver()
      skipsArgs(@Parent() _p: unknown, _a: unknown, @Context() _c: unknown) {
        return 2;
      }

      kept(@Parent() _p: unknown, @Context() _c: unknown) {
        return 3;
      }
    }
    expect(paramsOf(R, 'field')).toBeUndefined();
    expect(paramsOf(R, 'skipsArgs')).toBeUndefined();
    // An undecorated method keeps Nest's wrapper (its metadata stays).
    expect(paramsOf(R, 'kept')).toBeDefined();
  });

  it('refuses a parameter graphql-js would not pass at that position', () => {
    expect(() => {
      class R {
        @DirectFieldResolver()
        field(@Parent() _p: unknown, @Context() _c: unknown) {
          return 1;
        }
      }
      return R;
    }).toThrow(/R\.field: @DirectFieldResolver needs/);
  });

  it('refuses a named @Args, whose value Nest would pick out of the arguments', () => {
    expect(() => {
      class R {
        @DirectFieldResolver()
        field(@Parent() _p: unknown, @Args('first') _first: number) {
          return 1;
        }
      }
      return R;
    }).toThrow(/graphql-js order/);
  });
});
