import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { RequireScopes } from '../auth/scopes.decorator';
import type { GqlContext } from '../common/context/gql-context';
import { GatewayError } from '../common/errors/gateway-error';
import { MAX_NODES, Node, NodeRegistry } from '../common/graphql/node';

/** node(id) and nodes(ids): refetch any object by its global id (the features register how). */
@Resolver()
export class NodeResolver {
  constructor(private readonly registry: NodeRegistry) {}

  @Query(() => Node, {
    nullable: true,
    description:
      'The object with this global id, or null when there is none the caller can see (never issued, deleted, another account’s, or not an id).',
  })
  @RequireScopes('read')
  node(
    @Args('id', { type: () => ID, description: 'A global `id` read from any Node.' }) id: string,
    @Context() ctx: GqlContext,
  ): Promise<object | null> {
    return this.registry.resolve(id, ctx);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `The objects with these global ids, in the order asked (null for each id node(id) would answer null). At most ${MAX_NODES} ids.`,
  })
  @RequireScopes('read')
  nodes(
    @Args('ids', { type: () => [ID], description: `Up to ${MAX_NODES} global ids.` }) ids: string[],
    @Context() ctx: GqlContext,
  ): Promise<(object | null)[]> {
    if (ids.length > MAX_NODES) {
      throw new GatewayError('BAD_USER_INPUT', `ids must list at most ${MAX_NODES} ids`, { field: 'ids' });
    }
    // All at once, so each feature's per-request batching (one listing for several ids) applies.
    return Promise.all(ids.map((id) => this.registry.resolve(id, ctx)));
  }
}
