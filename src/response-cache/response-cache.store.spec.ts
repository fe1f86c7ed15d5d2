import { composeHitBody, storedBody, type StoredAnswer } from './response-cache.store';

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
