import { hashApiKey } from '../api-key';
import { addApiKey, parseScopes, revokeApiKey, TenantsFileEditError } from './tenants-file-editor';

const JSON_FILE = JSON.stringify({
  tenants: [{ id: 'acme', name: 'Acme', barrackCredential: { env: 'K' }, scopes: ['read', 'write'] }],
});

describe('tenants file editor', () => {
  it('adds a key to a JSON file, storing only the hash', () => {
    const r = addApiKey(JSON_FILE, 'tenants.json', { tenantId: 'acme', scopes: ['read'], label: 'ci' });
    const data = JSON.parse(r.text);
    expect(data.tenants[0].apiKeys).toEqual([
      { id: r.keyId, hash: hashApiKey(r.key), scopes: ['read'], label: 'ci' },
    ]);
    expect(r.text).not.toContain(r.key);
    expect(data.tenants[0].barrackCredential).toEqual({ env: 'K' });
    const revoked = JSON.parse(revokeApiKey(r.text, 'tenants.json', r.keyId));
    expect(revoked.tenants[0].apiKeys[0].revoked).toBe(true);
  });

  it('refuses unknown tenants, unknown keys, past expiry and bad scopes', () => {
    expect(() => addApiKey(JSON_FILE, 'tenants.json', { tenantId: 'nope', scopes: ['read'] })).toThrow(
      'tenant nope is not in the file',
    );
    expect(() => revokeApiKey(JSON_FILE, 'tenants.json', 'AAAAAAAAAAAA')).toThrow(TenantsFileEditError);
    expect(() =>
      addApiKey(JSON_FILE, 'tenants.json', { tenantId: 'acme', scopes: ['read'], expiresAt: '2001-01-01' }),
    ).toThrow('in the future');
    expect(() => parseScopes('read,root')).toThrow('comma list');
    expect(parseScopes('read, write,read')).toEqual(['read', 'write']);
  });
});
