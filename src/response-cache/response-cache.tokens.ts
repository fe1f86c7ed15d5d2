/** The ResponseCacheStore in use, or null when RESPONSE_CACHE_ENABLED=false. */
export const RESPONSE_CACHE_STORE = Symbol('RESPONSE_CACHE_STORE');
