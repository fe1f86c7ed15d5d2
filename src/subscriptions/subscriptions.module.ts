import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { GraphqlWsOptions } from './graphql-ws.options';
import { GraphqlWsServer } from './graphql-ws.server';
import { GraphqlSseController } from './graphql-sse.controller';

/**
 * GraphQL subscriptions over WebSocket (graphql-ws on /graphql): the WebSocket server (GraphqlWsServer),
 * connection authentication, limits and credential re-checks (GraphqlWsOptions). The transport only: features
 * bring their own subscription fields (instances/instance-updated.resolver.ts), so this module imports no feature.
 */
@Module({
  imports: [AuthModule, RateLimitModule],
  controllers: [GraphqlSseController],
  providers: [GraphqlWsOptions, GraphqlWsServer],
  exports: [GraphqlWsOptions, GraphqlWsServer],
})
export class SubscriptionsModule {}
