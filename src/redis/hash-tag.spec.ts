import { hashTagOf, tenantHashTag } from './hash-tag';

describe('hashTagOf (Redis Cluster key hash tags)', () => {
  it('takes the text between the first { and the next }, else the whole key', () => {
    expect(hashTagOf('p:rl:requests:{acme}')).toBe('acme');
    expect(hashTagOf('p:rc:t:{acme}:e:abc')).toBe('acme');
    expect(hashTagOf('p:rc:{pub}:g')).toBe('pub');
    expect(hashTagOf('{a}{b}')).toBe('a');
    expect(hashTagOf('no-tag')).toBe('no-tag');
    expect(hashTagOf('empty:{}:x')).toBe('empty:{}:x');
    expect(hashTagOf('open:{x')).toBe('open:{x');
  });

  it("gives a tenant's budget key and its response-cache keys one slot, and another tenant's another", () => {
    const budget = `p:rl:requests:${tenantHashTag('acme')}`;
    const entry = `p:rc:t:${tenantHashTag('acme')}:e:0f`;
    expect(hashTagOf(entry)).toBe(hashTagOf(budget));
    expect(hashTagOf(`p:rc:t:${tenantHashTag('acme-2')}:g`)).not.toBe(hashTagOf(budget));
  });
});
