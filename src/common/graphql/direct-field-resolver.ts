import { PARAM_ARGS_METADATA } from '@nestjs/graphql';

/*
 * A @ResolveField method that needs no Nest enhancer can be called by graphql-js directly. @nestjs/graphql does
 * so on its own (ResolversExplorerService.canUseFastFieldResolver) when the method has no guards, interceptors
 * or filters for field resolvers (`fieldResolverEnhancers` is empty here), no field middleware and no parameter
 * decorators. Without that, every call goes through Nest's ExternalContextCreator: about a dozen promises
 * (params, pipes, interceptor chain, result transform), each also seen by the async hooks AsyncLocalStorage
 * installs. The console page (S3) resolves Instance.snapshots/volumes/firewalls for 50 instances per request.
 *
 * The parameter decorators stay (the schema takes the field's arguments from @Args), and this decorator removes
 * only their runtime metadata, after checking that dropping it changes nothing: each parameter is @Parent(),
 * @Args() (all arguments, no name, no pipe), @Context() or @Info() at the very position graphql-js passes it
 * (source, args, context, info). Anything else (a named @Args('x'), a pipe, a custom decorator, a different
 * order) fails at start-up.
 */

/** Nest's GqlParamtype (ROOT 0, CONTEXT 1, INFO 2, ARGS 3; not exported) -> graphql-js resolver argument index. */
const POSITION_OF_PARAMTYPE: Readonly<Record<number, number>> = { 0: 0, 3: 1, 1: 2, 2: 3 };

interface ParamMetadata {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

/** Put on a @ResolveField method (with @Parent/@Args()/@Context/@Info in graphql-js order) to skip Nest's wrapper. */
export function DirectFieldResolver(): MethodDecorator {
  return (target, key) => {
    const ctor = target.constructor;
    const params = (Reflect.getMetadata(PARAM_ARGS_METADATA, ctor, key) ?? {}) as Record<
      string,
      ParamMetadata
    >;
    for (const [k, p] of Object.entries(params)) {
      const paramtype = Number(k.split(':')[0]);
      const plain = p.data === undefined && !p.pipes?.length;
      if (!plain || POSITION_OF_PARAMTYPE[paramtype] !== p.index) {
        throw new Error(
          `${ctor.name}.${String(key)}: @DirectFieldResolver needs @Parent(), @Args(), @Context(), @Info() ` +
            'without names or pipes, in graphql-js order (parent, args, context, info)',
        );
      }
    }
    Reflect.deleteMetadata(PARAM_ARGS_METADATA, ctor, key);
  };
}
