import { request as httpRequest } from 'node:http';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { eventually, LogLines } from '../helpers/log-lines';
import { uniquePrefix } from '../helpers/redis';

/*
 * The response-cache pre-router (src/response-cache/pre-router.ts): hits of the common request shapes are
 * answered before Express, and every request it takes but does not answer reaches Express with the same result
 * as before — a malformed body, a refused credential, a batch, a chunked body. Against a real Redis, the
 * simulator and the gateway over HTTP; which path answered is read from the request's log line.
 */

const CATALOGUE = 'query PreCatalogue { regions { code } gpuStock { region { code } gpuModel available } }';
const PRICING = 'query PrePrices { pricing { currency } }';

interface Ext {
  responseCache?: { hit: boolean; stale?: boolean; stored?: boolean };
}

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One request with node:http, so the test decides framing (Content-Length or chunked) and headers exactly. */
function raw(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; chunked?: boolean },
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: opts.method ?? 'POST', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    if (opts.body !== undefined) {
      if (opts.chunked) {
        // Two writes without a Content-Length: node sends Transfer-Encoding: chunked.
        const half = Math.floor(opts.body.length / 2);
        req.write(opts.body.slice(0, half));
        req.write(opts.body.slice(half));
      } else {
        req.setHeader('content-length', Buffer.byteLength(opts.body));
        req.write(opts.body);
      }
    }
    req.end();
  });
}

