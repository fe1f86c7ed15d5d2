import { apiKeyIdOf, apiKeyMatches, generateApiKey, hashApiKey, randomBase62 } from './api-key';

describe('api keys', () => {
  it('generates bgw_<12-char id>_<40-char secret> keys whose hash is the sha256 of the whole key', () => {
    const k = generateApiKey();
    expect(k.key).toMatch(/^bgw_[A-Za-z0-9]{12}_[A-Za-z0-9]{40}$/);
    expect(k.key.split('_')[1]).toBe(k.id);
    expect(k.hash).toBe(hashApiKey(k.key));
    expect(k.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never repeats ids or secrets', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey().key));
    expect(keys.size).toBe(200);
    expect(randomBase62(500)).toMatch(/^[A-Za-z0-9]{500}$/);
  });

  it('reads the key id only from a well-formed key', () => {
    const k = generateApiKey();
    expect(apiKeyIdOf(k.key)).toBe(k.id);
    expect(apiKeyIdOf('bgw_short_abc')).toBeNull();
    expect(apiKeyIdOf(`${k.key}_extra`)).toBeNull();
    expect(apiKeyIdOf(`x${k.key}`)).toBeNull();
  });

  it('matches only the exact key against the stored hash', () => {
    const k = generateApiKey();
    expect(apiKeyMatches(k.key, k.hash)).toBe(true);
    expect(apiKeyMatches(`${k.key.slice(0, -1)}x`, k.hash)).toBe(false);
    expect(apiKeyMatches(k.key, 'not-hex')).toBe(false);
  });
});
