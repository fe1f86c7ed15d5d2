import { join } from 'node:path';
import type { RunningGateway } from '../../src/bootstrap';
import { apiKeyEntry, gql, newKey, startWithTenants, tempDir, VIEWER, writeTenants } from './auth-test-kit';

describe('API key authentication (real HTTP)', () => {
  const full = newKey();
  const readOnly = newKey();
  const revoked = newKey();
  const expired = newKey();
  const suspended = newKey();
  const unknown = newKey();
  let gw: RunningGateway;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    process.env.BGW_TEST_ACME_KEY = 'acme-barrack-key';
    process.env.BGW_TEST_GLOBEX_KEY = 'globex-barrack-key';
    const file = join(t.dir, 'tenants.yaml');
    await writeTenants(file, [
      {
        id: 'acme',
        name: 'Acme Corp',
        barrackCredential: { env: 'BGW_TEST_ACME_KEY' },
        scopes: ['read', 'write', 'admin'],
        apiKeys: [
          apiKeyEntry(full, { scopes: ['read', 'write', 'admin'] }),
          apiKeyEntry(readOnly, { scopes: ['read'], expiresAt: '2999-01-01T00:00:00Z' }),
          apiKeyEntry(revoked, { scopes: ['read'], revoked: true }),
          apiKeyEntry(expired, { scopes: ['read'], expiresAt: '2020-01-01T00:00:00Z' }),
        ],
      },
      {
        id: 'globex',
        name: 'Globex',
        status: 'suspended',
        barrackCredential: { env: 'BGW_TEST_GLOBEX_KEY' },
        apiKeys: [apiKeyEntry(suspended, { scopes: ['read'] })],
      },
    ]);
    gw = await startWithTenants(file);
  });

  afterAll(async () => {
    await gw?.close();
    await cleanup?.();
  });

  it('accepts a key as Authorization: Bearer', async () => {
    const r = await gql(gw.url, VIEWER, { authorization: `Bearer ${full.key}` });
    expect(r.status).toBe(200);
    expect(r.body.data?.viewer).toEqual({
      tenantId: 'acme',
      tenantName: 'Acme Corp',
      principalKind: 'API_KEY',
      subject: full.id,
      scopes: ['READ', 'WRITE', 'ADMIN'],
    });
  });

  it('accepts a key as X-API-Key', async () => {
    const r = await gql(gw.url, VIEWER, { 'x-api-key': readOnly.key });
    expect(r.status).toBe(200);
    expect(r.body.data?.viewer).toMatchObject({ tenantId: 'acme', subject: readOnly.id, scopes: ['READ'] });
  });

  it('refuses a request without credential with 401 Authentication required', async () => {
    const r = await gql(gw.url, VIEWER);
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer realm="barrack-gateway"/);
    expect(r.body.errors?.[0]?.message).toBe('Authentication required');
    expect(r.body.errors?.[0]?.extensions).toEqual({
      code: 'UNAUTHENTICATED',
      requestId: expect.any(String),
    });
    expect(r.body.errors?.[0]?.extensions?.requestId).toBe(r.headers.get('x-request-id'));
  });

  it.each([
    ['malformed header', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['malformed key', { 'x-api-key': 'bgw_short_secret' }],
    ['unknown key', { 'x-api-key': unknown.key }],
    ['right id, wrong secret', { 'x-api-key': `${full.key.slice(0, -4)}AAAA` }],
    ['revoked key', { authorization: `Bearer ${revoked.key}` }],
    ['expired key', { 'x-api-key': expired.key }],
  ])('refuses a %s with the same 401 Invalid credential', async (_name, headers) => {
    const r = await gql(gw.url, VIEWER, headers);
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(r.body).toEqual({
      errors: [
        {
          message: 'Invalid credential',
          extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) },
        },
      ],
    });
  });

  it('refuses a valid key of a suspended tenant with 403 FORBIDDEN', async () => {
    const r = await gql(gw.url, VIEWER, { 'x-api-key': suspended.key });
    expect(r.status).toBe(403);
    expect(r.body.errors?.[0]?.message).toBe('Tenant globex is suspended');
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('enforces scopes per root field: a read-only key cannot call an admin field', async () => {
    const denied = await gql(gw.url, '{ apiKeys { id } }', { 'x-api-key': readOnly.key });
    expect(denied.status).toBe(403);
    expect(denied.body.data ?? null).toBeNull();
    expect(denied.body.errors?.[0]?.message).toBe('Missing required scope: admin');
    expect(denied.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      requiredScopes: ['admin'],
      missingScopes: ['admin'],
    });

    const allowed = await gql(gw.url, '{ apiKeys { id: barrackId scopes revoked } }', {
      'x-api-key': full.key,
    });
    expect(allowed.status).toBe(200);
    const ids = (allowed.body.data?.apiKeys as { id: string }[]).map((k) => k.id);
    expect(ids).toEqual([full.id, readOnly.id, revoked.id, expired.id]);
  });

  it('lets a bare GET /graphql (the IDE page) through but not a GET query without credential', async () => {
    const ide = await fetch(`${gw.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(ide.status).not.toBe(401);
    const q = await fetch(`${gw.url}/graphql?query=${encodeURIComponent('{viewer{tenantId}}')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(q.status).toBe(401);
  });

  it('keeps health public', async () => {
    const r = await fetch(`${gw.url}/health/live`);
    expect(r.status).toBe(200);
  });
});
