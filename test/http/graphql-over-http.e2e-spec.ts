import { weakEtag } from '../../src/common/http/read-etags';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { uniquePrefix } from '../helpers/redis';
import { post, startHttpGateway, toRaw, type HttpGateway, type RawResponse } from './http-test-kit';

/*
 * Issue 13 item 7, GraphQL over HTTP: every refusal is GraphQL-shaped JSON in the media type `Accept` asks
 * for, with extensions.code and requestId; a mutation over GET is 405 with Allow: POST; CSRF has a requestId.
 */

const GQL_RESPONSE = 'application/graphql-response+json';
const JSON_TYPE = 'application/json';

function expectRefusal(r: RawResponse, status: number, mediaType: string, code: string): void {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toMatch(new RegExp(`^${mediaType.replace('+', '\\+')}`));
  expect(r.body.data).toBeUndefined();
  expect(r.body.errors).toHaveLength(1);
  const ext = r.body.errors[0].extensions;
  expect(ext.code).toBe(code);
  expect(typeof ext.requestId).toBe('string');
  expect(r.headers.get('x-request-id')).toBe(ext.requestId);
}

describe('GraphQL over HTTP: responses honour Accept', () => {
  let gw: HttpGateway;
  let limited: HttpGateway;

  beforeAll(async () => {
    gw = await startHttpGateway({ env: { MAX_BODY_BYTES: '2048' } });
    limited = await startHttpGateway({ plan: { requestsPerMinute: 1, burst: 0, costPerMinute: 100_000 } });
  });
  afterAll(async () => {
    await gw.close();
    await limited.close();
  });

  it.each([
    [GQL_RESPONSE, GQL_RESPONSE],
    [`${GQL_RESPONSE}, ${JSON_TYPE};q=0.9`, GQL_RESPONSE],
    [JSON_TYPE, JSON_TYPE],
    ['*/*', JSON_TYPE],
  ])('401 without a credential, Accept %s -> %s', async (accept, mediaType) => {
    const r = await post(gw.url, { query: '{ viewer { tenantId } }' }, { accept });
    expectRefusal(r, 401, mediaType, 'UNAUTHENTICATED');
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
  });

  it('401 for an unknown credential with Accept application/graphql-response+json', async () => {
    const r = await post(
      gw.url,
      { query: '{ viewer { tenantId } }' },
      { accept: GQL_RESPONSE, authorization: 'Bearer bgw_unknown' },
    );
    expectRefusal(r, 401, GQL_RESPONSE, 'UNAUTHENTICATED');
  });

  it('a missing scope (found during execution, data: null): 200 with graphql-response+json, 403 with json', async () => {
    const query = '{ apiKeys { id } }';
    const g = await post(gw.url, { query }, { ...gw.auth.aiOnlyKey, accept: GQL_RESPONSE });
    expect(g.status).toBe(200);
    expect(g.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(g.body.data).toBeNull();
    expect(g.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', missingScopes: ['admin'] });
    expect(typeof g.body.errors[0].extensions.requestId).toBe('string');
    const j = await post(gw.url, { query }, { ...gw.auth.aiOnlyKey, accept: JSON_TYPE });
    expect(j.status).toBe(403);
    expect(j.headers.get('content-type')).toMatch(/^application\/json/);
    expect(j.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('413 for a body over MAX_BODY_BYTES, in either media type', async () => {
    const big = JSON.stringify({ query: `{ viewer { tenantId } } # ${'x'.repeat(4096)}` });
    const g = await post(gw.url, big, { ...gw.auth.apiKey, accept: GQL_RESPONSE });
    expectRefusal(g, 413, GQL_RESPONSE, 'BAD_USER_INPUT');
    expect(g.body.errors[0].extensions.limit).toBe(2048);
    const j = await post(gw.url, big, { ...gw.auth.apiKey, accept: JSON_TYPE });
    expectRefusal(j, 413, JSON_TYPE, 'BAD_USER_INPUT');
  });

  it('400 for malformed JSON and for a parse error, in the accepted media type', async () => {
    const bad = await post(gw.url, '{"query": ', { ...gw.auth.apiKey, accept: GQL_RESPONSE });
    expectRefusal(bad, 400, GQL_RESPONSE, 'BAD_USER_INPUT');
    const parse = await post(gw.url, { query: '{ viewer {' }, { ...gw.auth.apiKey, accept: GQL_RESPONSE });
    expectRefusal(parse, 400, GQL_RESPONSE, 'GRAPHQL_PARSE_FAILED');
  });

  it.each([
    ['a batch (batching is off)', [{ query: '{ viewer { tenantId } }' }], /batching disabled/],
    ['an empty object', {}, /JSON object has no keys/],
    ['variables as a JSON string', { query: '{ viewer { tenantId } }', variables: '{}' }, /`variables`/],
    ['extensions as a JSON string', { query: '{ viewer { tenantId } }', extensions: '{}' }, /`extensions`/],
  ])('400 with a request id for %s', async (_what, body, message) => {
    const r = await post(gw.url, body, { ...gw.auth.apiKey, accept: GQL_RESPONSE });
    expectRefusal(r, 400, GQL_RESPONSE, 'BAD_USER_INPUT');
    expect(r.body.errors[0].message).toMatch(message);
  });

  it.each([
    ['a query that is not a string', { query: 5 }, /GraphQL queries must be strings/],
    [
      'variables as an array',
      { query: '{ viewer { tenantId } }', variables: [1] },
      /`variables` in a POST body must be an object/,
    ],
    [
      'extensions as a number',
      { query: '{ viewer { tenantId } }', extensions: 1 },
      /`extensions` in a POST body must be an object/,
    ],
    [
      'an operationName that is not a string',
      { query: '{ viewer { tenantId } }', operationName: 5 },
      /`operationName`/,
    ],
  ])('400 with a request id for %s (Apollo words, our request id)', async (_what, body, message) => {
    const r = await post(gw.url, body, { ...gw.auth.apiKey, accept: GQL_RESPONSE });
    expectRefusal(r, 400, GQL_RESPONSE, 'BAD_USER_INPUT');
    expect(r.body.errors[0].message).toMatch(message);
  });

  it.each([
    [
      'variables that are not JSON',
      'query=%7B__typename%7D&variables=nope',
      400,
      /variables search parameter contains invalid JSON/,
    ],
    [
      'variables that are not an object',
      'query=%7B__typename%7D&variables=%5B1%5D',
      400,
      /JSON-encoded object/,
    ],
    [
      'a query given twice',
      'query=%7B__typename%7D&query=%7B__typename%7D',
      400,
      /may only be specified once/,
    ],
  ])('GET with %s: refused with a request id', async (_what, search, status, message) => {
    const res = await fetch(`${gw.url}/graphql?${search}`, {
      headers: { ...gw.auth.apiKey, accept: GQL_RESPONSE, 'apollo-require-preflight': 'true' },
    });
    const r = await toRaw(res);
    expectRefusal(r, status, GQL_RESPONSE, 'BAD_USER_INPUT');
    expect(r.body.errors[0].message).toMatch(message);
  });

  it('a GET with a content type other than JSON is 415, a PUT 405 with Allow: GET, POST, both with a request id', async () => {
    const get = await toRaw(
      await fetch(`${gw.url}/graphql?query=%7B__typename%7D`, {
        headers: { ...gw.auth.apiKey, 'content-type': 'text/plain', 'apollo-require-preflight': 'true' },
      }),
    );
    expectRefusal(get, 415, JSON_TYPE, 'BAD_USER_INPUT');
    const put = await toRaw(
      await fetch(`${gw.url}/graphql`, {
        method: 'PUT',
        headers: { ...gw.auth.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      }),
    );
    expectRefusal(put, 405, JSON_TYPE, 'BAD_USER_INPUT');
    expect(put.headers.get('allow')).toBe('GET, POST');
  });

  it('429 with Retry-After when the budget is spent, in either media type', async () => {
    const query = '{ viewer { tenantId } }';
    const first = await post(limited.url, { query }, limited.auth.apiKey);
    expect(first.status).toBe(200);
    const g = await post(limited.url, { query }, { ...limited.auth.apiKey, accept: GQL_RESPONSE });
    expectRefusal(g, 429, GQL_RESPONSE, 'RATE_LIMITED');
    expect(Number(g.headers.get('retry-after'))).toBeGreaterThan(0);
    const j = await post(limited.url, { query }, { ...limited.auth.apiKey, accept: JSON_TYPE });
    expectRefusal(j, 429, JSON_TYPE, 'RATE_LIMITED');
  });

  it('a successful response uses the accepted media type and 200', async () => {
    const g = await post(
      gw.url,
      { query: '{ viewer { tenantId } }' },
      { ...gw.auth.apiKey, accept: GQL_RESPONSE },
    );
    expect(g.status).toBe(200);
    expect(g.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(g.body.data).toEqual({ viewer: { tenantId: 'acme' } });
  });

  it('a mutation over GET is 405 with Allow: POST', async () => {
    const q = encodeURIComponent('mutation { clearCache(input: { kind: REGIONS }) { complete } }');
    for (const accept of [GQL_RESPONSE, JSON_TYPE]) {
      const res = await fetch(`${gw.url}/graphql?query=${q}`, {
        headers: { ...gw.auth.apiKey, accept, 'apollo-require-preflight': 'true' },
      });
      const r = await toRaw(res);
      expectRefusal(r, 405, accept, 'BAD_USER_INPUT');
      expect(r.headers.get('allow')).toBe('POST');
    }
  });

  it('a query over GET works (with a preflight header)', async () => {
    const q = encodeURIComponent('{ viewer { tenantId } }');
    const res = await fetch(`${gw.url}/graphql?query=${q}`, {
      headers: { ...gw.auth.apiKey, 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ data: { viewer: { tenantId: 'acme' } } });
  });

  // Express' weak ETag is kept for GET answers (revalidation by browsers and CDNs) and dropped for POST ones,
  // which nothing can revalidate (src/common/http/read-etags.ts). `{ __typename }` is never response-cached,
  // so the ETag seen here is Express', not the response cache's.
  it('GET answers carry the weak ETag of their body (304 on a match); POST answers carry none', async () => {
    const live = await fetch(`${gw.url}/health/live`);
    const liveTag = live.headers.get('etag');
    expect(liveTag).toBe(weakEtag(await live.text()));
    // An explicit Cache-Control: fetch adds `no-cache` to a conditional request otherwise, which Express
    // (rightly) answers in full.
    const again = await fetch(`${gw.url}/health/live`, {
      headers: { 'if-none-match': liveTag!, 'cache-control': 'max-age=0' },
    });
    expect(again.status).toBe(304);

    const query = '{ __typename }';
    const got = await fetch(`${gw.url}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { ...gw.auth.apiKey, 'apollo-require-preflight': 'true' },
    });
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe(weakEtag(await got.text()));
    const posted = await fetch(`${gw.url}/graphql`, {
      method: 'POST',
      headers: { ...gw.auth.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    expect(posted.status).toBe(200);
    expect(await posted.json()).toMatchObject({ data: { __typename: 'Query' } });
    expect(posted.headers.get('etag')).toBeNull();
  });

  // What a cross-site page can send without a preflight: a simple content type and no credential header (the
  // gateway's credentials are never cookies; Authorization / X-API-Key themselves force a preflight).
  it('a possible CSRF (simple content type, no preflight or credential header) is refused with a requestId', async () => {
    const res = await fetch(`${gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', accept: GQL_RESPONSE },
      body: JSON.stringify({ query: '{ viewer { tenantId } }' }),
    });
    const r = await toRaw(res);
    expectRefusal(r, 400, GQL_RESPONSE, 'BAD_USER_INPUT');
    expect(r.body.errors[0].extensions.reason).toBe('CSRF');
    expect(r.body.errors[0].message).toMatch(/cross-site request forgery/);
    const get = await toRaw(
      await fetch(`${gw.url}/graphql?query=${encodeURIComponent('{ viewer { tenantId } }')}`),
    );
    expectRefusal(get, 400, JSON_TYPE, 'BAD_USER_INPUT');
    expect(get.body.errors[0].extensions.reason).toBe('CSRF');
    // The same request with a credential header cannot come from a cross-site page: it meets authentication.
    const credentialed = await fetch(`${gw.url}/graphql`, {
      method: 'POST',
      headers: { ...gw.auth.apiKey, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ viewer { tenantId } }' }),
    });
    expect((await toRaw(credentialed)).body.errors?.[0]?.extensions?.reason).not.toBe('CSRF');
  });
});

describe('GraphQL over HTTP: an Accept naming no JSON type', () => {
  let a: TestGateway;
  let auth: Record<string, string>;
  beforeAll(async () => {
    a = await startTestGateway({ env: { REDIS_KEY_PREFIX: uniquePrefix('accept406') } });
    auth = { authorization: `Bearer ${a.keys.demo}` };
  });
  afterAll(() => a?.close());

  it('an Accept naming no JSON type is 406 before anything runs: a mutation is not executed, a cached answer not served', async () => {
    const name = `accept-406-${Date.now()}`;
    const create = await post(
      a.gatewayUrl,
      {
        query: `mutation($input: CreateSshKeyInput!) { createSshKey(input: $input) { sshKey { id } } }`,
        variables: {
          input: {
            name,
            publicKey:
              'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBm9rZXlmb3JyZXNwb25zZWNhY2hldGVzdHNhYmNkZWY a@test',
          },
        },
      },
      { ...auth, accept: 'application/xml' },
    );
    expectRefusal(create, 406, JSON_TYPE, 'BAD_USER_INPUT');
    expect(a.sim.admin.requestLog().filter((e) => e.operationId === 'createSshKey')).toHaveLength(0);
    // A cacheable query, stored and then a hit: the same Accept gets the same 406 as on a miss.
    const regions = { query: 'query Accept406 { regions { code } }' };
    await post(a.gatewayUrl, regions, auth);
    const hit = await post(a.gatewayUrl, regions, auth);
    expect(hit.body.extensions.responseCache).toMatchObject({ hit: true });
    expectRefusal(
      await post(a.gatewayUrl, regions, { ...auth, accept: 'application/xml' }),
      406,
      JSON_TYPE,
      'BAD_USER_INPUT',
    );
  });
});
