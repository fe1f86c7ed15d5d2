import { composeHitBody, composeHitBytes, storedBody, type StoredAnswer } from './response-cache.store';

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
