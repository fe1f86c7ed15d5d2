import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { buildGqlContext } from './common/graphql/context.factory';
import { formatGatewayError } from './common/errors/format-error';
import { ErrorsPlugin } from './common/graphql/errors.plugin';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { BarrackModule } from './barrack/barrack.module';
import { TenancyModule } from './tenancy/tenancy.module';
import { AuthModule } from './auth/auth.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RedisModule } from './redis/redis.module';
import { MetricsModule } from './metrics/metrics.module';
import { CacheModule } from './cache/cache.module';

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
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: config.NODE_ENV === 'production' ? true : join(process.cwd(), 'schema.graphql'),
          sortSchema: true,
          path: '/graphql',
          playground: false,
          graphiql: false,
          introspection: true,
          context: buildGqlContext,
          formatError: formatGatewayError,
          includeStacktraceInErrorResponses: false,
        }),
      ],
      providers: [ErrorsPlugin],
    };
  }
}
