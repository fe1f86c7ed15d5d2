import type Redis from 'ioredis';
import type { RedisBudget, RedisGuard } from '../redis/redis-guard';
import type { AuditEntry } from './audit-entry';
import { nextStreamId, previousStreamId, type AuditRange, type AuditStore } from './audit-store';

/**
 * Through the RedisGuard: while Redis is known to be down an append fails at once and AuditService keeps
 * the log line as the record; a read fails at once with AUDIT_STORE_UNAVAILABLE. An append is bounded by the
 * Redis budget of the mutation's HTTP request, like its other Redis commands.
 */
export class RedisAuditStore implements AuditStore {
  constructor(
    private readonly redis: Redis,
    private readonly guard: RedisGuard,
    private readonly prefix: string,
    private readonly maxLen: number,
  ) {}

  private key(tenantId: string): string {
    return `${this.prefix}audit:{${tenantId}}`;
  }

  async append(tenantId: string, entry: AuditEntry, budget?: RedisBudget): Promise<string> {
    // MAXLEN ~ lets Redis trim whole macro-nodes: cheap, and the bound is still kept (approximately).
    const id = await this.guard.run(
      'audit append',
      () =>
        this.redis.xadd(
          this.key(tenantId),
          'MAXLEN',
          '~',
          String(this.maxLen),
          '*',
          'r',
          JSON.stringify(entry),
        ),
      budget,
    );
    return id ?? '';
  }

  async range(tenantId: string, q: AuditRange): Promise<AuditEntry[]> {
    const upper = q.olderThan === undefined ? '+' : previousStreamId(q.olderThan);
    const lower = q.newerThan === undefined ? '-' : nextStreamId(q.newerThan);
    if (upper === null || q.count <= 0) return [];
    const key = this.key(tenantId);
    const rows = await this.guard.run('audit read', () =>
      q.from === 'newest'
        ? this.redis.xrevrange(key, upper, lower, 'COUNT', q.count)
        : this.redis.xrange(key, lower, upper, 'COUNT', q.count),
    );
    if (q.from === 'oldest') rows.reverse();
    const out: AuditEntry[] = [];
    for (const [id, fields] of rows) {
      const i = fields.indexOf('r');
      const raw = i >= 0 ? fields[i + 1] : undefined;
      if (!raw) continue;
      try {
        out.push({ ...(JSON.parse(raw) as AuditEntry), id });
      } catch {
        /* a foreign or damaged entry is skipped, not fatal to the query */
      }
    }
    return out;
  }

  async count(tenantId: string): Promise<number> {
    return this.guard.run('audit read', () => this.redis.xlen(this.key(tenantId)));
  }
}
