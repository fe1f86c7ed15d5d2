/** Bounds of a BoundedMemo: at most `max` entries, and/or entries whose sizes (sizeOf) sum to at most `maxSize`. */
export interface BoundedMemoOptions<K, V> {
  max?: number;
  maxSize?: number;
  /** An entry's size, for maxSize (lru-cache's sizeCalculation: value first, then key). */
  sizeOf?: (value: V, key: K) => number;
}

interface Entry<V> {
  value: V;
  size: number;
}

/**
 * A least-recently-used memo on one Map (its insertion order is the recency order: a read moves the entry to
 * the end, the oldest goes first), for the memos every request reads: the same bounds and eviction order as
 * lru-cache with `max` / `maxSize` + `sizeCalculation` and no TTL, at a fraction of lru-cache's `get` (which
 * was ~4 K instructions per call on a response-cache hit, five memos a hit; bench/PROFILE.md). As in lru-cache:
 * `has` does not refresh recency, an entry larger than maxSize is not kept (and replaces nothing), and
 * undefined is not a value.
 */
export class BoundedMemo<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly max: number;
  private readonly maxSize: number;
  private readonly sizeOf: ((value: V, key: K) => number) | undefined;
  private total = 0;

  constructor(options: BoundedMemoOptions<K, V>) {
    this.max = options.max ?? Infinity;
    this.maxSize = options.maxSize ?? Infinity;
    this.sizeOf = options.sizeOf;
    if (!(this.max >= 1) && !(this.maxSize >= 1)) throw new Error('BoundedMemo needs max or maxSize');
    if (options.maxSize !== undefined && !this.sizeOf) throw new Error('BoundedMemo: maxSize needs sizeOf');
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const entries = this.entries;
    const e = entries.get(key);
    if (e === undefined) return undefined;
    // Most recently used last.
    entries.delete(key);
    entries.set(key, e);
    return e.value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): this {
    this.delete(key);
    const size = this.sizeOf ? this.sizeOf(value, key) : 0;
    if (size > this.maxSize) return this;
    this.entries.set(key, { value, size });
    this.total += size;
    this.evict();
    return this;
  }

  delete(key: K): boolean {
    const e = this.entries.get(key);
    if (e === undefined) return false;
    this.entries.delete(key);
    this.total -= e.size;
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  private evict(): void {
    const entries = this.entries;
    while (entries.size > this.max || this.total > this.maxSize) {
      const oldest = entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
  }
}
