/** The `extensions.persistedQuery.sha256Hash` of a GraphQL request (Apollo's APQ), when it has one. */
export function persistedQueryHash(extensions: unknown): string | undefined {
  if (!extensions || typeof extensions !== 'object') return undefined;
  const pq = (extensions as { persistedQuery?: unknown }).persistedQuery;
  if (!pq || typeof pq !== 'object') return undefined;
  const hash = (pq as { sha256Hash?: unknown }).sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}
