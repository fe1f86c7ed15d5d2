import { Inject, Injectable, Logger } from '@nestjs/common';
import { GatewayError } from '../common/errors/gateway-error';
import {
  type ConnectionArgs,
  type ConnectionShape,
  DEFAULT_PAGE_SIZE,
  connectionCounts,
  decodeKeyCursor,
  encodeKeyCursor,
} from '../common/graphql/connection';
import type { RedisBudget } from '../redis/redis-guard';
import type { AuditEntry } from './audit-entry';
import { AUDIT_STORE, STREAM_ID, nextStreamId, type AuditStore } from './audit-store';

/** The list name in auditLog cursors. */
const LIST = 'auditLog';

/** Writes each mutation's record to the log and to the tenant's trail; reads the trail for auditLog. */
@Injectable()
export class AuditService {
  private readonly log = new Logger('Audit');

  constructor(@Inject(AUDIT_STORE) private readonly store: AuditStore) {}

  /**
   * Never throws: the mutation has happened; losing its stream entry must not turn it into an error. `budget`:
   * the Redis budget of the mutation's HTTP request (redisBudgetOf(ctx.req)); none on WebSocket.
   */
  async record(entry: AuditEntry, budget?: RedisBudget): Promise<void> {
    this.log.log({ msg: 'mutation audited', requestId: entry.requestId, audit: entry });
    try {
      await this.store.append(entry.tenantId, entry, budget);
    } catch (e) {
      this.log.error({
        msg: 'audit entry not stored (the log line above is the record)',
        err: e instanceof Error ? e.message : String(e),
        requestId: entry.requestId,
        operation: entry.operation,
      });
    }
  }

  /**
   * One page of the tenant's trail, newest first, as a Relay connection. Cursors are keyset cursors (the record's
   * stream id), so records appended while a client pages never shift or repeat a page. `first`/`after` pages
   * towards older records, `last`/`before` towards newer ones. hasNextPage (forward) and hasPreviousPage
   * (backward) are exact (one record more is read); the other direction reports whether a cursor was given, as
   * the Relay spec allows. `requestId`: the asking request's, for the log line of a failed read.
   */
  async page(
    tenantId: string,
    args: ConnectionArgs,
    requestId: string,
  ): Promise<ConnectionShape<AuditEntry>> {
    const { first, last } = connectionCounts(args);
    const olderThan = args.after == null ? undefined : decodeKeyCursor(args.after, LIST, 'after', STREAM_ID);
    const newerThan =
      args.before == null ? undefined : decodeKeyCursor(args.before, LIST, 'before', STREAM_ID);
    const backward = last !== undefined;
    const n = backward ? last : (first ?? DEFAULT_PAGE_SIZE);
    const [rows, totalCount] = await this.read(requestId, () =>
      Promise.all([
        this.store.range(tenantId, {
          olderThan,
          newerThan,
          count: n + 1,
          from: backward ? 'oldest' : 'newest',
        }),
        this.store.count(tenantId),
      ]),
    );
    const more = rows.length > n;
    // Newest first; the extra record is the one beyond the page: the newest when reading backward.
    const page = more ? (backward ? rows.slice(1) : rows.slice(0, n)) : rows;
    const edges = page.map((node) => ({ cursor: encodeKeyCursor(LIST, node.id ?? ''), node }));
    return {
      edges,
      nodes: page,
      totalCount,
      pageInfo: {
        hasNextPage: backward ? newerThan !== undefined : more,
        hasPreviousPage: backward ? more : olderThan !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }

  /** The tenant's record with this stream id, or null. */
  async find(tenantId: string, id: string, requestId: string): Promise<AuditEntry | null> {
    if (!STREAM_ID.test(id)) return null;
    const [e] = await this.read(requestId, () =>
      this.store.range(tenantId, { olderThan: nextStreamId(id), count: 1, from: 'newest' }),
    );
    return e?.id === id ? e : null;
  }

  private async read<T>(requestId: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      this.log.error({
        msg: 'audit trail unreadable',
        err: e instanceof Error ? e.message : String(e),
        requestId,
      });
      throw new GatewayError('UPSTREAM_UNAVAILABLE', 'The audit trail is unavailable; retry later', {
        reason: 'AUDIT_STORE_UNAVAILABLE',
      });
    }
  }
}
