import { bearerMatches } from './metrics-access';

describe('bearerMatches', () => {
  const token = 'metrics-token-0123456789';
  it('accepts exactly `Bearer <token>`', () => {
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
  });
  it('refuses a missing, wrong, longer, shorter or non-bearer credential', () => {
    for (const h of [
      undefined,
      '',
      'Bearer',
      `Bearer ${token}x`,
      `Bearer ${token.slice(1)}`,
      token,
      `Basic ${token}`,
    ]) {
      expect([h, bearerMatches(h, token)]).toEqual([h, false]);
    }
  });
});
