import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { principalOf } from '../auth/current-principal.decorator';
import { RequireScopes } from '../auth/scopes.decorator';
import type { GqlContext } from '../common/context/gql-context';
import { GatewayError } from '../common/errors/gateway-error';
import { lookupKey } from '../common/graphql/node';
import { InstanceEventsService } from './instance-events.service';
import { Instance } from './models/instance.model';

@Resolver()
export class InstanceUpdatedResolver {
  constructor(private readonly events: InstanceEventsService) {}

  @Subscription(() => Instance, {
    description:
      'The instance now, then again whenever its status, public IP or name changes (Barrack is polled every SUBSCRIPTION_POLL_MS); completes after DELETED; changes made by mutations arrive at once. NOT_FOUND when the account has no such instance. Over WebSocket (graphql-ws, /graphql) or Server-Sent Events (graphql-sse, POST /graphql/stream).',
    // The stream yields Instance objects themselves, not `{ instanceUpdated: … }` envelopes.
    resolve: (instance: Instance) => instance,
  })
  @RequireScopes('read')
  instanceUpdated(
    @Args('id', { type: () => ID, description: "The instance's `id` (or its `barrackId`)." }) id: string,
    @Context() ctx: GqlContext,
  ): Promise<AsyncIterableIterator<Instance>> {
    const principal = principalOf(ctx);
    if (!principal) throw new GatewayError('UNAUTHENTICATED', 'Authentication required');
    // Not an instance id at all: the same NOT_FOUND an unknown or foreign id gets, and no Barrack call.
    const key = lookupKey(id, 'Instance');
    if (key === null) throw new GatewayError('NOT_FOUND', 'Instance not found', { id });
    return this.events.watch(principal, key);
  }
}
