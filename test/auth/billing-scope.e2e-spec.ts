import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType } from 'graphql';
import { fieldScopesOf } from '../../src/auth/field-scopes';
import { SIM_DEMO_KEY, startTestGateway, type TestGateway } from '../helpers/gateway';

/*
 * Issue 12 item 9 (billing scope): money already spent (accrued cost, billing history, AI usage cost, balance)
 * needs the `billing` scope; prices (hourly rates, price lists, quotes) are catalogue data and need `read`.
 * Nested fields declare it with @RequireFieldScopes; a key without it gets FORBIDDEN on exactly those fields,
 * null in their place, the rest of the answer, and no Barrack call for them.
 */
describe('billing scope on money already spent', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw?.close();
  });

  const billingOps = (): number => {
    const ops = gw.sim.admin.counters().byCredentialOperation[SIM_DEMO_KEY] ?? {};
    return (ops.getInstanceBilling ?? 0) + (ops.getVolumeBilling ?? 0) + (ops.getSnapshotBilling ?? 0);
  };

  it('declares billing on every nested field that shows money spent, and on no price', () => {
    const schema = gw.app.get(GraphQLSchemaHost).schema;
    const declared: string[] = [];
    for (const t of Object.values(schema.getTypeMap())) {
      if (!isObjectType(t) || t.name.startsWith('__')) continue;
      for (const f of Object.values(t.getFields()))
        if (fieldScopesOf(f).includes('billing')) declared.push(`${t.name}.${f.name}`);
    }
    expect(declared.sort()).toEqual(
      [
        'AiModelUsage.cost',
        'AiTransaction.cost',
        'AiUsageSummary.totalCost',
        'ChatCompletion.cost',
        'Instance.billingHistory',
        'InstanceBilling.accruedCost',
        'Snapshot.billingHistory',
        'Volume.billingHistory',
      ].sort(),
    );
  });

  it('gives a read-only key FORBIDDEN on accrued cost and billing history, with the rest of the data', async () => {
    gw.sim.admin.resetLog();
    const q = `{
      instances { nodes { id: barrackId name billing { hourlyRate currency accruedCost } billingHistory { totalCost } } }
      volumes { nodes { id name billingHistory { totalCost } } }
      snapshots { nodes { id name billingHistory { totalCost } } }
    }`;
    const res = await gw.gql<{
      instances: {
        nodes: {
          id: string;
          billing: { hourlyRate: string | null; accruedCost: string | null };
          billingHistory: unknown;
        }[];
      };
      volumes: { nodes: { id: string; billingHistory: unknown }[] };
      snapshots: { nodes: { id: string; billingHistory: unknown }[] };
    }>(q, {}, { apiKey: gw.keys.demoRead });
    const data = res.body.data!;
    expect(data.instances.nodes.length).toBeGreaterThan(0);
    expect(data.volumes.nodes.length).toBeGreaterThan(0);
    expect(data.snapshots.nodes.length).toBeGreaterThan(0);
    for (const i of data.instances.nodes) {
      expect(i.id).toMatch(/^BRK-/);
      expect(i.billing.hourlyRate).not.toBeNull();
      expect(i.billing.accruedCost).toBeNull();
      expect(i.billingHistory).toBeNull();
    }
    for (const v of [...data.volumes.nodes, ...data.snapshots.nodes]) expect(v.billingHistory).toBeNull();
    const errors = res.body.errors ?? [];
    const expected =
      data.instances.nodes.length * 2 + data.volumes.nodes.length + data.snapshots.nodes.length;
    expect(errors).toHaveLength(expected);
    for (const e of errors) {
      expect(e.extensions).toMatchObject({ code: 'FORBIDDEN', missingScopes: ['billing'] });
      expect(['accruedCost', 'billingHistory']).toContain(e.path?.[e.path.length - 1]);
    }
    // The refused fields cost no Barrack call.
    expect(billingOps()).toBe(0);
  });

  it('serves the same fields to a key with the billing scope', async () => {
    gw.sim.admin.resetLog();
    const res = await gw.gql<{
      instances: {
        nodes: { billing: { accruedCost: string | null }; billingHistory: { totalCost: string } | null }[];
      };
    }>('{ instances { nodes { billing { accruedCost } billingHistory { totalCost } } } }');
    expect(res.body.errors).toBeUndefined();
    for (const i of res.body.data!.instances.nodes)
      expect(i.billingHistory?.totalCost).toEqual(expect.any(String));
    expect(billingOps()).toBe(res.body.data!.instances.nodes.length);
  });

  it('keeps the balance behind billing and prices open to read', async () => {
    const balance = await gw.gql('{ balance { amount } }', {}, { apiKey: gw.keys.demoRead });
    expect(balance.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      missingScopes: ['billing'],
    });
    const prices = await gw.gql(
      '{ pricing { __typename } gpuSpecs { hourlyRate } }',
      {},
      { apiKey: gw.keys.demoRead },
    );
    expect(prices.body.errors).toBeUndefined();
  });
});
