import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  RESOLVER_NAME_METADATA,
  RESOLVER_PROPERTY_METADATA,
  RESOLVER_TYPE_METADATA,
} from '@nestjs/graphql/dist/graphql.constants';
import {
  getNamedType,
  isCompositeType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { upstreamCostOf } from '../../src/common/graphql/upstream-cost.decorator';
import { UPSTREAM_CALL_COST } from '../../src/rate-limit/query-cost';
import { SimTestClient } from '../simulator/sim-test-client';
import { SIM_DEMO_KEY, startTestGateway, type TestGateway } from '../helpers/gateway';

/*
 * Issue 12 item 5: a query's computed cost is an upper bound of the Barrack calls it causes. Every field that
 * declares upstream calls (@UpstreamCost) is queried under a list of its parent type (list × field) against the
 * simulator, and the cost the gateway computed (extensions.cost.requested) must be at least 10 points per call
 * the simulator logged. A second check keeps the declarations complete: a resolver-backed field that neither
 * declares nor is known to be free fails the suite.
 */

/** How to reach N items of a parent type; `%F%` is replaced by the field under test. */
const LIST_OF: Record<string, string> = {
  Instance: '{ instances(first: 20) { nodes { %F% } } }',
  Volume: '{ volumes(first: 20) { nodes { %F% } } }',
  Snapshot: '{ snapshots(first: 20) { nodes { %F% } } }',
  Image: '{ images(first: 20) { nodes { %F% } } }',
  Firewall: '{ firewalls(first: 20) { nodes { %F% } } }',
  FirewallAttachment: '{ firewalls(first: 20) { nodes { attachments { %F% } } } }',
  Region: '{ regions { %F% } }',
  GpuStock: '{ gpuStock { %F% } }',
  InstanceFirewall: '{ instanceFirewalls(instanceId: "$INSTANCE") { %F% } }',
  SnapshotEligibleInstance: '{ snapshotEligibleInstances { %F% } }',
};

/** Mutation payloads: one parent each (the mutation's own call is the root's cost). */
const MUTATION_OF: Record<string, string> = {
  InstanceActionPayload: 'mutation { rebootInstance(input: { id: "$INSTANCE" }) { %F% } }',
  ToggleInstancePublicIpPayload: 'mutation { toggleInstancePublicIp(input: { id: "$INSTANCE" }) { %F% } }',
  AddInstanceSecurityRulePayload:
    'mutation { addInstanceSecurityRule(input: { instanceId: "$INSTANCE", direction: INGRESS, protocol: TCP, portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: "10.0.0.0/8" }) { %F% } }',
  RemoveInstanceSecurityRulePayload:
    'mutation { removeInstanceSecurityRule(input: { instanceId: "$INSTANCE", ruleId: "$RULE" }) { %F% } }',
  VolumeAttachmentsPayload:
    'mutation { detachVolumes(input: { instanceId: "$INSTANCE", volumeIds: ["$VOLUME"] }) { %F% } }',
  RestoreSnapshotPayload:
    'mutation { restoreSnapshot(input: { id: "$SNAPSHOT", newVmName: "restored-$N" }) { %F% } }',
  AddFirewallRulePayload:
    'mutation { addFirewallRule(input: { firewallId: "$FIREWALL", direction: INGRESS, protocol: TCP, portRangeMin: 80, portRangeMax: 80, remoteIpPrefix: "0.0.0.0/0" }) { %F% } }',
  RemoveFirewallRulePayload:
    'mutation { removeFirewallRule(input: { firewallId: "$FIREWALL", ruleId: "$FWRULE" }) { %F% } }',
  AttachFirewallPayload:
    'mutation { attachFirewall(input: { firewallId: "$FIREWALL", instanceIds: ["$INSTANCE"] }) { %F% } }',
};

/**
 * Resolver-backed fields that cost no Barrack call: they read the gateway's own state (viewer, API keys, audit,
 * cache admin) or data their parent already carries. Anything else with a resolver must declare its calls.
 */
const KNOWN_FREE = new Set<string>([]);

/**
 * Every @ResolveField of the app, from Nest's resolver metadata (class: the parent type's name; method: the
 * field name), with its schema field. Plain @Field properties are read from the parent object and are free.
 */
function resolverFields(
  app: TestGateway['app'],
  schema: GraphQLSchema,
): { type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }[] {
  const out = new Map<string, { type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }>();
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.providers.values()) {
      const cls: unknown = wrapper.metatype;
      if (typeof cls !== 'function') continue;
      const typeName: unknown = Reflect.getMetadata(RESOLVER_TYPE_METADATA, cls);
      if (typeof typeName !== 'string') continue;
      const proto = (cls as { prototype: object }).prototype;
      for (const key of Object.getOwnPropertyNames(proto)) {
        const method: unknown = Object.getOwnPropertyDescriptor(proto, key)?.value;
        if (typeof method !== 'function' || Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, method) !== true)
          continue;
        const fieldName = (Reflect.getMetadata(RESOLVER_NAME_METADATA, method) as string | undefined) ?? key;
        const type = schema.getType(typeName);
        if (!isObjectType(type))
          throw new Error(`@Resolver(${typeName}) is not an object type of the schema`);
        const field = type.getFields()[fieldName];
        if (!field) throw new Error(`${typeName}.${fieldName} is not in the schema`);
        out.set(`${typeName}.${fieldName}`, { type, field });
      }
    }
  }
  return [...out.values()];
}

