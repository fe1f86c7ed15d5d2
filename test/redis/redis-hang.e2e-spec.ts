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
 * the Redis breaker is open; with the response cache on, the same for a cached read on the fast path and on
 * Apollo's, and a mutation whose invalidation Redis never got is not hidden by stored answers afterwards.
 * Timings are printed, never asserted (the machine is shared); behaviour is: what the guard waited for, and
 * what Redis received (every command it got during a hang is one the guard waited for within a budget).
 */

const CREATE_VOLUME = `mutation($input: CreateVolumeInput!) {
  createVolume(input: $input) { volume { id name } }
}`;
const PLAIN_READ = '{ balance { amount currency } }';
const CACHED_READ = '{ regions { code } }';
const SSH_PUBLIC_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBm9rZXlmb3JyZXNwb25zZWNhY2hldGVzdHNhYmNkZWY hang@test';

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
    // Production defaults: the rate limits' draws, the whole-response cache and the catalogue cache.
    beforeAll(async () => {
      gw = await startTestGateway({ env: { REDIS_URL: redis.url } });
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
      // The request budget (one command timeout) went to the request-budget draw; the cost draw, the response
      // cache's generation read and the catalogue cache read found it spent. Had a layer not been handed the request's budget, it would have waited (and
      // failed) on its own: a second timeout.
      expect((await timeouts()) ?? 0).toBe(timeoutsBefore + 1);
      expect((await spent()) ?? 0).toBeGreaterThanOrEqual(spentBefore + 2);
    });

    it("a deploy's stock invalidation (both caches) spends the same budget: one timeout in all, never one per command", async () => {
      const timeouts = () => metric(gw, 'gateway_redis_failures_total{kind="timeout"}');
      // Stock cached (catalogue and response cache), so the invalidation has something to reach.
      expect((await gw.gql('{ gpuStock { gpuModel available } }')).body.errors).toBeUndefined();
      await waitFor('the Redis breaker to be closed', async () =>
        (await breakerOpen(gw)) === 0 ? true : undefined,
      );
      const timeoutsBefore = (await timeouts()) ?? 0;
      redis.pause();
      const deployed = await timed(() =>
        gw.gql<{ createInstance: { instance: { name: string } | null } }>(
          `mutation($input: CreateInstanceInput!) { createInstance(input: $input) { instance { name } } }`,
          {
            input: {
              name: 'hang-vm',
              gpuModel: 'A100_PCIE_80GB',
              gpuCount: 1,
              region: 'CANADA_1',
              imageName: 'Ubuntu Server 22.04 LTS R535 CUDA 12.2',
              sshKeyName: 'demo-key',
            },
          },
        ),
      );
      const failuresDuringHang = ((await timeouts()) ?? 0) - timeoutsBefore;
      redis.resume();
      console.log(`deploy during the hang answered in ${deployed.ms} ms`);
      // Barrack took it (the limiter failed open after the budget's one timeout), and the answer says so.
      expect(deployed.r.body.errors).toBeUndefined();
      expect(deployed.r.body.data?.createInstance.instance?.name).toBe('hang-vm');
      // The budget's one timeout; the response cache's registry read and the catalogue's SCAN found it spent.
      // Each used to wait its own command timeout: three timeouts, which also opened the breaker.
      expect(failuresDuringHang).toBe(1);
      expect(await breakerOpen(gw)).toBe(0);
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

  describe('a cached read with the response cache on (the default), on the fast path and on Apollo’s', () => {
    let fast: TestGateway;
    let apollo: TestGateway;
    beforeAll(async () => {
      // Production defaults (the response cache, its fast path and pre-router on), and the same with the fast
      // path off, so the cached document goes through Apollo and the cache plugin's own store commands.
      [fast, apollo] = await Promise.all([
        startTestGateway({ env: { REDIS_URL: redis.url } }),
        startTestGateway({ env: { REDIS_URL: redis.url, RESPONSE_CACHE_FAST_PATH: 'false' } }),
      ]);
    });
    afterAll(async () => {
      redis.resume();
      await Promise.all([fast?.close(), apollo?.close()]);
    });

    const timeouts = async (gw: TestGateway) =>
      (await metric(gw, 'gateway_redis_failures_total{kind="timeout"}')) ?? 0;
    const breakerSkips = async (gw: TestGateway) =>
      (await metric(gw, 'gateway_redis_skipped_total{reason="breaker_open"}')) ?? 0;
    type Regions = { regions: { code: string }[] };
    type Ext = { responseCache?: { hit: boolean } };
    const hit = (r: GqlResponse) => (r.body.extensions as Ext | undefined)?.responseCache?.hit;

    // Every command Redis runs for a client (MONITOR; a script's own calls come from 'lua' and are left out).
    let monitor: Awaited<ReturnType<Redis['monitor']>> | undefined;
    const received: string[] = [];
    beforeAll(async () => {
      monitor = await admin.monitor();
      monitor.on('monitor', (_time: string, args: string[], source: string) => {
        if (source !== 'lua') received.push(String(args[0]).toLowerCase());
      });
    });
    afterAll(() => monitor?.disconnect());

    /** Commands Redis has run for the gateways, but the breaker's probes (PING) and this test's own INFO. */
    // eslint-disable-next-line @typescript-eslint/require-await
    async function commandsRun(): Promise<number> {
      return received.filter((c) => c !== 'ping' && c !== 'info').length;
    }

    /** commandsRun() once what was written into the hang has run (two equal readings 100 ms apart). */
    async function commandsSettled(): Promise<number> {
      let last = -1;
      return waitFor('the commands written during the hang to run', async () => {
        const n = await commandsRun();
        if (n === last) return n;
        last = n;
        await new Promise((r) => setTimeout(r, 100));
        return undefined;
      });
    }

    async function openBreaker(gw: TestGateway): Promise<void> {
      await waitFor(
        'the Redis breaker to open',
        async () => {
          if ((await breakerOpen(gw)) === 1) return true;
          await gw.gql(PLAIN_READ); // one more unanswered command
          return undefined;
        },
        20_000,
      );
    }

    const figures: string[] = [];

    it.each([
      // One command on the fast path: regions are tenant-scoped, so the budget script reads the entry too.
      ['fast path hit', () => fast, 1],
      ['Apollo path', () => apollo, 1],
    ] as const)(
      'a %s pays one budget during the hang, nothing once the breaker is open, and sends nothing outside the guard',
      async (label, gwOf, concurrent) => {
        const gw = gwOf();
        const read = () => gw.gql<Regions>(CACHED_READ);
        // Stored, then its cost known (the fast path's condition) and a hit.
        await read();
        const warm = await timed(read);
        expect(hit(warm.r)).toBe(true);

        // Breaker closed: the request's budget (one command timeout) goes to its first round trip. On the fast
        // path that is the draw that also reads the entry (one script); on Apollo's the request-budget draw. Everything
        // after it (the plugin's generation read, the catalogue cache, the store's put) is refused at once.
        let sentBefore = await commandsSettled();
        let timeoutsBefore = await timeouts(gw);
        redis.pause();
        const closed = await timed(read);
        redis.resume();
        expect(closed.r.body.errors).toBeUndefined();
        expect(closed.r.body.data?.regions.length).toBeGreaterThan(0);
        const closedTimeouts = (await timeouts(gw)) - timeoutsBefore;
        expect(closedTimeouts).toBe(concurrent);
        // Every command Redis got from the request was one the guard waited for within the budget.
        expect((await commandsSettled()) - sentBefore).toBe(closedTimeouts);
        await waitFor('the Redis breaker to be closed', async () =>
          (await breakerOpen(gw)) === 0 ? true : undefined,
        );

        // Breaker open: the read goes straight to its fallbacks (a miss, executed), sending nothing.
        sentBefore = await commandsSettled();
        timeoutsBefore = await timeouts(gw);
        redis.pause();
        await openBreaker(gw);
        const [skipsBefore, timeoutsOpening] = [await breakerSkips(gw), await timeouts(gw)];
        const open = await timed(read);
        expect(open.r.body.errors).toBeUndefined();
        expect(open.r.body.data?.regions.length).toBeGreaterThan(0);
        expect(await timeouts(gw)).toBe(timeoutsOpening);
        expect(await breakerSkips(gw)).toBeGreaterThan(skipsBefore);
        redis.resume();
        // What Redis got during this hang: the commands that opened the breaker, each one the guard waited for.
        expect((await commandsSettled()) - sentBefore).toBe(timeoutsOpening - timeoutsBefore);
        await waitFor('the Redis breaker to close', async () =>
          (await breakerOpen(gw)) === 0 ? true : undefined,
        );
        figures.push(
          `  ${label.padEnd(14)} before ${String(warm.ms).padStart(4)}   hang, breaker closed ${String(closed.ms).padStart(5)} ms   hang, breaker open ${String(open.ms).padStart(5)} ms`,
        );
      },
    );

    it('a mutation whose invalidation Redis never got (breaker open) is not hidden by stored answers afterwards', async () => {
      const KEYS = 'query HangKeys { sshKeys { nodes { id name } } }';
      // Another document over the same list, stored through a replica that sees no Redis trouble (its breaker
      // stays closed, so nothing but the owed invalidation can remove its entry) and never re-stored through
      // `fast` (whose misses after the recovery overwrite their own keys).
      const OTHER_KEYS = 'query HangKeyNames { sshKeys { nodes { name } } }';
      const name = `hang-key-${Date.now()}`;
      const names = (r: GqlResponse) =>
        (r.body.data as { sshKeys: { nodes: { name: string }[] } }).sshKeys.nodes.map((k) => k.name);
      const replica = await fast.replica();
      await fast.gql(KEYS);
      expect(hit(await fast.gql(KEYS))).toBe(true);
      await replica.gql(OTHER_KEYS);
      expect(hit(await replica.gql(OTHER_KEYS))).toBe(true);

      redis.pause();
      await openBreaker(fast);
      // No Idempotency-Key: nothing refuses it during the hang; its generation bump and invalidation are refused.
      const created = await fast.gql(
        `mutation { createSshKey(input: { name: "${name}", publicKey: "${SSH_PUBLIC_KEY}" }) { sshKey { id } } }`,
      );
      expect(created.body.errors).toBeUndefined();
      redis.resume();
      await waitFor('the Redis breaker to close', async () =>
        (await breakerOpen(fast)) === 0 ? true : undefined,
      );
      // Until the cache answers again (the owed invalidation sent when the breaker closed, the quiet time after
      // the recovery over), then with the new key.
      const misses: GqlResponse[] = [];
      const cached = await waitFor('a cached answer again', async () => {
        const r = await fast.gql(KEYS);
        if (hit(r)) return r;
        misses.push(r);
        return undefined;
      });
      expect(names(cached)).toContain(name);
      for (const m of misses) expect(names(m)).toContain(name);
      // The replica's entry, stored before the mutation, is gone from Redis: executed again, with the new key.
      const other = await replica.gql(OTHER_KEYS);
      expect(hit(other)).toBe(false);
      expect(names(other)).toContain(name);
    });

    afterAll(() => {
      if (figures.length)
        console.log(
          `item 7, response cache on: cached read (regions) with Redis hung (REDIS_COMMAND_TIMEOUT_MS=1000, budget 1000 ms)\n${figures.join('\n')}`,
        );
    });
  });
});
