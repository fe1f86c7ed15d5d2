/**
 * The part of a key Redis Cluster hashes to pick its slot: the text between the first `{` and the first `}`
 * after it when that text is not empty, else the whole key (the cluster specification's rule). Two keys with the
 * same result live in one slot, so one script may touch both.
 */
export function hashTagOf(key: string): string {
  const open = key.indexOf('{');
  if (open < 0) return key;
  const close = key.indexOf('}', open + 1);
  return close <= open + 1 ? key : key.slice(open + 1, close);
}

/**
 * The hash tag of one tenant's keys, braces included. The tenant's budgets (rate-limit) and its tenant-scoped
 * response-cache entries carry it, so a response-cache hit can draw the budgets and read its entry in one
 * script (Redis Cluster refuses a script whose keys span slots). Tenant ids are `[a-z0-9_-]`; the encoding only
 * keeps a brace out of the tag should that rule ever widen.
 */
export function tenantHashTag(tenantId: string): string {
  return `{${encodeURIComponent(tenantId)}}`;
}
