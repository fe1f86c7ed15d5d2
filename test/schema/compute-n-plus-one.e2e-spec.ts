import { SIM_DEMO_KEY, startTestGateway, waitFor, type TestGateway } from '../helpers/gateway';

/*
 * The console's instance table: 50 instances with their snapshots, volumes, firewalls and billing in one
 * query. Edges are batched per request (one account listing per resource kind), so Barrack sees a small
 * constant number of calls, not one per instance per edge.
 */

const CONSOLE_QUERY = `
  query Console {
    instances(first: 50, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      nodes {
        id: barrackId name status region gpuModel gpuCount publicIp createdAt
        billing { hourlyRate currency accruedCost }
        securityRules { id: barrackId protocol }
        snapshots { nodes { id: barrackId name status instance { id: barrackId name } } }
        volumes { nodes { id: barrackId name sizeGb attachedTo { id: barrackId } } }
        firewalls { id: barrackId name }
      }
    }
  }`;

async function rest<T>(sim: TestGateway['sim'], method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${SIM_DEMO_KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as { data: T };
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${JSON.stringify(json)}`);
  return json.data;
}

describe('compute graph: N+1 (upstream calls for the console query)', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
    gw.sim.admin.setStock('CANADA-1', 'A100-PCIe-80GB', 1000);
    // The seed already holds one instance; 49 more make 50.
    const ids: string[] = [];
    for (let i = 0; i < 49; i++) {
      const vm = await rest<{ instance_id: string }>(gw.sim, 'POST', '/instances/', {
        name: `np1-vm-${String(i).padStart(2, '0')}`,
        gpu_model: 'A100-PCIe-80GB',
        gpu_count: 1,
        region: 'CANADA-1',
        image_name: 'Ubuntu Server 22.04 LTS R535 CUDA 12.2',
        ssh_key_name: 'demo-key',
      });
      ids.push(vm.instance_id);
    }
    // Reads settle transitions (delay 0), so every VM is ACTIVE before snapshots and attachments.
    await rest(gw.sim, 'GET', '/instances/?page_size=100');
    for (const id of ids.slice(0, 8)) {
      await rest(gw.sim, 'POST', '/snapshots/', { instance_id: id, name: `np1-snap-${id}` });
      const vol = await rest<{ volume_id: string }>(gw.sim, 'POST', '/volumes/', {
        name: `np1-vol-${id}`,
        region: 'CANADA-1',
        size: 10,
      });
      await rest(gw.sim, 'GET', '/volumes/?page_size=100');
      await rest(gw.sim, 'POST', `/instances/${id}/attach-volumes/`, { volume_ids: [vol.volume_id] });
    }
  }, 120_000);

  afterAll(async () => {
    await gw?.close();
  });

  it('resolves 50 instances with snapshots, volumes, firewalls and billing in at most 4 Barrack calls', async () => {
    gw.sim.admin.resetLog();
    const r = await gw.gql<{
      instances: {
        totalCount: number;
        nodes: {
          id: string;
          snapshots: { nodes: { instance: { id: string } }[] };
          volumes: { nodes: { attachedTo: { id: string } }[] };
        }[];
      };
    }>(CONSOLE_QUERY);

    expect(r.body.errors).toBeUndefined();
    const page = r.body.data!.instances;
    expect(page.nodes).toHaveLength(50);
    expect(page.totalCount).toBe(50);
    // Edges point back at their own instance (grouping is right, not just cheap).
    const withSnapshots = page.nodes.filter((i) => i.snapshots.nodes.length > 0);
    const withVolumes = page.nodes.filter((i) => i.volumes.nodes.length > 0);
    expect(withSnapshots.length).toBeGreaterThanOrEqual(9);
    expect(withVolumes.length).toBeGreaterThanOrEqual(9);
    for (const i of withSnapshots) for (const s of i.snapshots.nodes) expect(s.instance.id).toBe(i.id);
    for (const i of withVolumes) for (const v of i.volumes.nodes) expect(v.attachedTo.id).toBe(i.id);

    const calls = gw.sim.admin.requestLog().filter((e) => e.credential === SIM_DEMO_KEY);
    const ops = calls.map((c) => c.operationId).sort();
    // Reported in the N+1 note: the measured figure and which operations made it.
    process.stdout.write(`N+1 console query: ${calls.length} upstream calls: ${ops.join(', ')}\n`);
    expect(calls.length).toBeLessThanOrEqual(4);
    expect(ops).toEqual(expect.arrayContaining(['listInstances', 'listSnapshots', 'listVolumes']));
    // One listing per kind, never a per-instance call.
    expect(ops.filter((o) => o === 'getInstance' || o === 'listInstanceFirewalls')).toEqual([]);
  });

  it('reads the nested lists the document selects (through fragments, edges and @skip), once each', async () => {
    gw.sim.admin.resetLog();
    const r = await gw.gql<{
      instances: {
        edges: { node: { id: string; snapshots: { nodes: { id: string }[] }; fw: { id: string }[] } }[];
      };
    }>(
      `query Rows($noVolumes: Boolean!) {
        instances(first: 50) { edges { node { ...Row volumes @skip(if: $noVolumes) { totalCount } } } }
      }
      fragment Row on Instance { id: barrackId ... on Instance { fw: firewalls { id: barrackId } } snapshots { nodes { id: barrackId } } }`,
      { noVolumes: true },
    );
    expect(r.body.errors).toBeUndefined();
    const rows = r.body.data!.instances.edges.map((e) => e.node);
    expect(rows).toHaveLength(50);
    expect(rows.filter((i) => i.snapshots.nodes.length > 0).length).toBeGreaterThanOrEqual(9);
    const ops = gw.sim.admin
      .requestLog()
      .filter((e) => e.credential === SIM_DEMO_KEY)
      .map((e) => e.operationId)
      .sort();
    expect(ops).toEqual(['listFirewalls', 'listInstances', 'listSnapshots']);
  });

  it('reports a failed nested list at the nested field, not as a failure of the instance list', async () => {
    gw.sim.admin.setFault('listFirewalls', { status: 400 });
    try {
      const r = await gw.gql<{ instances: unknown }>(
        '{ instances(first: 3) { nodes { id: barrackId snapshots { totalCount } firewalls { id: barrackId } } } }',
      );
      expect(r.body.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([
        ['BAD_USER_INPUT', ['instances', 'nodes', 0, 'firewalls']],
      ]);
      // Instance.firewalls, the nodes and instances are all non-null, so the null reaches the root.
      expect(r.body.data).toBeNull();
    } finally {
      gw.sim.admin.clearFaults();
    }
  });

  it('batches Snapshot.image through one relationship call for all snapshots', async () => {
    gw.sim.admin.resetLog();
    const r = await gw.gql<{ snapshots: { nodes: { id: string; image: { id: string } | null }[] } }>(
      `{ snapshots(first: 100) { nodes { id: barrackId image { id: barrackId } imageRelationship { hasImage } instance { id: barrackId } } } }`,
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.snapshots.nodes.length).toBeGreaterThanOrEqual(9);
    const ops = gw.sim.admin
      .requestLog()
      .filter((e) => e.credential === SIM_DEMO_KEY)
      .map((e) => e.operationId)
      .sort();
    expect(ops.filter((o) => o === 'listSnapshotImageRelationships')).toHaveLength(1);
    expect(ops.filter((o) => o === 'getSnapshotImageRelationship' || o === 'getInstance')).toEqual([]);
    expect(ops.length).toBeLessThanOrEqual(3);
  });
});

describe('compute graph: the nested account-wide lists are read while the instance list is', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { BARRACK_TIMEOUT_MS: '1000', BARRACK_RETRY_MAX: '0' } });
  });
  afterAll(() => gw?.close());

  it('asks Barrack for snapshots, volumes and firewalls before the instance list has answered (one round trip, not two)', async () => {
    gw.sim.admin.resetLog();
    // The instance list never answers: the nested lists can only reach Barrack if they are read beside it.
    gw.sim.admin.setFault('listInstances', { hang: true });
    const answered = gw.gql(
      '{ instances(first: 5) { nodes { id snapshots { totalCount } volumes { totalCount } firewalls { id } } } }',
    );
    try {
      const seen = await waitFor('the nested lists to reach Barrack', () => {
        const ops = new Set(gw.sim.admin.requestLog().map((e) => e.operationId));
        return Promise.resolve(
          ['listSnapshots', 'listVolumes', 'listFirewalls'].every((o) => ops.has(o)) ? ops : undefined,
        );
      });
      expect(seen.has('listInstances')).toBe(true);
    } finally {
      gw.sim.admin.clearFaults();
    }
    // The instance list timed out: the query fails at `instances`, as before.
    const r = await answered;
    expect(r.body.errors?.[0]?.path).toEqual(['instances']);
  });

  it('refuses bad arguments before any of those calls', async () => {
    gw.sim.admin.resetLog();
    const r = await gw.gql(
      'query($s: String) { instances(first: 5, search: $s) { nodes { id snapshots { totalCount } } } }',
      {
        s: 'x'.repeat(101),
      },
    );
    expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(gw.sim.admin.requestLog()).toHaveLength(0);
  });
});
