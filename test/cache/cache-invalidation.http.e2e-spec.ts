import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApiKey } from '../../src/auth/api-key';
import { startGateway, type RunningGateway } from '../../src/bootstrap';
import { SCOPES } from '../../src/common/context/principal';
import { loadConfig } from '../../src/config/app-config';
import { startSimulator } from '../../simulator/simulator';
import {
  SIM_DEMO_KEY,
  startTestGateway,
  waitFor,
  type GqlResponse,
  type Simulator,
  type TestGateway,
} from '../helpers/gateway';
import { testRedisUrl, uniquePrefix } from '../helpers/redis';

/** These suites test the catalogue cache itself; the whole-response cache above it would answer first. */
const CATALOGUE_LAYER_ONLY = { RESPONSE_CACHE_ENABLED: 'false' };

/*
 * The parts of the catalogue cache that only show over time or across mutations and replicas, seen as a
 * client sees them: the real gateway over HTTP, the simulator as Barrack, the shared test Redis. What Barrack
 * saw comes from the simulator's request log. (cache-catalogue.http covers the cold burst on ONE gateway,
 * tenant isolation, clearCache and stale-if-error on stock; cache.service.e2e covers the service itself.)
 */

interface CacheExt {
  kind: string;
  stale: boolean;
  ageSeconds: number;
  asOf: string;
}

interface StockRow {
  availableAtLeast: number;
  asOf: string;
  stale: boolean;
}

const cacheExt = (body: GqlResponse['body'], kind: string): CacheExt | undefined =>
  (body.extensions?.cache as CacheExt[] | undefined)?.find((e) => e.kind === kind);

/** A machine under load must not turn a slow Redis reply into a fallback call to Barrack: these suites count calls. */
const SLOW_MACHINE_ENV = { REDIS_COMMAND_TIMEOUT_MS: '2000' };

describe('GPU stock after a deploy and a delete (domain invalidation through the gateway)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    // A one-hour stock TTL: within this test only an invalidation can make the gateway read Barrack again.
    gw = await startTestGateway({
      simulator: { seed: 'demo' },
      env: { ...SLOW_MACHINE_ENV, ...CATALOGUE_LAYER_ONLY, CACHE_TTL_STOCK_S: '3600' },
    });
  });
  afterAll(() => gw?.close());

  const stockCalls = () => gw.sim.admin.counters().byOperation.listGpuStocks ?? 0;
  const l40InNorway = async (): Promise<StockRow> => {
    const r = await gw.gql<{ gpuStock: StockRow[] }>(
      'query($r: RegionCodeInput, $m: GpuModelInput) { gpuStock(region: $r, gpuModel: $m) { availableAtLeast asOf stale } }',
      { r: 'NORWAY_1', m: 'L40' },
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data?.gpuStock).toHaveLength(1);
    return r.body.data!.gpuStock[0]!;
  };

  it('refills stock once after createInstance and once after deleteInstance, showing what Barrack now holds', async () => {
    const warm = await l40InNorway();
    expect(warm.stale).toBe(false);
    expect(warm.availableAtLeast).toBe(gw.sim.admin.stock('NORWAY-1', 'L40'));

    // Barrack's count changes behind the gateway's back: the cached count stays, and Barrack is not asked.
    gw.sim.admin.setStock('NORWAY-1', 'L40', 40);
    const warmCalls = stockCalls();
    expect(await l40InNorway()).toEqual(warm);
    expect(stockCalls()).toBe(warmCalls);

    const created = await gw.gql<{ createInstance: { instance: { id: string } } }>(
      'mutation($input: CreateInstanceInput!) { createInstance(input: $input) { instance { id } } }',
      {
        input: {
          name: 'cache-invalidation-vm',
          gpuModel: 'L40',
          gpuCount: 2,
          region: 'NORWAY_1',
          imageName: 'Ubuntu Server 22.04 LTS R535 CUDA 12.2',
          sshKeyName: 'demo-key',
        },
      },
    );
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data!.createInstance.instance.id;
    expect(gw.sim.admin.stock('NORWAY-1', 'L40')).toBe(38);

    const afterCreate = await l40InNorway();
    expect(afterCreate).toMatchObject({ availableAtLeast: 38, stale: false });
    expect(stockCalls()).toBe(warmCalls + 1);
    // ...and the refilled entry serves the next read.
    expect(await l40InNorway()).toEqual(afterCreate);
    expect(stockCalls()).toBe(warmCalls + 1);

    const deleted = await gw.gql<{ deleteInstance: { instanceId: string } }>(
      'mutation($input: InstanceActionInput!) { deleteInstance(input: $input) { instanceId } }',
      { input: { id } },
    );
    expect(deleted.body.errors).toBeUndefined();
    expect(deleted.body.data?.deleteInstance.instanceId).toBe(id);

    expect(await l40InNorway()).toMatchObject({ availableAtLeast: 40, stale: false });
    expect(stockCalls()).toBe(warmCalls + 2);
  });
});

