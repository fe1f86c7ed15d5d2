import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { apiKeyEntry, newKey } from '../auth/auth-test-kit';
import { waitFor } from '../helpers/gateway';
import { feed, INSTANCE_UPDATED, startWsKit, wsClient, type WsKit } from './ws-test-kit';

/*
 * A credential that stops holding ends the streams opened with it: the gateway re-checks every socket's
 * credential when the tenants file reloads and every SUBSCRIPTION_POLL_MS, then sends an error for each
 * running subscription and closes the socket (4401 UNAUTHENTICATED, 4403 FORBIDDEN). Real WebSocket
 * (graphql-ws client on `ws`), real Redis, the simulator as Barrack, the tenants file hot-reloaded.
 */

const POLL_MS = 200;
const HS_SECRET = 'an-hs256-secret-of-at-least-32-bytes!!';
const ISSUER = 'https://idp.ws.test/';
const AUD = 'barrack-gateway';

describe('revoked credentials end their subscriptions', () => {
  const keep = newKey();
  const doomed = newKey();
  const suspendedKey = newKey();
  let kit: WsKit;
  const tenants = (opts: { revoke?: boolean; suspend?: boolean } = {}) => [
    {
      id: 'acme',
      name: 'Acme',
      barrackCredential: { file: 'demo.key' },
      scopes: ['read', 'write'],
      apiKeys: [
        apiKeyEntry(keep, { scopes: ['read'] }),
        apiKeyEntry(doomed, { scopes: ['read'], ...(opts.revoke ? { revoked: true } : {}) }),
      ],
      jwtIssuers: [
        { issuer: ISSUER, audience: AUD, hs256SecretRef: { file: 'hs.secret' }, algorithms: ['HS256'] },
      ],
    },
    {
      id: 'beta',
      name: 'Beta',
      barrackCredential: { file: 'demo.key' },
      scopes: ['read'],
      ...(opts.suspend ? { status: 'suspended' } : {}),
      apiKeys: [apiKeyEntry(suspendedKey, { scopes: ['read'] })],
    },
  ];

  beforeAll(async () => {
    const first = async (dir: string) => {
      await writeFile(join(dir, 'hs.secret'), `${HS_SECRET}\n`);
      return tenants();
    };
    kit = await startWsKit(first, keep.key, { SUBSCRIPTION_POLL_MS: String(POLL_MS) });
  });
  afterAll(() => kit?.close());

  async function openStream(authorization: string) {
    const { client, closed } = wsClient(kit.url, authorization);
    const f = feed(client, INSTANCE_UPDATED, { id: kit.instanceId });
    await waitFor('the first event', () => Promise.resolve(f.data.length > 0 ? true : undefined));
    return { client, closed, f };
  }

  it('an API key revoked in the tenants file: UNAUTHENTICATED on the stream, socket closed 4401', async () => {
    const kept = await openStream(`Bearer ${keep.key}`);
    const gone = await openStream(`Bearer ${doomed.key}`);

    const revokedAt = Date.now();
    await kit.writeTenants(tenants({ revoke: true }));
    const code = await gone.closed;
    const elapsed = Date.now() - revokedAt;
    // Measured, not asserted (timing belongs to benchmarks): revocation written -> socket closed.
    console.log(`revocation -> subscription closed: ${elapsed} ms (SUBSCRIPTION_POLL_MS=${POLL_MS})`);

    expect(code).toBe(4401);
    expect(gone.f.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    ]);
    // The other key of the same tenant keeps streaming on its socket.
    const before = kept.f.data.length;
    const second = feed(kept.client, INSTANCE_UPDATED, { id: kit.instanceId });
    await waitFor('the kept key still subscribes', () =>
      Promise.resolve(second.data.length > 0 ? true : undefined),
    );
    expect(kept.f.errors).toEqual([]);
    expect(kept.f.data.length).toBeGreaterThanOrEqual(before);
    await kept.client.dispose();
  });

  it('a JWT whose exp passes: UNAUTHENTICATED, socket closed 4401', async () => {
    // exp just inside the verifier's 30 s clock tolerance: valid now, invalid about two seconds later.
    const token = await new SignJWT({ scope: 'read' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUD)
      .setSubject('user-7')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 60)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 28)
      .sign(new TextEncoder().encode(HS_SECRET));
    const s = await openStream(`Bearer ${token}`);
    expect(await s.closed).toBe(4401);
    expect(s.f.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    ]);
  });

  it('a tenant suspended in the tenants file: FORBIDDEN, socket closed 4403', async () => {
    const s = await openStream(`Bearer ${suspendedKey.key}`);
    await kit.writeTenants(tenants({ revoke: true, suspend: true }));
    expect(await s.closed).toBe(4403);
    expect(s.f.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);
  });
});
