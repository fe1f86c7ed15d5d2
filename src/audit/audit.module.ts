import { Logger, Module } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RedisGuard } from '../redis/redis-guard';
import { REDIS_CLIENT } from '../redis/redis.tokens';
import { AUDIT_STORE } from './audit-store';
import { AuditPlugin } from './audit.plugin';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { MemoryAuditStore } from './memory-audit.store';
import { RedisAuditStore } from './redis-audit.store';

/** In-process ring bound: the stream bound applies, capped so one process cannot hold an unbounded trail. */
const MEMORY_RING_MAX = 10_000;

/** The audit trail: one record per mutation (plugin), per-tenant storage, and the admin auditLog query. */
@Module({
  providers: [
    {
      provide: AUDIT_STORE,
      inject: [REDIS_CLIENT, APP_CONFIG, RedisGuard],
      useFactory: (redis: Redis | null, config: AppConfig, guard: RedisGuard) => {
        if (redis)
          return new RedisAuditStore(redis, guard, config.REDIS_KEY_PREFIX, config.AUDIT_STREAM_MAXLEN);
        new Logger('Audit').log('REDIS_URL unset: the audit trail is kept in this process only');
        return new MemoryAuditStore(Math.min(config.AUDIT_STREAM_MAXLEN, MEMORY_RING_MAX));
      },
    },
    AuditService,
    AuditPlugin,
    AuditResolver,
  ],
})
export class AuditModule {}
