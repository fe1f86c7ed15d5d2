/**
 * Injection token for the shared ioredis client, or null when REDIS_URL is unset (embedded default:
 * each feature then uses its in-process store, and the start log says so).
 */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
