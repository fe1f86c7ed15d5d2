import type Redis from 'ioredis';
import type { RedisBudget, RedisGuard } from '../redis/redis-guard';
import { tenantHashTag } from '../redis/hash-tag';

/** One stored answer: the serialised `{ data, extensions }` body as it was first sent. */
export interface StoredAnswer {
  body: string;
  etag: string;
  storedAt: number;
  ttlS: number;
  /**
   * The body's UTF-8 bytes as Redis returned them (peek), so a hit is written without decoding the body into a
   * string and encoding it again (composeHitBytes); `body` is then decoded only when something reads it.
   */
  bytes?: Buffer;
}

/** An entry and its slot's generation, read together (one command: the generation race depends on it). */
export interface Peeked {
  entry: StoredAnswer | null;
  generation: string;
}

/**
 * Where whole answers live. A `slot` is one sharing scope (`pub`, or one tenant): its entries, tag sets,
 * generation counter and locks share a Redis Cluster hash slot, so every script below touches one slot.
 * `budget`: the Redis budget of the HTTP request the command serves (redisBudgetOf(req)); none outside one.
 */
export interface ResponseCacheStore {
  /** Invalidations not yet confirmed by Redis (the owed gauge); absent for a store that cannot owe any. */
  readonly owing?: { slots: readonly string[]; kinds: readonly string[] };
  get(slot: string, key: string, budget?: RedisBudget): Promise<StoredAnswer | null>;
  /** The entry and the slot's generation in one command (both live in the slot: MGET, Cluster-safe). */
  peek(slot: string, key: string, budget?: RedisBudget): Promise<Peeked>;
  /**
   * The Redis keys peek() reads (entry, generation), for a caller that reads them inside its own script (the
   * fast path's budget draw, see peekOf); undefined when the store is not in Redis.
   */
  peekKeys(slot: string, key: string): readonly [string, string] | undefined;
  /** What peek() returns for `slot`, from the values of peekKeys() read elsewhere. */
  peekOf(slot: string, entry: Buffer | null, generation: Buffer | null): Peeked;
  /** The slot's generation: bumped by every mutation of its tenant (and by invalidations). */
  generation(slot: string, budget?: RedisBudget): Promise<string>;
  /**
   * Stores an answer and adds it to its tags' sets, but only while the slot's generation is still
   * `expectedGeneration`: a read that started before a mutation never writes its (older) answer after it.
   */
  put(
    slot: string,
    key: string,
    answer: StoredAnswer,
    tags: readonly string[],
    expectedGeneration: string,
    keepMs: number,
    budget?: RedisBudget,
  ): Promise<boolean>;
  /** Bumps the generation and deletes every entry carrying one of the tags (no scans: tag sets). */
  invalidate(slot: string, tags: readonly string[], budget?: RedisBudget): Promise<number>;
  /** Bumps the generation only (a mutation is starting). */
  bump(slot: string, budget?: RedisBudget): Promise<void>;
  /** One refresher per key across replicas (stale-while-revalidate). */
  tryLock(slot: string, key: string, ms: number, budget?: RedisBudget): Promise<boolean>;
  /** Remembers that `slot` holds answers built from these catalogue kinds (for invalidations of every tenant). */
  noteKinds(slot: string, kinds: readonly string[], budget?: RedisBudget): Promise<void>;
  /**
   * Drops the answers built from a catalogue kind: the public ones and one tenant's, or (`tenantId`
   * undefined) every slot's that holds one, found in the registry noteKinds keeps (no scan).
   */
  invalidateKind(kind: string, tenantId: string | undefined, budget?: RedisBudget): Promise<void>;
  /** Stops background work (application shutdown). */
  close?(): void;
}

/** How a stored body ends: `…,"extensions":{…}}`, the extensions member always last (see storedBody). */
const EXTENSIONS_MEMBER = ',"extensions":';

