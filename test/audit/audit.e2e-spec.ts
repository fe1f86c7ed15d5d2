import { startTestGateway, type TestGateway } from '../helpers/gateway';
import { connectTestRedis, testRedisUrl, uniquePrefix } from '../helpers/redis';

/* The audit trail end to end: mutations over HTTP, then the admin auditLog query (records in real Redis). */

const CREATE = `mutation Create($input: CreateInstanceInput!) {
  createInstance(input: $input) { instance { id: barrackId name } requestId userErrors { code } }
}`;
const AUDIT = `query Audit($first: Int, $after: String, $last: Int, $before: String) {
  auditLog(first: $first, after: $after, last: $last, before: $before) {
    nodes {
      id: barrackId at principalKind principalSubject operation targetIds idempotencyKey replayed reconciled outcome
      upstreamRequestId latencyMs requestId
    }
    edges { cursor }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount
  }
}`;

interface AuditPage {
  nodes: AuditRow[];
  edges: { cursor: string }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

interface AuditRow {
  id: string;
  at: string;
  principalKind: string;
  principalSubject: string | null;
  operation: string;
  targetIds: string[];
  idempotencyKey: string | null;
  replayed: boolean;
  reconciled: boolean;
  outcome: string;
  upstreamRequestId: string | null;
  latencyMs: number;
  requestId: string;
}

const vmInput = (name: string) => ({
  name,
  gpuModel: 'A100_PCIE_80GB',
  gpuCount: 1,
  region: 'CANADA_1',
  imageName: 'Ubuntu Server 22.04 LTS R535 CUDA 12.2',
  sshKeyName: 'demo-key',
});

describe('audit trail (real Redis, simulator)', () => {
  let gw: TestGateway;
  const prefix = uniquePrefix('audit');
  const redis = connectTestRedis(testRedisUrl(), { lazyConnect: true });

  beforeAll(async () => {
    gw = await startTestGateway({ simulator: { seed: 'demo' }, env: { REDIS_KEY_PREFIX: prefix } });
    await redis.connect();
  });

  afterAll(async () => {
    await gw?.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  async function auditPage(apiKey: string, vars: Record<string, unknown>): Promise<AuditPage> {
    const r = await gw.gql<{ auditLog: AuditPage }>(AUDIT, vars, { apiKey });
    expect(r.body.errors).toBeUndefined();
    return r.body.data!.auditLog;
  }

  async function audit(
    apiKey = gw.keys.demo,
    vars: Record<string, unknown> = { first: 100 },
  ): Promise<AuditRow[]> {
    return (await auditPage(apiKey, vars)).nodes;
  }

  it('records each mutation once with its outcome, key, replay flag, ids and Barrack request id', async () => {
    const name = `audit-vm-${process.pid % 1000}`;
    const key = `audit-key-${name}`;
    const created = await gw.gql<{ createInstance: { instance: { id: string }; requestId: string } }>(
      CREATE,
      { input: vmInput(name) },
      { headers: { 'Idempotency-Key': key } },
    );
    expect(created.body.errors).toBeUndefined();
    const replay = await gw.gql(CREATE, { input: vmInput(name) }, { headers: { 'Idempotency-Key': key } });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const failed = await gw.gql<{ createInstance: { userErrors: { code: string }[] } }>(CREATE, {
      input: vmInput('demo-vm'),
    });
    // A refusal is data (userErrors); the audit still records its code as the outcome.
    expect(failed.body.data?.createInstance.userErrors.map((e) => e.code)).toEqual(['NAME_TAKEN']);
    const denied = await gw.gql(CREATE, { input: vmInput(`${name}-ro`) }, { apiKey: gw.keys.demoRead });
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const rows = await audit();
    const byRequest = (res: { headers: Headers }) =>
      rows.filter((r) => r.requestId === res.headers.get('x-request-id'));

    const [first, ...moreFirst] = byRequest(created);
    expect(moreFirst).toHaveLength(0);
    const instanceId = created.body.data?.createInstance.instance.id ?? '';
    expect(first).toMatchObject({
      operation: 'createInstance',
      outcome: 'OK',
      idempotencyKey: key,
      replayed: false,
      principalKind: 'api_key',
      upstreamRequestId: created.body.data?.createInstance.requestId,
    });
    expect(first?.targetIds).toContain(instanceId);
    expect(first?.latencyMs).toBeGreaterThanOrEqual(0);

    const replayed = byRequest(replay);
    expect(replayed).toHaveLength(1);
    expect(replayed[0]).toMatchObject({ outcome: 'OK', replayed: true, idempotencyKey: key });

    const failure = byRequest(failed);
    expect(failure).toHaveLength(1);
    expect(failure[0]).toMatchObject({
      operation: 'createInstance',
      outcome: 'NAME_TAKEN',
      idempotencyKey: null,
    });

    const refused = byRequest(denied);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.outcome).toBe('FORBIDDEN');

    // The trail is a bounded Redis stream per tenant, holding exactly what the query returned.
    expect(await redis.xlen(`${prefix}audit:{${gw.tenantIds.demo}}`)).toBe(rows.length);
    expect(await redis.exists(`${prefix}audit:{${gw.tenantIds.other}}`)).toBe(0);

    // Newest first, paged forward (first/after) and backward (last/before) over more than one page.
    const ids = rows.map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    const forward: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const page: AuditPage = await auditPage(gw.keys.demo, { first: 2, after });
      expect(page.totalCount).toBe(ids.length);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      forward.push(...page.nodes.map((r) => r.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forward).toEqual(ids);
    const backward: string[] = [];
    let before: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const page: AuditPage = await auditPage(gw.keys.demo, { last: 2, before });
      backward.unshift(...page.nodes.map((r) => r.id));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(ids);
    // A record appended while paging does not shift the next page (keyset cursors).
    const firstTwo = await auditPage(gw.keys.demo, { first: 2 });
    await gw.gql(CREATE, { input: vmInput('demo-vm') });
    const next = await auditPage(gw.keys.demo, { first: 2, after: firstTwo.pageInfo.endCursor });
    expect(next.nodes.map((r) => r.id)).toEqual(ids.slice(2, 4));
  });

  it('shows a tenant only its own records', async () => {
    const other = await audit(gw.keys.other);
    const demo = await audit(gw.keys.demo);
    expect(demo.length).toBeGreaterThan(0);
    const demoRequests = new Set(demo.map((r) => r.requestId));
    expect(other.some((r) => demoRequests.has(r.requestId))).toBe(false);
  });

  it('is refused to a caller without the admin scope', async () => {
    const r = await gw.gql(AUDIT, { first: 5 }, { apiKey: gw.keys.demoNoBilling });
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(r.body.data ?? null).toBeNull();
  });

  it('refuses a bad count or cursor as BAD_USER_INPUT on its argument', async () => {
    const big = await gw.gql(AUDIT, { first: -1 });
    expect(big.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const cursor = await gw.gql(AUDIT, { first: 5, before: 'nope' });
    expect(cursor.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'before' });
    // A cursor of another list is not an audit cursor.
    const list = await gw.gql<{ instances: { pageInfo: { endCursor: string } } }>(
      '{ instances(first: 1) { pageInfo { endCursor } } }',
    );
    const foreign = await gw.gql(AUDIT, { first: 5, after: list.body.data!.instances.pageInfo.endCursor });
    expect(foreign.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
