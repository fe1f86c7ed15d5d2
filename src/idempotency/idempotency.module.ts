import { Global, Logger, Module } from '@nestjs/common';
import type Redis from 'ioredis';
import { RedisGuard } from '../redis/redis-guard';
import { REDIS_CLIENT } from '../redis/redis.tokens';
import { IdempotencyService } from './idempotency.service';
import { IDEMPOTENCY_STORE } from './idempotency.tokens';
import { MemoryIdempotencyStore } from './memory-idempotency.store';
import { RedisIdempotencyStore } from './redis-idempotency.store';
import { IdempotencyReconcilers } from './reconcilers';

/**
 * Idempotency keys for @Idempotent mutations: the store (Redis or in-process) and the service. @Idempotent()
 * puts IdempotencyInterceptor on each such mutation, built in the feature's module: global (and exporting the
 * service) so every feature can use the interceptor and register its reconcilers (IdempotencyReconcilers)
 * without importing this module.
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
  ],
  exports: [IdempotencyReconcilers, IdempotencyService],
})
export class IdempotencyModule {}
