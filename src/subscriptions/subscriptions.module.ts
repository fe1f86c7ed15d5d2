import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { InstanceEventsService } from '../instances/instance-events.service';
import { InstancesModule } from '../instances/instances.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { GraphqlWsOptions } from './graphql-ws.options';
import { InstanceUpdatedResolver } from './instance-updated.resolver';

/**
 * GraphQL subscriptions over WebSocket (graphql-ws on /graphql): connection authentication and limits
 * (GraphqlWsOptions, consumed by GraphQLModule's `subscriptions` option) and the live instance feed.
 */
@Module({
  imports: [AuthModule, RateLimitModule, InstancesModule],
  providers: [GraphqlWsOptions, InstanceEventsService, InstanceUpdatedResolver],
  exports: [GraphqlWsOptions],
})
export class SubscriptionsModule {}
