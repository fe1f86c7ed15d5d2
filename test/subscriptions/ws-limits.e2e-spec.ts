import WebSocket from 'ws';
import { apiKeyEntry, newKey } from '../auth/auth-test-kit';
import { waitFor } from '../helpers/gateway';
import { feed, INSTANCE_UPDATED, startWsKit, wsClient, wsUrl, type WsKit } from './ws-test-kit';

/*
 * The WebSocket transport under the same limits as HTTP: the message size bound (MAX_BODY_BYTES, close
 * 1009 before anything runs), the same QUERY_TOO_COMPLEX errors byte for byte, and the per-tenant socket
 * and per-socket operation bounds. Real WebSocket (`ws`, graphql-ws client), real Redis, the simulator.
 */

const MAX_SOCKETS = 2;
const MAX_OPS = 2;

/** Opens a raw graphql-transport-ws socket and waits for connection_ack (or the close code). */
function rawSocket(url: string, key: string): Promise<{ ws: WebSocket; closed: Promise<number> } | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(url), 'graphql-transport-ws');
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    ws.on('open', () =>
      ws.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${key}` } })),
    );
    ws.once('message', () => resolve({ ws, closed }));
    void closed.then((code) => resolve(code));
    ws.on('error', reject);
  });
}

describe('WebSocket limits (same as HTTP)', () => {
  const a1 = newKey();
  const a2 = newKey();
  const b1 = newKey();
  let kit: WsKit;

  beforeAll(async () => {
    kit = await startWsKit(
      () => [
        {
          id: 'acme',
          name: 'Acme',
          barrackCredential: { file: 'demo.key' },
          scopes: ['read'],
          apiKeys: [apiKeyEntry(a1, { scopes: ['read'] }), apiKeyEntry(a2, { scopes: ['read'] })],
        },
        {
          id: 'beta',
          name: 'Beta',
          barrackCredential: { file: 'demo.key' },
          scopes: ['read'],
          apiKeys: [apiKeyEntry(b1, { scopes: ['read'] })],
        },
      ],
      a1.key,
      {
        MAX_BODY_BYTES: '65536',
        QUERY_MAX_DEPTH: '4',
        QUERY_MAX_COST: '15',
        WS_MAX_SOCKETS_PER_TENANT: String(MAX_SOCKETS),
        WS_MAX_SUBSCRIPTIONS_PER_SOCKET: String(MAX_OPS),
      },
    );
  });
  afterAll(() => kit?.close());

  it('closes the socket with 1009 on a 20 MB message, and nothing reaches Barrack', async () => {
    const s = await rawSocket(kit.url, a1.key);
    if (typeof s === 'number') throw new Error(`connection refused with ${s}`);
    kit.sim.admin.resetLog();
    const padding = ' '.repeat(20 * 1024 * 1024);
    s.ws.send(
      JSON.stringify({
        id: 'big',
        type: 'subscribe',
        payload: { query: `${INSTANCE_UPDATED}${padding}`, variables: { id: kit.instanceId } },
      }),
    );
    const code = await s.closed;
    const upstreamCalls = kit.sim.admin.requestLog().length;
    console.log(`20 MB WebSocket message: close ${code}, upstream calls ${upstreamCalls}`);
    expect(code).toBe(1009);
    expect(upstreamCalls).toBe(0);
  });

  it.each([
    // A data query (introspection has its own bounds, not the data depth limit).
    ['depth', '{ regions { gpuStock { region { gpuStock { region { code } } } } } }'],
    ['cost', '{ a: viewer { tenantId } b: viewer { tenantId } }'],
  ])('refuses an over-%s query with the same error over HTTP and WebSocket', async (_rule, query) => {
    const http = await fetch(`${kit.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a1.key}` },
      body: JSON.stringify({ query }),
    });
    const httpBody = (await http.json()) as {
      errors: { message: string; extensions: Record<string, unknown> }[];
    };

    const { client } = wsClient(kit.url, `Bearer ${a1.key}`);
    const f = feed(client, query);
    await f.done;
    await client.dispose();

    const strip = (e: { message: string; extensions?: Record<string, unknown> }) => {
      const { requestId, ...extensions } = e.extensions ?? {};
      expect(typeof requestId).toBe('string');
      return JSON.stringify({ message: e.message, extensions });
    };
    expect(httpBody.errors).toHaveLength(1);
    expect(f.errors).toHaveLength(1);
    expect(strip(f.errors[0]!)).toBe(strip(httpBody.errors[0]!));
    expect(httpBody.errors[0]!.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      actual: expect.any(Number),
    });
  });

  it(`closes a tenant's socket past WS_MAX_SOCKETS_PER_TENANT with 4429; other tenants are unaffected`, async () => {
    const open = [await rawSocket(kit.url, a1.key), await rawSocket(kit.url, a2.key)];
    try {
      expect(open.every((s) => typeof s !== 'number')).toBe(true);
      expect(await rawSocket(kit.url, a1.key)).toBe(4429);
      const other = await rawSocket(kit.url, b1.key);
      expect(typeof other).not.toBe('number');
      if (typeof other !== 'number') other.ws.close();
    } finally {
      for (const s of open) if (typeof s !== 'number') s.ws.close();
    }
    // A closed socket frees its place.
    for (const s of open) if (typeof s !== 'number') await s.closed;
    await waitFor('a free socket place', async () => {
      const s = await rawSocket(kit.url, a1.key);
      if (typeof s === 'number') return undefined;
      s.ws.close();
      return true;
    });
  });

  it('refuses a subscription past WS_MAX_SUBSCRIPTIONS_PER_SOCKET with RATE_LIMITED', async () => {
    const { client } = wsClient(kit.url, `Bearer ${a1.key}`);
    try {
      const running = Array.from({ length: MAX_OPS }, () =>
        feed(client, INSTANCE_UPDATED, { id: kit.instanceId }),
      );
      await waitFor('both subscriptions stream', () =>
        Promise.resolve(running.every((f) => f.data.length > 0) ? true : undefined),
      );
      const extra = feed(client, INSTANCE_UPDATED, { id: kit.instanceId });
      await extra.done;
      expect(extra.errors).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({
            code: 'RATE_LIMITED',
            rule: 'subscriptionsPerSocket',
            limit: MAX_OPS,
          }),
        }),
      ]);
      // The running ones are untouched; completing one frees a place.
      expect(running.every((f) => f.errors.length === 0)).toBe(true);
      running[0]!.stop();
      const again = feed(client, INSTANCE_UPDATED, { id: kit.instanceId });
      await waitFor('a freed place streams', () => Promise.resolve(again.data.length > 0 ? true : undefined));
      expect(again.errors).toEqual([]);
    } finally {
      await client.dispose();
    }
  });
});
