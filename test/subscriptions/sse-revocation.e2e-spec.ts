import { apiKeyEntry, newKey } from '../auth/auth-test-kit';
import { waitFor } from '../helpers/gateway';
import { sseFeed } from './sse-kit';
import { INSTANCE_UPDATED, startWsKit, type WsKit } from './ws-test-kit';

/*
 * Revocation ends SSE streams as it ends WebSocket ones: the same credential sweep (tenants-file reload and
 * every SUBSCRIPTION_POLL_MS) sends an UNAUTHENTICATED error event on the stream and completes it, while
 * another key of the same tenant keeps streaming.
 */

const POLL_MS = 200;

describe('revoked credentials end their SSE streams', () => {
  const keep = newKey();
  const doomed = newKey();
  let kit: WsKit;
  const tenants = (revoke = false) => [
    {
      id: 'acme',
      name: 'Acme',
      barrackCredential: { file: 'demo.key' },
      scopes: ['read', 'write'],
      apiKeys: [
        apiKeyEntry(keep, { scopes: ['read'] }),
        apiKeyEntry(doomed, { scopes: ['read'], ...(revoke ? { revoked: true } : {}) }),
      ],
    },
  ];

  beforeAll(async () => {
    kit = await startWsKit(() => tenants(), keep.key, { SUBSCRIPTION_POLL_MS: String(POLL_MS) });
  });
  afterAll(() => kit?.close());

  it('an API key revoked in the tenants file: an UNAUTHENTICATED event, then the stream completes', async () => {
    const kept = sseFeed(kit.url, `Bearer ${keep.key}`, INSTANCE_UPDATED, { id: kit.instanceId });
    const gone = sseFeed(kit.url, `Bearer ${doomed.key}`, INSTANCE_UPDATED, { id: kit.instanceId });
    expect(await gone.status).toBe(200);
    await waitFor('the first events', () =>
      Promise.resolve(kept.data.length && gone.data.length ? true : undefined),
    );

    const revokedAt = Date.now();
    await kit.writeTenants(tenants(true));
    await gone.done;
    console.log(
      `revocation -> SSE stream ended: ${Date.now() - revokedAt} ms (SUBSCRIPTION_POLL_MS=${POLL_MS})`,
    );
    expect(gone.completed).toBe(true);
    expect(gone.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    ]);

    // The revoked key opens no new stream; the kept one still streams.
    const again = sseFeed(kit.url, `Bearer ${doomed.key}`, INSTANCE_UPDATED, { id: kit.instanceId });
    expect(await again.status).toBe(401);
    expect(kept.errors).toEqual([]);
    expect(kept.completed).toBe(false);
    kept.stop();
  });
});
