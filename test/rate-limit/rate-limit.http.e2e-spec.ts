import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApiKey } from '../../src/auth/api-key';
import { startGateway, type RunningGateway } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app-config';
import { SCOPES } from '../../src/common/context/principal';
import { testRedisUrl, uniquePrefix } from '../helpers/redis';

/*
 * Rate limits, cost and structural limits as a client sees them: the real gateway over HTTP, real Redis,
 * two tenants from a tenants file. Barrack points at a closed port: nothing here may reach upstream, and a
 * call that did would surface as an upstream error rather than the expected code.
 */

interface Gql {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
    extensions?: Record<string, unknown>;
  };
}

interface Kit {
  url: string;
  /** The metrics-only listener (tenant labels are on in this suite). */
  metricsUrl: string;
  keys: { a: string; b: string };
  post(body: unknown, key?: string | null, raw?: boolean, replica?: number): Promise<Gql>;
  addReplica(): Promise<void>;
  close(): Promise<void>;
}

async function startKit(
  plan: Record<string, number | boolean>,
  env: Record<string, string> = {},
): Promise<Kit> {
  const dir = mkdtempSync(join(tmpdir(), 'bgw-rl-'));
  writeFileSync(join(dir, 'barrack.key'), 'unused-barrack-key', { mode: 0o600 });
  const a = generateApiKey();
  const b = generateApiKey();
  const tenant = (id: string, k: typeof a) => ({
    id,
    name: id,
    barrackCredential: { file: join(dir, 'barrack.key') },
    scopes: [...SCOPES],
    plan,
    apiKeys: [{ id: k.id, hash: k.hash, scopes: [...SCOPES], label: id }],
  });
  writeFileSync(
    join(dir, 'tenants.json'),
    JSON.stringify({ tenants: [tenant('rl-a', a), tenant('rl-b', b)] }),
  );
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    TENANTS_FILE: join(dir, 'tenants.json'),
    BARRACK_BASE_URL: 'http://127.0.0.1:9',
    REDIS_URL: testRedisUrl(),
    REDIS_KEY_PREFIX: uniquePrefix('rl'),
    METRICS_TENANT_LABELS: 'true',
    ...env,
  });
  const gateways: RunningGateway[] = [];
  try {
    gateways.push(await startGateway(config));
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const post = async (body: unknown, key: string | null = a.key, raw = false, replica = 0): Promise<Gql> => {
    const gw = gateways[replica];
    if (!gw) throw new Error(`no replica ${replica}`);
    const res = await fetch(`${gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: raw ? (body as string) : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: Gql['body'];
    try {
      parsed = JSON.parse(text) as Gql['body'];
    } catch {
      throw new Error(`non-JSON ${res.status} answer: ${text.slice(0, 200)}`);
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };
  return {
    url: gateways[0]!.url,
    metricsUrl: gateways[0]!.metricsUrl!,
    keys: { a: a.key, b: b.key },
    post,
    // Another gateway on the same tenants file, Redis and key prefix: a second replica behind the balancer.
    addReplica: async () => {
      gateways.push(await startGateway(config));
    },
    close: async () => {
      await Promise.all(gateways.map((g) => g.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const VIEWER = '{ viewer { tenantId } }';
const code = (r: Gql): unknown => r.body.errors?.[0]?.extensions?.code;

describe('rate limits over HTTP', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit({
      requestsPerMinute: 3,
      costPerMinute: 1000,
      burst: 0,
      billableMutationsPerHour: 5,
    });
  });
  afterAll(() => kit?.close());

  it('sends RateLimit headers on success, then 429 RATE_LIMITED with Retry-After; the other tenant is unaffected', async () => {
    const ok = await kit.post({ query: VIEWER });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toEqual({ viewer: { tenantId: 'rl-a' } });
    expect(ok.headers.get('ratelimit-policy')).toBe('"requests";q=3;w=60, "cost";q=1000;w=60');
    expect(ok.headers.get('ratelimit')).toMatch(/^"requests";r=2;t=\d+, "cost";r=990;t=\d+$/);
    expect(ok.headers.get('retry-after')).toBeNull();
    expect(ok.body.extensions?.cost).toEqual({ requested: 10, limit: 5000, remaining: 990 });

    expect((await kit.post({ query: VIEWER })).status).toBe(200);
    expect((await kit.post({ query: VIEWER })).status).toBe(200);
    const limited = await kit.post({ query: VIEWER });
    expect(limited.status).toBe(429);
    expect(code(limited)).toBe('RATE_LIMITED');
    const retryAfter = limited.body.errors?.[0]?.extensions?.retryAfter;
    expect(typeof retryAfter).toBe('number');
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers.get('retry-after')).toBe(String(retryAfter));
    expect(limited.headers.get('ratelimit-policy')).toBe('"requests";q=3;w=60, "cost";q=1000;w=60');
    expect(limited.headers.get('ratelimit')).toMatch(/^"requests";r=0;t=\d+$/);
    expect(limited.body.data ?? null).toBeNull();

    const other = await kit.post({ query: VIEWER }, kit.keys.b);
    expect(other.status).toBe(200);
    expect(other.body.data).toEqual({ viewer: { tenantId: 'rl-b' } });
    expect(other.headers.get('ratelimit')).toMatch(/^"requests";r=2;/);
  });

  it('counts allowed and limited decisions per tenant in /metrics', async () => {
    const res = await fetch(kit.metricsUrl);
    const text = await res.text();
    expect(text).toMatch(
      /gateway_rate_limit_decisions_total\{tenant="rl-a",budget="requests",outcome="limited"\} [1-9]/,
    );
    expect(text).toMatch(
      /gateway_rate_limit_decisions_total\{tenant="rl-b",budget="requests",outcome="allowed"\} [1-9]/,
    );
  });

  it('sends no rate-limit headers to an unauthenticated request (refused before limiting)', async () => {
    const res = await kit.post({ query: VIEWER }, null);
    expect(res.status).toBe(401);
    expect(res.headers.get('ratelimit')).toBeNull();
  });
});

describe('two gateway replicas', () => {
  let kit: Kit;
  beforeAll(async () => {
    // Fail-closed with a patient Redis timeout: a slow command on a loaded machine must not fall back to the
    // per-replica limiter here (that is the documented fail-open behaviour, tested in the service suite).
    kit = await startKit(
      { requestsPerMinute: 6, costPerMinute: 1_000_000, burst: 0, billableMutationsPerHour: 5 },
      { RATE_LIMIT_FAIL_MODE: 'closed', REDIS_COMMAND_TIMEOUT_MS: '5000' },
    );
    await kit.addReplica();
  });
  afterAll(() => kit?.close());

  it('share one budget: the combined allowed count stays within the limit', async () => {
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => kit.post({ query: VIEWER }, kit.keys.a, false, i % 2)),
    );
    const allowed = results.filter((r) => r.status === 200).length;
    const limited = results.filter((r) => r.status === 429 && code(r) === 'RATE_LIMITED').length;
    expect(allowed).toBeLessThanOrEqual(6);
    expect(allowed + limited).toBe(16);
    // Nothing lost either: the whole budget was usable, and the store never refused.
    expect(results.filter((r) => r.body.errors?.[0]?.extensions?.reason === 'LIMITER_UNAVAILABLE')).toEqual(
      [],
    );
    expect(allowed).toBe(6);
  });
});

describe('query cost and structural limits over HTTP', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit(
      { requestsPerMinute: 10_000, costPerMinute: 1_000_000, burst: 0, billableMutationsPerHour: 5 },
      {
        QUERY_MAX_COST: '15',
        QUERY_MAX_DEPTH: '4',
        QUERY_MAX_ALIASES: '3',
        QUERY_MAX_ROOT_FIELDS: '4',
        QUERY_MAX_TOKENS: '60',
        QUERY_MAX_BATCH: '2',
        MAX_BODY_BYTES: '2048',
      },
    );
  });
  afterAll(() => kit?.close());

  it('rejects a query over QUERY_MAX_COST before any resolver runs', async () => {
    const res = await kit.post({ query: '{ a: viewer { tenantId } b: viewer { tenantId } }' });
    expect(res.status).toBe(400);
    expect(code(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ cost: 20, limit: 15 });
    // No data key at all: execution never started, so no resolver (and no upstream call) ran.
    expect(res.body.data).toBeUndefined();
    expect(res.body.extensions?.cost).toEqual({ requested: 20, limit: 15 });
  });

  it('reports the cost of an accepted query', async () => {
    const res = await kit.post({ query: VIEWER });
    expect(res.status).toBe(200);
    expect(res.body.extensions?.cost).toEqual({ requested: 10, limit: 15, remaining: 1_000_000 - 10 });
  });

  it.each([
    // Introspection-only documents have their own bounds (src/common/graphql/introspection.ts); with a data
    // field next to them the data limits apply.
    [
      'depth',
      '{ viewer { tenantId } __schema { types { fields { type { name } } } } }',
      { rule: 'depth', actual: 5, limit: 4 },
    ],
    [
      'aliases',
      '{ a: __typename b: __typename c: __typename d: __typename }',
      { rule: 'aliases', actual: 4, limit: 3 },
    ],
    [
      'root fields',
      '{ __typename viewer { tenantId } x: __typename y: __typename z: __typename }',
      { rule: 'rootFields', actual: 5, limit: 4 },
    ],
  ])('rejects a query over the %s limit with QUERY_TOO_COMPLEX', async (_name, query, details) => {
    const res = await kit.post({ query });
    expect(res.status).toBe(400);
    expect(code(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.body.errors?.[0]?.extensions).toMatchObject(details);
    expect(res.body.data).toBeUndefined();
  });

  it('rejects a query over the token limit before parsing', async () => {
    const query = `{ ${Array.from({ length: 70 }, () => '__typename').join(' ')} }`;
    const res = await kit.post({ query });
    expect(res.status).toBe(400);
    expect(code(res)).toBe('QUERY_TOO_COMPLEX');
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ rule: 'tokens', limit: 60 });
    expect(typeof res.body.errors?.[0]?.extensions?.requestId).toBe('string');
  });

  it('rejects a batch with more than QUERY_MAX_BATCH operations', async () => {
    const res = await kit.post([{ query: VIEWER }, { query: VIEWER }, { query: VIEWER }]);
    expect(res.status).toBe(400);
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ operations: 3, limit: 2 });
  });

  it('answers an array body within the batch limit with a clear error (batching is off)', async () => {
    const res = await kit.post([{ query: VIEWER }]);
    expect(res.status).toBe(400);
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/batch/i);
  });

  it('answers a body over MAX_BODY_BYTES with a GraphQL-shaped 413', async () => {
    const res = await kit.post({ query: VIEWER, variables: { pad: 'x'.repeat(4096) } });
    expect(res.status).toBe(413);
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ limit: 2048 });
  });

  it('answers malformed JSON with a GraphQL-shaped 400', async () => {
    const res = await kit.post('{"query": ', kit.keys.a, true);
    expect(res.status).toBe(400);
    expect(code(res)).toBe('BAD_USER_INPUT');
  });
});

describe('RATE_LIMIT_ENABLED=false', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit({ requestsPerMinute: 1, burst: 0 }, { RATE_LIMIT_ENABLED: 'false' });
  });
  afterAll(() => kit?.close());

  it('does not limit and sends no rate-limit headers, but still reports cost', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await kit.post({ query: VIEWER });
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit')).toBeNull();
      expect(res.body.extensions?.cost).toEqual({ requested: 10, limit: 5000 });
    }
  });
});
