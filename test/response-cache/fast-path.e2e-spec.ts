import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApiKey } from '../../src/auth/api-key';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { eventually, LogLines } from '../helpers/log-lines';
import { uniquePrefix } from '../helpers/redis';

/*
 * The response cache's fast path (src/response-cache/fast-path.middleware.ts) over HTTP, against a real Redis
 * (and the cluster project's Redis Cluster) and the simulator: a repeated document is answered before Apollo,
 * and every rule of a hit still holds there: budgets drawn (the same RATE_LIMITED as a miss), scopes, ETag/304,
 * invalidation by a mutation through another replica, and a trusted-documents-only tenant. Which path answered
 * is read from the request's log line (`responseCache: "fast-hit"`).
 */

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const CATALOGUE = 'query FastCatalogue { regions { code } gpuStock { region { code } gpuModel available } }';
const PROTOCOLS = 'query FastProtocols { firewallProtocols { name } }';
const PRICING = 'query FastPrices { pricing { currency } }';
const KEYS = 'query FastKeys { sshKeys { nodes { id name } } }';
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBm9rZXlmb3JyZXNwb25zZWNhY2hldGVzdHNhYmNkZWY fp@test';

interface Ext {
  responseCache?: { hit: boolean; stale?: boolean; stored?: boolean; asOf?: string };
  cost?: { requested: number; limit: number; remaining?: number };
}

const ext = (r: { body: { extensions?: Record<string, unknown> } }) => r.body.extensions as Ext;