/**
 * The body stored for an answer: `{"data":…,"extensions":{…}}` with `extensions` always present and last, so a
 * hit can add its own extensions by splicing bytes (composeHitBody) instead of parsing and serialising again.
 */
export function storedBody(data: unknown, extensions: Record<string, unknown>): string {
  return JSON.stringify({ data, extensions });
}

/**
 * The stored body with `extra` added to its extensions. The top-level `extensions` member is written after
 * `data` and its value (the catalogue's `cache` note) never holds the pattern, so the LAST `,"extensions":` of
 * the text is that member, whatever fields or aliases named `extensions` the data holds.
 */
export function composeHitBody(entry: StoredAnswer, extra: Record<string, unknown>): string {
  return composeHitBodyWith(entry, membersOf(extra));
}

/** `{"a":1,"b":2}` without its braces: the members to splice into a stored body's extensions. */
function membersOf(extra: Record<string, unknown>): string {
  return JSON.stringify(extra).slice(1, -1);
}

/** composeHitBody with the extra members already serialised (`"a":1,"b":2`, no braces). */
function composeHitBodyWith(entry: StoredAnswer, addition: string): string {
  const body = entry.body;
  const at = body.lastIndexOf(EXTENSIONS_MEMBER);
  if (!addition) return body;
  if (at < 0 || !body.endsWith('}}')) {
    // Not written by storedBody: parse it (never expected; keeps a foreign entry correct, only slower).
    const parsed = JSON.parse(body) as { data: unknown; extensions?: Record<string, unknown> };
    const extra = JSON.parse(`{${addition}}`) as Record<string, unknown>;
    return JSON.stringify({ data: parsed.data, extensions: { ...parsed.extensions, ...extra } });
  }
  const ext = body.slice(at + EXTENSIONS_MEMBER.length, -1);
  const merged = ext === '{}' ? `{${addition}}` : `${ext.slice(0, -1)},${addition}}`;
  return `${body.slice(0, at)}${EXTENSIONS_MEMBER}${merged}}`;
}

const EXTENSIONS_MEMBER_BYTES = Buffer.from(EXTENSIONS_MEMBER);
const CLOSE = 0x7d; // '}'
const OPEN = 0x7b; // '{'
const COMMA = 0x2c; // ','

/**
 * composeHitBody on the stored bytes: the same splice, as a Buffer ready to write (no UTF-8 encoding of the
 * body per hit). Entries without bytes (the in-process store) go through composeHitBody. `extra` may be given
 * already serialised as members (`"a":1,"b":2`, no braces: the fast path writes its own, see hitExtensions).
 */
export function composeHitBytes(entry: StoredAnswer, extra: Record<string, unknown> | string): Buffer {
  const addition = typeof extra === 'string' ? extra : membersOf(extra);
  const bytes = entry.bytes;
  const n = bytes?.length ?? 0;
  const at = bytes ? bytes.lastIndexOf(EXTENSIONS_MEMBER_BYTES) : -1;
  if (!bytes || at < 0 || n < 2 || bytes[n - 1] !== CLOSE || bytes[n - 2] !== CLOSE) {
    return Buffer.from(composeHitBodyWith(entry, addition), 'utf8');
  }
  if (!addition) return bytes;
  const extStart = at + EXTENSIONS_MEMBER_BYTES.length;
  const emptyExt = n - extStart === 3 && bytes[extStart] === OPEN; // `{}` then the body's closing `}`
  // One buffer: the body up to its extensions' content, `{` (empty) or `,`, the members, then `}}`.
  const head = emptyExt ? extStart : n - 2;
  const addLength = Buffer.byteLength(addition, 'utf8');
  const out = Buffer.allocUnsafe(head + addLength + 3);
  bytes.copy(out, 0, 0, head);
  out[head] = emptyExt ? OPEN : COMMA;
  out.write(addition, head + 1, addLength, 'utf8');
  out[head + 1 + addLength] = CLOSE;
  out[head + 2 + addLength] = CLOSE;
  return out;
}

