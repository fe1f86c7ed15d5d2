/** The `extensions.persistedQuery.sha256Hash` of a GraphQL request (Apollo's APQ), when it has one. */
export function persistedQueryHash(extensions: unknown): string | undefined {
  if (!extensions || typeof extensions !== 'object') return undefined;
  const pq = (extensions as { persistedQuery?: unknown }).persistedQuery;
  if (!pq || typeof pq !== 'object') return undefined;
  const hash = (pq as { sha256Hash?: unknown }).sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

/**
 * Whether the request carries a persisted-query extension Apollo refuses before anything runs (not an object of
 * version 1): such a request must reach Apollo, so no shortcut answers it from a cache first.
 */
export function hasUnsupportedPersistedQuery(extensions: unknown): boolean {
  if (!extensions || typeof extensions !== 'object') return false;
  const pq = (extensions as { persistedQuery?: unknown }).persistedQuery;
  if (!pq) return false;
  return typeof pq !== 'object' || (pq as { version?: unknown }).version !== 1;
}
