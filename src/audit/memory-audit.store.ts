import type { AuditEntry } from './audit-entry';
import { compareStreamIds, type AuditRange, type AuditStore } from './audit-store';

/** Ring buffer per tenant for REDIS_URL unset; ids look like stream ids so `before` works the same. */
export class MemoryAuditStore implements AuditStore {
  private readonly rings = new Map<string, AuditEntry[]>();
  private lastMs = 0;
  private seq = 0;

  constructor(private readonly maxLen: number) {}

  private nextId(): string {
    const now = Date.now();
    if (now > this.lastMs) {
      this.lastMs = now;
      this.seq = 0;
    } else {
      this.seq++;
    }
    return `${this.lastMs}-${this.seq}`;
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async append(tenantId: string, entry: AuditEntry): Promise<string> {
    const id = this.nextId();
    let ring = this.rings.get(tenantId);
    if (!ring) this.rings.set(tenantId, (ring = []));
    ring.push({ ...entry, id });
    if (ring.length > this.maxLen) ring.splice(0, ring.length - this.maxLen);
    return id;
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async range(tenantId: string, q: AuditRange): Promise<AuditEntry[]> {
    if (q.count <= 0) return [];
    const inRange = (this.rings.get(tenantId) ?? []).filter(
      (e) =>
        e.id !== undefined &&
        (q.olderThan === undefined || compareStreamIds(e.id, q.olderThan) < 0) &&
        (q.newerThan === undefined || compareStreamIds(e.id, q.newerThan) > 0),
    );
    // The ring is oldest first.
    const picked = q.from === 'newest' ? inRange.slice(-q.count) : inRange.slice(0, q.count);
    return picked.reverse().map((e) => ({ ...e }));
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async count(tenantId: string): Promise<number> {
    return (this.rings.get(tenantId) ?? []).length;
  }
}
