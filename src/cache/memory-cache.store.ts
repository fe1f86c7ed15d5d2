import type { CacheStore } from './cache-store';

interface Slot {
  value: string;
  expiresAt: number;
}

/**
 * In-process store for the embedded default (no REDIS_URL): a Map with expiry, bounded by entry count.
 * Map iteration order is insertion order, so re-inserting on read makes the first key the least recently
 * used one; eviction drops from the front.
 */
export class MemoryCacheStore implements CacheStore {
  readonly name = 'memory';
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.slots.size;
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async get(key: string): Promise<string | null> {
    const slot = this.live(key);
    if (!slot) return null;
    this.slots.delete(key);
    this.slots.set(key, slot);
    return slot.value;
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.put(key, value, ttlMs);
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async acquireLock(key: string, token: string, ttlMs: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.put(key, token, ttlMs);
    return true;
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async releaseLock(key: string, token: string): Promise<void> {
    if (this.live(key)?.value === token) this.slots.delete(key);
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async deleteByPrefix(prefix: string): Promise<number> {
    let n = 0;
    for (const key of [...this.slots.keys()]) {
      if (key.startsWith(prefix)) {
        this.slots.delete(key);
        n++;
      }
    }
    return n;
  }

  private live(key: string): Slot | undefined {
    const slot = this.slots.get(key);
    if (slot && slot.expiresAt <= this.now()) {
      this.slots.delete(key);
      return undefined;
    }
    return slot;
  }

  private put(key: string, value: string, ttlMs: number): void {
    this.slots.delete(key);
    this.slots.set(key, { value, expiresAt: this.now() + ttlMs });
    while (this.slots.size > this.maxEntries) {
      const oldest = this.slots.keys().next();
      if (oldest.done) break;
      this.slots.delete(oldest.value);
    }
  }
}
