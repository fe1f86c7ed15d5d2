import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CacheModule } from '../cache/cache.module';
import { CacheService } from '../cache/cache.service';
import { REDIS_CLIENT } from '../redis/redis.tokens';
import { ResponseCachePlugin } from './response-cache.plugin';
import { RESPONSE_CACHE_STORE } from './response-cache.tokens';
import {
  MemoryResponseCacheStore,
  RedisResponseCacheStore,
  type ResponseCacheStore,
} from './response-cache.store';

/** The whole-response cache: its store (Redis, or in-process without REDIS_URL) and its Apollo plugin. */
@Module({
  imports: [CacheModule],
  providers: [
    {
      provide: RESPONSE_CACHE_STORE,
      inject: [APP_CONFIG, REDIS_CLIENT],
      useFactory: (config: AppConfig, redis: Redis | null): ResponseCacheStore | null => {
        if (!config.RESPONSE_CACHE_ENABLED) return null;
        return redis
          ? new RedisResponseCacheStore(redis, config.REDIS_KEY_PREFIX)
          : new MemoryResponseCacheStore(config.CACHE_MEMORY_MAX_ENTRIES);
      },
    },
    ResponseCachePlugin,
  ],
})
export class ResponseCacheModule implements OnModuleInit {
  constructor(
    @Inject(RESPONSE_CACHE_STORE) private readonly store: ResponseCacheStore | null,
    private readonly cache: CacheService,
  ) {}

  /** The catalogue's own invalidations (stock after a deploy, an admin clear) reach stored answers as tags. */
  onModuleInit(): void {
    const store = this.store;
    if (!store) return;
    this.cache.onInvalidate(async (kind, scope) => {
      try {
        // 'all' and 'shared' reach every tenant whose answers were built from the kind (a registry, no scan).
        const slots =
          scope === 'all' || scope === 'shared'
            ? ['pub', ...(await store.slotsWithKind(kind))]
            : ['pub', `t:${scope.tenantId}`];
        await Promise.all(slots.map((s) => store.invalidate(s, [`kind:${kind}`])));
      } catch {
        /* Redis trouble: entries still expire with their TTL (the catalogue cache logs the outage) */
      }
    });
  }
}
