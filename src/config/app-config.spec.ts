import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('lists every bad variable at once', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'x', CORS_ORIGINS: 'https://console.example.com/app' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT:/m);
    expect(problems).toMatch(/^CORS_ORIGINS: must be '\*' or a comma-separated list of origins/m);
  });

  it.each([['https://a.example.com,http://localhost:5173'], ['*'], [' https://a.example.com , ']])(
    'takes CORS_ORIGINS %j as a list of exact origins',
    (value) => {
      const origins = loadConfig({ CORS_ORIGINS: value }).CORS_ORIGINS;
      expect(origins?.length).toBeGreaterThan(0);
      expect(origins?.every((o) => o === '*' || /^https?:\/\/[^/]+$/.test(o))).toBe(true);
    },
  );

  it.each([
    ['*,https://a.example.com'],
    ['a.example.com'],
    ['https://a.example.com/'],
    ['ftp://a.example.com'],
  ])('refuses CORS_ORIGINS %j', (value) => {
    expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(ConfigError);
  });

  it('leaves CORS off when CORS_ORIGINS is unset', () => {
    expect(loadConfig({}).CORS_ORIGINS).toBeUndefined();
  });
});
