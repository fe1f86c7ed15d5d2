import Redis, { Cluster, type RedisOptions } from 'ioredis';
import { parseRedisUrl } from './redis-url';

/**
 * One ioredis client for any REDIS_URL form (single node, Sentinel set, Cluster), for the tools that run beside
 * the gateway (the cache CLI). A Cluster answers the same commands for everything the gateway does, so callers
 * see one `Redis` type whatever the topology.
 */
export function redisClientFor(url: string, options: RedisOptions = {}): Redis {
  const target = parseRedisUrl(url);
  if (target.kind === 'single') return new Redis(target.url, options);
  if (target.kind === 'sentinel')
    return new Redis({
      ...options,
      sentinels: target.sentinels,
      name: target.name,
      db: target.db,
      ...(target.password ? { password: target.password } : {}),
    });
  const { lazyConnect, enableOfflineQueue, ...nodeOptions } = options;
  return new Cluster(target.nodes, {
    ...(lazyConnect !== undefined ? { lazyConnect } : {}),
    ...(enableOfflineQueue !== undefined ? { enableOfflineQueue } : {}),
    redisOptions: { ...nodeOptions, ...(target.password ? { password: target.password } : {}) },
  }) as unknown as Redis;
}
