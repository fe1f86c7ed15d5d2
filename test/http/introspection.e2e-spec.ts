import { buildClientSchema, type IntrospectionQuery } from 'graphql';
import {
  post,
  requestsRemaining,
  startHttpGateway,
  STANDARD_INTROSPECTION,
  type HttpGateway,
} from './http-test-kit';

/* Issue 13 item 1: the standard introspection query for tools, its own bounds, and INTROSPECTION modes. */

const VIEWER = '{ viewer { tenantId } }';

/** `__schema { types { fields { type { fields ... } } } }` nested `levels` times: the classic cyclic bomb. */
function fieldsBomb(levels: number): string {
  let inner = 'name';
  for (let i = 0; i < levels; i++) inner = `fields { type { ${inner} } }`;
  return `{ __schema { types { ${inner} } } }`;
}

/** `__type(name: "Query") { ofType { ofType ... } }`: deep, but no list the graphql-js rule counts. */
function ofTypeChain(levels: number): string {
  let inner = 'name';
  for (let i = 0; i < levels; i++) inner = `ofType { ${inner} }`;
  return `{ __type(name: "Query") { ${inner} } }`;
}

describe('introspection (INTROSPECTION=authenticated, the default)', () => {
  let gw: HttpGateway;

  beforeAll(async () => {
    gw = await startHttpGateway({ plan: { requestsPerMinute: 50, burst: 0, costPerMinute: 100_000 } });
  });
  afterAll(() => gw.close());

  it.each([
    ['an API key as Authorization: Bearer', () => Promise.resolve(gw.auth.apiKey)],
    ['an API key as X-API-Key', () => Promise.resolve(gw.auth.xApiKey)],
    ['an API key holding only the ai scope', () => Promise.resolve(gw.auth.aiOnlyKey)],
    ['a JWT', () => gw.jwt()],
  ])('answers the standard introspection query with %s', async (_kind, credential) => {
    const r = await post(gw.url, { query: STANDARD_INTROSPECTION }, await credential());
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    // A complete result: graphql-js can rebuild the schema from it, descriptions and all.
    const schema = buildClientSchema(r.body.data as IntrospectionQuery);
    const instance = schema.getType('Instance');
    expect(instance?.description).toBeTruthy();
    expect(schema.getType('Decimal')).toBeDefined();
    expect(schema.getDirective('deprecated')?.isRepeatable).toBe(false);
    expect(r.body.extensions?.cost).toBeUndefined();
  });

  it('does not draw from the tenant budgets and sends no RateLimit fields', async () => {
    const before = await post(gw.url, { query: VIEWER }, gw.auth.apiKey);
    const left = requestsRemaining(before.headers);
    expect(left).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) {
      const intro = await post(gw.url, { query: STANDARD_INTROSPECTION }, gw.auth.apiKey);
      expect(intro.status).toBe(200);
      expect(intro.headers.get('ratelimit')).toBeNull();
    }
    const after = await post(gw.url, { query: VIEWER }, gw.auth.apiKey);
    expect(requestsRemaining(after.headers)).toBe(left! - 1);
  });

  it('still refuses introspection without a credential', async () => {
    const r = await post(gw.url, { query: STANDARD_INTROSPECTION });
    expect(r.status).toBe(401);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a cyclic fields bomb (graphql-js MaxIntrospectionDepthRule) before running it', async () => {
    const r = await post(gw.url, { query: fieldsBomb(4) }, gw.auth.apiKey);
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(r.body.errors[0].message).toMatch(/Maximum introspection depth exceeded/);
  });

  it('refuses introspection nested deeper than its own depth bound (20), allows what tools send', async () => {
    const deep = await post(gw.url, { query: ofTypeChain(25) }, gw.auth.apiKey);
    expect(deep.status).toBe(400);
    expect(deep.body.errors[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      rule: 'introspectionDepth',
      limit: 20,
    });
    const fine = await post(gw.url, { query: ofTypeChain(12) }, gw.auth.apiKey);
    expect(fine.status).toBe(200);
    expect(fine.body.data).toEqual({ __type: { ofType: null } });
  });

  it('treats a document mixing introspection and data as a data query (data depth limit, budgets)', async () => {
    // A data field next to __type nested past QUERY_MAX_DEPTH (10): the data limits apply.
    const r = await post(
      gw.url,
      { query: `{ viewer { tenantId } ${ofTypeChain(12).slice(1, -1)} }` },
      gw.auth.apiKey,
    );
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', rule: 'depth' });
    expect(requestsRemaining(r.headers)).toBeDefined();
  });
});

describe('introspection (INTROSPECTION=public)', () => {
  let gw: HttpGateway;

  beforeAll(async () => {
    gw = await startHttpGateway({ env: { INTROSPECTION: 'public' } });
  });
  afterAll(() => gw.close());

  it('answers the standard query without a credential (over POST and GET)', async () => {
    const r = await post(gw.url, { query: STANDARD_INTROSPECTION });
    expect(r.status).toBe(200);
    expect(buildClientSchema(r.body.data as IntrospectionQuery).getType('Instance')).toBeDefined();
    const get = await fetch(
      `${gw.url}/graphql?query=${encodeURIComponent('{ __schema { queryType { name } } }')}`,
      { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } },
    );
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('still needs a credential for anything that is not only introspection', async () => {
    const data = await post(gw.url, { query: VIEWER });
    expect(data.status).toBe(401);
    const mixed = await post(gw.url, { query: '{ viewer { tenantId } __schema { queryType { name } } }' });
    expect(mixed.status).toBe(401);
    const twoOps = await post(gw.url, {
      query: 'query A { __schema { queryType { name } } } query B { viewer { tenantId } }',
      operationName: 'A',
    });
    expect(twoOps.status).toBe(401);
  });

  it('keeps refusing a bad credential and introspection bombs', async () => {
    const bad = await post(gw.url, { query: STANDARD_INTROSPECTION }, { authorization: 'Bearer bgw_nope' });
    expect(bad.status).toBe(401);
    const bomb = await post(gw.url, { query: fieldsBomb(4) });
    expect(bomb.status).toBe(400);
    expect(bomb.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('introspection (INTROSPECTION=off)', () => {
  let gw: HttpGateway;

  beforeAll(async () => {
    gw = await startHttpGateway({ env: { INTROSPECTION: 'off' } });
  });
  afterAll(() => gw.close());

  it('refuses __schema and __type with reason INTROSPECTION_DISABLED; __typename still works', async () => {
    const r = await post(gw.url, { query: STANDARD_INTROSPECTION }, gw.auth.apiKey);
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({
      message: 'Introspection is turned off on this gateway (INTROSPECTION=off).',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'INTROSPECTION_DISABLED' },
    });
    expect(typeof r.body.errors[0].extensions.requestId).toBe('string');
    const nested = await post(gw.url, { query: '{ viewer { tenantId __typename } }' }, gw.auth.apiKey);
    expect(nested.status).toBe(200);
    expect(nested.body.data.viewer).toEqual({ tenantId: 'acme', __typename: 'Viewer' });
  });
});