function encode(a: StoredAnswer): string {
  return `${a.storedAt}|${a.ttlS}|${a.etag}|${a.body}`;
}

function decode(raw: string): StoredAnswer | null {
  const p1 = raw.indexOf('|');
  const p2 = raw.indexOf('|', p1 + 1);
  const p3 = raw.indexOf('|', p2 + 1);
  if (p1 < 0 || p2 < 0 || p3 < 0) return null;
  return {
    storedAt: Number(raw.slice(0, p1)),
    ttlS: Number(raw.slice(p1 + 1, p2)),
    etag: raw.slice(p2 + 1, p3),
    body: raw.slice(p3 + 1),
  };
}

const BAR = 0x7c; // '|'

/**
 * decode() on the bytes of an entry: the header fields parsed, the body kept as bytes (decoded on demand). Every
 * fast-path hit runs this, so it allocates one object of one class (not a literal with a getter of its own per
 * entry) and reads the header's numbers from the bytes (numberIn) instead of decoding them to strings first.
 */
function decodeBytes(raw: Buffer): StoredAnswer | null {
  const p1 = barIn(raw, 0);
  const p2 = p1 < 0 ? -1 : barIn(raw, p1 + 1);
  const p3 = p2 < 0 ? -1 : barIn(raw, p2 + 1);
  if (p3 < 0) return null;
  return new StoredBytes(
    numberIn(raw, 0, p1),
    numberIn(raw, p1 + 1, p2),
    raw.toString('utf8', p2 + 1, p3),
    raw.subarray(p3 + 1),
  );
}

/** An entry as peek() read it: the body's bytes, and its text only when something reads it. */
class StoredBytes implements StoredAnswer {
  private text: string | undefined;

  constructor(
    readonly storedAt: number,
    readonly ttlS: number,
    readonly etag: string,
    readonly bytes: Buffer,
  ) {}

  get body(): string {
    return (this.text ??= this.bytes.toString('utf8'));
  }
}

/** The first '|' at or after `from` (the header is a few dozen bytes: a loop, not a native call). */
function barIn(raw: Buffer, from: number): number {
  for (let i = from; i < raw.length; i++) if (raw[i] === BAR) return i;
  return -1;
}

/** Number() of the header field's text: read from its bytes when it is a plain run of digits (always, as put() writes it). */
function numberIn(raw: Buffer, from: number, to: number): number {
  // Up to 15 digits the running value is exact; anything else (empty, a sign, a fraction) takes Number() as before.
  if (to <= from || to - from > 15) return Number(raw.toString('latin1', from, to));
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = raw[i]! - 0x30;
    if (d < 0 || d > 9) return Number(raw.toString('latin1', from, to));
    n = n * 10 + d;
  }
  return n;
}

const PUT = `
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
local keep = tonumber(ARGV[3])
for i = 3, #KEYS do
  redis.call('SADD', KEYS[i], KEYS[2])
  if redis.call('PTTL', KEYS[i]) < keep then redis.call('PEXPIRE', KEYS[i], keep) end
end
return 1`;

const INVALIDATE = `
redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
local n = 0
for i = 2, #KEYS do
  local members = redis.call('SMEMBERS', KEYS[i])
  for _, m in ipairs(members) do n = n + redis.call('DEL', m) end
  redis.call('DEL', KEYS[i])
end
return n`;

/** Generation counters outlive every entry they guard (a week), and are recreated at 0 after that. */
const GENERATION_KEEP_MS = 7 * 86_400_000;

/** A slot's invalidations Redis has not confirmed: its tags (none for a bare generation bump), and a count. */
interface Owed {
  tags: Set<string>;
  /** Bumped by every failure recorded for the slot: a replay clears only what nothing was added to since. */
  version: number;
}

