import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import type { RunningGateway } from '../../src/bootstrap';
import { gql, startWithTenants, tempDir, VIEWER, writeTenants } from './auth-test-kit';

const AUD = 'barrack-gateway';
const HS_SECRET = 'an-hs256-secret-of-at-least-32-bytes!!';

/** A JWKS endpoint we control: keys can be added while the gateway runs; fetches are counted. */
class JwksServer {
  keys: JWK[] = [];
  fetches = 0;
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.fetches++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: this.keys }));
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/jwks.json`;
  }

  stop(): Promise<void> {
    const closed = new Promise<void>((r) => this.server.close(() => r()));
    this.server.closeAllConnections();
    return closed;
  }
}

interface RsKey {
  kid: string;
  privateKey: KeyLike;
  publicKey: KeyLike;
}

async function rsKey(kid: string): Promise<RsKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { kid, privateKey, publicKey };
}

async function publicJwk(k: RsKey): Promise<JWK> {
  return { ...(await exportJWK(k.publicKey)), kid: k.kid, alg: 'RS256', use: 'sig' };
}

const now = () => Math.floor(Date.now() / 1000);

function rsToken(
  k: RsKey,
  claims: Record<string, unknown>,
  opts: { iss?: string; aud?: string; exp?: number; nbf?: number } = {},
) {
  const jwt = new SignJWT({ scope: 'read write', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: k.kid })
    .setIssuer(opts.iss ?? 'https://idp.acme.test/')
    .setAudience(opts.aud ?? AUD)
    .setSubject('user-42')
    .setIssuedAt()
    .setExpirationTime(opts.exp ?? now() + 300);
  if (opts.nbf !== undefined) jwt.setNotBefore(opts.nbf);
  return jwt.sign(k.privateKey);
}

function hsToken(claims: Record<string, unknown>, iss = 'https://idp.beta.test/', secret = HS_SECRET) {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(iss)
    .setAudience(AUD)
    .setIssuedAt()
    .setExpirationTime(now() + 300)
    .sign(new TextEncoder().encode(secret));
}

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

describe('JWT authentication (real HTTP, JWKS served locally)', () => {
  const jwks = new JwksServer();
  let k1: RsKey;
  let gw: RunningGateway;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    await jwks.start();
    k1 = await rsKey('k1');
    jwks.keys = [await publicJwk(k1)];
    const t = await tempDir();
    cleanup = t.cleanup;
    await writeFile(join(t.dir, 'beta-hs.secret'), `${HS_SECRET}\n`);
    process.env.BGW_TEST_JWT_BARRACK = 'barrack-key';
    await writeTenants(join(t.dir, 'tenants.yaml'), [
      {
        id: 'acme',
        name: 'Acme',
        barrackCredential: { env: 'BGW_TEST_JWT_BARRACK' },
        scopes: ['read', 'write', 'billing'],
        jwtIssuers: [
          { issuer: 'https://idp.acme.test/', audience: AUD, jwksUri: jwks.url, algorithms: ['RS256'] },
        ],
      },
      {
        id: 'beta',
        name: 'Beta',
        barrackCredential: { env: 'BGW_TEST_JWT_BARRACK' },
        scopes: ['read', 'ai'],
        jwtIssuers: [
          {
            issuer: 'https://idp.beta.test/',
            audience: [AUD, 'other'],
            hs256SecretRef: { file: 'beta-hs.secret' },
            algorithms: ['HS256'],
            claims: { subject: 'uid', scopes: 'permissions' },
          },
        ],
      },
      {
        id: 'shared-a',
        name: 'Shared A',
        barrackCredential: { env: 'BGW_TEST_JWT_BARRACK' },
        jwtIssuers: [
          {
            issuer: 'https://idp.shared.test/',
            audience: AUD,
            hs256SecretRef: { file: 'beta-hs.secret' },
            algorithms: ['HS256'],
            claims: { tenant: 'org' },
          },
        ],
      },
      {
        id: 'shared-b',
        name: 'Shared B',
        status: 'suspended',
        barrackCredential: { env: 'BGW_TEST_JWT_BARRACK' },
        jwtIssuers: [
          {
            issuer: 'https://idp.shared.test/',
            audience: AUD,
            hs256SecretRef: { file: 'beta-hs.secret' },
            algorithms: ['HS256'],
            claims: { tenant: 'org' },
          },
        ],
      },
    ]);
    gw = await startWithTenants(join(t.dir, 'tenants.yaml'));
  });

  afterAll(async () => {
    await gw?.close();
    await jwks.stop();
    await cleanup?.();
  });

  it('accepts an RS256 token verified through the JWKS, scopes from a space-separated claim', async () => {
    const r = await gql(gw.url, VIEWER, bearer(await rsToken(k1, { scope: 'read write admin' })));
    expect(r.status).toBe(200);
    // admin is not among acme's scopes, so the token cannot grant it.
    expect(r.body.data?.viewer).toEqual({
      tenantId: 'acme',
      tenantName: 'Acme',
      principalKind: 'JWT',
      subject: 'user-42',
      scopes: ['READ', 'WRITE'],
    });
  });

  it('accepts an HS256 token, with subject and scopes (an array) from configured claims', async () => {
    const r = await gql(
      gw.url,
      VIEWER,
      bearer(await hsToken({ uid: 'u-7', permissions: ['read', 'ai', 'write'] })),
    );
    expect(r.status).toBe(200);
    expect(r.body.data?.viewer).toMatchObject({
      tenantId: 'beta',
      principalKind: 'JWT',
      subject: 'u-7',
      scopes: ['READ', 'AI'],
    });
  });

  it('tolerates 30 s of clock skew on exp', async () => {
    const r = await gql(gw.url, VIEWER, bearer(await rsToken(k1, {}, { exp: now() - 5 })));
    expect(r.status).toBe(200);
  });

  it('picks the tenant by claim when an issuer is shared, and checks it', async () => {
    const ok = await gql(
      gw.url,
      VIEWER,
      bearer(await hsToken({ sub: 'x', org: 'shared-a', scope: 'read' }, 'https://idp.shared.test/')),
    );
    expect(ok.body.data?.viewer).toMatchObject({ tenantId: 'shared-a' });
    const none = await gql(
      gw.url,
      VIEWER,
      bearer(await hsToken({ sub: 'x', org: 'acme', scope: 'read' }, 'https://idp.shared.test/')),
    );
    expect(none.status).toBe(401);
  });

  it('refuses a token of a suspended tenant with 403 FORBIDDEN', async () => {
    const r = await gql(
      gw.url,
      VIEWER,
      bearer(await hsToken({ sub: 'x', org: 'shared-b', scope: 'read' }, 'https://idp.shared.test/')),
    );
    expect(r.status).toBe(403);
    expect(r.body.errors?.[0]).toMatchObject({
      message: 'Tenant shared-b is suspended',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  const cases: [string, () => Promise<string>][] = [
    ['expired token', async () => rsToken(k1, {}, { exp: now() - 120 })],
    ['token not yet valid', async () => rsToken(k1, {}, { nbf: now() + 300 })],
    ['wrong audience', async () => rsToken(k1, {}, { aud: 'someone-else' })],
    ['unknown issuer', async () => rsToken(k1, {}, { iss: 'https://evil.test/' })],
    [
      'alg none',
      () => {
        const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        return Promise.resolve(
          `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ iss: 'https://idp.acme.test/', aud: AUD, sub: 'x', scope: 'read', exp: now() + 300 })}.`,
        );
      },
    ],
    [
      'wrong signature (a key the JWKS does not hold, same kid)',
      async () => rsToken({ ...(await rsKey('k1')) }, {}),
    ],
    [
      'tampered payload',
      async () => {
        const [h, , s] = (await rsToken(k1, { scope: 'read' })).split('.');
        const p = Buffer.from(
          JSON.stringify({
            iss: 'https://idp.acme.test/',
            aud: AUD,
            sub: 'x',
            scope: 'read write',
            exp: now() + 300,
          }),
        ).toString('base64url');
        return `${h}.${p}.${s}`;
      },
    ],
    [
      'HS256 signed with the issuer public key (algorithm confusion)',
      async () =>
        hsToken({ sub: 'x', scope: 'read' }, 'https://idp.acme.test/', await exportSPKI(k1.publicKey)),
    ],
    [
      'wrong HS256 secret',
      async () =>
        hsToken(
          { uid: 'x', permissions: ['read'] },
          'https://idp.beta.test/',
          'a-different-secret-of-at-least-32-bytes',
        ),
    ],
    [
      'token without exp',
      async () =>
        new SignJWT({ scope: 'read' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer('https://idp.beta.test/')
          .setAudience(AUD)
          .setSubject('x')
          .sign(new TextEncoder().encode(HS_SECRET)),
    ],
    ['garbage bearer token', () => Promise.resolve('not.a.jwt')],
  ];

  it.each(cases)('refuses %s with 401 Invalid credential', async (_name, make) => {
    const r = await gql(gw.url, VIEWER, bearer(await make()));
    expect(r.status).toBe(401);
    expect(r.body).toEqual({
      errors: [
        {
          message: 'Invalid credential',
          extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) },
        },
      ],
    });
  });

  it('accepts a token signed by a rotated-in key once the JWKS publishes it (refetch on unknown kid)', async () => {
    const k2 = await rsKey('k2');
    const token = await rsToken(k2, {});
    const before = jwks.fetches;
    // Unknown kid while the JWKS does not hold it yet: refused.
    expect((await gql(gw.url, VIEWER, bearer(token))).status).toBe(401);
    jwks.keys = [await publicJwk(k1), await publicJwk(k2)];
    const r = await gql(gw.url, VIEWER, bearer(token));
    expect(r.status).toBe(200);
    expect(r.body.data?.viewer).toMatchObject({ tenantId: 'acme' });
    expect(jwks.fetches).toBeGreaterThan(before);
    // The old key still works after the rotation, from the cache.
    const fetched = jwks.fetches;
    expect((await gql(gw.url, VIEWER, bearer(await rsToken(k1, {})))).status).toBe(200);
    expect(jwks.fetches).toBe(fetched);
  });
});
