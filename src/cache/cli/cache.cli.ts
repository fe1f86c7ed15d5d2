import { ConfigError, loadConfig } from '../../config/app-config';
import { redisClientFor } from '../../redis/redis-client';
import { CACHE_KINDS, cacheScopeOf, isCacheKind } from '../cache-kinds';
import { CacheService, type InvalidationTarget } from '../cache.service';

const USAGE = `Usage: npm run cache -- clear --kind <kind> [--tenant <tenantId>]

Clears cached catalogue data in the Redis named by REDIS_URL (with REDIS_KEY_PREFIX).
  --kind     one of: ${CACHE_KINDS.join(', ')}
  --tenant   for per-tenant kinds (${CACHE_KINDS.filter((k) => cacheScopeOf(k) === 'tenant').join(', ')}): only
             this tenant's entries; without it, every tenant's. Public kinds ignore it.`;

/** Parses `clear --kind k [--tenant t]`; returns an error message instead of throwing. */
export function parseCacheCliArgs(argv: readonly string[]): { kind: string; tenant?: string } | string {
  const [command, ...rest] = argv;
  if (command !== 'clear') return `unknown command: ${command ?? '(none)'}`;
  const opts: Record<string, string> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i];
    const value = rest[i + 1];
    if (!name?.startsWith('--') || value === undefined || value.startsWith('--'))
      return `bad option near ${name ?? ''}`;
    opts[name.slice(2)] = value;
  }
  const { kind, tenant, ...unknown } = opts;
  if (Object.keys(unknown).length) return `unknown option: --${Object.keys(unknown).join(', --')}`;
  if (!kind) return '--kind is required';
  return tenant === undefined ? { kind } : { kind, tenant };
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseCacheCliArgs(argv);
  if (typeof args === 'string') {
    console.error(`${args}\n\n${USAGE}`);
    return 2;
  }
  if (!isCacheKind(args.kind)) {
    console.error(`unknown kind: ${args.kind}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig(process.env);
  if (!config.REDIS_URL) {
    console.error(
      'REDIS_URL is not set: the in-process cache lives inside the gateway process; restart it to clear.',
    );
    return 2;
  }
  const redis = redisClientFor(config.REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
  });
  try {
    await redis.connect();
    const cache = new CacheService(config, redis);
    const isPublic = cacheScopeOf(args.kind) === 'public';
    const target: InvalidationTarget = !isPublic && args.tenant ? { tenantId: args.tenant } : 'all';
    const result = await cache.invalidate(args.kind, target);
    if (!result.complete) {
      console.error('Redis did not answer; nothing was cleared.');
      return 1;
    }
    const who = isPublic ? 'public' : target === 'all' ? 'all tenants' : `tenant ${args.tenant}`;
    console.log(`cleared ${args.kind} (${who}): ${result.deletedKeys} keys deleted`);
    return 0;
  } finally {
    redis.disconnect();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(
        e instanceof ConfigError ? e.message : `cache: ${e instanceof Error ? e.message : String(e)}`,
      );
      process.exit(1);
    },
  );
}
