import { createHash } from 'node:crypto';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIM_DEMO_KEY, startTestGateway, waitFor, type TestGateway } from '../helpers/gateway';
import { uniquePrefix } from '../helpers/redis';

/*
 * Persisted documents over HTTP against a real Redis and the simulator: Apollo's automatic persisted queries
 * shared by two replicas, trusted documents from a client-preset manifest (documentId over GET and POST,
 * hot reload), and a tenant limited to trusted documents.
 */

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const REGIONS = 'query Regions { regions { code } }';
const BALANCE = 'query Balance { viewer { tenantId } }';
const FREE_TEXT = 'query NotInManifest { regions { code name } }';
const INTROSPECTION = 'query Tools { __schema { queryType { name } } }';

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function post(gw: TestGateway, key: string, body: unknown): Promise<{ status: number; body: Body }> {
  const res = await fetch(`${gw.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Body };
}

async function get(gw: TestGateway, key: string, params: Record<string, string>) {
  const res = await fetch(`${gw.gatewayUrl}/graphql?${new URLSearchParams(params).toString()}`, {
    headers: { accept: 'application/json', authorization: `Bearer ${key}` },
  });
  return { status: res.status, body: (await res.json()) as Body };
}

function manifestOf(...docs: string[]): string {
  return JSON.stringify(Object.fromEntries(docs.map((d) => [sha256(d), d])), null, 2);
}

describe('persisted documents', () => {
  let dir: string;
  let manifest: string;
  let a: TestGateway;
  let b: TestGateway;
  let trusted: TestGateway;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bgw-pd-'));
    manifest = join(dir, 'persisted-documents.json');
    writeFileSync(manifest, manifestOf(REGIONS, BALANCE));
    // Two replicas sharing one Redis prefix: the APQ store must be shared.
    const prefix = uniquePrefix('pd');
    const env = { PERSISTED_DOCUMENTS_FILE: manifest, REDIS_KEY_PREFIX: prefix };
    a = await startTestGateway({ env });
    b = await startTestGateway({ env });
    trusted = await startTestGateway({ env, tenantFields: { demo: { documents: 'trusted' } } });
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close(), trusted?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  describe('automatic persisted queries (Apollo APQ), shared by replicas', () => {
    const query = `query Apq${Date.now()} { regions { code } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };

    it('answers PERSISTED_QUERY_NOT_FOUND for an unknown hash, registers it with the text, then serves the hash on another replica', async () => {
      const miss = await post(a, a.keys.demo, { extensions });
      expect(miss.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      // Apollo Client's persisted-query link also recognises the message.
      expect(miss.body.errors?.[0]?.message).toBe('PersistedQueryNotFound');

      const register = await post(a, a.keys.demo, { query, extensions });
      expect(register.body.errors).toBeUndefined();
      expect(register.body.data?.regions).toEqual(expect.arrayContaining([{ code: 'NORWAY_1' }]));

      const hit = await post(b, b.keys.demo, { extensions });
      expect(hit.body.errors).toBeUndefined();
      expect(hit.body.data).toEqual(register.body.data);
    });

    it('refuses a hash that is not the hash of the text sent with it', async () => {
      const wrong = { persistedQuery: { version: 1, sha256Hash: sha256('something else') } };
      const res = await post(a, a.keys.demo, { query, extensions: wrong });
      expect(res.status).toBe(400);
      expect(res.body.data ?? null).toBeNull();
      // The client's mistake, said as such (Apollo raises it without a code): never an INTERNAL error.
      expect(res.body.errors?.[0]).toMatchObject({
        message: 'provided sha does not match query',
        extensions: { code: 'BAD_USER_INPUT', requestId: expect.any(String) },
      });
    });

    it('refuses an unsupported persisted-query version as bad input', async () => {
      const v2 = { persistedQuery: { version: 2, sha256Hash: sha256(query) } };
      const res = await post(a, a.keys.demo, { query, extensions: v2 });
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('trusted documents (client-preset manifest)', () => {
    it('runs a documentId over GET and POST, and the sha256: form of the id', async () => {
      const byGet = await get(a, a.keys.demo, { documentId: sha256(REGIONS) });
      expect(byGet.status).toBe(200);
      expect(byGet.body.data?.regions).toEqual(expect.arrayContaining([{ code: 'CANADA_1' }]));

      const byPost = await post(a, a.keys.demo, { documentId: `sha256:${sha256(REGIONS)}` });
      expect(byPost.body.data).toEqual(byGet.body.data);
    });

    it('serves Apollo Client persisted-query hashes from the manifest without a registration round trip', async () => {
      const res = await post(b, b.keys.demo, {
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256(BALANCE) } },
      });
      expect(res.body.data).toEqual({ viewer: { tenantId: 'e2e-demo' } });
    });

    it('answers an unknown documentId with PERSISTED_DOCUMENT_NOT_FOUND, a request id, and no upstream call', async () => {
      const before = a.sim.admin.requestLog().length;
      const res = await get(a, a.keys.demo, { documentId: sha256('never built') });
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.extensions).toEqual({
        code: 'PERSISTED_DOCUMENT_NOT_FOUND',
        requestId: expect.any(String),
      });
      expect(a.sim.admin.requestLog().length).toBe(before);
    });

    it('refuses documentId and query together', async () => {
      const res = await post(a, a.keys.demo, { documentId: sha256(REGIONS), query: REGIONS });
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('never runs a mutation over GET, even from the manifest', async () => {
      const mutation =
        'mutation Key { createSshKey(input: { name: "pd-get", publicKey: "ssh-ed25519 AAAA" }) { requestId } }';
      writeFileSync(manifest, manifestOf(REGIONS, BALANCE, mutation));
      await waitFor('the manifest reload', async () => {
        const r = await post(a, a.keys.demo, { documentId: sha256(REGIONS) });
        return r.body.data ? true : undefined;
      });
      const before = a.sim.admin
        .requestLog()
        .filter((e) => e.credential === SIM_DEMO_KEY && e.method !== 'GET');
      const res = await waitFor('the reloaded manifest', async () => {
        const r = await get(a, a.keys.demo, { documentId: sha256(mutation) });
        return r.body.errors?.[0]?.extensions?.code === 'PERSISTED_DOCUMENT_NOT_FOUND' ? undefined : r;
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.body.data ?? null).toBeNull();
      const after = a.sim.admin
        .requestLog()
        .filter((e) => e.credential === SIM_DEMO_KEY && e.method !== 'GET');
      expect(after.length).toBe(before.length);
    });

    it('reloads the manifest when the file is replaced, and keeps the previous one when the new one is broken', async () => {
      const added = `query Added${Date.now()} { regions { name } }`;
      const tmp = join(dir, 'next.json');
      writeFileSync(tmp, manifestOf(REGIONS, BALANCE, added));
      renameSync(tmp, manifest);
      const res = await waitFor('the added document', async () => {
        const r = await post(b, b.keys.demo, { documentId: sha256(added) });
        return r.body.data ? r : undefined;
      });
      expect(res.body.data?.regions).toEqual(expect.arrayContaining([{ name: expect.any(String) }]));

      // A manifest whose key is not the hash of its document is refused as a whole.
      writeFileSync(manifest, JSON.stringify({ [sha256('x')]: REGIONS }));
      await new Promise((r) => setTimeout(r, 300));
      const still = await post(b, b.keys.demo, { documentId: sha256(added) });
      expect(still.body.data?.regions).toBeDefined();
      writeFileSync(manifest, manifestOf(REGIONS, BALANCE));
    });
  });

  describe('a tenant limited to trusted documents', () => {
    it('runs manifest documents by id or by their exact text', async () => {
      const byId = await post(trusted, trusted.keys.demo, { documentId: sha256(BALANCE) });
      expect(byId.body.data).toEqual({ viewer: { tenantId: 'e2e-demo' } });
      const byText = await post(trusted, trusted.keys.demo, { query: BALANCE });
      expect(byText.body.data).toEqual(byId.body.data);
    });

    it('refuses free-form documents and APQ registrations with PERSISTED_DOCUMENT_REQUIRED before anything runs', async () => {
      const before = trusted.sim.admin.requestLog().length;
      const free = await post(trusted, trusted.keys.demo, { query: FREE_TEXT });
      expect(free.status).toBe(403);
      expect(free.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
      expect(free.body.errors?.[0]?.extensions?.requestId).toEqual(expect.any(String));

      const apq = await post(trusted, trusted.keys.demo, {
        query: FREE_TEXT,
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256(FREE_TEXT) } },
      });
      expect(apq.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
      const hashOnly = await post(trusted, trusted.keys.demo, {
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256(FREE_TEXT) } },
      });
      expect(hashOnly.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
      expect(trusted.sim.admin.requestLog().length).toBe(before);
    });

    it('still answers introspection (tools need the schema) and leaves the other tenant free', async () => {
      const intro = await post(trusted, trusted.keys.demo, { query: INTROSPECTION });
      expect(intro.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const other = await post(trusted, trusted.keys.other, { query: FREE_TEXT });
      expect(other.body.errors).toBeUndefined();
      expect(other.body.data?.regions).toBeDefined();
    });
  });
});