describe('response-cache pre-router', () => {
  let gw: TestGateway;
  const logs = new LogLines();
  const post = (body: string, headers: Record<string, string> = {}, chunked = false) =>
    raw(`${gw.gatewayUrl}/graphql`, {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.keys.demo}`, ...headers },
      body,
      chunked,
    });

  beforeAll(async () => {
    gw = await startTestGateway({
      env: { REDIS_KEY_PREFIX: uniquePrefix('pre'), LOG_LEVEL: 'info' },
      gateway: { logDestination: logs },
    });
  });
  afterAll(() => gw?.close());

  it('answers a hit before Express with a log line in the shape of every other request, credential redacted', async () => {
    const body = JSON.stringify({ query: CATALOGUE });
    const miss = await post(body, { 'x-request-id': 'pre-miss-1' });
    expect((JSON.parse(miss.text) as { extensions: Ext }).extensions.responseCache?.stored).toBe(true);
    const hit = await post(body, { 'x-request-id': 'pre-hit-1' });
    expect(hit.status).toBe(200);
    expect((JSON.parse(hit.text) as { extensions: Ext }).extensions.responseCache?.hit).toBe(true);
    expect(hit.headers['x-request-id']).toBe('pre-hit-1');
    expect(await eventually(() => logs.fastHits(['pre-hit-1']) === 1)).toBe(true);
    const [missLine] = logs.requestLines('pre-miss-1');
    const [hitLine] = logs.requestLines('pre-hit-1');
    expect(hitLine).toMatchObject({
      level: 30,
      msg: 'request completed',
      requestId: 'pre-hit-1',
      tenantId: gw.tenantIds.demo,
      req: { method: 'POST', path: '/graphql', headers: { authorization: '[redacted]' } },
      res: { statusCode: 200 },
    });
    expect(typeof hitLine!.latencyMs).toBe('number');
    // The same fields as the line pino-http wrote for the miss through Express, plus how it was answered.
    expect(Object.keys(hitLine!).sort()).toEqual([...Object.keys(missLine!), 'responseCache'].sort());
    expect(JSON.stringify(logs.lines)).not.toContain(gw.keys.demo);
  });

  it('hands a chunked body to Express, whose fast-path middleware answers the same hit', async () => {
    const body = JSON.stringify({ query: PRICING });
    await post(body);
    const framed = await post(body, { 'x-request-id': 'pre-framed' });
    const chunked = await post(body, { 'x-request-id': 'pre-chunked' }, true);
    expect(chunked.status).toBe(200);
    const a = JSON.parse(framed.text) as { data: unknown; extensions: Ext };
    const b = JSON.parse(chunked.text) as { data: unknown; extensions: Ext };
    expect(b.data).toEqual(a.data);
    expect(b.extensions.responseCache?.hit).toBe(true);
    for (const h of ['etag', 'content-type', 'ratelimit-policy'])
      expect(chunked.headers[h]).toBe(framed.headers[h]);
    expect(await eventually(() => logs.fastHits(['pre-framed', 'pre-chunked']) === 2)).toBe(true);
  });

  it('answers malformed JSON and a non-object body as body-parser would: 400 BAD_USER_INPUT, once', async () => {
    for (const [i, body] of ['{"query": ', '42', 'null'].entries()) {
      const res = await post(body, { 'x-request-id': `pre-bad-${i}` });
      expect(res.status).toBe(400);
      const parsed = JSON.parse(res.text) as {
        errors: { message: string; extensions: Record<string, unknown> }[];
      };
      expect(parsed.errors[0]).toMatchObject({
        message: 'The request body is not valid JSON.',
        extensions: { code: 'BAD_USER_INPUT', requestId: `pre-bad-${i}` },
      });
    }
  });

  it('leaves refusals to the code that makes them: a bad key is 401 with WWW-Authenticate, even for a cached document', async () => {
    const body = JSON.stringify({ query: CATALOGUE });
    await post(body);
    const res = await post(body, {
      authorization: 'Bearer bgw_AAAAAAAAAAAA_notavalidkeynotavalidkeynotavalidkey00',
    });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toContain('invalid_token');
    expect((JSON.parse(res.text) as { data?: unknown }).data).toBeUndefined();
  });

  it('leaves a batch of cached documents to Apollo (which refuses batches unless they are turned on)', async () => {
    await post(JSON.stringify({ query: CATALOGUE }));
    const res = await post(JSON.stringify([{ query: CATALOGUE }, { query: PRICING }]), {
      'x-request-id': 'pre-batch',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Operation batching disabled.');
    expect(logs.fastHits(['pre-batch'])).toBe(0);
  });

  it('answers a GET hit (query string) before Express, and hands GET with malformed variables to Apollo', async () => {
    const q = encodeURIComponent(CATALOGUE);
    const get = (qs: string, id: string) =>
      raw(`${gw.gatewayUrl}/graphql?${qs}`, {
        method: 'GET',
        headers: { authorization: `Bearer ${gw.keys.demo}`, 'x-request-id': id },
      });
    await get(`query=${q}`, 'pre-get-0');
    const hit = await get(`query=${q}`, 'pre-get-1');
    expect(hit.status).toBe(200);
    expect(await eventually(() => logs.fastHits(['pre-get-1']) === 1)).toBe(true);
    const bad = await get(`query=${q}&variables=%7Bnot-json`, 'pre-get-2');
    expect(bad.status).toBe(400);
    expect(logs.fastHits(['pre-get-2'])).toBe(0);
  });
});

describe('response-cache fast path with the pre-router off (RESPONSE_CACHE_PRE_ROUTER=false)', () => {
  let gw: TestGateway;
  const logs = new LogLines();
  beforeAll(async () => {
    gw = await startTestGateway({
      env: { REDIS_KEY_PREFIX: uniquePrefix('nopre'), LOG_LEVEL: 'info', RESPONSE_CACHE_PRE_ROUTER: 'false' },
      gateway: { logDestination: logs },
    });
  });
  afterAll(() => gw?.close());

  it('still answers hits before Apollo, from the Express middleware', async () => {
    await gw.gql(CATALOGUE);
    const hit = await gw.gql(CATALOGUE);
    expect((hit.body.extensions as Ext).responseCache?.hit).toBe(true);
    expect(await eventually(() => logs.fastHits([hit.headers.get('x-request-id')]) === 1)).toBe(true);
    // pino-http wrote it (it binds the request id to a child logger): one line, no second one from a pre-router.
    expect(logs.requestLines(hit.headers.get('x-request-id'))).toHaveLength(1);
  });
});
