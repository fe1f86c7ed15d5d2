import { SIM_DEMO_KEY, startTestGateway, type TestGateway } from '../helpers/gateway';
import { uniquePrefix } from '../helpers/redis';

/*
 * The whole-response cache over HTTP, two gateway replicas on one real Redis, the simulator as Barrack:
 * hits answer without execution (no upstream call), scope per tenant, budgets on every hit, ETag/304,
 * invalidation by a mutation through the other replica, and the catalogue's own invalidations.
 */

const CATALOGUE = 'query Catalogue { regions { code } gpuStock { region { code } gpuModel available } }';
const PRICING = 'query Prices { pricing { currency } }';
const KEYS = 'query Keys { sshKeys { nodes { id name } } }';
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBm9rZXlmb3JyZXNwb25zZWNhY2hldGVzdHNhYmNkZWY rc@test';

interface Ext {
  responseCache?: { hit: boolean; stale?: boolean; stored?: boolean; asOf?: string };
  cost?: { requested: number };
}

describe('whole-response cache', () => {
  let a: TestGateway;
  let b: Awaited<ReturnType<TestGateway['replica']>>;

  beforeAll(async () => {
    a = await startTestGateway({ env: { REDIS_KEY_PREFIX: uniquePrefix('rc') } });
    b = await a.replica();
  });
  afterAll(async () => {
    await a?.close();
  });

  const ext = (r: { body: { extensions?: Record<string, unknown> } }) => r.body.extensions as Ext;

  it('answers a repeated catalogue document from the cache, with the same data, cost counted and no upstream call', async () => {
    const first = await a.gql(CATALOGUE);
    expect(first.body.errors).toBeUndefined();
    expect(ext(first).responseCache).toEqual({ hit: false, stored: true });
    const before = a.sim.admin.requestLog().length;
    const second = await a.gql(CATALOGUE);
    expect(ext(second).responseCache).toEqual(expect.objectContaining({ hit: true, stale: false }));
    expect(second.body.data).toEqual(first.body.data);
    expect(ext(second).cost?.requested).toBe(ext(first).cost?.requested);
    expect(a.sim.admin.requestLog().length).toBe(before);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  it('answers 304 to If-None-Match with the stored ETag', async () => {
    const first = await a.gql(CATALOGUE);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const res = await fetch(`${a.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${a.keys.demo}`,
        'if-none-match': etag!,
      },
      body: JSON.stringify({ query: CATALOGUE }),
    });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
  });

  it('keeps tenant-scoped answers per tenant: the other tenant misses where the first one hits', async () => {
    await a.gql(PRICING);
    const hitA = await a.gql(PRICING);
    expect(ext(hitA).responseCache?.hit).toBe(true);
    const firstB = await a.gql(PRICING, {}, { apiKey: a.keys.other });
    expect(ext(firstB).responseCache?.hit).toBe(false);
  });

  it('shares public answers between replicas', async () => {
    // firewallProtocols is the one public catalogue kind (CACHE_KIND_POLICY): shared by every tenant.
    const q = 'query PublicShared { firewallProtocols { name } }';
    await a.gql(q);
    const viaB = await b.gql(q, {}, { apiKey: a.keys.other });
    expect(ext(viaB).responseCache?.hit).toBe(true);
  });

  it('a mutation through one replica invalidates the list it changes for reads through the other', async () => {
    const first = await a.gql<{ sshKeys: { nodes: { id: string; name: string }[] } }>(KEYS);
    expect(first.body.errors).toBeUndefined();
    expect(ext(await a.gql(KEYS)).responseCache?.hit).toBe(true);
    expect(ext(await b.gql(KEYS)).responseCache?.hit).toBe(true);
    const name = `rc-key-${Date.now()}`;
    const created = await b.gql(
      `mutation { createSshKey(input: { name: "${name}", publicKey: "${PUBLIC_KEY}" }) { sshKey { id name } } }`,
    );
    expect(created.body.errors).toBeUndefined();
    // The very next read, through the other replica, reflects the write.
    const after = await a.gql<{ sshKeys: { nodes: { name: string }[] } }>(KEYS);
    expect(ext(after).responseCache?.hit).toBe(false);
    expect(after.body.data?.sshKeys.nodes.map((k) => k.name)).toContain(name);
    // And the other tenant's entry was not touched.
  });

  it('a delete whose payload names only the id still invalidates the list (the type the mutation is named after)', async () => {
    const name = `rc-del-${Date.now()}`;
    const created = await a.gql<{ createSshKey: { sshKey: { id: string } } }>(
      `mutation { createSshKey(input: { name: "${name}", publicKey: "${PUBLIC_KEY}" }) { sshKey { id } } }`,
    );
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data!.createSshKey.sshKey.id;
    const listed = await a.gql<{ sshKeys: { nodes: { name: string }[] } }>(KEYS);
    expect(listed.body.data?.sshKeys.nodes.map((k) => k.name)).toContain(name);
    expect(ext(await b.gql(KEYS)).responseCache?.hit).toBe(true);
    const deleted = await b.gql(`mutation { deleteSshKey(input: { id: "${id}" }) { deletedSshKeyId } }`);
    expect(deleted.body.errors).toBeUndefined();
    const after = await a.gql<{ sshKeys: { nodes: { name: string }[] } }>(KEYS);
    expect(ext(after).responseCache?.hit).toBe(false);
    expect(after.body.data?.sshKeys.nodes.map((k) => k.name)).not.toContain(name);
  });

  it('never caches mutations, uncacheable fields, or answers with errors', async () => {
    const live = await a.gql('query Live { instances { nodes { id status } } }');
    expect(ext(live).responseCache).toBeUndefined();
    const calls = () => a.sim.admin.requestLog().filter((e) => e.credential === SIM_DEMO_KEY).length;
    const before = calls();
    await a.gql('query Live { instances { nodes { id status } } }');
    expect(calls()).toBeGreaterThan(before);
  });

  it('does not store a read that overlapped a mutation of its tenant (generation guard)', async () => {
    await a.gql(KEYS); // warm the catalogue of keys, then make the next list read slow
    a.sim.admin.setFault('listSshKeys', { latencyMs: 800 });
    try {
      const slowRead = a.gql<{ sshKeys: { nodes: { name: string }[] } }>(`${KEYS} # overlap`);
      await new Promise((r) => setTimeout(r, 200));
      const name = `rc-race-${Date.now()}`;
      const created = await b.gql(
        `mutation { createSshKey(input: { name: "${name}", publicKey: "${PUBLIC_KEY}" }) { sshKey { id } } }`,
      );
      expect(created.body.errors).toBeUndefined();
      const read = await slowRead;
      expect(ext(read).responseCache).toEqual({ hit: false, stored: false });
    } finally {
      a.sim.admin.clearFaults();
    }
  });

  it('maps the catalogue invalidation after a deploy to stored stock answers', async () => {
    const STOCK = 'query Stock { gpuStock { region { code } gpuModel available } }';
    await a.gql(STOCK);
    expect(ext(await a.gql(STOCK)).responseCache?.hit).toBe(true);
    const created = await a.gql(
      'mutation($input: CreateInstanceInput!) { createInstance(input: $input) { instance { id } } }',
      {
        input: {
          name: 'rc-stock-vm',
          gpuModel: 'L40',
          gpuCount: 1,
          region: 'NORWAY_1',
          imageName: 'Ubuntu Server 22.04 LTS R535 CUDA 12.2',
          sshKeyName: 'demo-key',
        },
      },
    );
    expect(created.body.errors).toBeUndefined();
    expect(ext(await b.gql(STOCK)).responseCache?.hit).toBe(false);
  });
});

describe('whole-response cache and budgets', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({
      env: { REDIS_KEY_PREFIX: uniquePrefix('rcb') },
      plan: { requestsPerMinute: 4, burst: 0, costPerMinute: 100_000, billableMutationsPerHour: 100 },
    });
  });
  afterAll(() => gw?.close());

  it('charges every hit against the request budget: a cached answer is no way around the limits', async () => {
    const statuses: number[] = [];
    const hits: (boolean | undefined)[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await gw.gql(CATALOGUE);
      statuses.push(r.status);
      hits.push((r.body.extensions as Ext | undefined)?.responseCache?.hit);
    }
    expect(hits.slice(1, 4)).toEqual([true, true, true]);
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses.slice(4)).toEqual([429, 429]);
  });
});
