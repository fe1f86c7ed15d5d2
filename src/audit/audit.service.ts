import { Inject, Injectable, Logger } from '@nestjs/common';
import { GatewayError } from '../common/errors/gateway-error';
import type { AuditEntry } from './audit-entry';
import { AUDIT_STORE, STREAM_ID, type AuditStore } from './audit-store';

export const AUDIT_MAX_LIMIT = 500;

/** Writes each mutation's record to the log and to the tenant's trail; reads the trail for auditLog. */
@Injectable()
export class AuditService {
  private readonly log = new Logger('Audit');

  constructor(@Inject(AUDIT_STORE) private readonly store: AuditStore) {}

  /** Never throws: the mutation has happened; losing its stream entry must not turn it into an error. */
  async record(entry: AuditEntry): Promise<void> {
    this.log.log({ msg: 'mutation audited', audit: entry });
    try {
      await this.store.append(entry.tenantId, entry);
    } catch (e) {
      this.log.error({
        msg: 'audit entry not stored (the log line above is the record)',
        err: e instanceof Error ? e.message : String(e),
        requestId: entry.requestId,
        operation: entry.operation,
      });
    }
  }

  async list(tenantId: string, limit: number, before?: string | null): Promise<AuditEntry[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_MAX_LIMIT) {
      throw new GatewayError('BAD_USER_INPUT', `limit must be between 1 and ${AUDIT_MAX_LIMIT}`, {
        field: 'limit',
      });
    }
    if (before != null && !STREAM_ID.test(before)) {
      throw new GatewayError('BAD_USER_INPUT', 'before must be the id of an audit record', {
        field: 'before',
      });
    }
    try {
      return await this.store.list(tenantId, limit, before ?? undefined);
    } catch (e) {
      this.log.error({ msg: 'audit trail unreadable', err: e instanceof Error ? e.message : String(e) });
      throw new GatewayError('UPSTREAM_UNAVAILABLE', 'The audit trail is unavailable; retry later', {
        reason: 'AUDIT_STORE_UNAVAILABLE',
      });
    }
  }
}
