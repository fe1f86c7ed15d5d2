import Redis, { type Cluster } from 'ioredis';
import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { eventually, LogLines } from '../helpers/log-lines';
import { connectTestRedis, testRedisTopology, testRedisUrl, uniquePrefix } from '../helpers/redis';

/*
 * One Redis command per tenant-scoped response-cache hit (src/response-cache/fast-path.ts, drawAndPeek): the
 * budget script also returns the entry and the tenant's generation, whose keys carry the tenant's hash tag.
 * Read from Redis' own MONITOR stream (every master on a cluster, so the cluster project proves the script's keys
 * share one slot: a CROSSSLOT refusal would show as the fallback's extra reads), counting the commands clients
 * sent with this suite's key prefix; commands run inside scripts are not counted.
 */

const TENANT_DOC = 'query OneCmdRegions { regions { code } }';
const PUBLIC_DOC = 'query OneCmdProtocols { firewallProtocols { name } }';
const KEYS_DOC = 'query OneCmdKeys { sshKeys { nodes { id name } } }';
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBm9rZXlmb3JyZXNwb25zZWNhY2hldGVzdHNhYmNkZWY oc@test';

type Ext = { responseCache?: { hit: boolean; stored?: boolean }; cost?: { remaining?: number } };
const ext = (r: { body: { extensions?: Record<string, unknown> } }) => r.body.extensions as Ext;

/** The commands clients send that name a key with `prefix` (name and arguments), from MONITOR on every master. */
class CommandLog {
  private readonly nodes: Redis[] = [];
  private readonly monitors: Redis[] = [];
  private readonly seen: string[][] = [];
  private marks = 0;
  private cluster?: Cluster;

  constructor(private readonly prefix: string) {}

  async start(): Promise<void> {
    const url = testRedisUrl();
    let nodes: Redis[];
    if (testRedisTopology() === 'cluster') {
      const cluster = connectTestRedis(url) as unknown as Cluster;
      await cluster.ping(); // the cluster knows its masters once connected
      nodes = cluster.nodes('master');
      this.cluster = cluster;
    } else nodes = [new Redis(url)];
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      const monitor = await node.monitor();
      monitor.on('monitor', (_time: string, args: string[], source: string) => {
        if (source !== 'lua' && args.some((a) => a.includes(this.prefix))) this.seen.push(args);
      });
      this.monitors.push(monitor);
      this.nodes.push(node);
    }
  }

  /** The names of the commands sent while `fn` ran. */
  async during(fn: () => Promise<void>): Promise<string[]> {
    const from = this.seen.length;
    await fn();
    // An ECHO of our own on every node after the gateway's commands: once each node's MONITOR has shown its
    // marker, it has shown everything that node ran before.
    const marker = `${this.prefix}marker:${this.marks++}:`;
    await Promise.all(this.nodes.map((n, i) => n.echo(`${marker}${i}`)));
    const markers = () => this.seen.filter((args) => args[1]?.startsWith(marker)).length;
    expect(await eventually(() => markers() === this.nodes.length)).toBe(true);
    const last = this.seen.findLastIndex((args) => args[1]?.startsWith(marker));
    return this.seen
      .slice(from, last)
      .filter((args) => !args[1]?.startsWith(marker))
      .map((args) => String(args[0]).toLowerCase());
  }

  stop(): void {
    for (const m of [...this.monitors, ...this.nodes]) m.disconnect();
    this.cluster?.disconnect();
  }
}

