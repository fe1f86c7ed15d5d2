import type { AuditEntry } from './audit-entry';
import { compareStreamIds, type AuditStore } from './audit-store';

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
  async list(tenantId: string, limit: number, before?: string): Promise<AuditEntry[]> {
    const ring = this.rings.get(tenantId) ?? [];
    const out: AuditEntry[] = [];
    for (let i = ring.length - 1; i >= 0 && out.length < limit; i--) {
      const e = ring[i];
      if (!e?.id) continue;
      if (before !== undefined && compareStreamIds(e.id, before) >= 0) continue;
      out.push({ ...e });
    }
    return out;
  }
}
