import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import Redis, { Cluster, type RedisOptions } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { REDIS_CLIENT } from './redis.tokens';
import { parseRedisUrl } from './redis-url';

/**
 * One shared ioredis client (or null: in-process stores). A configured Redis that does not answer at
 * start is an error, never a silent fallback; once running, features treat Redis trouble as they document.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<Redis | null> => {
        if (!config.REDIS_URL) return null;
        const options: RedisOptions = {
          lazyConnect: true,
          commandTimeout: config.REDIS_COMMAND_TIMEOUT_MS,
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          connectTimeout: 2_000,
          retryStrategy: (times) => Math.min(times * 100, 2_000),
        };
        const target = parseRedisUrl(config.REDIS_URL);
        // A Cluster speaks the same commands as a single node for everything the gateway does (its multi-key
        // scripts use {hash tags}), so features see one `Redis` type whatever the topology.
        const client: Redis =
          target.kind === 'single'
            ? new Redis(target.url, options)
            : target.kind === 'sentinel'
              ? new Redis({
                  ...options,
                  sentinels: target.sentinels,
                  name: target.name,
                  db: target.db,
                  password: target.password,
                })
              : (new Cluster(target.nodes, {
                  lazyConnect: true,
                  enableOfflineQueue: false,
                  redisOptions: { ...options, password: target.password },
                }) as unknown as Redis);
        client.on('error', () => {
          /* reported by health/ready and by each feature's fallback; avoid an unhandled 'error' event */
        });
        try {
          await client.connect();
          await client.ping();
        } catch (e) {
          client.disconnect();
          throw new Error(
            `REDIS_URL is set but Redis does not answer: ${e instanceof Error ? e.message : String(e)}`,
          );
        }
        return client;
      },
    },
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule implements OnApplicationShutdown {
  private readonly log = new Logger('Redis');
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.redis) return;
    try {
      await this.redis.quit();
    } catch {
      this.log.warn('redis quit failed; disconnecting');
      this.redis.disconnect();
    }
  }
}
