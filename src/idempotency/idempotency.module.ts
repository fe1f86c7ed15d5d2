import { Global, Logger, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type Redis from 'ioredis';
import { RedisGuard } from '../redis/redis-guard';
import { REDIS_CLIENT } from '../redis/redis.tokens';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyService } from './idempotency.service';
import { IDEMPOTENCY_STORE } from './idempotency.tokens';
import { MemoryIdempotencyStore } from './memory-idempotency.store';
import { RedisIdempotencyStore } from './redis-idempotency.store';
import { IdempotencyReconcilers } from './reconcilers';

/**
 * Idempotency keys for @Idempotent mutations: the store (Redis or in-process) and the global interceptor.
 * Global so every feature can register its reconcilers (IdempotencyReconcilers) without importing this module.
 */
@Global()
@Module({
  providers: [
    {
      provide: IDEMPOTENCY_STORE,
      inject: [REDIS_CLIENT, RedisGuard],
      useFactory: (redis: Redis | null, guard: RedisGuard) => {
        if (redis) return new RedisIdempotencyStore(redis, guard);
        new Logger('Idempotency').log('REDIS_URL unset: idempotency keys are kept in this process only');
        return new MemoryIdempotencyStore();
      },
    },
    IdempotencyReconcilers,
    IdempotencyService,
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
  exports: [IdempotencyReconcilers],
})
export class IdempotencyModule {}
