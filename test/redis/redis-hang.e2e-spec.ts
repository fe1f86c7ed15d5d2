import Redis from 'ioredis';
import {
  SIM_DEMO_KEY,
  startTestGateway,
  waitFor,
  type GqlResponse,
  type TestGateway,
} from '../helpers/gateway';
import { PrivateRedis } from '../helpers/redis';

/*
 * Redis hangs (SIGSTOP: connections stay open, nothing answers) under the real gateway over HTTP.
 * Issue 12 item 6: a create refused during the hang leaves no claim behind, so its retry after recovery runs
 * (exactly once). Item 7: a request pays at most one command timeout during the hang, and nothing extra once
 * the Redis breaker is open. Timings are printed, never asserted (the machine is shared); behaviour is.
 */

const CREATE_VOLUME = `mutation($input: CreateVolumeInput!) {
  createVolume(input: $input) { volume { id name } }
}`;
const PLAIN_READ = '{ balance { amount currency } }';
const CACHED_READ = '{ regions { code } }';

const volumeInput = (name: string) => ({ name, region: 'CANADA_1', sizeGb: 10 });

async function metric(gw: TestGateway, line: string): Promise<number | undefined> {
  const text = await (await fetch(gw.metricsUrl!)).text();
  const row = text.split('\n').find((l) => l.startsWith(`${line} `));
  return row === undefined ? undefined : Number(row.slice(line.length + 1));
}

const breakerOpen = (gw: TestGateway) => metric(gw, 'gateway_redis_breaker_open');

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; r: T }> {
  const t0 = performance.now();
  const r = await fn();
  return { ms: Math.round(performance.now() - t0), r };
}

function volumesNamed(gw: TestGateway, name: string): number {
  return gw.sim.admin.getAccountState(SIM_DEMO_KEY).volumes.filter((v) => v.name === name).length;
}

function evalCalls(info: string): number {
  const m = /cmdstat_eval:calls=(\d+)/.exec(info);
  return m ? Number(m[1]) : 0;
}