describe('regions past their TTL (stale-while-revalidate, stale-if-error through the gateway)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({
      simulator: { seed: 'demo' },
      env: {
        ...SLOW_MACHINE_ENV,
        ...CATALOGUE_LAYER_ONLY,
        CACHE_TTL_REGIONS_S: '1',
        // A failed refresh keeps its lock until expiry: a short one lets the recovery show within the test.
        CACHE_LOCK_TTL_MS: '1000',
        // One Barrack call per refresh attempt, so the log counts refresh rounds.
        BARRACK_RETRY_MAX: '0',
      },
    });
  });
  afterAll(() => gw?.close());

  beforeEach(async () => {
    gw.sim.admin.clearFaults();
    const cleared = await gw.gql<{ clearCache: { complete: boolean } }>(
      'mutation { clearCache(input: { kind: REGIONS }) { complete } }',
    );
    expect(cleared.body.data?.clearCache.complete).toBe(true);
    gw.sim.admin.resetLog();
  });

  const regionCalls = (status?: number) =>
    gw.sim.admin
      .requestLog()
      .filter((e) => e.operationId === 'listRegions' && (status === undefined || e.status === status)).length;

  const regions = async () => {
    const r = await gw.gql<{ regions: { code: string; asOf: string; stale: boolean }[] }>(
      '{ regions { code asOf stale } }',
    );
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    const rows = r.body.data!.regions;
    expect(rows.length).toBeGreaterThan(0);
    return { asOf: rows[0]!.asOf, stale: rows[0]!.stale, rows, ext: cacheExt(r.body, 'regions') };
  };

  /** Waits on the clock (no fixed sleep) until an entry loaded at `asOf` is past the 1 s TTL. */
  const pastTtl = (asOf: string) =>
    waitFor('the 1 s regions TTL to pass', () =>
      Promise.resolve(Date.now() >= Date.parse(asOf) + 1_000 ? true : undefined),
    );

  it('serves the old entry at once, flagged stale, while exactly one background refresh runs', async () => {
    const warm = await regions();
    expect(warm.stale).toBe(false);
    expect(warm.ext).toMatchObject({ stale: false, asOf: warm.asOf });
    expect(regionCalls()).toBe(1);

    await pastTtl(warm.asOf);
    const burst = await Promise.all(Array.from({ length: 20 }, () => regions()));

    // An answer carrying the old asOf did not wait for Barrack; one with a new asOf came after the refresh.
    const served = burst.filter((b) => b.asOf === warm.asOf);
    expect(served.length).toBeGreaterThanOrEqual(1);
    for (const b of served) {
      expect(b.stale).toBe(true);
      expect(b.rows.every((row) => row.stale)).toBe(true);
      expect(b.ext).toMatchObject({ kind: 'regions', stale: true, asOf: warm.asOf });
      expect(b.ext!.ageSeconds).toBeGreaterThanOrEqual(1);
    }
    for (const b of burst.filter((x) => x.asOf !== warm.asOf)) expect(b.stale).toBe(false);

    await waitFor('the background refresh to reach Barrack', () =>
      Promise.resolve(regionCalls() >= 2 ? true : undefined),
    );
    const fresh = await waitFor('a read of the refreshed entry', async () => {
      const r = await regions();
      return r.asOf !== warm.asOf ? r : undefined;
    });
    expect(fresh.stale).toBe(false);
    expect(fresh.ext).toMatchObject({ stale: false, asOf: fresh.asOf });
    expect(Date.parse(fresh.asOf)).toBeGreaterThan(Date.parse(warm.asOf));
    expect(regionCalls()).toBe(2);
    expect(regionCalls(200)).toBe(2);
  });

  it('keeps answering with the last good regions while Barrack answers 503, then recovers on its own', async () => {
    const warm = await regions();
    expect(warm.stale).toBe(false);
    gw.sim.admin.setFault('listRegions', { status: 503 });
    await pastTtl(warm.asOf);

    // Read until two refresh rounds (a lock period apart) have failed at Barrack; every read must still answer.
    const during: Awaited<ReturnType<typeof regions>>[] = [];
    const deadline = Date.now() + 20_000;
    while ((regionCalls(503) < 2 || during.length < 5) && Date.now() < deadline) {
      during.push(await regions());
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(regionCalls(503)).toBeGreaterThanOrEqual(2);
    expect(during.length).toBeGreaterThanOrEqual(5);
    for (const d of during) {
      expect(d.stale).toBe(true);
      expect(d.asOf).toBe(warm.asOf);
      expect(d.rows.map((row) => row.code)).toEqual(warm.rows.map((row) => row.code));
      expect(d.ext).toMatchObject({ kind: 'regions', stale: true, asOf: warm.asOf });
    }

    gw.sim.admin.clearFaults();
    const fresh = await waitFor(
      'fresh regions after Barrack recovers',
      async () => {
        const r = await regions();
        return r.stale ? undefined : r;
      },
      20_000,
      50,
    );
    expect(Date.parse(fresh.asOf)).toBeGreaterThan(Date.parse(warm.asOf));
    expect(fresh.ext).toMatchObject({ stale: false, asOf: fresh.asOf });
    expect(regionCalls(200)).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

/** Two gateway processes (replicas) on one tenants file, one Redis key prefix and one simulator. */
interface Replicas {
  sim: Simulator;
  urls: [string, string];
  apiKey: string;
  close(): Promise<void>;
}

async function startReplicas(): Promise<Replicas> {
  const sim = await startSimulator({ seed: 'demo', latencyMs: 20 });
  const dir = mkdtempSync(join(tmpdir(), 'bgw-cache2-'));
  const gateways: RunningGateway[] = [];
  const close = async () => {
    try {
      await Promise.all(gateways.map((g) => g.close()));
    } finally {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    writeFileSync(join(dir, 'demo.key'), SIM_DEMO_KEY, { mode: 0o600 });
    const key = generateApiKey();
    const tenants = {
      tenants: [
        {
          id: 'e2e-demo',
          name: 'E2E demo tenant',
          barrackCredential: { file: join(dir, 'demo.key') },
          scopes: [...SCOPES],
          plan: {
            requestsPerMinute: 100_000,
            costPerMinute: 10_000_000,
            burst: 10_000,
            billableMutationsPerHour: 100_000,
          },
          apiKeys: [{ id: key.id, hash: key.hash, scopes: [...SCOPES], label: 'e2e replicas' }],
        },
      ],
    };
    writeFileSync(join(dir, 'tenants.json'), JSON.stringify(tenants), { mode: 0o600 });
    const config = loadConfig({
      BARRACK_BASE_URL: sim.url,
      TENANTS_FILE: join(dir, 'tenants.json'),
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: uniquePrefix('gw2'),
      ...CATALOGUE_LAYER_ONLY,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      ...SLOW_MACHINE_ENV,
      // Nothing may expire or give up waiting for the other replica's fill while 200 requests are in flight.
      CACHE_TTL_STOCK_S: '3600',
      CACHE_LOCK_WAIT_MS: '10000',
    });
    gateways.push(await startGateway(config));
    gateways.push(await startGateway(config));
    return { sim, urls: [gateways[0]!.url, gateways[1]!.url], apiKey: key.key, close };
  } catch (e) {
    await close();
    throw e;
  }
}

describe('cold catalogue burst across two gateway processes', () => {
  let rep: Replicas;
  beforeAll(async () => {
    rep = await startReplicas();
  });
  afterAll(() => rep?.close());

  it('answers 200 concurrent queries split over two gateways with one Barrack call per resource', async () => {
    const query =
      '{ regions { code asOf } gpuStock { gpuModel asOf } pricing(currency: USD) { currency asOf } }';
    rep.sim.admin.resetLog();
    const results = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const res = await fetch(`${rep.urls[i % 2]}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${rep.apiKey}` },
          body: JSON.stringify({ query }),
        });
        return { status: res.status, body: (await res.json()) as GqlResponse['body'] };
      }),
    );

    expect(results.filter((r) => r.status !== 200 || r.body.errors).map((r) => r.body.errors)).toEqual([]);
    expect(rep.sim.admin.counters().byOperation).toEqual({ listRegions: 1, listGpuStocks: 1, getPricing: 1 });
    // Both replicas served the one load: every answer carries the same asOf per kind.
    for (const kind of ['regions', 'gpuStock', 'pricing']) {
      const asOfs = new Set(results.map((r) => cacheExt(r.body, kind)?.asOf));
      expect([...asOfs]).toHaveLength(1);
      expect([...asOfs][0]).toEqual(expect.any(String));
    }
  }, 120_000);
});
