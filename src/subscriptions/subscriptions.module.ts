import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { InstanceEventsService } from '../instances/instance-events.service';
import { InstancesModule } from '../instances/instances.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { GraphqlWsOptions } from './graphql-ws.options';
import { GraphqlWsServer } from './graphql-ws.server';
import { GraphqlSseController } from './graphql-sse.controller';
import { InstanceUpdatedResolver } from './instance-updated.resolver';

/**
 * GraphQL subscriptions over WebSocket (graphql-ws on /graphql): the WebSocket server (GraphqlWsServer),
 * connection authentication, limits and credential re-checks (GraphqlWsOptions) and the live instance feed.
 */
@Module({
  imports: [AuthModule, RateLimitModule, InstancesModule],
  controllers: [GraphqlSseController],
  providers: [GraphqlWsOptions, GraphqlWsServer, InstanceEventsService, InstanceUpdatedResolver],
  exports: [GraphqlWsOptions, GraphqlWsServer],
})
export class SubscriptionsModule {}
