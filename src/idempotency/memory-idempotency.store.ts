import type { IdempotencyRecord } from './idempotency-record';
import { decideClaim, type ClaimRequest, type ClaimResult, type IdempotencyStore } from './idempotency-store';

interface Entry {
  record: IdempotencyRecord;
  expiresAt: number;
}

/**
 * Single-process store for REDIS_URL unset: the same decisions as Redis (decideClaim), atomic because each
 * method runs without awaiting. Bounded: expired entries are swept when it grows past maxEntries.
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  private live(key: string): IdempotencyRecord | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.record;
  }

  private put(key: string, record: IdempotencyRecord, ttlMs: number): void {
    if (this.entries.size >= this.maxEntries) this.sweep();
    // Deep copy: callers must not be able to change what a replay returns.
    this.entries.set(key, { record: structuredClone(record), expiresAt: this.now() + ttlMs });
  }

  private sweep(): void {
    const now = this.now();
    for (const [k, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(k);
    // Still full: drop the oldest (Map keeps insertion order); a lost record only costs a replay.
    for (const k of this.entries.keys()) {
      if (this.entries.size < this.maxEntries) break;
      this.entries.delete(k);
    }
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async claim(req: ClaimRequest): Promise<ClaimResult> {
    const cur = this.live(req.key);
    const decision = decideClaim(cur, req);
    if (decision.kind === 'claimed' && cur?.token !== req.record.token) {
      const record = decision.previous
        ? { ...req.record, unknownSince: decision.previous.unknownSince ?? req.nowMs }
        : req.record;
      this.put(req.key, record, req.ttlMs);
    }
    return structuredClone(decision);
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async finish(key: string, token: string, record: IdempotencyRecord, ttlMs: number): Promise<boolean> {
    const cur = this.live(key);
    if (cur && cur.token !== token) return false;
    this.put(key, record, ttlMs);
    return true;
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async release(key: string, token: string): Promise<void> {
    if (this.live(key)?.token === token) this.entries.delete(key);
  }

  abandon(key: string, token: string): void {
    if (this.live(key)?.token === token) this.entries.delete(key);
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async get(key: string): Promise<IdempotencyRecord | undefined> {
    const r = this.live(key);
    return r ? structuredClone(r) : undefined;
  }
}
