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
import { RedisModule } from './redis/redis.module';
import { MetricsModule } from './metrics/metrics.module';

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
        RedisModule,
        MetricsModule,
        HealthModule,
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
