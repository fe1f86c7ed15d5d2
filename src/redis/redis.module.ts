import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import Redis, { Cluster, type RedisOptions } from 'ioredis';
import type { Registry } from 'prom-client';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MetricsRegistry } from '../metrics/metrics.module';
import { coalesceWrites } from './write-coalescer';
import { RedisGuard, redisGuardFor } from './redis-guard';
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
          // Fail at once while disconnected instead of queueing: the caller takes its fallback now.
          enableOfflineQueue: false,
          // A command that was written but not answered when the connection dropped is NOT sent again after
          // the reconnect: its caller has long given up and taken its fallback, and a late idempotency claim or
          // cache write would only do harm. (A command written into a hung but connected Redis still runs when
          // Redis resumes; see redis-guard.ts.)
          autoResendUnfulfilledCommands: false,
          connectTimeout: 2_000,
          // Not enableAutoPipelining, though a hit's two commands would then share one socket write: measured
          // under the S1 load it crashed the process ("results[i] is not iterable" from ioredis' autoPipelining.js
          // once a pipelined command timed out: redis/ioredis#1931), and on a Cluster it mis-slots EVALSHA
          // (redis/ioredis#2109), which every budget draw is.
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
        if (config.REDIS_COALESCE_WRITES && target.kind !== 'cluster') coalesceWrites(client);
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
    {
      provide: RedisGuard,
      inject: [REDIS_CLIENT, APP_CONFIG, { token: MetricsRegistry, optional: true }],
      useFactory: (redis: Redis | null, config: AppConfig, registry?: Registry) =>
        redisGuardFor(redis, config, registry),
    },
  ],
  exports: [REDIS_CLIENT, RedisGuard],
})
export class RedisModule implements OnApplicationShutdown {
  private readonly log = new Logger('Redis');
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
    private readonly guard: RedisGuard,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.guard.shutdown();
    if (!this.redis) return;
    try {
      await this.redis.quit();
    } catch {
      this.log.warn('redis quit failed; disconnecting');
      this.redis.disconnect();
    }
  }
}
