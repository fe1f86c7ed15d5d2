import { startTestGateway, waitFor, type TestGateway } from '../helpers/gateway';
import { redisCli, startTestCluster, uniquePrefix, type TestCluster } from '../helpers/redis';
import { runTraffic, summarize } from './traffic';

/*
 * Two gateway replicas on one Redis Cluster (3 masters + 3 replicas) under traffic while the busiest master is
 * failed over to its replica with CLUSTER FAILOVER (the coordinated, planned kind: what a rolling Redis upgrade
 * or a managed-service maintenance does). The README's "Scaling" section quotes the figures printed here.
 */

const REQUESTS = 300;

describe('Redis Cluster: CLUSTER FAILOVER under traffic, two gateway replicas', () => {
  let cluster: TestCluster;
  const gws: TestGateway[] = [];

  beforeAll(async () => {
    cluster = await startTestCluster(3, 1);
    const prefix = uniquePrefix('failover');
    for (let i = 0; i < 2; i++)
      gws.push(await startTestGateway({ env: { REDIS_URL: cluster.url, REDIS_KEY_PREFIX: prefix } }));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(gws.map((g) => g.close()));
    cluster?.stop();
  });

  it('keeps serving through a master failover; any failure is a refused keyed write, none after it', async () => {
    let failoverAt = 0;
    let promotedAt = 0;
    let promoted = 0;
    const outcomes = await runTraffic(gws, {
      requests: REQUESTS,
      label: 'cf',
      faultAfter: 60,
      onFault: async () => {
        // The master holding most of this test's keys, and its replica.
        const sizes = await Promise.all(
          cluster.masterPorts.map(async (p) => ({ p, n: Number((await redisCli(p, 'dbsize')).trim()) })),
        );
        const master = sizes.sort((a, b) => b.n - a.n)[0]!.p;
        const replicaLine = (await redisCli(master, 'info', 'replication')).match(
          /slave0:ip=[^,]+,port=(\d+)/,
        );
        promoted = Number(replicaLine?.[1]);
        failoverAt = Date.now();
        expect((await redisCli(promoted, 'cluster', 'failover')).trim()).toBe('OK');
        await waitFor('the replica to become master', async () =>
          (await redisCli(promoted, 'info', 'replication')).includes('role:master') ? true : undefined,
        );
        promotedAt = Date.now();
      },
    });

    const s = summarize(outcomes);
    // Traffic sent once the switch has settled (2 s after it): when the switch took long, the main traffic may
    // have ended before then, so a short batch of its own is sent after the mark as well.
    const settle = promotedAt + 2_000 - Date.now();
    if (settle > 0) await new Promise((r) => setTimeout(r, settle));
    const late = await runTraffic(gws, { requests: 20, label: 'promotedAt-after' });
    const after = [...outcomes.filter((o) => o.at > promotedAt + 2_000), ...late];
    console.log(
      `cluster failover: ${s.failed}/${s.total} requests failed (${s.failedReads} reads, ${s.failedWrites} writes) ` +
        `over ${s.failureWindowMs} ms; replica ${promoted} promoted ${promotedAt - failoverAt} ms after CLUSTER FAILOVER; ` +
        `errors: ${s.errors.join(', ') || 'none'}`,
    );
    expect(promotedAt).toBeGreaterThan(0);
    expect(s.total).toBe(REQUESTS);
    // Reads never fail (rate limit fails open, the cache falls back to Barrack); a keyed write may be refused
    // (the idempotency store fails closed, so it is never run twice), never answered wrongly.
    expect(s.failedReads).toBe(0);
    for (const e of s.errors) expect(e).toBe('UPSTREAM_UNAVAILABLE/IDEMPOTENCY_STORE_UNAVAILABLE');
    expect(after.some((o) => o.kind === 'write')).toBe(true);
    expect(after.every((o) => o.ok)).toBe(true);
  });
});
