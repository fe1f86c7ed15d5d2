import { startTestGateway, waitFor, type TestGateway } from '../helpers/gateway';
import { redisCli, startTestSentinelSet, uniquePrefix, type TestSentinelSet } from '../helpers/redis';
import { runTraffic, summarize } from './traffic';

/*
 * Two gateway replicas on a Sentinel set (a master, a replica, one sentinel on loopback) under traffic while
 * SENTINEL FAILOVER promotes the replica. The README's "Scaling" section quotes the figures printed here.
 */

const REQUESTS = 300;

describe('Redis Sentinel: SENTINEL FAILOVER under traffic, two gateway replicas', () => {
  let set: TestSentinelSet;
  const gws: TestGateway[] = [];

  beforeAll(async () => {
    set = await startTestSentinelSet();
    const prefix = uniquePrefix('sentinel');
    for (let i = 0; i < 2; i++)
      gws.push(await startTestGateway({ env: { REDIS_URL: set.url, REDIS_KEY_PREFIX: prefix } }));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(gws.map((g) => g.close()));
    set?.stop();
  });

  it('keeps serving through a failover; any failure is a refused keyed write, none after it', async () => {
    let failoverAt = 0;
    let switchedAt = 0;
    const outcomes = await runTraffic(gws, {
      requests: REQUESTS,
      label: 'sf',
      faultAfter: 60,
      onFault: async () => {
        failoverAt = Date.now();
        expect((await redisCli(set.sentinelPort, 'sentinel', 'failover', set.name)).trim()).toBe('OK');
        await waitFor(
          'the sentinel to name the replica as master',
          async () =>
            (await redisCli(set.sentinelPort, 'sentinel', 'get-master-addr-by-name', set.name)).includes(
              String(set.replicaPort),
            )
              ? true
              : undefined,
          20_000,
        );
        switchedAt = Date.now();
      },
    });

    const s = summarize(outcomes);
    // Traffic sent once the switch has settled (2 s after it): when the switch took long, the main traffic may
    // have ended before then, so a short batch of its own is sent after the mark as well.
    const settle = switchedAt + 2_000 - Date.now();
    if (settle > 0) await new Promise((r) => setTimeout(r, settle));
    const late = await runTraffic(gws, { requests: 20, label: 'switchedAt-after' });
    const after = [...outcomes.filter((o) => o.at > switchedAt + 2_000), ...late];
    console.log(
      `sentinel failover: ${s.failed}/${s.total} requests failed (${s.failedReads} reads, ${s.failedWrites} writes) ` +
        `over ${s.failureWindowMs} ms; master switched ${switchedAt - failoverAt} ms after SENTINEL FAILOVER; ` +
        `errors: ${s.errors.join(', ') || 'none'}`,
    );
    expect(switchedAt).toBeGreaterThan(0);
    expect(s.total).toBe(REQUESTS);
    expect(s.failedReads).toBe(0);
    for (const e of s.errors) expect(e).toBe('UPSTREAM_UNAVAILABLE/IDEMPOTENCY_STORE_UNAVAILABLE');
    // Keyed writes succeeded after the switch, and the old master is a read-only replica: the gateways
    // followed the failover to the new master.
    expect(after.some((o) => o.kind === 'write')).toBe(true);
    expect(after.every((o) => o.ok)).toBe(true);
    await waitFor('the old master to be a replica', async () =>
      (await redisCli(set.masterPort, 'info', 'replication')).includes('role:slave') ? true : undefined,
    );
  });
});
