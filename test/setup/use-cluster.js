// setupFiles of the `cluster` jest project: testRedisUrl() answers the Redis Cluster global setup started.
process.env.TEST_REDIS_TOPOLOGY = 'cluster';
