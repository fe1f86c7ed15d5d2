/** Injection token of the IdempotencyStore (Redis, or in-process when REDIS_CLIENT is null). */
export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');
