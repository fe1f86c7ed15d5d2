import {
  Inject,
  Logger,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  type OnApplicationShutdown,
  RequestMethod,
} from '@nestjs/common';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { REDIS_CLIENT } from '../redis/redis.tokens';
import { RedisApqCache } from './apq-cache';
import { PersistedDocumentResolver } from './persisted-document-resolver';
import { PersistedDocumentsMiddleware } from './persisted-documents.middleware';
import { TrustedDocuments } from './trusted-documents';

/** Apollo's APQ store (Redis when configured, else in-process), or false when APQ is off. */
export const APQ_CACHE = Symbol('APQ_CACHE');
export type ApqCacheOption = { cache: KeyValueCache<string>; ttl: number } | false;

/** Persisted documents: the trusted manifest, the APQ store, and the middleware that resolves documentIds. */
@Module({
  providers: [
    PersistedDocumentResolver,
    {
      provide: TrustedDocuments,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<TrustedDocuments> => {
        const log = new Logger('PersistedDocuments');
        const docs = new TrustedDocuments(config.PERSISTED_DOCUMENTS_FILE, (m) => log.warn(m));
        await docs.load();
        docs.watch();
        if (docs.configured)
          log.log(`${docs.size} trusted documents from ${config.PERSISTED_DOCUMENTS_FILE}`);
        return docs;
      },
    },
    {
      provide: APQ_CACHE,
      inject: [APP_CONFIG, REDIS_CLIENT],
      useFactory: (config: AppConfig, redis: Redis | null): ApqCacheOption => {
        if (!config.APQ_ENABLED) return false;
        const cache: KeyValueCache<string> = redis
          ? new RedisApqCache(redis, `${config.REDIS_KEY_PREFIX}apq:`, config.APQ_TTL_S)
          : // ~ 30 MB of documents at most in one process
            new InMemoryLRUCache<string>({ maxSize: 30 * 1024 * 1024 });
        return { cache, ttl: config.APQ_TTL_S };
      },
    },
  ],
  exports: [APQ_CACHE, TrustedDocuments, PersistedDocumentResolver],
})
export class PersistedDocumentsModule implements NestModule, OnApplicationShutdown {
  constructor(@Inject(TrustedDocuments) private readonly docs: TrustedDocuments) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PersistedDocumentsMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.ALL });
  }

  onApplicationShutdown(): void {
    this.docs.close();
  }
}
