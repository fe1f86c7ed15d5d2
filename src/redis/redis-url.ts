/*
 * REDIS_URL names one of three topologies (ioredis supports all of them):
 *   redis://[user:pass@]host:port[/db]  or rediss://…          a single node (TLS with rediss)
 *   redis-sentinel://[:pass@]h1:p1,h2:p2[/masterName][?db=N]   a Sentinel set (master name defaults to "mymaster")
 *   redis-cluster://[:pass@]h1:p1,h2:p2                        a Redis Cluster (seed nodes)
 * Keys that one script touches together carry a {hash tag}, so the same code runs on a cluster.
 */
export type RedisTarget =
  | { kind: 'single'; url: string }
  | {
      kind: 'sentinel';
      sentinels: { host: string; port: number }[];
      name: string;
      password?: string;
      db: number;
    }
  | { kind: 'cluster'; nodes: { host: string; port: number }[]; password?: string };

function hosts(list: string): { host: string; port: number }[] {
  return list.split(',').map((hp) => {
    const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(hp.trim());
    if (!m?.[1]) throw new Error(`bad host "${hp}"`);
    return { host: m[1], port: m[2] ? Number(m[2]) : 6379 };
  });
}

/** Parses REDIS_URL; throws with a message naming what is wrong. */
export function parseRedisUrl(raw: string): RedisTarget {
  const m = /^(redis|rediss|redis-sentinel|redis-cluster):\/\/(?:([^@/]*)@)?([^/?]+)(\/[^?]*)?(\?.*)?$/.exec(
    raw,
  );
  if (!m)
    throw new Error(
      'REDIS_URL must look like redis://host:6379, redis-sentinel://h1:26379,h2:26379/mymaster or redis-cluster://h1:7000,h2:7001',
    );
  const [, scheme, auth, hostList = '', path = '', query = ''] = m;
  if (scheme === 'redis' || scheme === 'rediss') return { kind: 'single', url: raw };
  const password = auth
    ? decodeURIComponent(auth.includes(':') ? auth.slice(auth.indexOf(':') + 1) : auth)
    : undefined;
  if (scheme === 'redis-cluster')
    return { kind: 'cluster', nodes: hosts(hostList), ...(password ? { password } : {}) };
  const db = Number(new URLSearchParams(query.slice(1)).get('db') ?? '0');
  if (!Number.isInteger(db) || db < 0) throw new Error('REDIS_URL: db must be a non-negative integer');
  return {
    kind: 'sentinel',
    sentinels: hosts(hostList),
    name: path.replace(/^\//, '') || 'mymaster',
    db,
    ...(password ? { password } : {}),
  };
}