describe('a hung Redis under the gateway', () => {
  let redis: PrivateRedis;
  let admin: Redis;
  beforeAll(async () => {
    redis = await PrivateRedis.create();
    admin = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    admin.on('error', () => undefined);
    await admin.connect();
  });
  afterAll(async () => {
    admin?.disconnect();
    await redis?.stop();
  });

  describe('a create refused during the hang (issue 12 item 6)', () => {
    let gw: TestGateway;
    // Rate limits off, so the idempotency claim is the first Redis command and really is sent into the hang.
    beforeAll(async () => {
      gw = await startTestGateway({ env: { REDIS_URL: redis.url, RATE_LIMIT_ENABLED: 'false' } });
    });
    afterAll(async () => {
      redis.resume();
      await gw?.close();
    });

    it('leaves no claim behind: the retry after recovery creates the volume, exactly once', async () => {
      const before = evalCalls(await admin.info('commandstats'));
      const headers = { 'Idempotency-Key': 'hang-k' };
      redis.pause();
      const refused = await gw.gql(CREATE_VOLUME, { input: volumeInput('hang-vol') }, { headers });
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        reason: 'IDEMPOTENCY_STORE_UNAVAILABLE',
      });
      expect(gw.sim.admin.requestLog().filter((e) => e.operationId === 'createVolume')).toHaveLength(0);

      redis.resume();
      // The claim queued during the hang has now run, and the release sent after it too.
      await waitFor('the queued claim and its release to run', async () =>
        evalCalls(await admin.info('commandstats')) >= before + 2 ? true : undefined,
      );
      await waitFor('the Redis breaker to be closed', async () =>
        (await breakerOpen(gw)) === 0 ? true : undefined,
      );

      const retry = await timed(() =>
        gw.gql<{ createVolume: { volume: { id: string } } }>(
          CREATE_VOLUME,
          { input: volumeInput('hang-vol') },
          { headers },
        ),
      );
      console.log(`item 6: retry with the same key after recovery answered in ${retry.ms} ms`);
      expect(retry.r.body.errors).toBeUndefined();
      expect(retry.r.body.extensions?.idempotency).toMatchObject({ key: 'hang-k', replayed: false });
      const id = retry.r.body.data!.createVolume.volume.id;

      // 20 concurrent retries replay it; Barrack saw one create.
      const again = await Promise.all(
        Array.from({ length: 20 }, () =>
          gw.gql<{ createVolume: { volume: { id: string } } }>(
            CREATE_VOLUME,
            { input: volumeInput('hang-vol') },
            { headers },
          ),
        ),
      );
      for (const a of again) {
        expect(a.body.errors).toBeUndefined();
        expect(a.body.data!.createVolume.volume.id).toBe(id);
      }
      expect(gw.sim.admin.requestLog().filter((e) => e.operationId === 'createVolume')).toHaveLength(1);
      expect(volumesNamed(gw, 'hang-vol')).toBe(1);
    });
  });

  describe("one request's Redis budget, shared by every layer that serves it", () => {
    let gw: TestGateway;
    // Production defaults but the whole-response cache (its store does not go through the guard), so every
    // Redis command of the request below does: the rate limits' draws and the catalogue cache.
    beforeAll(async () => {
      gw = await startTestGateway({ env: { REDIS_URL: redis.url, RESPONSE_CACHE_ENABLED: 'false' } });
    });
    afterAll(async () => {
      redis.resume();
      await gw?.close();
    });

    it('after its first unanswered command, its later ones (limits, then the cache) are refused at once', async () => {
      const timeouts = () => metric(gw, 'gateway_redis_failures_total{kind="timeout"}');
      const spent = () => metric(gw, 'gateway_redis_skipped_total{reason="budget_spent"}');
      // A document the gateway has not seen: its cost is unknown, so no layer before Apollo draws for it.
      const fresh = `query Fresh${Date.now()} { regions { code } }`;
      expect((await gw.gql(CACHED_READ)).body.errors).toBeUndefined();
      const [timeoutsBefore, spentBefore] = [(await timeouts()) ?? 0, (await spent()) ?? 0];
      redis.pause();
      const r = await gw.gql<{ regions: { code: string }[] }>(fresh);
      redis.resume();
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data?.regions.length).toBeGreaterThan(0);
      // The request budget (one command timeout) went to the request-budget draw; the cost draw and the cache
      // read found it spent. Had a layer not been handed the request's budget, it would have waited (and
      // failed) on its own: a second timeout.
      expect((await timeouts()) ?? 0).toBe(timeoutsBefore + 1);
      expect((await spent()) ?? 0).toBeGreaterThanOrEqual(spentBefore + 2);
    });
  });

  describe('latency during the hang, before and after the breaker opens (issue 12 item 7)', () => {
    let gw: TestGateway;
    beforeAll(async () => {
      // Production defaults: rate limits on (fail-open), 1000 ms command timeout, budget = one timeout.
      gw = await startTestGateway({ env: { REDIS_URL: redis.url } });
    });
    afterAll(async () => {
      redis.resume();
      await gw?.close();
    });

    let n = 0;
    const ops = {
      plainRead: () => gw.gql(PLAIN_READ),
      cachedRead: () => gw.gql<{ regions: { code: string }[] }>(CACHED_READ),
      idempotentCreate: () =>
        gw.gql(
          CREATE_VOLUME,
          { input: volumeInput(`lat-vol-${++n}`) },
          { headers: { 'Idempotency-Key': `lat-${n}-${Date.now()}` } },
        ),
    };
    type Op = keyof typeof ops;
    const figures: Record<string, Record<Op, number>> = {};

    async function measure(phase: string): Promise<Record<Op, GqlResponse>> {
      const out = {} as Record<Op, GqlResponse>;
      figures[phase] = {} as Record<Op, number>;
      for (const op of Object.keys(ops) as Op[]) {
        const { ms, r } = await timed(ops[op]);
        figures[phase][op] = ms;
        out[op] = r;
      }
      return out;
    }

    it('reads never fail, pay at most one command timeout during the hang, and nothing once the breaker is open', async () => {
      const ok = (r: GqlResponse) => expect(r.body.errors).toBeUndefined();
      await measure('warm-up');
      const before = await measure('before');
      ok(before.plainRead);
      ok(before.cachedRead);
      ok(before.idempotentCreate);
      expect(await breakerOpen(gw)).toBe(0);

      redis.pause();
      const first = await measure('hang, breaker closed');
      ok(first.plainRead);
      ok(first.cachedRead);
      expect((first.cachedRead.body.data as { regions: unknown[] }).regions.length).toBeGreaterThan(0);
      // The documented fallback of idempotency: refuse the billable mutation rather than risk running it twice.
      expect(first.idempotentCreate.body.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        reason: 'IDEMPOTENCY_STORE_UNAVAILABLE',
      });

      await waitFor('the Redis breaker to open', async () =>
        (await breakerOpen(gw)) === 1 ? true : undefined,
      );
      const skippedBefore = (await metric(gw, 'gateway_redis_skipped_total{reason="breaker_open"}')) ?? 0;
      const open = await measure('hang, breaker open');
      ok(open.plainRead);
      ok(open.cachedRead);
      expect(open.idempotentCreate.body.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        reason: 'IDEMPOTENCY_STORE_UNAVAILABLE',
      });
      // Every feature skipped Redis: rate limits (requests, cost), the cache, the claim, the audit append.
      expect(
        (await metric(gw, 'gateway_redis_skipped_total{reason="breaker_open"}')) ?? 0,
      ).toBeGreaterThanOrEqual(skippedBefore + 6);

      redis.resume();
      await waitFor('the Redis breaker to close', async () =>
        (await breakerOpen(gw)) === 0 ? true : undefined,
      );
      const after = await measure('after');
      ok(after.plainRead);
      ok(after.cachedRead);
      ok(after.idempotentCreate);

      const table = Object.entries(figures)
        .map(
          ([phase, f]) =>
            `  ${phase.padEnd(22)} plain read ${String(f.plainRead).padStart(5)} ms   cached read ${String(f.cachedRead).padStart(5)} ms   idempotent create ${String(f.idempotentCreate).padStart(5)} ms`,
        )
        .join('\n');
      console.log(
        `item 7: latency with Redis hung (REDIS_COMMAND_TIMEOUT_MS=1000, budget 1000 ms)\n${table}`,
      );
    });
  });
});
