import { toGlobalId } from '../../src/common/graphql/global-id';
import { startTestGateway, waitFor, type TestGateway } from '../helpers/gateway';

/*
 * Firewalls, SSH keys, startup scripts, balance and AI over HTTP: real gateway, simulator as Barrack, real
 * Redis. Each expected failure is asserted with its code, and input errors with "Barrack was not called".
 */
describe('account resources schema (e2e)', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway();
    const send = gw.gql.bind(gw);
    gw.gql = (query, variables, opts) => send(withUserErrors(query), variables, opts);
  });

  afterAll(async () => {
    await gw?.close();
  });

  const ops = () => gw.sim.admin.counters().byOperation;
  type Res = { body: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] } };
  /** The first userError of a mutation payload (refusals are data), if any. */
  const userErrorOf = (res: Res) => {
    const payload = Object.values((res.body.data ?? {}) as Record<string, unknown>)[0] as
      { userErrors?: { code: string; field: string[] | null }[] } | undefined;
    return payload?.userErrors?.[0];
  };
  /** Top-level error code (queries, auth, malformed documents), else the mutation's first userError code. */
  const codeOf = (res: Res) => res.body.errors?.[0]?.extensions?.code ?? userErrorOf(res)?.code;
  /** Mutation documents also select userErrors, so codeOf sees refusals. */
  const withUserErrors = (query: string) => {
    if (!query.trimStart().startsWith('mutation')) return query;
    const outer = query.lastIndexOf('}');
    const payloadEnd = query.lastIndexOf('}', outer - 1);
    return `${query.slice(0, payloadEnd)} userErrors { code field } ${query.slice(payloadEnd)}`;
  };

  interface Fw {
    id: string;
    name: string;
    region: string;
    ruleCount: number;
    rules: { nodes: { id: string; protocol: string; portRangeMin: number | null }[] };
    attachments: { instanceId: string }[];
    instances: { id: string; status: string }[];
  }

  const FW_FIELDS = `id name description region status ruleCount attachedCount createdAt
    rules { nodes { id: barrackId direction protocol ethertype remoteIpPrefix portRangeMin portRangeMax status createdAt } }
    attachments { instanceId name status }
    instances { id: barrackId name status }`;

  describe('firewall flow', () => {
    let vmId: string;
    let fwId: string;
    let ruleId: string;

    it('deploys an instance and waits for ACTIVE', async () => {
      const created = await gw.gql<{ createInstance: { instance: { id: string } } }>(
        `mutation($input: CreateInstanceInput!) { createInstance(input: $input) { instance { id: barrackId status } requestId } }`,
        {
          input: {
            name: 'fw-target',
            gpuModel: 'L40',
            gpuCount: 1,
            region: 'NORWAY_1',
            imageName: 'Ubuntu Server 22.04 LTS R535 CUDA 12.2',
            sshKeyName: 'demo-key',
          },
        },
      );
      expect(created.body.errors).toBeUndefined();
      vmId = created.body.data!.createInstance.instance.id;
      await waitFor('instance ACTIVE', async () => {
        const r = await gw.gql<{ instance: { status: string } }>(
          `query($id: ID!) { instance(id: $id) { status } }`,
          {
            id: vmId,
          },
        );
        return r.body.data?.instance.status === 'ACTIVE' ? true : undefined;
      });
    });

    it('creates a firewall, adds a rule, attaches it and sees both graph edges', async () => {
      const created = await gw.gql<{ createFirewall: { firewall: Fw; requestId: string | null } }>(
        `mutation($input: CreateFirewallInput!) { createFirewall(input: $input) { firewall { ${FW_FIELDS} } requestId } }`,
        { input: { name: 'web-fw', region: 'NORWAY_1', description: 'web traffic' } },
      );
      expect(created.body.errors).toBeUndefined();
      const fw = created.body.data!.createFirewall.firewall;
      fwId = fw.id;
      expect(fw).toMatchObject({
        name: 'web-fw',
        region: 'NORWAY_1',
        ruleCount: 0,
        rules: { nodes: [] },
        attachments: [],
      });
      expect(created.body.data!.createFirewall.requestId).toEqual(expect.any(String));

      const rule = await gw.gql<{ addFirewallRule: { rule: { id: string }; firewall: Fw } }>(
        `mutation($input: AddFirewallRuleInput!) {
          addFirewallRule(input: $input) { rule { id: barrackId protocol portRangeMin portRangeMax } firewallId firewall { ruleCount rules { nodes { id: barrackId } } } requestId }
        }`,
        {
          input: {
            firewallId: fwId,
            direction: 'INGRESS',
            protocol: 'TCP',
            ethertype: 'IPV4',
            remoteIpPrefix: '0.0.0.0/0',
            portRangeMin: 443,
            portRangeMax: 443,
          },
        },
      );
      expect(rule.body.errors).toBeUndefined();
      ruleId = rule.body.data!.addFirewallRule.rule.id;
      expect(rule.body.data!.addFirewallRule.firewall.ruleCount).toBe(1);

      const available = await gw.gql<{
        firewallAvailableInstances: { instanceId: string; alreadyAttached: boolean }[];
      }>(
        `query($fw: ID) { firewallAvailableInstances(region: NORWAY_1, firewallId: $fw) { instanceId name region status alreadyAttached } }`,
        { fw: fwId },
      );
      expect(available.body.errors).toBeUndefined();
      expect(available.body.data!.firewallAvailableInstances).toContainEqual(
        expect.objectContaining({ instanceId: vmId, alreadyAttached: false }),
      );

      const attached = await gw.gql<{ attachFirewall: { attachedInstanceIds: string[]; firewall: Fw } }>(
        `mutation($input: AttachFirewallInput!) {
          attachFirewall(input: $input) { firewallId attachedInstanceIds firewall { id: barrackId attachedCount instances { id: barrackId status } } requestId }
        }`,
        { input: { firewallId: fwId, instanceIds: [vmId] } },
      );
      expect(attached.body.errors).toBeUndefined();
      expect(attached.body.data!.attachFirewall.attachedInstanceIds).toEqual([vmId]);
      expect(attached.body.data!.attachFirewall.firewall.instances).toEqual([{ id: vmId, status: 'ACTIVE' }]);

      // Instance.firewalls: one firewall list call for all instances, never the per-instance endpoint.
      gw.sim.admin.resetLog();
      const graph = await gw.gql<{
        instances: { nodes: { id: string; firewalls: { id: string; instances: { id: string }[] }[] }[] };
      }>(
        `{ instances(first: 100) { nodes { id: barrackId firewalls { id name instances { id: barrackId } } } } }`,
      );
      expect(graph.body.errors).toBeUndefined();
      const items = graph.body.data!.instances.nodes;
      expect(items.length).toBeGreaterThanOrEqual(2);
      const vm = items.find((i) => i.id === vmId)!;
      expect(vm.firewalls.map((f) => f.id)).toEqual([fwId]);
      expect(vm.firewalls[0]!.instances.map((i) => i.id)).toEqual([vmId]);
      expect(items.filter((i) => i.id !== vmId).every((i) => i.firewalls.length === 0)).toBe(true);
      expect(ops().listFirewalls).toBe(1);
      expect(ops().listInstanceFirewalls ?? 0).toBe(0);
      expect(ops().getInstance ?? 0).toBe(0);

      // Barrack's own per-instance view stays reachable as a root query.
      const perInstance = await gw.gql<{
        instanceFirewalls: {
          id: string;
          firewallId: string;
          name: string;
          firewall: { id: string; barrackId: string };
        }[];
      }>(
        `query($id: ID!) { instanceFirewalls(instanceId: $id) { id firewallId name status firewall { id barrackId ruleCount } } }`,
        { id: vmId },
      );
      expect(perInstance.body.errors).toBeUndefined();
      const [edge] = perInstance.body.data!.instanceFirewalls;
      expect(perInstance.body.data!.instanceFirewalls).toHaveLength(1);
      expect(edge).toEqual(
        expect.objectContaining({ name: 'web-fw', firewall: expect.objectContaining({ id: fwId }) }),
      );
      // Barrack's id sits in its own field; the object's own id is unique per (instance, firewall), not the firewall's.
      expect(edge!.firewallId).toBe(edge!.firewall.barrackId);
      expect(edge!.id).not.toBe(fwId);
    });

    it('reads firewalls as a page and by id', async () => {
      const page = await gw.gql<{ firewalls: { nodes: Fw[]; totalCount: number } }>(
        `{ firewalls(region: NORWAY_1, search: "web") { nodes { id name } totalCount pageInfo { hasNextPage hasPreviousPage } } }`,
      );
      expect(page.body.errors).toBeUndefined();
      expect(page.body.data!.firewalls.nodes.map((f) => f.id)).toEqual([fwId]);
      expect(page.body.data!.firewalls.totalCount).toBe(1);
      const one = await gw.gql<{ firewall: Fw }>(`query($id: ID!) { firewall(id: $id) { ${FW_FIELDS} } }`, {
        id: fwId,
      });
      expect(one.body.errors).toBeUndefined();
      expect(one.body.data!.firewall.rules.nodes).toEqual([
        expect.objectContaining({ id: ruleId, protocol: 'TCP', portRangeMin: 443 }),
      ]);
      // A lookup of an id the account does not hold answers null (as node(id) does), not an error.
      const missing = await gw.gql(`{ firewall(id: "BRK-999999F") { id: barrackId } }`);
      expect(missing.body.errors).toBeUndefined();
      expect(missing.body.data).toEqual({ firewall: null });
    });

    it('removes the rule, refuses to delete an attached firewall, deletes it once the instance is gone', async () => {
      const removed = await gw.gql<{
        removeFirewallRule: { removedRuleId: string; firewall: { ruleCount: number } };
      }>(
        `mutation($input: RemoveFirewallRuleInput!) { removeFirewallRule(input: $input) { removedRuleId firewallId firewall { ruleCount } requestId } }`,
        { input: { firewallId: fwId, ruleId } },
      );
      expect(removed.body.errors).toBeUndefined();
      expect(removed.body.data!.removeFirewallRule).toMatchObject({
        removedRuleId: toGlobalId('FirewallRule', ruleId),
        firewall: { ruleCount: 0 },
      });

      const del = `mutation($input: DeleteFirewallInput!) { deleteFirewall(input: $input) { deletedFirewallId requestId } }`;
      const inUse = await gw.gql(del, { input: { id: fwId } });
      expect(codeOf(inUse)).toBe('CONFLICT');

      const gone = await gw.gql(
        `mutation($id: ID!) { deleteInstance(input: { id: $id }) { instanceId status } }`,
        {
          id: vmId,
        },
      );
      expect(gone.body.errors).toBeUndefined();
      const deleted = await waitFor('firewall deleted', async () => {
        const r = await gw.gql<{ deleteFirewall: { deletedFirewallId: string } }>(del, {
          input: { id: fwId },
        });
        return r.body.data?.deleteFirewall ?? undefined;
      });
      expect(deleted.deletedFirewallId).toBe(fwId);
      const after = await gw.gql(`query($id: ID!) { firewall(id: $id) { id: barrackId } }`, { id: fwId });
      expect(after.body.errors).toBeUndefined();
      expect(after.body.data).toEqual({ firewall: null });
    });
  });

  describe('firewall failures', () => {
    const create = `mutation($input: CreateFirewallInput!) { createFirewall(input: $input) { firewall { id: barrackId } } }`;
    const addRule = `mutation($input: AddFirewallRuleInput!) { addFirewallRule(input: $input) { rule { id: barrackId } } }`;

    it('rejects a bad CIDR or port range with BAD_USER_INPUT before any upstream call', async () => {
      gw.sim.admin.resetLog();
      const base = { firewallId: 'BRK-000001F', direction: 'INGRESS', protocol: 'TCP', ethertype: 'IPV4' };
      const cases: [Record<string, unknown>, string][] = [
        [{ remoteIpPrefix: '300.0.0.0/8' }, 'remoteIpPrefix'],
        [{ remoteIpPrefix: '10.0.0.0/33' }, 'remoteIpPrefix'],
        [{ remoteIpPrefix: '::/0' }, 'remoteIpPrefix'],
        [{ remoteIpPrefix: '0.0.0.0/0', portRangeMin: 0, portRangeMax: 80 }, 'portRangeMin'],
        [{ remoteIpPrefix: '0.0.0.0/0', portRangeMin: 90, portRangeMax: 80 }, 'portRangeMin'],
        [{ remoteIpPrefix: '0.0.0.0/0', portRangeMin: 22 }, 'portRangeMax'],
        [{ remoteIpPrefix: '0.0.0.0/0', protocol: 'ICMP', portRangeMin: 1, portRangeMax: 1 }, 'portRangeMin'],
      ];
      for (const [patch, field] of cases) {
        const res = await gw.gql(addRule, { input: { ...base, ...patch } });
        expect({ patch, code: codeOf(res), field: userErrorOf(res)?.field?.at(-1) }).toEqual({
          patch,
          code: 'BAD_USER_INPUT',
          field,
        });
      }
      const badName = await gw.gql(create, { input: { name: 'bad/name', region: 'US_1' } });
      expect(codeOf(badName)).toBe('BAD_USER_INPUT');
      expect(gw.sim.admin.counters().total).toBe(0);
    });

    it('maps a duplicate name to NAME_TAKEN and the 26th firewall to LIMIT_EXCEEDED', async () => {
      const other = { apiKey: gw.keys.other };
      for (let i = 1; i <= 25; i++) {
        const r = await gw.gql(create, { input: { name: `limit-${i}`, region: 'US_1' } }, other);
        expect(r.body.errors).toBeUndefined();
      }
      const dup = await gw.gql(create, { input: { name: 'limit-1', region: 'US_1' } }, other);
      expect(codeOf(dup)).toBe('NAME_TAKEN');
      const over = await gw.gql(create, { input: { name: 'limit-26', region: 'US_1' } }, other);
      expect(codeOf(over)).toBe('LIMIT_EXCEEDED');
      // The demo tenant's account is untouched by the other tenant's firewalls.
      const mine = await gw.gql<{ firewalls: { totalCount: number } }>(`{ firewalls { totalCount } }`);
      expect(mine.body.data!.firewalls.totalCount).toBe(0);
    });

    it('refuses to attach a firewall to an instance that is not ACTIVE', async () => {
      const fw = await gw.gql<{ createFirewall: { firewall: { id: string } } }>(create, {
        input: { name: 'state-fw', region: 'CANADA_1' },
      });
      const fwId = fw.body.data!.createFirewall.firewall.id;
      const list = await gw.gql<{ instances: { nodes: { id: string; name: string }[] } }>(
        `{ instances(region: CANADA_1) { nodes { id: barrackId name } } }`,
      );
      const demoVm = list.body.data!.instances.nodes.find((i) => i.name === 'demo-vm')!;
      const stop = await gw.gql(`mutation($id: ID!) { stopInstance(input: { id: $id }) { status } }`, {
        id: demoVm.id,
      });
      expect(stop.body.errors).toBeUndefined();
      await waitFor('instance SHUTOFF', async () => {
        const r = await gw.gql<{ instance: { status: string } }>(
          `query($id: ID!) { instance(id: $id) { status } }`,
          {
            id: demoVm.id,
          },
        );
        return r.body.data?.instance.status === 'SHUTOFF' ? true : undefined;
      });
      const attach = await gw.gql(
        `mutation($input: AttachFirewallInput!) { attachFirewall(input: $input) { firewallId } }`,
        { input: { firewallId: fwId, instanceIds: [demoVm.id] } },
      );
      expect(codeOf(attach)).toBe('INVALID_STATE');
      const start = await gw.gql(`mutation($id: ID!) { startInstance(input: { id: $id }) { status } }`, {
        id: demoVm.id,
      });
      expect(start.body.errors).toBeUndefined();
    });
  });

  describe('SSH keys', () => {
    const create = `mutation($input: CreateSshKeyInput!) {
      createSshKey(input: $input) { sshKey { id: barrackId name publicKey fingerprint keyType keySize source regions createdAt } privateKey requestId }
    }`;

    it('generates a pair (private key returned once) and imports a public key (no private key)', async () => {
      const gen = await gw.gql<{
        createSshKey: { sshKey: { id: string; source: string; keyType: string }; privateKey: string | null };
      }>(create, { input: { name: 'generated-key' } });
      expect(gen.body.errors).toBeUndefined();
      const g = gen.body.data!.createSshKey;
      expect(g.privateKey).toMatch(/PRIVATE KEY/);
      expect(g.sshKey).toMatchObject({ source: 'CREATED', keyType: 'RSA' });

      // Reading the key again never shows a private key: the schema has no field for it outside the payload.
      const read = await gw.gql<{ sshKey: Record<string, unknown> }>(
        `query($id: ID!) { sshKey(id: $id) { id: barrackId name source } }`,
        { id: g.sshKey.id },
      );
      expect(read.body.errors).toBeUndefined();
      expect(read.body.data!.sshKey).toEqual({ id: g.sshKey.id, name: 'generated-key', source: 'CREATED' });
      expect(JSON.stringify(read.body)).not.toMatch(/PRIVATE KEY/);
      const noField = await gw.gql(`query($id: ID!) { sshKey(id: $id) { privateKey } }`, { id: g.sshKey.id });
      expect(codeOf(noField)).toBe('GRAPHQL_VALIDATION_FAILED');

      const publicKey =
        'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk1cmVhbGx5LWp1c3QtYS10ZXN0LWtleS0xMjM0NTY3 me@laptop';
      const imp = await gw.gql<{
        createSshKey: { sshKey: { source: string; publicKey: string }; privateKey: string | null };
      }>(create, { input: { name: 'imported-key', publicKey } });
      expect(imp.body.errors).toBeUndefined();
      expect(imp.body.data!.createSshKey.privateKey).toBeNull();
      expect(imp.body.data!.createSshKey.sshKey).toMatchObject({ source: 'IMPORTED', publicKey });
    });

    it('lists, finds, rejects bad input early, maps NAME_TAKEN and deletes', async () => {
      const page = await gw.gql<{
        sshKeys: { nodes: { id: string; name: string }[]; totalCount: number };
      }>(`{ sshKeys(search: "key") { nodes { id: barrackId name keyType } totalCount } }`);
      expect(page.body.errors).toBeUndefined();
      const names = page.body.data!.sshKeys.nodes.map((k) => k.name);
      expect(names).toEqual(expect.arrayContaining(['demo-key', 'generated-key', 'imported-key']));

      gw.sim.admin.resetLog();
      const spaced = await gw.gql(create, { input: { name: 'has space' } });
      expect(codeOf(spaced)).toBe('BAD_USER_INPUT');
      const badKey = await gw.gql(create, { input: { name: 'x', publicKey: 'not a key' } });
      expect(codeOf(badKey)).toBe('BAD_USER_INPUT');
      expect(gw.sim.admin.counters().total).toBe(0);

      const dup = await gw.gql(create, { input: { name: 'generated-key' } });
      expect(codeOf(dup)).toBe('NAME_TAKEN');

      const victim = page.body.data!.sshKeys.nodes.find((k) => k.name === 'imported-key')!;
      const del = await gw.gql<{ deleteSshKey: { deletedSshKeyId: string } }>(
        `mutation($id: ID!) { deleteSshKey(input: { id: $id }) { deletedSshKeyId requestId } }`,
        { id: victim.id },
      );
      expect(del.body.errors).toBeUndefined();
      expect(del.body.data!.deleteSshKey.deletedSshKeyId).toBe(toGlobalId('SshKey', victim.id));
      const after = await gw.gql(`query($id: ID!) { sshKey(id: $id) { id: barrackId } }`, { id: victim.id });
      expect(after.body.errors).toBeUndefined();
      expect(after.body.data).toEqual({ sshKey: null });
    });
  });

  describe('startup scripts', () => {
    it('creates, reads, updates, deletes one and bulk-deletes the rest', async () => {
      const create = `mutation($input: CreateScriptInput!) { createScript(input: $input) { script { id: barrackId name description content createdAt updatedAt } requestId } }`;
      const ids: string[] = [];
      for (const name of ['s-one', 's-two', 's-three']) {
        const r = await gw.gql<{ createScript: { script: { id: string; content: string } } }>(create, {
          input: { name, content: `#!/bin/sh\necho ${name}\n`, description: 'test' },
        });
        expect(r.body.errors).toBeUndefined();
        ids.push(r.body.data!.createScript.script.id);
      }
      const dup = await gw.gql(create, { input: { name: 's-one', content: 'x' } });
      expect(codeOf(dup)).toBe('NAME_TAKEN');

      const [first, second, third] = ids as [string, string, string];
      const upd = await gw.gql<{
        updateScript: { script: { name: string; content: string; description: string } };
      }>(
        `mutation($input: UpdateScriptInput!) { updateScript(input: $input) { script { id: barrackId name content description updatedAt } requestId } }`,
        { input: { id: first, content: 'echo changed' } },
      );
      expect(upd.body.errors).toBeUndefined();
      expect(upd.body.data!.updateScript.script).toMatchObject({
        name: 's-one',
        content: 'echo changed',
        description: 'test',
      });

      gw.sim.admin.resetLog();
      const empty = await gw.gql(
        `mutation($id: ID!) { updateScript(input: { id: $id }) { script { id: barrackId } } }`,
        { id: first },
      );
      expect(codeOf(empty)).toBe('BAD_USER_INPUT');
      const noIds = await gw.gql(`mutation { deleteScripts(input: { ids: [] }) { deletedScriptIds } }`);
      expect(codeOf(noIds)).toBe('BAD_USER_INPUT');
      expect(gw.sim.admin.counters().total).toBe(0);

      const one = await gw.gql<{ script: { name: string } }>(
        `query($id: ID!) { script(id: $id) { name content } }`,
        {
          id: second,
        },
      );
      expect(one.body.data!.script.name).toBe('s-two');
      const page = await gw.gql<{ scripts: { nodes: { id: string }[]; totalCount: number } }>(
        `{ scripts(search: "s-") { nodes { id: barrackId name } totalCount } }`,
      );
      expect(page.body.data!.scripts.nodes.map((s) => s.id)).toEqual(expect.arrayContaining(ids));

      const delOne = await gw.gql<{ deleteScript: { deletedScriptId: string } }>(
        `mutation($id: ID!) { deleteScript(input: { id: $id }) { deletedScriptId requestId } }`,
        { id: first },
      );
      expect(delOne.body.data!.deleteScript.deletedScriptId).toBe(toGlobalId('Script', first));

      const bulk = await gw.gql<{
        deleteScripts: { deletedScriptIds: string[]; failed: { id: string; reason: string }[] };
      }>(
        `mutation($ids: [ID!]!) { deleteScripts(input: { ids: $ids }) { deletedScriptIds failed { id: scriptId reason } requestId } }`,
        { ids: [second, third, first] },
      );
      expect(bulk.body.errors).toBeUndefined();
      expect(bulk.body.data!.deleteScripts.deletedScriptIds.sort()).toEqual(
        [second, third].map((k) => toGlobalId('Script', k)).sort(),
      );
      expect(bulk.body.data!.deleteScripts.failed.map((f) => f.id)).toEqual([first]);
      expect(ops().bulkDeleteScripts).toBe(1);
    });
  });

  describe('balance and AI', () => {
    it('reads the balance (billing scope only)', async () => {
      const res = await gw.gql<{ balance: { amount: string; currency: string } }>(
        `{ balance { amount currency threshold canCreateInstance } }`,
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.balance.currency).toBe('USD');
      expect(res.body.data!.balance.amount).toMatch(/^\d+(\.\d+)?$/);
      const denied = await gw.gql(`{ balance { amount } }`, {}, { apiKey: gw.keys.demoRead });
      expect(codeOf(denied)).toBe('FORBIDDEN');
    });

    it('chats with a model, then sees the call in usage summary and history', async () => {
      const chat = await gw.gql<{
        createChatCompletion: {
          completion: {
            model: string;
            choices: { message: { role: string; content: string } }[];
            usage: { totalTokens: number };
            cost: string;
            transactionId: string;
          };
        };
      }>(
        `mutation($input: CreateChatCompletionInput!) {
          createChatCompletion(input: $input) {
            completion { id: completionId model createdAt choices { index message { role content } finishReason }
              usage { promptTokens completionTokens totalTokens } cost currency transactionId }
            requestId
          }
        }`,
        {
          input: {
            model: 'barrack-llama-3.1-8b',
            messages: [
              { role: 'SYSTEM', content: 'Be brief.' },
              { role: 'USER', content: 'hello gpu cloud' },
            ],
            temperature: 0.2,
            maxTokens: 64,
          },
        },
      );
      expect(chat.body.errors).toBeUndefined();
      const c = chat.body.data!.createChatCompletion.completion;
      expect(c.model).toBe('barrack-llama-3.1-8b');
      expect(c.choices[0]!.message.role).toBe('ASSISTANT');
      expect(c.choices[0]!.message.content).toContain('hello');
      expect(c.usage.totalTokens).toBeGreaterThan(0);
      expect(c.cost).toMatch(/^\d+(\.\d+)?$/);

      const summary = await gw.gql<{
        aiUsageSummary: { totalRequests: number; byModel: { model: string }[] };
      }>(
        `{ aiUsageSummary { totalRequests totalTokens totalCost currency byModel { model requests tokens cost } } }`,
      );
      expect(summary.body.errors).toBeUndefined();
      expect(summary.body.data!.aiUsageSummary.totalRequests).toBe(1);
      expect(summary.body.data!.aiUsageSummary.byModel.map((m) => m.model)).toEqual(['barrack-llama-3.1-8b']);

      const history = await gw.gql<{
        aiUsageHistory: { nodes: { id: string }[]; totalCount: number };
      }>(
        `{ aiUsageHistory(first: 10, from: "2000-01-01T00:00:00Z") { nodes { id: barrackId model promptTokens completionTokens cost currency createdAt } totalCount } }`,
      );
      expect(history.body.errors).toBeUndefined();
      expect(history.body.data!.aiUsageHistory.nodes.map((t) => t.id)).toEqual([c.transactionId]);
    });

    it('refuses bad chat input before any upstream call, and chat without the ai scope', async () => {
      const m = `mutation($input: CreateChatCompletionInput!) { createChatCompletion(input: $input) { requestId } }`;
      gw.sim.admin.resetLog();
      const empty = await gw.gql(m, { input: { model: 'barrack-llama-3.1-8b', messages: [] } });
      expect(codeOf(empty)).toBe('BAD_USER_INPUT');
      const hot = await gw.gql(m, {
        input: { model: 'barrack-llama-3.1-8b', messages: [{ role: 'USER', content: 'hi' }], temperature: 3 },
      });
      expect(codeOf(hot)).toBe('BAD_USER_INPUT');
      const window = await gw.gql(
        `{ aiUsageSummary(from: "2030-01-01T00:00:00Z", to: "2020-01-01T00:00:00Z") { totalRequests } }`,
      );
      expect(codeOf(window)).toBe('BAD_USER_INPUT');
      const noScope = await gw.gql(
        m,
        { input: { model: 'barrack-llama-3.1-8b', messages: [{ role: 'USER', content: 'hi' }] } },
        { apiKey: gw.keys.demoNoBilling },
      );
      expect(codeOf(noScope)).toBe('FORBIDDEN');
      expect(gw.sim.admin.counters().total).toBe(0);
      const unknownModel = await gw.gql(m, {
        input: { model: 'no-such-model', messages: [{ role: 'USER', content: 'hi' }] },
      });
      expect(codeOf(unknownModel)).toBe('NOT_FOUND');
    });
  });
});
