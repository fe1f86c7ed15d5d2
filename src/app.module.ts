import { type DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { buildGqlContext } from './common/graphql/context.factory';
import { formatGatewayError } from './common/errors/format-error';
import { ErrorsPlugin } from './common/graphql/errors.plugin';
import { DecimalScalar } from './common/graphql/money.scalar';
import { UserErrorsInterceptor } from './common/graphql/user-errors.interceptor';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { BarrackModule } from './barrack/barrack.module';
import { TenancyModule } from './tenancy/tenancy.module';
import { AuthModule } from './auth/auth.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RedisModule } from './redis/redis.module';
import { MetricsModule } from './metrics/metrics.module';
import { CacheModule } from './cache/cache.module';
import { InstancesModule } from './instances/instances.module';
import { SnapshotsModule } from './snapshots/snapshots.module';
import { ImagesModule } from './images/images.module';
import { VolumesModule } from './volumes/volumes.module';
import { CatalogModule } from './catalog/catalog.module';
import { FirewallsModule } from './firewalls/firewalls.module';
import { SshKeysModule } from './ssh-keys/ssh-keys.module';
import { ScriptsModule } from './scripts/scripts.module';
import { AccountModule } from './account/account.module';
import { AiModule } from './ai/ai.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { AuditModule } from './audit/audit.module';
import { GraphqlWsOptions } from './subscriptions/graphql-ws.options';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';

/**
 * Composition root. Each feature module is one line in `imports`; nothing else belongs here.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        BarrackModule,
        RedisModule,
        MetricsModule,
        CacheModule,
        HealthModule,
        TenancyModule.forRoot(),
        AuthModule,
        RateLimitModule,
        InstancesModule,
        SnapshotsModule,
        ImagesModule,
        VolumesModule,
        CatalogModule,
        FirewallsModule,
        SshKeysModule,
        ScriptsModule,
        AccountModule,
        AiModule,
        IdempotencyModule,
        AuditModule,
        SubscriptionsModule,
        // Async only to inject the graphql-ws hooks (WebSocket authentication and limits) from Nest's DI.
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [SubscriptionsModule],
          inject: [GraphqlWsOptions],
          useFactory: (ws: GraphqlWsOptions): ApolloDriverConfig => ({
            // Built in memory; `npm run schema` writes schema.graphql and a test fails when it is stale.
            autoSchemaFile: true,
            sortSchema: true,
            path: '/graphql',
            playground: false,
            graphiql: false,
            introspection: true,
            context: buildGqlContext,
            formatError: formatGatewayError,
            includeStacktraceInErrorResponses: false,
            // graphql-ws on the same path; WebSocket operations get their own context (see GraphqlWsOptions).
            subscriptions: ws.subscriptions(),
          }),
        }),
      ],
      providers: [
        ErrorsPlugin,
        DecimalScalar,
        // Registered here, before every feature's enhancers, so it is the outermost interceptor: input rules run
        // before idempotency claims a key, and refusals replayed by idempotency still become userErrors.
        { provide: APP_INTERCEPTOR, useClass: UserErrorsInterceptor },
      ],
    };
  }
}