/**
 * Every command goes through the RedisGuard, bounded by the request's Redis budget where there is a request and
 * refused at once while the breaker is open. A read the guard refuses or that fails is a miss (the plugin
 * executes the operation), a write is skipped (`no-store`). Nothing here throws past the plugin: it logs.
 *
 * An invalidation or generation bump that did not complete is not just skipped: the entries it should have
 * deleted would otherwise be served as fresh after Redis is back (with the breaker open the command was never
 * sent at all). Like the catalogue cache, which bumps an in-process epoch before it reaches its store, this store
 * records it first: the slot is *owed* an invalidation, and until Redis has confirmed it this replica reads the
 * slot as a miss and stores nothing in it (the generation in Redis was not bumped, so its own check cannot stop a
 * read that started before the mutation). The owed invalidation is sent again in the background, without a
 * request budget: at once when the breaker is still closed (one command timeout; a late answer of the first
 * attempt is harmless, the script only bumps and deletes), else as soon as the breaker closes, then every probe
 * interval until Redis answers. A catalogue kind for every tenant whose registry could not be read owes every
 * slot (which hold it is not known). Other replicas know nothing of what this one owes: after the breaker closes
 * again each replica reads every slot as a miss for one probe interval plus one command timeout, time for every
 * replica's breaker to close and send what it owes (a replica whose breaker never opened may still serve an
 * owed answer until then). An owed invalidation dies with its process: the entries then expire with their TTL.
 */
export class RedisResponseCacheStore implements ResponseCacheStore {
  private readonly owed = new Map<string, Owed>();
  /** Catalogue kinds whose every-tenant invalidation could not find its slots: every slot is owed. */
  private readonly owedKinds = new Set<string>();
  /** Reads are misses until then (Date.now()), after the breaker closed again; 0 when not quiet. */
  private quietUntil = 0;
  private replayTimer: NodeJS.Timeout | undefined;
  private replaying = false;
  private closed = false;
  private breakerWasOpen = false;
  /** The fast path's probe, made once: RedisGuard.runWith hands it its keys, no closure per request. */
  private readonly mget = (entryKey: string, generationKey: string) =>
    this.redis.mgetBuffer(entryKey, generationKey);

  constructor(
    private readonly redis: Redis,
    private readonly guard: RedisGuard,
    private readonly prefix: string,
  ) {
    guard.onStateChange((state) => {
      if (state === 'open') this.breakerWasOpen = true;
      if (state !== 'closed' || !this.breakerWasOpen) return;
      this.breakerWasOpen = false;
      this.quietUntil = Date.now() + guard.options.probeIntervalMs + guard.options.commandTimeoutMs;
      this.scheduleReplay(0);
    });
  }

  /** What this replica owes Redis (diagnostics, tests): slots with unconfirmed invalidations, kinds. */
  get owing(): { slots: string[]; kinds: string[] } {
    return { slots: [...this.owed.keys()], kinds: [...this.owedKinds] };
  }

  /**
   * A key of the slot. A tenant's slot carries the tenant's hash tag, the one its budgets carry (tenantHashTag),
   * so the fast path draws a hit's budgets and reads its entry in one script: `rc:t:{<tenant>}:…`. The public
   * slot is `rc:{pub}:…`. (Tenant slots were `rc:{t:<tenant>}:…` before; those keys are simply never read again
   * and expire. During a rolling upgrade from that format, replicas of the two versions keep separate tenant
   * entries and generations, so a tenant's mutation through one version reaches the other's stored answers only
   * when they expire: at most the answers' TTL, 30 s for account resources.)
   */
  private k(slot: string, part: string): string {
    return slot.startsWith('t:')
      ? `${this.prefix}rc:t:${tenantHashTag(slot.slice(2))}:${part}`
      : `${this.prefix}rc:{${slot}}:${part}`;
  }

