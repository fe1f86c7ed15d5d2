import {
  Inject,
  Module,
  RequestMethod,
  type MiddlewareConsumer,
  type NestModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuthModule } from '../auth/auth.module';
import { LoggingModule } from '../logging/logging.module';
import { CacheModule } from '../cache/cache.module';
import { PersistedDocumentsModule } from '../persisted-documents/persisted-documents.module';
import { CacheService } from '../cache/cache.service';
import { MetricsRegistry } from '../metrics/metrics.module';
import { RedisGuard } from '../redis/redis-guard';
import { REDIS_CLIENT } from '../redis/redis.tokens';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { ResponseCacheFastPath } from './fast-path';
import { ResponseCacheFastPathMiddleware } from './fast-path.middleware';
import { ResponseCachePreRouter } from './pre-router';
import { ResponseCacheMetrics } from './response-cache.metrics';
import { ResponseCachePlugin } from './response-cache.plugin';
import { ResponseCacheKeys } from './response-cache-keys';
import { RESPONSE_CACHE_STORE } from './response-cache.tokens';
import {
  MemoryResponseCacheStore,
  RedisResponseCacheStore,
  type ResponseCacheStore,
} from './response-cache.store';

/**
 * The whole-response cache: its store (Redis, or in-process without REDIS_URL), its Apollo plugin, and the fast
 * path before Apollo (registered after authentication, persisted documents and the request limits: AppModule
 * imports this module after theirs).
 */
@Module({
  imports: [CacheModule, RateLimitModule, AuthModule, PersistedDocumentsModule, LoggingModule],
  providers: [
    {
      provide: RESPONSE_CACHE_STORE,
      inject: [APP_CONFIG, REDIS_CLIENT, RedisGuard],
      useFactory: (config: AppConfig, redis: Redis | null, guard: RedisGuard): ResponseCacheStore | null => {
        if (!config.RESPONSE_CACHE_ENABLED) return null;
        return redis
          ? new RedisResponseCacheStore(redis, guard, config.REDIS_KEY_PREFIX)
          : new MemoryResponseCacheStore(config.CACHE_MEMORY_MAX_ENTRIES);
      },
    },
    {
      provide: ResponseCacheMetrics,
      inject: [{ token: MetricsRegistry, optional: true }, RESPONSE_CACHE_STORE],
      useFactory: (registry: MetricsRegistry | undefined, store: ResponseCacheStore | null) =>
        new ResponseCacheMetrics(registry ?? null, store),
    },
    ResponseCacheKeys,
    ResponseCachePlugin,
    ResponseCacheFastPath,
    ResponseCachePreRouter,
  ],
  exports: [ResponseCachePreRouter],
})
export class ResponseCacheModule implements NestModule, OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(RESPONSE_CACHE_STORE) private readonly store: ResponseCacheStore | null,
    private readonly cache: CacheService,
  ) {}

  onApplicationShutdown(): void {
    this.store?.close?.();
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ResponseCacheFastPathMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.ALL });
  }

  /**
   * The catalogue's own invalidations (stock after a deploy, an admin clear) reach stored answers as tags, within
   * the asking mutation's Redis budget as the catalogue's own deletion is (none from the CLI: one command timeout
   * per command); what does not complete is owed (RedisResponseCacheStore).
   */
  onModuleInit(): void {
    const store = this.store;
    if (!store) return;
    this.cache.onInvalidate(async (kind, target, budget) => {
      try {
        // 'all' reaches every tenant whose answers were built from the kind (a registry, no scan).
        await store.invalidateKind(kind, target === 'all' ? undefined : target.tenantId, budget);
      } catch {
        /* Redis trouble: the store owes the invalidation (the catalogue cache logs the outage) */
      }
    });
  }
}
