import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { Request } from 'express';
import { SignJWT } from 'jose';
import { stringify } from 'yaml';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { generateApiKey } from './api-key';
import { Authenticator, presentedCredential } from './authenticator.service';

const SECRET = 'spec-hs256-secret-0123456789abcdefghij';
const now = () => Math.floor(Date.now() / 1000);

describe('Authenticator (reasons behind the uniform refusal)', () => {
  const live = generateApiKey();
  const revoked = generateApiKey();
  const expired = generateApiKey();
  let auth: Authenticator;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    const dir = mkdtempSync(join(tmpdir(), 'bgw-authspec-'));
    const file = join(dir, 'tenants.yaml');
    writeFileSync(
      file,
      stringify({
        tenants: [
          {
            id: 't1',
            name: 'T1',
            barrackCredential: { env: 'B' },
            scopes: ['read', 'write'],
            apiKeys: [
              { id: live.id, hash: live.hash, scopes: ['read'] },
              { id: revoked.id, hash: revoked.hash, scopes: ['read'], revoked: true },
              { id: expired.id, hash: expired.hash, scopes: ['read'], expiresAt: '2001-01-01' },
            ],
            jwtIssuers: [
              { issuer: 'iss', audience: 'aud', hs256SecretRef: { env: 'S' }, algorithms: ['HS256'] },
            ],
          },
        ],
      }),
    );
    auth = new Authenticator(await TenantRegistry.fromFile(file, { B: 'barrack', S: SECRET }));
  });

  const req = (headers: Record<string, string>) =>
    ({ headers, method: 'POST', url: '/graphql' }) as unknown as Request;
  const token = (o: { aud?: string; exp?: number; nbf?: number; scope?: unknown } = {}) => {
    const j = new SignJWT({ scope: o.scope ?? 'read write' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('iss')
      .setSubject('u1');
    j.setAudience(o.aud ?? 'aud').setExpirationTime(o.exp ?? now() + 60);
    if (o.nbf) j.setNotBefore(o.nbf);
    return j.sign(new TextEncoder().encode(SECRET));
  };
  const reasonOf = async (headers: Record<string, string>) => {
    const r = await auth.authenticate(req(headers));
    return r.ok ? 'ok' : `${r.status} ${r.message} (${r.reason})`;
  };

  it('tells apart (internally) why keys fail, while the message stays the same', async () => {
    expect(await reasonOf({ 'x-api-key': live.key })).toBe('ok');
    expect(await reasonOf({ 'x-api-key': revoked.key })).toBe(
      `401 Invalid credential (revoked key ${revoked.id})`,
    );
    expect(await reasonOf({ 'x-api-key': expired.key })).toBe(
      `401 Invalid credential (expired key ${expired.id})`,
    );
    expect(await reasonOf({ 'x-api-key': generateApiKey().key })).toMatch(
      /^401 Invalid credential \(unknown key/,
    );
    expect(await reasonOf({})).toBe('401 Authentication required (no credential)');
  });

  it('rejects tokens for the expected reason', async () => {
    expect(await reasonOf({ authorization: `Bearer ${await token()}` })).toBe('ok');
    expect(await reasonOf({ authorization: `Bearer ${await token({ exp: now() - 60 })}` })).toBe(
      '401 Invalid credential (jwt expired)',
    );
    expect(await reasonOf({ authorization: `Bearer ${await token({ nbf: now() + 120 })}` })).toBe(
      '401 Invalid credential (jwt not active)',
    );
    expect(await reasonOf({ authorization: `Bearer ${await token({ aud: 'x' })}` })).toMatch(
      /^401 Invalid credential \(jwt audience invalid/,
    );
    const [, payload] = (await token()).split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect(await reasonOf({ authorization: `Bearer ${none}` })).toMatch(
      /^401 Invalid credential \((jwt signature is required|invalid algorithm)/,
    );
  });

  it('gives a JWT principal the token scopes within the tenant scopes', async () => {
    const r = await auth.authenticate(
      req({ authorization: `Bearer ${await token({ scope: ['write', 'admin', 'read'] })}` }),
    );
    expect(r).toEqual({
      ok: true,
      principal: { tenantId: 't1', kind: 'jwt', subject: 'u1', scopes: ['read', 'write'] },
    });
  });

  it('classifies presented credentials', () => {
    expect(presentedCredential({ authorization: 'Bearer bgw_x' })).toEqual({ kind: 'api_key', key: 'bgw_x' });
    expect(presentedCredential({ authorization: 'bearer a.b.c' })).toEqual({ kind: 'jwt', token: 'a.b.c' });
    expect(presentedCredential({ authorization: 'Token abc' })).toEqual({ kind: 'malformed' });
    expect(presentedCredential({ 'x-api-key': ['a', 'b'] })).toEqual({ kind: 'malformed' });
  });
});

describe('Authenticator: remembered API keys (the hash skipped for a key that matched)', () => {
  const key = generateApiKey();
  const sibling = generateApiKey();
  let file: string;
  let registry: TenantRegistry;
  let auth: Authenticator;
  const write = (entry: Record<string, unknown>) =>
    writeFileSync(
      file,
      stringify({
        tenants: [
          {
            id: 't1',
            name: 'T1',
            barrackCredential: { env: 'B' },
            scopes: ['read'],
            apiKeys: [{ id: key.id, hash: key.hash, scopes: ['read'], ...entry }],
          },
        ],
      }),
    );
  const outcome = async (presented: string) => {
    const r = await auth.authenticate({ headers: { 'x-api-key': presented } });
    return r.ok ? 'ok' : r.reason;
  };

  beforeEach(async () => {
    Logger.overrideLogger(false);
    file = join(mkdtempSync(join(tmpdir(), 'bgw-authmemo-')), 'tenants.yaml');
    write({});
    registry = await TenantRegistry.fromFile(file, { B: 'barrack' });
    auth = new Authenticator(registry);
    expect(await outcome(key.key)).toBe('ok');
    expect(await outcome(key.key)).toBe('ok');
  });
  afterEach(() => auth.onModuleDestroy());

  it('refuses other bytes under the same key id', async () => {
    const forged = `bgw_${key.id}_${sibling.key.slice(-40)}`;
    expect(await outcome(forged)).toBe(`unknown key ${key.id}`);
    expect(await outcome(key.key)).toBe('ok');
  });

  it('refuses the key once a reload revokes it', async () => {
    write({ revoked: true });
    expect(await registry.reload()).toBe(true);
    expect(await outcome(key.key)).toBe(`revoked key ${key.id}`);
  });

  it('refuses the key once a reload gives its id another hash (rotation)', async () => {
    write({ hash: sibling.hash });
    expect(await registry.reload()).toBe(true);
    expect(await outcome(key.key)).toBe(`unknown key ${key.id}`);
  });
});