function selectionOf(field: GraphQLField<unknown, unknown>): string {
  return isCompositeType(getNamedType(field.type)) ? `${field.name} { __typename }` : field.name;
}

describe('query cost bounds the Barrack calls (issue 12 item 5)', () => {
  let gw: TestGateway;
  let schema: GraphQLSchema;
  const ids: Record<string, string> = {};
  const figures: string[] = [];

  beforeAll(async () => {
    gw = await startTestGateway({ env: { QUERY_MAX_COST: '1000000' } });
    schema = gw.app.get(GraphQLSchemaHost).schema;
    // More than one of everything, so a per-item call shows up as several calls.
    const sim = new SimTestClient(gw.sim.url, SIM_DEMO_KEY);
    const instanceIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const vm = await sim.op('createInstance', {
        body: {
          name: `cost-vm-${i}`,
          gpu_model: 'A100-PCIe-80GB',
          gpu_count: 1,
          region: 'CANADA-1',
          image_name: 'Ubuntu Server 22.04 LTS R535 CUDA 12.2',
          ssh_key_name: 'demo-key',
        },
      });
      instanceIds.push(vm.body.data.instance_id as string);
    }
    // Transitions complete on the next read (transitionDelayMs 0).
    await sim.op('listInstances');
    for (const [i, instanceId] of instanceIds.entries()) {
      const vol = await sim.op('createVolume', {
        body: { name: `cost-vol-${i}`, region: 'CANADA-1', size: 10 },
      });
      await sim.op('attachVolumes', {
        params: { instance_id: instanceId },
        body: { volume_ids: [vol.body.data.volume_id as string] },
      });
      await sim.op('createSnapshot', { body: { instance_id: instanceId, name: `cost-snap-${i}` } });
    }
    const fw = await sim.op('createFirewall', { body: { name: 'cost-fw', region: 'CANADA-1' } });
    ids.FIREWALL = fw.body.data.firewall_id as string;
    await sim.op('attachFirewall', {
      params: { firewall_id: ids.FIREWALL },
      body: { instance_ids: instanceIds },
    });
    ids.INSTANCE = instanceIds[0]!;
  }, 60_000);

  afterAll(async () => {
    console.log(`cost vs Barrack calls (list × field):\n${figures.join('\n')}`);
    await gw?.close();
  });

  const run = async (query: string): Promise<{ cost: number; calls: number; errors: unknown }> => {
    gw.sim.admin.resetLog();
    const res = await gw.gql(query);
    const cost = (res.body.extensions?.cost as { requested?: number } | undefined)?.requested;
    if (typeof cost !== 'number') throw new Error(`no cost for ${query}: ${JSON.stringify(res.body)}`);
    return { cost, calls: gw.sim.admin.counters().total, errors: res.body.errors };
  };

  it('declares the calls of every resolver-backed field that can reach Barrack', () => {
    const undeclared = resolverFields(gw.app, schema)
      .filter(
        ({ type, field }) =>
          upstreamCostOf(field) === undefined && !KNOWN_FREE.has(`${type.name}.${field.name}`),
      )
      .map(({ type, field }) => `${type.name}.${field.name}`);
    expect(undeclared).toEqual([]);
  });

  it('charges at least 10 points per Barrack call for every declared field under a list of its parent', async () => {
    const declared = resolverFields(gw.app, schema).filter(
      ({ field }) => upstreamCostOf(field) !== undefined,
    );
    expect(declared.length).toBeGreaterThan(20);
    const missingTemplate: string[] = [];
    let n = 0;
    for (const { type, field } of declared) {
      const template = LIST_OF[type.name] ?? MUTATION_OF[type.name];
      if (!template) {
        missingTemplate.push(`${type.name}.${field.name}`);
        continue;
      }
      // Fresh ids for mutations that need a prior state (a rule to remove, a volume to detach).
      const prepared = await prepare(type.name);
      const query = template
        .replace('%F%', selectionOf(field))
        .replace(/\$([A-Z]+)/g, (_m, k: string) =>
          k === 'N' ? String(n++) : (prepared[k] ?? ids[k] ?? `?${k}`),
        );
      const { cost, calls, errors } = await run(query);
      figures.push(
        `  ${`${type.name}.${field.name}`.padEnd(42)} cost ${String(cost).padStart(5)}  calls ${calls}`,
      );
      expect({ field: `${type.name}.${field.name}`, errors }).toEqual({
        field: `${type.name}.${field.name}`,
        errors: undefined,
      });
      expect({
        field: `${type.name}.${field.name}`,
        cost,
        bound: cost >= UPSTREAM_CALL_COST * calls,
      }).toEqual({
        field: `${type.name}.${field.name}`,
        cost,
        bound: true,
      });
    }
    expect(missingTemplate).toEqual([]);
  }, 120_000);

  it('charges every root query that needs no argument at least 10 points per call it makes', async () => {
    const q = schema.getQueryType()!;
    for (const field of Object.values(q.getFields())) {
      if (field.args.some((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined)) continue;
      const { cost, calls } = await run(`{ ${selectionOf(field)} }`);
      figures.push(`  ${`Query.${field.name}`.padEnd(42)} cost ${String(cost).padStart(5)}  calls ${calls}`);
      expect({ field: field.name, bound: cost >= UPSTREAM_CALL_COST * calls }).toEqual({
        field: field.name,
        bound: true,
      });
    }
  }, 60_000);

  /** State a mutation template needs, made through the simulator directly (not counted: the log is reset after). */
  async function prepare(typeName: string): Promise<Record<string, string>> {
    const sim = new SimTestClient(gw.sim.url, SIM_DEMO_KEY);
    if (typeName === 'RemoveInstanceSecurityRulePayload') {
      const r = await sim.op('addInstanceSecurityRule', {
        params: { instance_id: ids.INSTANCE! },
        body: {
          direction: 'ingress',
          protocol: 'tcp',
          ethertype: 'IPv4',
          remote_ip_prefix: '10.1.0.0/16',
          port_range_min: 443,
          port_range_max: 443,
        },
      });
      return { RULE: String(r.body.data.id ?? r.body.data.security_rule_id) };
    }
    if (typeName === 'RemoveFirewallRulePayload') {
      const r = await sim.op('addFirewallRule', {
        params: { firewall_id: ids.FIREWALL! },
        body: {
          direction: 'ingress',
          protocol: 'tcp',
          ethertype: 'IPv4',
          remote_ip_prefix: '10.2.0.0/16',
          port_range_min: 8080,
          port_range_max: 8080,
        },
      });
      return { FWRULE: String(r.body.data.id ?? r.body.data.rule_id) };
    }
    if (typeName === 'VolumeAttachmentsPayload') {
      const vol = await sim.op('createVolume', {
        body: { name: `cost-det-${Date.now()}`, region: 'CANADA-1', size: 10 },
      });
      const volumeId = vol.body.data.volume_id as string;
      await sim.op('attachVolumes', {
        params: { instance_id: ids.INSTANCE! },
        body: { volume_ids: [volumeId] },
      });
      return { VOLUME: volumeId };
    }
    if (typeName === 'RestoreSnapshotPayload') {
      const list = await sim.op('listSnapshots');
      const snaps = (list.body.data?.snapshots ?? list.body.snapshots ?? []) as {
        id?: string;
        snapshot_id?: string;
      }[];
      return { SNAPSHOT: String(snaps[0]?.snapshot_id ?? snaps[0]?.id) };
    }
    return {};
  }
});