describe('response-cache hit: one Redis command when the answer is tenant-scoped', () => {
  let gw: TestGateway;
  let b: Awaited<ReturnType<TestGateway['replica']>>;
  const prefix = uniquePrefix('onecmd');
  const commands = new CommandLog(prefix);
  const logs = new LogLines();

  beforeAll(async () => {
    gw = await startTestGateway({
      env: { REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'info' },
      gateway: { logDestination: logs },
    });
    b = await gw.replica();
    await commands.start();
  });
  afterAll(async () => {
    commands.stop();
    await gw?.close();
  });

  it('answers a tenant-scoped hit with one command: the budget script, which also reads the entry', async () => {
    expect(ext(await gw.gql(TENANT_DOC)).responseCache?.stored).toBe(true);
    const first = await gw.gql(TENANT_DOC);
    const ids: (string | null)[] = [];
    const sent = await commands.during(async () => {
      for (let i = 0; i < 3; i++) {
        const hit = await gw.gql(TENANT_DOC);
        expect(hit.body.data).toEqual(first.body.data);
        expect(ext(hit).responseCache?.hit).toBe(true);
        ids.push(hit.headers.get('x-request-id'));
      }
    });
    expect(await eventually(() => logs.fastHits(ids) === 3)).toBe(true);
    expect(sent).toHaveLength(3);
    for (const name of sent) expect(['evalsha', 'eval']).toContain(name);
  });

  it('still draws both budgets on that one command: each hit spends its cost', async () => {
    const one = await gw.gql(TENANT_DOC);
    const two = await gw.gql(TENANT_DOC);
    const requested = (one.body.extensions as { cost: { requested: number } }).cost.requested;
    expect(ext(two).cost!.remaining).toBe(ext(one).cost!.remaining! - requested);
  });

  it('answers a public hit with the script and an MGET beside it (another slot)', async () => {
    await gw.gql(PUBLIC_DOC);
    const sent = await commands.during(async () => {
      expect(ext(await gw.gql(PUBLIC_DOC)).responseCache?.hit).toBe(true);
    });
    expect([...sent].sort()).toEqual([expect.stringMatching(/^evalsha$|^eval$/), 'mget'].sort());
  });

  it('sees a mutation through the other replica on the next one-command hit (generation and tags)', async () => {
    await gw.gql(KEYS_DOC);
    expect(ext(await gw.gql(KEYS_DOC)).responseCache?.hit).toBe(true);
    const name = `oc-key-${Date.now()}`;
    const created = await b.gql(
      `mutation { createSshKey(input: { name: "${name}", publicKey: "${PUBLIC_KEY}" }) { sshKey { id } } }`,
    );
    expect(created.body.errors).toBeUndefined();
    const after = await gw.gql<{ sshKeys: { nodes: { name: string }[] } }>(KEYS_DOC);
    expect(ext(after).responseCache?.hit).toBe(false);
    expect(after.body.data?.sshKeys.nodes.map((k) => k.name)).toContain(name);
    expect(ext(await gw.gql(KEYS_DOC)).responseCache?.hit).toBe(true);
  });
});

describe('response-cache hit with RESPONSE_CACHE_ONE_COMMAND=false', () => {
  let gw: TestGateway;
  const prefix = uniquePrefix('twocmd');
  const commands = new CommandLog(prefix);

  beforeAll(async () => {
    gw = await startTestGateway({ env: { REDIS_KEY_PREFIX: prefix, RESPONSE_CACHE_ONE_COMMAND: 'false' } });
    await commands.start();
  });
  afterAll(async () => {
    commands.stop();
    await gw?.close();
  });

  it('draws with the script and reads the entry with an MGET', async () => {
    await gw.gql(TENANT_DOC);
    const sent = await commands.during(async () => {
      expect(ext(await gw.gql(TENANT_DOC)).responseCache?.hit).toBe(true);
    });
    expect([...sent].sort()).toEqual([expect.stringMatching(/^evalsha$|^eval$/), 'mget'].sort());
  });
});

describe('response-cache one-command hit over a budget', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({
      env: { REDIS_KEY_PREFIX: uniquePrefix('onecmdb') },
      plan: { requestsPerMinute: 3, burst: 0, costPerMinute: 100_000, billableMutationsPerHour: 100 },
    });
  });
  afterAll(() => gw?.close());

  it('refuses it with the same RATE_LIMITED as a document never seen', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<TestGateway['gql']>> | undefined;
    for (let i = 0; i < 4; i++) {
      last = await gw.gql(TENANT_DOC);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const miss: Awaited<ReturnType<TestGateway['gql']>> = await gw.gql(
      'query OneCmdOther { pricing { currency } }',
    );
    const codeOf = (r: typeof miss) => r.body.errors?.[0]?.extensions;
    expect(codeOf(last!)).toMatchObject({ code: 'RATE_LIMITED', budget: 'requests' });
    expect(codeOf(miss)).toMatchObject({ code: 'RATE_LIMITED', budget: 'requests' });
    expect(last!.body.data ?? null).toBeNull();
  });
});