describe('response-cache fast path', () => {
  let a: TestGateway;
  let b: Awaited<ReturnType<TestGateway['replica']>>;
  const logs = new LogLines();
  const writeOnly = generateApiKey();

  beforeAll(async () => {
    a = await startTestGateway({
      env: { REDIS_KEY_PREFIX: uniquePrefix('fp'), LOG_LEVEL: 'info' },
      gateway: { logDestination: logs },
      // The other tenant's only key lacks `read`, the scope every catalogue root field needs.
      tenantFields: {
        other: {
          apiKeys: [{ id: writeOnly.id, hash: writeOnly.hash, scopes: ['write'], label: 'write only' }],
        },
      },
    });
    b = await a.replica();
  });
  afterAll(async () => {
    await a?.close();
  });

  it('answers a repeated document before Apollo with the same data, truthful extensions and headers', async () => {
    const first = await a.gql(CATALOGUE);
    expect(ext(first).responseCache).toEqual({ hit: false, stored: true });
    const before = a.sim.admin.requestLog().length;
    const second = await a.gql(CATALOGUE);
    const third = await a.gql(CATALOGUE);
    expect(second.status).toBe(200);
    expect(second.body.data).toEqual(first.body.data);
    expect(ext(second).responseCache).toEqual({ hit: true, stale: false, asOf: expect.any(String) });
    expect(ext(second).cost?.requested).toBe(ext(first).cost?.requested);
    // The budget was drawn on the hit: one more request and one more document's cost spent.
    expect(ext(third).cost!.remaining).toBe(ext(second).cost!.remaining! - ext(first).cost!.requested);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(second.headers.get('ratelimit-policy')).toBe(first.headers.get('ratelimit-policy'));
    expect(second.headers.get('ratelimit')).toMatch(/"requests";r=\d+;t=\d+, "cost";r=\d+;t=\d+/);
    expect(second.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    expect(second.headers.get('x-request-id')).toMatch(/.+/);
    expect(a.sim.admin.requestLog().length).toBe(before);
    const ids = [second.headers.get('x-request-id'), third.headers.get('x-request-id')];
    expect(await eventually(() => logs.fastHits(ids) === 2)).toBe(true);
  });

  it('keys an answer on the variables its operation declares only: undeclared ones neither miss nor add entries', async () => {
    const KEYS_PAGE = 'query FastKeysPage($first: Int) { sshKeys(first: $first) { nodes { id name } } }';
    const first = await a.gql(KEYS_PAGE, { first: 5 });
    expect(ext(first).responseCache?.stored).toBe(true);
    for (let i = 0; i < 3; i++) {
      const padded = await a.gql(KEYS_PAGE, { first: 5, junk: i });
      expect(padded.body.data).toEqual(first.body.data);
      expect(ext(padded).responseCache?.hit).toBe(true);
    }
    // A declared variable with another value is another answer.
    expect(ext(await a.gql(KEYS_PAGE, { first: 6, junk: 0 })).responseCache?.stored).toBe(true);
  });

  it('answers 304 to If-None-Match with the stored ETag', async () => {
    const first = await a.gql(PRICING);
    const etag = first.headers.get('etag')!;
    const res = await fetch(`${a.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${a.keys.demo}`,
        'if-none-match': etag,
      },
      body: JSON.stringify({ query: PRICING }),
    });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
    expect(await eventually(() => logs.fastHits([res.headers.get('x-request-id')]) === 1)).toBe(true);
  });

  it('refuses a principal lacking a scope exactly as without the cache, though the public answer is stored', async () => {
    await a.gql(PROTOCOLS);
    const hit = await a.gql(PROTOCOLS);
    expect(ext(hit).responseCache?.hit).toBe(true);
    for (let i = 0; i < 2; i++) {
      const refused = await a.gql(PROTOCOLS, {}, { apiKey: writeOnly.key });
      expect(refused.body.data ?? null).toBeNull();
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        missingScopes: ['read'],
      });
    }
  });

  it('sees a mutation through the other replica at once (tag invalidation reaches the fast path)', async () => {
    await a.gql(KEYS);
    const hit = await a.gql(KEYS);
    expect(ext(hit).responseCache?.hit).toBe(true);
    expect(await eventually(() => logs.fastHits([hit.headers.get('x-request-id')]) === 1)).toBe(true);
    const name = `fp-key-${Date.now()}`;
    const created = await b.gql(
      `mutation { createSshKey(input: { name: "${name}", publicKey: "${PUBLIC_KEY}" }) { sshKey { id name } } }`,
    );
    expect(created.body.errors).toBeUndefined();
    const after = await a.gql<{ sshKeys: { nodes: { name: string }[] } }>(KEYS);
    expect(ext(after).responseCache?.hit).toBe(false);
    expect(after.body.data?.sshKeys.nodes.map((k) => k.name)).toContain(name);
  });

  it('never answers a read with data older than the reader’s own last write (create, delete, repeat)', async () => {
    const SCRIPTS = 'query FastScripts { scripts(first: 100) { nodes { id name } } }';
    const name = `fp-script-${Date.now()}`;
    const listed = async () => {
      const r = await a.gql<{ scripts: { nodes: { name: string }[] } }>(SCRIPTS);
      expect(r.body.errors).toBeUndefined();
      return r.body.data!.scripts.nodes.some((s) => s.name === name);
    };
    for (let i = 0; i < 4; i++) {
      // Warm: the second read is a fast-path hit of the list as it is.
      expect(await listed()).toBe(false);
      expect(await listed()).toBe(false);
      const created = await a.gql<{ createScript: { script: { id: string } } }>(
        'mutation($input: CreateScriptInput!) { createScript(input: $input) { script { id } userErrors { code } } }',
        { input: { name, content: '#!/bin/sh\necho fp\n' } },
        // As the bench's S7 sends it: each create with its own idempotency key.
        { headers: { 'idempotency-key': `fp-${name}-${i}` } },
      );
      expect(created.body.errors).toBeUndefined();
      expect(await listed()).toBe(true);
      expect(await listed()).toBe(true);
      const deleted = await (i % 2 ? b : a).gql(
        'mutation($input: DeleteScriptInput!) { deleteScript(input: $input) { userErrors { code } } }',
        { input: { id: created.body.data!.createScript.script.id } },
      );
      expect(JSON.stringify(deleted.body)).toContain('"userErrors":[]');
    }
    expect(await listed()).toBe(false);
  });

  it('answers an automatic persisted query sent as its hash alone from the fast path', async () => {
    // Apollo's APQ: once the text is registered (and its answer stored), the hash alone is enough.
    const query = 'query FastApq { regions { code name } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    const registered = await fetch(`${a.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a.keys.demo}` },
      body: JSON.stringify({ query, extensions }),
    });
    expect(registered.status).toBe(200);
    const byHash = await fetch(`${a.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a.keys.demo}` },
      body: JSON.stringify({ extensions }),
    });
    const body = (await byHash.json()) as { data?: unknown; extensions?: Ext };
    expect(body.extensions?.responseCache?.hit).toBe(true);
    expect(await eventually(() => logs.fastHits([byHash.headers.get('x-request-id')]) === 1)).toBe(true);
  });

  it('spends no budget on a mutation over GET, even one whose cost is already known (405 from the HTTP layer)', async () => {
    const MUTATION =
      'mutation FastGetDelete { deleteSshKey(input: { id: "no-such-key" }) { userErrors { code } } }';
    // Once over POST, so the fast path knows its cost.
    const posted = await a.gql(MUTATION);
    expect(posted.status).toBe(200);
    const before = await a.gql(CATALOGUE);
    const got = await fetch(`${a.gatewayUrl}/graphql?query=${encodeURIComponent(MUTATION)}`, {
      headers: { authorization: `Bearer ${a.keys.demo}`, accept: 'application/graphql-response+json' },
    });
    expect(got.status).toBe(405);
    expect(got.headers.get('allow')).toBe('POST');
    const after = await a.gql(CATALOGUE);
    // Only the catalogue read between the two was spent: the GET drew nothing.
    expect(ext(after).cost!.remaining).toBe(ext(before).cost!.remaining! - ext(before).cost!.requested);
  });
});