  /** True while this replica must not trust what Redis holds for `slot`, nor store into it. */
  private owes(slot: string): boolean {
    return this.owedKinds.size !== 0 || (this.owed.size !== 0 && this.owed.has(slot));
  }

  /** True while an entry read from Redis must not be served (owed, or quiet after a recovery). */
  private distrusts(slot: string): boolean {
    if (this.owes(slot)) return true;
    if (this.quietUntil === 0) return false;
    if (Date.now() < this.quietUntil) return true;
    this.quietUntil = 0;
    return false;
  }

  async get(slot: string, key: string, budget?: RedisBudget): Promise<StoredAnswer | null> {
    if (this.distrusts(slot)) return null;
    const raw = await this.guard.run(
      'response cache get',
      () => this.redis.get(this.k(slot, `e:${key}`)),
      budget,
    );
    return raw === null ? null : decode(raw);
  }

  async generation(slot: string, budget?: RedisBudget): Promise<string> {
    const g = await this.guard.run(
      'response cache generation',
      () => this.redis.get(this.k(slot, 'g')),
      budget,
    );
    return g ?? '0';
  }

  async peek(slot: string, key: string, budget?: RedisBudget): Promise<Peeked> {
    // As bytes: a hit writes the body as Redis returned it (composeHitBytes).
    const [raw, generation] = await this.guard.runWith(
      'response cache peek',
      this.mget,
      this.k(slot, `e:${key}`),
      this.k(slot, 'g'),
      budget,
    );
    return this.peekOf(slot, raw ?? null, generation ?? null);
  }

  peekKeys(slot: string, key: string): readonly [string, string] {
    return [this.k(slot, `e:${key}`), this.k(slot, 'g')];
  }

  /** An entry of a slot this replica owes an invalidation is not trusted, however it was read. */
  peekOf(slot: string, raw: Buffer | null, generation: Buffer | null): Peeked {
    return {
      entry: raw && !this.distrusts(slot) ? decodeBytes(raw) : null,
      generation: generation ? generation.toString() : '0',
    };
  }

  async put(
    slot: string,
    key: string,
    answer: StoredAnswer,
    tags: readonly string[],
    expectedGeneration: string,
    keepMs: number,
    budget?: RedisBudget,
  ): Promise<boolean> {
    if (this.owes(slot)) return false;
    const keys = [this.k(slot, 'g'), this.k(slot, `e:${key}`), ...tags.map((t) => this.k(slot, `t:${t}`))];
    const ok = await this.guard.run(
      'response cache put',
      () => this.redis.eval(PUT, keys.length, ...keys, expectedGeneration, encode(answer), keepMs),
      budget,
    );
    return ok === 1;
  }

  async invalidate(slot: string, tags: readonly string[], budget?: RedisBudget): Promise<number> {
    try {
      return await this.sendInvalidate(slot, tags, budget);
    } catch (e) {
      this.owe(slot, tags);
      throw e;
    }
  }

  async bump(slot: string, budget?: RedisBudget): Promise<void> {
    await this.invalidate(slot, [], budget);
  }

  async tryLock(slot: string, key: string, ms: number, budget?: RedisBudget): Promise<boolean> {
    const reply = await this.guard.run(
      'response cache lock',
      () => this.redis.set(this.k(slot, `l:${key}`), '1', 'PX', ms, 'NX'),
      budget,
    );
    return reply === 'OK';
  }

  async noteKinds(slot: string, kinds: readonly string[], budget?: RedisBudget): Promise<void> {
    await Promise.all(
      kinds.map(async (kind) => {
        const key = this.k('pub', `ks:${kind}`);
        await this.guard.run('response cache kinds', () => this.redis.sadd(key, slot), budget);
        await this.guard.run(
          'response cache kinds',
          () => this.redis.pexpire(key, GENERATION_KEEP_MS),
          budget,
        );
      }),
    );
  }

