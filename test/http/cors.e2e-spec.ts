import { startTestGateway, type TestGateway } from '../helpers/gateway';

/*
 * CORS for browser frontends on another origin (src/common/http/cors.ts): what a browser checks, on every path a
 * request can take — a preflight (no credential), the Apollo path, a response-cache hit answered before Express,
 * a refusal — and nothing for an origin not on the list or with CORS_ORIGINS unset.
 */

const CONSOLE = 'https://console.example.com';

async function preflight(url: string, origin: string): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers':
        'authorization,content-type,apollographql-client-name,idempotency-key',
    },
  });
}

describe('CORS', () => {
  let gw: TestGateway;
  let plain: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({ env: { CORS_ORIGINS: `${CONSOLE}, http://localhost:5173` } });
    plain = await startTestGateway();
  });
  afterAll(async () => {
    await gw?.close();
    await plain?.close();
  });

  it('answers a preflight from a listed origin before authentication, CSRF or any upstream call', async () => {
    const before = gw.sim.admin.requestLog().length;
    const r = await preflight(gw.gatewayUrl, CONSOLE);
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(r.headers.get('vary')).toMatch(/origin/i);
    expect(r.headers.get('access-control-allow-methods')).toBe('GET,POST');
    const allowed = (r.headers.get('access-control-allow-headers') ?? '').split(',');
    expect(allowed).toEqual(
      expect.arrayContaining([
        'authorization',
        'content-type',
        'apollographql-client-name',
        'idempotency-key',
      ]),
    );
    expect(r.headers.get('access-control-max-age')).toBe('600');
    // Credentials are headers, never cookies: no credentials mode.
    expect(r.headers.get('access-control-allow-credentials')).toBeNull();
    expect(gw.sim.admin.requestLog().length).toBe(before);
  });

  it('puts the headers on an executed answer and on the response-cache hit that repeats it', async () => {
    const query = `query CorsRegions${Date.now()} { regions { code } }`;
    const headers = { origin: CONSOLE };
    const first = await gw.gql(query, undefined, { headers });
    const second = await gw.gql(query, undefined, { headers });
    expect(first.body.errors).toBeUndefined();
    expect(second.body.extensions?.responseCache).toMatchObject({ hit: true });
    for (const r of [first, second]) {
      expect(r.headers.get('access-control-allow-origin')).toBe(CONSOLE);
      const exposed = (r.headers.get('access-control-expose-headers') ?? '').split(',');
      expect(exposed).toEqual(expect.arrayContaining(['x-request-id', 'etag', 'ratelimit', 'retry-after']));
    }
  });

  it('puts them on a refusal too, so the browser lets the client read the error', async () => {
    const r = await gw.gql('{ viewer { tenantId } }', undefined, {
      apiKey: 'bgw_unknown_key',
      headers: { origin: 'http://localhost:5173' },
    });
    expect(r.status).toBe(401);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('gives an origin not on the list no CORS headers (its browser withholds the answer)', async () => {
    const pre = await preflight(gw.gatewayUrl, 'https://evil.example.net');
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const r = await gw.gql('{ viewer { tenantId } }', undefined, {
      headers: { origin: 'https://evil.example.net' },
    });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends no CORS headers at all with CORS_ORIGINS unset', async () => {
    const pre = await preflight(plain.gatewayUrl, CONSOLE);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const r = await plain.gql('{ viewer { tenantId } }', undefined, { headers: { origin: CONSOLE } });
    expect(r.body.errors).toBeUndefined();
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });
});