describe('response-cache fast path and budgets', () => {
  let gw: TestGateway;
  const logs = new LogLines();
  beforeAll(async () => {
    gw = await startTestGateway({
      env: { REDIS_KEY_PREFIX: uniquePrefix('fpb'), LOG_LEVEL: 'info' },
      gateway: { logDestination: logs },
      plan: { requestsPerMinute: 4, burst: 0, costPerMinute: 45, billableMutationsPerHour: 100 },
    });
  });
  afterAll(() => gw?.close());

  /** The parts of a refusal that do not depend on the request (its id, the seconds left). */
  const refusalOf = (r: Awaited<ReturnType<TestGateway['gql']>>) => {
    const e = r.body.errors?.[0];
    const { requestId: _id, retryAfter: _retry, ...rest } = e?.extensions ?? {};
    return { status: r.status, message: e?.message.replace(/\d+ s\.$/, 'N s.'), extensions: rest };
  };

  it('refuses a hit over the request budget with the same RATE_LIMITED as a miss', async () => {
    const statuses: number[] = [];
    const ids: (string | null)[] = [];
    let last: Awaited<ReturnType<TestGateway['gql']>> | undefined;
    for (let i = 0; i < 5; i++) {
      last = await gw.gql('query FastBudget { firewallProtocols { name } }');
      statuses.push(last.status);
      ids.push(last.headers.get('x-request-id'));
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect(await eventually(() => logs.fastHits(ids) === 3)).toBe(true);
    // A document never seen (so never on the fast path) is refused the same way in the same window.
    const miss = await gw.gql('query FastBudgetOther { regions { code } }');
    expect(refusalOf(last!)).toEqual(refusalOf(miss));
    expect(refusalOf(last!).extensions).toMatchObject({ code: 'RATE_LIMITED', budget: 'requests' });
    expect(last!.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('response-cache fast path and the cost budget', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({
      env: { REDIS_KEY_PREFIX: uniquePrefix('fpc') },
      // Pricing costs 10 points: two answers fit, the third does not.
      plan: { requestsPerMinute: 100, burst: 0, costPerMinute: 25, billableMutationsPerHour: 100 },
    });
  });
  afterAll(() => gw?.close());

  it('refuses a hit over the cost budget with RATE_LIMITED (cost), reporting the cost', async () => {
    const first = await gw.gql(PRICING);
    expect(ext(first).cost?.requested).toBe(10);
    const second = await gw.gql(PRICING);
    expect(ext(second).responseCache?.hit).toBe(true);
    const third = await gw.gql(PRICING);
    expect(third.status).toBe(429);
    expect(third.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', budget: 'cost' });
    expect(ext(third).cost).toMatchObject({ requested: 10, remaining: 0 });
  });
});

describe('response-cache fast path and a trusted-documents-only tenant', () => {
  let gw: TestGateway;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bgw-fp-'));
    const manifest = join(dir, 'persisted-documents.json');
    writeFileSync(manifest, JSON.stringify({ [sha256(CATALOGUE)]: CATALOGUE }));
    gw = await startTestGateway({
      env: { REDIS_KEY_PREFIX: uniquePrefix('fpt'), PERSISTED_DOCUMENTS_FILE: manifest },
      tenantFields: { demo: { documents: 'trusted' } },
    });
  });
  afterAll(async () => {
    await gw?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a document outside the manifest even when another tenant made its answer a hit', async () => {
    // firewallProtocols is public: the other tenant's answer is the one the demo tenant would hit.
    await gw.gql(PROTOCOLS, {}, { apiKey: gw.keys.other });
    expect(ext(await gw.gql(PROTOCOLS, {}, { apiKey: gw.keys.other })).responseCache?.hit).toBe(true);
    const refused = await gw.gql(PROTOCOLS);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
    const byHash = await fetch(`${gw.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.keys.demo}` },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(PROTOCOLS) } } }),
    });
    const body = (await byHash.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
    // A manifest document by id still hits.
    const byId = await fetch(`${gw.gatewayUrl}/graphql?documentId=${sha256(CATALOGUE)}`, {
      headers: { authorization: `Bearer ${gw.keys.demo}` },
    });
    expect(byId.status).toBe(200);
    const again = await fetch(`${gw.gatewayUrl}/graphql?documentId=${sha256(CATALOGUE)}`, {
      headers: { authorization: `Bearer ${gw.keys.demo}` },
    });
    expect(((await again.json()) as { extensions?: Ext }).extensions?.responseCache?.hit).toBe(true);
  });
});

describe('response-cache fast path on the in-process stores (no REDIS_URL)', () => {
  let gw: TestGateway;
  const logs = new LogLines();
  beforeAll(async () => {
    gw = await startTestGateway({
      env: { REDIS_URL: undefined, LOG_LEVEL: 'info' },
      gateway: { logDestination: logs },
      plan: { requestsPerMinute: 3, burst: 0, costPerMinute: 100_000, billableMutationsPerHour: 100 },
    });
  });
  afterAll(() => gw?.close());

  it('answers hits before Apollo and still draws the request budget', async () => {
    const first = await gw.gql(CATALOGUE);
    expect(ext(first).responseCache).toEqual({ hit: false, stored: true });
    const second = await gw.gql(CATALOGUE);
    expect(second.body.data).toEqual(first.body.data);
    const third = await gw.gql(CATALOGUE);
    const ids = [second.headers.get('x-request-id'), third.headers.get('x-request-id')];
    expect(await eventually(() => logs.fastHits(ids) === 2)).toBe(true);
    const fourth = await gw.gql(CATALOGUE);
    expect(fourth.status).toBe(429);
    expect(fourth.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', budget: 'requests' });
  });
});