  async invalidateKind(kind: string, tenantId: string | undefined, budget?: RedisBudget): Promise<void> {
    let slots: string[];
    if (tenantId === undefined) {
      try {
        slots = ['pub', ...(await this.slotsWithKind(kind, budget))];
      } catch (e) {
        this.owedKinds.add(kind);
        this.scheduleReplay(0);
        throw e;
      }
    } else slots = ['pub', `t:${tenantId}`];
    const tag = [`kind:${kind}`];
    const results = await Promise.allSettled(slots.map((s) => this.invalidate(s, tag, budget)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private slotsWithKind(kind: string, budget?: RedisBudget): Promise<string[]> {
    return this.guard.run(
      'response cache kinds',
      () => this.redis.smembers(this.k('pub', `ks:${kind}`)),
      budget,
    );
  }

  private async sendInvalidate(slot: string, tags: readonly string[], budget?: RedisBudget): Promise<number> {
    const keys = [this.k(slot, 'g'), ...tags.map((t) => this.k(slot, `t:${t}`))];
    return Number(
      await this.guard.run(
        'response cache invalidate',
        () => this.redis.eval(INVALIDATE, keys.length, ...keys, GENERATION_KEEP_MS),
        budget,
      ),
    );
  }

  private owe(slot: string, tags: readonly string[]): void {
    let owed = this.owed.get(slot);
    if (!owed) this.owed.set(slot, (owed = { tags: new Set(), version: 0 }));
    for (const t of tags) owed.tags.add(t);
    owed.version++;
    this.scheduleReplay(0);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.replayTimer);
  }

  /** Sends what is owed after `ms`, unless a replay is pending or the breaker is open (its closing replays). */
  private scheduleReplay(ms: number): void {
    if (this.closed || this.replayTimer || this.replaying || this.guard.state !== 'closed') return;
    this.replayTimer = setTimeout(() => {
      this.replayTimer = undefined;
      void this.replay();
    }, ms);
    this.replayTimer.unref();
  }

  private async replay(): Promise<void> {
    this.replaying = true;
    try {
      for (const kind of [...this.owedKinds]) {
        const slots = ['pub', ...(await this.slotsWithKind(kind))];
        // Owed per slot from here on, so the kind no longer distrusts every slot once its slots are known.
        for (const s of slots) this.owe(s, [`kind:${kind}`]);
        this.owedKinds.delete(kind);
      }
      for (const [slot, owed] of [...this.owed]) {
        const version = owed.version;
        await this.sendInvalidate(slot, [...owed.tags]);
        if (this.owed.get(slot)?.version === version) this.owed.delete(slot);
      }
    } catch {
      // Still owed: tried again below (or, the breaker having opened, when it closes).
    } finally {
      this.replaying = false;
    }
    if (this.owed.size || this.owedKinds.size) this.scheduleReplay(this.guard.options.probeIntervalMs);
  }
}

/**
 * The same behaviour in one process (the embedded default, no REDIS_URL): bounded, oldest out first. An entry
 * remembers its tag sets and leaves them when it goes (evicted, expired, invalidated, replaced), so the tag
 * sets never hold more than the entries do: keys are client-controlled (variables are part of them), and tag
 * sets that kept every key ever stored would grow without bound under a client varying its variables.
 */
export class MemoryResponseCacheStore implements ResponseCacheStore {
  private readonly entries = new Map<string, { raw: string; expires: number; tagIds: readonly string[] }>();
  private readonly tags = new Map<string, Set<string>>();
  private readonly generations = new Map<string, number>();
  private readonly locks = new Map<string, number>();

  constructor(private readonly maxEntries: number) {}

  /** What the store holds, for tests and diagnostics: entries, tag sets and their members, locks. */
  footprint(): { entries: number; tagSets: number; tagMembers: number; locks: number } {
    let tagMembers = 0;
    for (const set of this.tags.values()) tagMembers += set.size;
    return { entries: this.entries.size, tagSets: this.tags.size, tagMembers, locks: this.locks.size };
  }

  private live<T extends { expires: number }>(v: T | undefined): T | undefined {
    return v && v.expires > Date.now() ? v : undefined;
  }

  /** Removes an entry and its memberships; true when it was there. */
  private drop(id: string): boolean {
    const e = this.entries.get(id);
    if (!e) return false;
    this.entries.delete(id);
    for (const tagId of e.tagIds) {
      const set = this.tags.get(tagId);
      if (set?.delete(id) && set.size === 0) this.tags.delete(tagId);
    }
    return true;
  }

  get(slot: string, key: string): Promise<StoredAnswer | null> {
    const id = `${slot}\u0000${key}`;
    const e = this.live(this.entries.get(id));
    if (!e) {
      this.drop(id);
      return Promise.resolve(null);
    }
    return Promise.resolve(decode(e.raw));
  }

  generation(slot: string): Promise<string> {
    return Promise.resolve(String(this.generations.get(slot) ?? 0));
  }

  async peek(slot: string, key: string): Promise<Peeked> {
    return { entry: await this.get(slot, key), generation: await this.generation(slot) };
  }

  /** In process: nothing to read in another command's script. */
  peekKeys(): undefined {
    return undefined;
  }

  peekOf(_slot: string, raw: Buffer | null, generation: Buffer | null): Peeked {
    return { entry: raw ? decode(raw.toString('utf8')) : null, generation: generation?.toString() ?? '0' };
  }

  put(
    slot: string,
    key: string,
    answer: StoredAnswer,
    tags: readonly string[],
    expectedGeneration: string,
    keepMs: number,
  ): Promise<boolean> {
    if (String(this.generations.get(slot) ?? 0) !== expectedGeneration) return Promise.resolve(false);
    const id = `${slot}\u0000${key}`;
    this.drop(id);
    const tagIds = [...new Set(tags)].map((t) => `${slot}\u0000${t}`);
    this.entries.set(id, { raw: encode(answer), expires: Date.now() + keepMs, tagIds });
    for (const tagId of tagIds) {
      let set = this.tags.get(tagId);
      if (!set) this.tags.set(tagId, (set = new Set()));
      set.add(id);
    }
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
    return Promise.resolve(true);
  }

  invalidate(slot: string, tags: readonly string[]): Promise<number> {
    this.generations.set(slot, (this.generations.get(slot) ?? 0) + 1);
    let n = 0;
    for (const t of tags) {
      const tagId = `${slot}\u0000${t}`;
      for (const id of [...(this.tags.get(tagId) ?? [])]) if (this.drop(id)) n++;
      this.tags.delete(tagId);
    }
    return Promise.resolve(n);
  }

  async bump(slot: string): Promise<void> {
    await this.invalidate(slot, []);
  }

  private readonly kindSlots = new Map<string, Set<string>>();

  async invalidateKind(kind: string, tenantId: string | undefined): Promise<void> {
    const slots =
      tenantId === undefined ? ['pub', ...(this.kindSlots.get(kind) ?? [])] : ['pub', `t:${tenantId}`];
    for (const s of slots) await this.invalidate(s, [`kind:${kind}`]);
  }

  noteKinds(slot: string, kinds: readonly string[]): Promise<void> {
    for (const k of kinds) {
      let set = this.kindSlots.get(k);
      if (!set) this.kindSlots.set(k, (set = new Set()));
      set.add(slot);
    }
    return Promise.resolve();
  }

  tryLock(slot: string, key: string, ms: number): Promise<boolean> {
    const id = `${slot}\u0000${key}`;
    const now = Date.now();
    if ((this.locks.get(id) ?? 0) > now) return Promise.resolve(false);
    this.locks.set(id, now + ms);
    if (this.locks.size > this.maxEntries) this.locks.clear();
    return Promise.resolve(true);
  }
}
