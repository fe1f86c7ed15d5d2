import { defineConfig } from '@graphql-hive/gateway';

/*
 * The peer gateway, as its documentation configures it. PEER_CACHE=on turns on the response cache backed by
 * Redis (PEER_REDIS_URL, keys under PEER_REDIS_PREFIX) with one global session: the catalogue is the same for
 * every caller of this single-tenant peer, so this is its most favourable setting. Off = plain proxying.
 */
const cacheOn = process.env.PEER_CACHE === 'on';
const redis = new URL(process.env.PEER_REDIS_URL ?? 'redis://127.0.0.1:6379');

export const gatewayConfig = defineConfig({
  logging: 'warn',
  ...(cacheOn
    ? {
        cache: {
          type: 'redis',
          host: redis.hostname,
          port: redis.port || '6379',
          keyPrefix: process.env.PEER_REDIS_PREFIX ?? 'bench-peer:',
        },
        responseCaching: {
          session: () => null,
          ttl: Number(process.env.PEER_CACHE_TTL_MS ?? 300_000),
        },
      }
    : {}),
});
