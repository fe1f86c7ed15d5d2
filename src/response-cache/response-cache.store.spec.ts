import {
  composeHitBody,
  composeHitBytes,
  MemoryResponseCacheStore,
  RedisResponseCacheStore,
  storedBody,
  type StoredAnswer,
} from './response-cache.store';

const entry = (body: string): StoredAnswer => ({ body, etag: '"e"', storedAt: 0, ttlS: 1 });
const extra = { cost: { requested: 10, limit: 1000 }, responseCache: { hit: true, stale: false } };

describe('composeHitBody', () => {
  it('adds the hit extensions to a stored body without a cache note', () => {
    const body = composeHitBody(entry(storedBody({ regions: [{ code: 'A' }] }, {})), extra);
    expect(JSON.parse(body)).toEqual({ data: { regions: [{ code: 'A' }] }, extensions: extra });
  });

  it('keeps the catalogue cache note and puts the hit extensions after it', () => {
    const cache = { asOf: '2026-01-01T00:00:00.000Z', stale: false };
    const body = composeHitBody(entry(storedBody({ a: 1 }, { cache })), extra);
    expect(JSON.parse(body)).toEqual({ data: { a: 1 }, extensions: { cache, ...extra } });
  });

  it('is not fooled by data holding fields, aliases or strings named extensions', () => {
    const data = { extensions: { cache: 1 }, x: { extensions: 'a,"extensions":{}' } };
    const body = composeHitBody(entry(storedBody(data, {})), extra);
    expect(JSON.parse(body)).toEqual({ data, extensions: extra });
  });

  it('parses a body in another shape rather than splice it wrongly', () => {
    const body = composeHitBody(entry(JSON.stringify({ data: { a: 1 } })), extra);
    expect(JSON.parse(body)).toEqual({ data: { a: 1 }, extensions: extra });
  });
});

describe('composeHitBytes', () => {
  const withBytes = (body: string): StoredAnswer => ({ ...entry(body), bytes: Buffer.from(body, 'utf8') });
  const bodies = [
    storedBody({ regions: [{ code: 'A' }] }, {}),
    storedBody({ a: 1 }, { cache: { asOf: '2026-01-01T00:00:00.000Z', stale: false } }),
    storedBody({ extensions: { cache: 1 }, x: { extensions: 'a,"extensions":{}' } }, {}),
    storedBody({ name: 'Zürich — 東京 🚀' }, {}),
    JSON.stringify({ data: { a: 1 } }),
  ];

  it.each(bodies)('writes the same bytes composeHitBody would (%s)', (body) => {
    const bytes = composeHitBytes(withBytes(body), extra);
    expect(bytes.equals(Buffer.from(composeHitBody(entry(body), extra), 'utf8'))).toBe(true);
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(JSON.parse(composeHitBody(entry(body), extra)));
  });

  it('encodes the string body when the entry carries no bytes (the in-process store)', () => {
    const body = bodies[3]!;
    expect(composeHitBytes(entry(body), extra).toString('utf8')).toBe(composeHitBody(entry(body), extra));
  });

  it('returns the stored bytes themselves when there is nothing to add', () => {
    const e = withBytes(bodies[0]!);
    expect(composeHitBytes(e, {})).toBe(e.bytes);
  });
});

describe('MemoryResponseCacheStore', () => {
  const answer = (body: string): StoredAnswer => ({ body, etag: '"e"', storedAt: Date.now(), ttlS: 60 });
  const put = (store: MemoryResponseCacheStore, slot: string, key: string, tags: string[], keepMs = 60_000) =>
    store.put(slot, key, answer(`{"data":"${key}","extensions":{}}`), tags, '0', keepMs);

  it('keeps its tag sets no larger than its entries while keys churn (client-chosen variables)', async () => {
    const store = new MemoryResponseCacheStore(10);
    for (let i = 0; i < 2_000; i++) {
      // One document, a new variables value each time: a new key, the same kind and list tags.
      expect(await put(store, 't:a', `k${i}`, ['kind:regions', 'list:Region', `Region:${i % 3}`])).toBe(true);
    }
    const f = store.footprint();
    expect(f.entries).toBe(10);
    expect(f.tagMembers).toBe(30);
    expect(f.tagSets).toBeLessThanOrEqual(5);
    // The newest entries are the ones kept, and they still answer.
    expect((await store.get('t:a', 'k1999'))?.body).toContain('k1999');
    expect(await store.get('t:a', 'k0')).toBeNull();
  });

  it('still deletes by tag, and an entry deleted through one tag leaves its other tag sets', async () => {
    const store = new MemoryResponseCacheStore(100);
    for (let i = 0; i < 5; i++) await put(store, 't:a', `k${i}`, ['kind:regions', `Region:${i}`]);
    await put(store, 't:b', 'k0', ['kind:regions']);
    expect(await store.invalidate('t:a', ['kind:regions'])).toBe(5);
    for (let i = 0; i < 5; i++) expect(await store.get('t:a', `k${i}`)).toBeNull();
    expect(await store.get('t:b', 'k0')).not.toBeNull();
    expect(store.footprint()).toMatchObject({ entries: 1, tagSets: 1, tagMembers: 1 });
  });

  it('drops the tags of an entry that expired once it is read, and of an entry stored again', async () => {
    const store = new MemoryResponseCacheStore(100);
    await put(store, 't:a', 'gone', ['kind:regions', 'Region:1'], -1);
    expect(await store.get('t:a', 'gone')).toBeNull();
    expect(store.footprint()).toMatchObject({ entries: 0, tagSets: 0, tagMembers: 0 });
    await put(store, 't:a', 'k', ['Region:1']);
    await put(store, 't:a', 'k', ['Region:2']);
    expect(await store.invalidate('t:a', ['Region:1'])).toBe(0);
    expect(await store.invalidate('t:a', ['Region:2'])).toBe(1);
  });
});

describe('RedisResponseCacheStore.peekOf (an entry read as bytes)', () => {
  const guard = { onStateChange: () => undefined, options: { probeIntervalMs: 1, commandTimeoutMs: 1 } };
  const store = new RedisResponseCacheStore(
    {} as ConstructorParameters<typeof RedisResponseCacheStore>[0],
    guard as unknown as ConstructorParameters<typeof RedisResponseCacheStore>[1],
    'p:',
  );
  const peek = (raw: string) => store.peekOf('t:a', Buffer.from(raw, 'utf8'), Buffer.from('7')).entry;

  it('reads the header put() writes and keeps the body as its bytes', () => {
    const body = storedBody({ name: 'Zürich | 1' }, {});
    const e = peek(`1764620000123|30|"abc-_"|${body}`);
    expect(e).toMatchObject({ storedAt: 1764620000123, ttlS: 30, etag: '"abc-_"', body });
    expect(e?.bytes?.equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(store.peekOf('t:a', null, null)).toEqual({ entry: null, generation: '0' });
  });

  it('reads header numbers as Number() did, whatever they hold', () => {
    for (const [storedAt, ttlS] of [
      ['', '1.5'],
      ['0012', '-3'],
      ['1e3', ' 4'],
      ['12345678901234567890', 'x'],
    ]) {
      expect(peek(`${storedAt}|${ttlS}|"e"|{}`)).toMatchObject({
        storedAt: Number(storedAt),
        ttlS: Number(ttlS),
      });
    }
    expect(peek('1|2|no third bar')).toBeNull();
  });
});
