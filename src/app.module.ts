import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { enforceFieldScopes } from './auth/field-scopes';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { buildGqlContext } from './common/graphql/context.factory';
import { formatGatewayError } from './common/errors/format-error';
import { ErrorsPlugin } from './common/graphql/errors.plugin';
import { useFastArgumentValues } from './common/graphql/fast-argument-values';
import { useFastResultObjects } from './common/graphql/fast-result-objects';
import { introspectionValidationRules } from './common/graphql/introspection';
import { interceptRootMutations } from './common/graphql/mutation-interceptors';
import { DecimalScalar } from './common/graphql/money.scalar';
import { UserErrorsInterceptor } from './common/graphql/user-errors.interceptor';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { BarrackModule } from './barrack/barrack.module';
import { TenancyModule } from './tenancy/tenancy.module';
import { AuthModule } from './auth/auth.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RedisModule } from './redis/redis.module';
import { attachRedisBudget, requestBudgetMsOf } from './redis/redis-guard';
import { LiveModule } from './live/live.module';
import { MetricsModule } from './metrics/metrics.module';
import { CacheModule } from './cache/cache.module';
import { NodeModule } from './node/node.module';
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
import { SubscriptionsModule } from './subscriptions/subscriptions.module';
import { ResponseCacheModule } from './response-cache/response-cache.module';
import { TracingModule } from './tracing/tracing.module';
import {
  APQ_CACHE,
  type ApqCacheOption,
  PersistedDocumentsModule,
} from './persisted-documents/persisted-documents.module';

/**
 * Composition root. Each feature module is one line in `imports`; nothing else belongs here.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const redisBudgetMs = requestBudgetMsOf(config);
    const root: DynamicModule = {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        // First: its /graphql middleware opens the operation span every later middleware runs inside.
        TracingModule.forRoot(),
        LoggingModule,
        BarrackModule,
        RedisModule,
        LiveModule,
        MetricsModule,
        CacheModule,
        HealthModule,
        TenancyModule.forRoot(),
        AuthModule,
        // After AuthModule: its middleware needs the principal (tenants may be limited to trusted documents).
        PersistedDocumentsModule,
        RateLimitModule,
        NodeModule,
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
        ResponseCacheModule,
        // No `subscriptions` here: the WebSocket endpoint is SubscriptionsModule's GraphqlWsServer, since
        // the server Nest would create cannot be given maxPayload.
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [PersistedDocumentsModule],
          inject: [APQ_CACHE],
          useFactory: (apq: ApqCacheOption): ApolloDriverConfig => ({
            // Built in memory; `npm run schema` writes schema.graphql and a test fails when it is stale.
            autoSchemaFile: true,
            sortSchema: true,
            path: '/graphql',
            playground: false,
            graphiql: false,
            // Who may introspect is INTROSPECTION's business (auth middleware + the rule below), not Apollo's.
            introspection: true,
            // Automatic persisted queries in Redis (shared by replicas); trusted documents are resolved before.
            persistedQueries: apq,
            // Our response cache decides cacheability from its own policy table; Apollo's cache-control plugin
            // would otherwise wrap every field resolver of every request to compute hints nobody reads.
            // Apollo installs its inline-trace plugin unless told not to: on a schema that is no federation
            // subgraph it does nothing, but still answers requestDidStart for every request.
            plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled()],
            // CSRF is a risk for ambient credentials (cookies). Ours travel in Authorization / X-API-Key, headers a
            // browser only sends cross-site after a CORS preflight, so they count as proof of a non-simple request
            // (as Apollo's own `apollo-require-preflight` does). This lets GET with documentId work from any client.
            csrfPrevention: {
              requestHeaders: [
                'x-apollo-operation-name',
                'apollo-require-preflight',
                'authorization',
                'x-api-key',
              ],
            },
            validationRules: introspectionValidationRules(config.INTROSPECTION),
            // Each HTTP GraphQL request's Redis budget goes on the request (kept if a layer before gave it one),
            // where every layer that serves the request finds it (src/redis/redis-guard.ts).
            context: (args: Parameters<typeof buildGqlContext>[0]) => {
              attachRedisBudget(args.req, redisBudgetMs);
              return buildGqlContext(args);
            },
            formatError: formatGatewayError,
            includeStacktraceInErrorResponses: false,
            // Field-level scopes (@RequireFieldScopes, e.g. billing on money spent), for HTTP and WebSocket alike.
            transformSchema: enforceFieldScopes,
          }),
        }),
      ],
      providers: [
        // No arguments object built per field for fields that declare none (common/graphql/fast-argument-values).
        { provide: 'FAST_ARGUMENT_VALUES', useFactory: useFastArgumentValues },
        // Result objects graphql-js builds as fast objects, not dictionaries (common/graphql/fast-result-objects).
        { provide: 'FAST_RESULT_OBJECTS', useFactory: useFastResultObjects },
        ErrorsPlugin,
        DecimalScalar,
      ],
    };
    // On every root Mutation field (and nothing else: a global interceptor would wrap every query's root
    // fields too), outermost: input rules run before idempotency claims a key, and refusals replayed by
    // idempotency still become userErrors.
    interceptRootMutations(root.imports ?? [], UserErrorsInterceptor);
    return root;
  }
}
