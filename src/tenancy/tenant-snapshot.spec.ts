import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseTenantsFile, resolveTenants, TenantsFileError } from './tenant-snapshot';
import { TenantRegistry } from './tenant-registry.service';
import { DEFAULT_PLAN } from './tenants-file.schema';
import { apiKeyMatches } from '../auth/api-key';

const HASH = 'a'.repeat(64);

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof TenantsFileError) return e.problems;
    throw e;
  }
  return [];
}

describe('tenants file', () => {
  it('accepts the documented example and fills plan defaults', () => {
    const path = join(__dirname, '../../test/fixtures/tenants.example.yaml');
    const file = parseTenantsFile(readFileSync(path, 'utf8'), path);
    expect(file.tenants.map((t) => t.id)).toEqual(['acme', 'globex']);
    expect(file.tenants[1]?.plan).toEqual(DEFAULT_PLAN);
    expect(file.tenants[0]?.plan.perPrincipal).toBe(true);
    expect(file.tenants[0]?.apiKeys[0]?.expiresAt).toBe('2027-01-01T00:00:00.000Z');
  });

  it('lists every problem at once', () => {
    const text = stringify({
      tenants: [
        {
          id: 'Bad Id',
          name: 'x',
          barrackCredential: 'inline-secret',
          scopes: ['read'],
          apiKeys: [{ id: 'short', hash: 'nothex', scopes: ['admin'] }],
          jwtIssuers: [{ issuer: 'i', audience: 'a', jwksUri: 'https://x.test/jwks', algorithms: ['none'] }],
        },
        {
          id: 'ok',
          name: 'ok',
          barrackCredential: { env: 'X' },
          apiKeys: [{ id: 'AAAAAAAAAAAA', hash: HASH, scopes: ['read'] }],
        },
        {
          id: 'ok',
          name: 'dup',
          barrackCredential: { env: 'X' },
          apiKeys: [{ id: 'AAAAAAAAAAAA', hash: HASH, scopes: ['read'] }],
        },
      ],
    });
    const problems = problemsOf(() => parseTenantsFile(text, 't.yaml'));
    const joined = problems.join('\n');
    expect(joined).toMatch(/tenants\.0\.id: must be lowercase/);
    expect(joined).toMatch(/tenants\.0\.barrackCredential: .*inline secrets are rejected/);
    expect(joined).toMatch(/tenants\.0\.apiKeys\.0\.id: must be 12 base62/);
    expect(joined).toMatch(/tenants\.0\.apiKeys\.0\.hash: must be the lowercase sha256/);
    expect(joined).toMatch(/tenants\.0\.jwtIssuers\.0\.algorithms\.0: .*never none/);
    expect(joined).toMatch(/duplicate tenant id ok/);
    expect(joined).toMatch(/duplicate api key id AAAAAAAAAAAA/);
    expect(problems.length).toBeGreaterThanOrEqual(7);
  });

  it('rejects key scopes beyond the tenant, a shared issuer without tenant claim, and HS256 with a JWKS', () => {
    const iss = {
      issuer: 'https://same',
      audience: 'a',
      hs256SecretRef: { env: 'S' },
      algorithms: ['HS256'],
    };
    const text = JSON.stringify({
      tenants: [
        {
          id: 'a',
          name: 'a',
          barrackCredential: { env: 'X' },
          scopes: ['read'],
          apiKeys: [{ id: 'BBBBBBBBBBBB', hash: HASH, scopes: ['admin'] }],
          jwtIssuers: [iss],
        },
        {
          id: 'b',
          name: 'b',
          barrackCredential: { env: 'X' },
          jwtIssuers: [
            iss,
            { issuer: 'https://j', audience: 'a', jwksUri: 'https://j/jwks', algorithms: ['RS256', 'HS256'] },
          ],
        },
      ],
    });
    const joined = problemsOf(() => parseTenantsFile(text, 't.json')).join('\n');
    expect(joined).toContain('scopes admin are not allowed for this tenant');
    expect(joined).toContain('issuer https://same is shared by tenants a, b: each needs claims.tenant');
    expect(joined).toContain('HS256 is not allowed with jwksUri');
  });

  it('reports unresolvable secret references without their values', () => {
    const text = stringify({
      tenants: [
        {
          id: 'a',
          name: 'a',
          barrackCredential: { env: 'BGW_SPEC_MISSING' },
          jwtIssuers: [
            { issuer: 'i', audience: 'a', hs256SecretRef: { env: 'BGW_SPEC_SHORT' }, algorithms: ['HS256'] },
          ],
        },
        { id: 'b', name: 'b', barrackCredential: { file: 'nope.key' } },
      ],
    });
    const file = parseTenantsFile(text, 't.yaml');
    const problems = problemsOf(() =>
      resolveTenants(file, 't.yaml', '/nonexistent', { BGW_SPEC_SHORT: 'tooshort' }),
    );
    expect(problems).toEqual([
      'tenants.0.barrackCredential: environment variable BGW_SPEC_MISSING is not set',
      'tenants.0.jwtIssuers.0.hs256SecretRef: secret shorter than 32 bytes',
      'tenants.1.barrackCredential: file nope.key cannot be read',
    ]);
    expect(problems.join()).not.toContain('tooshort');
  });

  it('reports a syntax error as one problem', () => {
    expect(problemsOf(() => parseTenantsFile('tenants: [', 't.yaml'))[0]).toMatch(/^cannot parse/);
  });
});

describe('TenantRegistry.createEmbedded', () => {
  it('has one demo tenant with every scope, the given Barrack key and a fresh API key', () => {
    const { registry, apiKey } = TenantRegistry.createEmbedded({ barrackKey: 'sim-key' });
    expect(registry.embeddedApiKey()).toBe(apiKey);
    expect(registry.barrackCredential('demo')).toBe('sim-key');
    expect(registry.planFor('demo')).toEqual(DEFAULT_PLAN);
    const found = registry.findApiKey(apiKey.split('_')[1] ?? '');
    expect(found?.tenant.id).toBe('demo');
    expect(found && apiKeyMatches(apiKey, found.key.hash)).toBe(true);
    expect(found?.key.scopes).toEqual(['read', 'write', 'billing', 'ai', 'admin']);
    expect(() => registry.barrackCredential('other')).toThrow('Invalid credential');
  });
});
