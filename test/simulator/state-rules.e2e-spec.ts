import { demoPublicKey } from '../../simulator/sim-seed';
import { startSimulator, type RunningSimulator } from '../../simulator/simulator';
import { SimTestClient } from './sim-test-client';

/* State machine, billing over simulated time, credits, stock and account isolation, over real HTTP. */

const IMAGE = 'Ubuntu Server 22.04 LTS R535 CUDA 12.2';
const HOUR = 3_600_000;
/** A frozen base clock: only advanceClock moves simulated time, so deadlines are exact. */
const frozen = () => new Date('2025-06-01T12:00:00Z');

async function newVm(c: SimTestClient, name: string, extra: Record<string, unknown> = {}) {
  const r = await c.op('createInstance', {
    body: {
      name,
      gpu_model: 'L40',
      gpu_count: 1,
      region: 'CANADA-1',
      image_name: IMAGE,
      ssh_key_name: 'k',
      ...extra,
    },
  });
  return r;
}

async function statusOf(c: SimTestClient, id: string): Promise<string> {
  return (await c.expect('getInstance', 200, { params: { instance_id: id } })).body.data.status as string;
}

describe('simulator state rules', () => {
  describe('with a transition delay of 1 minute on the simulated clock', () => {
    let sim: RunningSimulator;
    let c: SimTestClient;
    beforeAll(async () => {
      sim = await startSimulator({
        now: frozen,
        transitionDelayMs: 60_000,
        accounts: [{ apiKey: 'a', balance: 1000 }],
      });
      c = new SimTestClient(sim.url, 'a');
      await c.expect('createSshKey', 201, { body: { name: 'k', public_key: demoPublicKey('k') } });
    });
    afterAll(() => sim.close());

    it('walks CREATING → ACTIVE → STOPPING → SHUTOFF → STARTING → ACTIVE only as the clock passes deadlines', async () => {
      const created = await newVm(c, 'sm-1');
      expect(created.status).toBe(201);
      const id: string = created.body.data.instance_id;
      const p = { params: { instance_id: id } };
      expect(await statusOf(c, id)).toBe('CREATING');
      // Nothing is allowed while transitional.
      const busy = await c.expect('stopInstance', 409, p);
      expect(busy.body.error).toEqual({
        code: 'INVALID_STATE',
        details: { current_state: 'CREATING', allowed_from: ['ACTIVE'] },
      });
      sim.admin.advanceClock(59_000);
      expect(await statusOf(c, id)).toBe('CREATING');
      sim.admin.advanceClock(1_000);
      expect(await statusOf(c, id)).toBe('ACTIVE');

      expect((await c.expect('stopInstance', 200, p)).body.data).toEqual({
        instance_id: id,
        status: 'STOPPING',
        previous_status: 'ACTIVE',
      });
      sim.admin.advanceClock(60_000);
      expect(await statusOf(c, id)).toBe('SHUTOFF');
      await c.expect('rebootInstance', 409, p);
      await c.expect('hibernateInstance', 409, p);
      await c.expect('startInstance', 200, p);
      expect(await statusOf(c, id)).toBe('STARTING');
      sim.admin.advanceClock(60_000);
      expect(await statusOf(c, id)).toBe('ACTIVE');

      await c.expect('hibernateInstance', 200, p);
      sim.admin.advanceClock(60_000);
      expect(await statusOf(c, id)).toBe('HIBERNATED');
      await c.expect('startInstance', 409, p);
      await c.expect('restoreInstance', 200, p);
      expect(await statusOf(c, id)).toBe('RESTORING');
      sim.admin.advanceClock(60_000);
      expect(await statusOf(c, id)).toBe('ACTIVE');

      await c.expect('deleteInstance', 200, p);
      expect(await statusOf(c, id)).toBe('DELETING');
      sim.admin.advanceClock(60_000);
      await c.expect('getInstance', 404, p);
    });

    it('snapshots only ACTIVE VMs and restores a new VM with the snapshot specs (seed shape)', async () => {
      const id: string = (await newVm(c, 'snap-src', { gpu_count: 2 })).body.data.instance_id;
      await c.expect('createSnapshot', 409, { body: { instance_id: id, name: 's-early' } });
      sim.admin.advanceClock(60_000);
      const snap = await c.expect('createSnapshot', 201, { body: { instance_id: id, name: 's1' } });
      expect(snap.body.data.status).toBe('CREATING');
      const sid: string = snap.body.data.snapshot_id;
      await c.expect('restoreSnapshot', 409, { params: { snapshot_id: sid }, body: { new_vm_name: 'r1' } });
      sim.admin.advanceClock(60_000);
      const r = await c.expect('restoreSnapshot', 200, {
        params: { snapshot_id: sid },
        body: { new_vm_name: 'r1' },
      });
      expect(r.body).toMatchObject({
        success: true,
        message: 'Snapshot restored successfully',
        snapshot: { id: sid, name: 's1' },
        tier: 'legacy',
        data: {
          vm_name: 'r1',
          ip_status: 'assigned',
          billing: { hourly_rate: 2.38, currency: 'USD' },
          specs: { gpu_type: 'L40', gpu_count: 2, ram_gb: 116, vcpus: 56, storage_gb: 100 },
          boot_source: 'snapshot',
        },
      });
      expect(r.body.data.instance_id).toMatch(/^BRK-\d{6}D$/);
      expect(r.body.data.instance_id).not.toBe(id);
      await c.expect('restoreSnapshot', 409, { params: { snapshot_id: sid }, body: { new_vm_name: 'r1' } });
    });
  });

  describe('billing, credits and stock (delay 0)', () => {
    let sim: RunningSimulator;
    let c: SimTestClient;
    beforeAll(async () => {
      sim = await startSimulator({ now: frozen, accounts: [{ apiKey: 'b', balance: 10 }] });
      c = new SimTestClient(sim.url, 'b');
      await c.expect('createSshKey', 201, { body: { name: 'k', public_key: demoPublicKey('k') } });
    });
    afterAll(() => sim.close());

    it('accrues per minute by state: full rate ACTIVE and SHUTOFF, flat hibernation, nothing when deleted', async () => {
      const id: string = (await newVm(c, 'bill-1')).body.data.instance_id;
      const p = { params: { instance_id: id } };
      await statusOf(c, id); // settles CREATING → ACTIVE at t0
      sim.admin.advanceClock(HOUR);
      await c.expect('stopInstance', 200, p);
      await statusOf(c, id);
      sim.admin.advanceClock(30 * 60_000);
      await c.expect('startInstance', 200, p);
      await statusOf(c, id);
      await c.expect('hibernateInstance', 200, p);
      await statusOf(c, id);
      sim.admin.advanceClock(10 * HOUR);
      const b = (await c.expect('getInstanceBilling', 200, p)).body.data;
      expect(b.summary).toMatchObject({
        usage_minutes_active: 60,
        usage_minutes_shutoff: 30,
        usage_minutes_hibernated: 600,
      });
      // 1.19/h × 1.5 h + 0.01/h × 10 h
      expect(b.summary.total_cost).toBeCloseTo(1.785 + 0.1, 4);
      const vm = (await c.expect('getInstance', 200, p)).body.data;
      expect(vm.accrued_cost).toBeCloseTo(1.885, 4);
      expect((await c.expect('getBalance', 200)).body.data.balance).toBeCloseTo(10 - 1.885, 4);
      await c.expect('restoreInstance', 200, p);
      await statusOf(c, id);
      await c.expect('deleteInstance', 200, p);
      sim.admin.advanceClock(HOUR);
      expect((await c.expect('getBalance', 200)).body.data.balance).toBeCloseTo(10 - 1.885, 4);
    });

    it('takes GPUs on deploy, gives them back on delete, and answers OUT_OF_STOCK with alternatives', async () => {
      sim.admin.setStock('NORWAY-1', 'L40', 1);
      const r = await c.expect('createInstance', 201, {
        body: {
          name: 'stock-1',
          gpu_model: 'L40',
          gpu_count: 1,
          region: 'NORWAY-1',
          image_name: IMAGE,
          ssh_key_name: 'k',
        },
      });
      expect(sim.admin.stock('NORWAY-1', 'L40')).toBe(0);
      const stocks = (await c.expect('listGpuStocks', 200, { query: { region: 'NORWAY-1' } })).body.data
        .gpu_stocks[0];
      expect(stocks.models.find((m: { model: string }) => m.model === 'L40').configurations['1x']).toBe(0);
      const refused = await c.expect('createInstance', 409, {
        body: {
          name: 'stock-2',
          gpu_model: 'L40',
          gpu_count: 1,
          region: 'NORWAY-1',
          image_name: IMAGE,
          ssh_key_name: 'k',
        },
      });
      expect(refused.body.error.code).toBe('OUT_OF_STOCK');
      expect(refused.body.error.details.alternatives).toEqual(expect.arrayContaining(['CANADA-1', 'US-1']));
      await c.expect('deleteInstance', 200, { params: { instance_id: r.body.data.instance_id } });
      expect(sim.admin.stock('NORWAY-1', 'L40')).toBe(1);
    });

    it('refuses deploy with 402 when the balance is below one hour at the rate', async () => {
      const before = (await c.expect('getBalance', 200)).body.data.balance as number;
      const r = await c.expect('createInstance', 402, {
        body: {
          name: 'rich',
          gpu_model: 'H100-SXM5-80GB',
          gpu_count: 8,
          region: 'CANADA-1',
          image_name: IMAGE,
          ssh_key_name: 'k',
        },
      });
      expect(r.body.error).toEqual({
        code: 'INSUFFICIENT_CREDITS',
        details: { balance: before, required: 21.52, currency: 'USD' },
      });
      expect(sim.admin.getAccountState('b').instances.map((i) => i.name)).not.toContain('rich');
    });

    it('charges AI chat by words and records usage', async () => {
      const before = (await c.expect('getBalance', 200)).body.data.balance as number;
      const r = await c.expect('chatCompletion', 200, {
        body: { model: 'barrack-llama-3.1-8b', messages: [{ role: 'user', content: 'one two three four' }] },
      });
      expect(r.body.data.choices[0].message.content).toBe('You said: one two three four');
      expect(r.body.data.usage).toEqual({ prompt_tokens: 4, completion_tokens: 6, total_tokens: 10 });
      const summary = (await c.expect('getAiUsageSummary', 200)).body.data;
      expect(summary).toMatchObject({ total_requests: 1, total_tokens: 10 });
      const after = (await c.expect('getBalance', 200)).body.data.balance as number;
      expect(after).toBeCloseTo(before - r.body.data.cost, 4);
    });
  });

  describe('validation and resource rules', () => {
    let sim: RunningSimulator;
    let c: SimTestClient;
    beforeAll(async () => {
      sim = await startSimulator({ now: frozen, accounts: [{ apiKey: 'v', balance: 1000 }] });
      c = new SimTestClient(sim.url, 'v');
      await c.expect('createSshKey', 201, { body: { name: 'k', public_key: demoPublicKey('k') } });
    });
    afterAll(() => sim.close());

    it('enforces volume sizes, regions, attach/detach and delete-only-detached', async () => {
      await c.expect('createVolume', 400, { body: { name: 'big', region: 'CANADA-1', size: 1001 } });
      await c.expect('createVolume', 400, {
        body: { name: 'boot', region: 'CANADA-1', size: 50, image_id: '101' },
      });
      const boot = await c.expect('createVolume', 201, {
        body: { name: 'boot', region: 'CANADA-1', size: 100, image_id: '101' },
      });
      expect(boot.body.data.bootable).toBe(true);
      await c.expect('createVolume', 409, { body: { name: 'boot', region: 'CANADA-1', size: 100 } });
      const far = await c.expect('createVolume', 201, { body: { name: 'far', region: 'US-1', size: 10 } });
      const vm = await c.expect('createInstance', 201, {
        body: {
          name: 'vb',
          gpu_model: 'A40',
          gpu_count: 1,
          region: 'CANADA-1',
          volume_name: 'boot',
          ssh_key_name: 'k',
        },
      });
      const p = { params: { instance_id: vm.body.data.instance_id as string } };
      await statusOf(c, p.params.instance_id);
      const mismatch = await c.expect('attachVolumes', 400, {
        ...p,
        body: { volume_ids: [far.body.data.volume_id] },
      });
      expect(mismatch.body.error.code).toBe('REGION_MISMATCH');
      const bootDetach = await c.expect('detachVolumes', 409, {
        ...p,
        body: { volume_ids: [boot.body.data.volume_id] },
      });
      expect(bootDetach.body.error.details.reason).toBe('boot_volume');
      const data = await c.expect('createVolume', 201, {
        body: { name: 'data', region: 'CANADA-1', size: 10 },
      });
      const dataId: string = data.body.data.volume_id;
      await c.expect('attachVolumes', 200, { ...p, body: { volume_ids: [dataId] } });
      await c.expect('attachVolumes', 409, { ...p, body: { volume_ids: [dataId] } });
      await c.expect('deleteVolume', 409, { params: { volume_id: dataId } });
      const listed = (await c.expect('listVolumes', 200)).body.data.volumes;
      expect(listed.find((v: { volume_id: string }) => v.volume_id === dataId).attached_instance_id).toBe(
        p.params.instance_id,
      );
      await c.expect('stopInstance', 200, p);
      await c.expect('detachVolumes', 409, { ...p, body: { volume_ids: [dataId] } });
    });

    it('limits firewalls to 25 and lists attachments; validates ports', async () => {
      await c.expect('createFirewall', 400, { body: { name: 'bad name!', region: 'CANADA-1' } });
      for (let i = 0; i < 25; i++)
        await c.expect('createFirewall', 201, { body: { name: `fw ${i}`, region: 'CANADA-1' } });
      const over = await c.expect('createFirewall', 409, { body: { name: 'fw 25', region: 'CANADA-1' } });
      expect(over.body.error.code).toBe('LIMIT_EXCEEDED');
      const fw = (await c.expect('listFirewalls', 200, { query: { page_size: 1 } })).body.data;
      expect(fw.pagination).toEqual({ page: 1, page_size: 1, total: 25, total_pages: 25 });
      const fwId: string = fw.firewalls[0].firewall_id;
      const rule = { direction: 'ingress', ethertype: 'IPv4', remote_ip_prefix: '0.0.0.0/0' };
      await c.expect('addFirewallRule', 400, {
        params: { firewall_id: fwId },
        body: { ...rule, protocol: 'icmp', port_range_min: 1 },
      });
      await c.expect('addFirewallRule', 400, {
        params: { firewall_id: fwId },
        body: { ...rule, protocol: 'tcp', port_range_min: 0 },
      });
      await c.expect('addFirewallRule', 400, {
        params: { firewall_id: fwId },
        body: { ...rule, protocol: 'udp', port_range_min: 65536 },
      });
      await c.expect('addFirewallRule', 201, {
        params: { firewall_id: fwId },
        body: { ...rule, protocol: 'tcp', port_range_min: 443 },
      });
      const vm = await newVm(c, 'fw-vm');
      const vmId: string = vm.body.data.instance_id;
      await c.expect('attachFirewall', 200, {
        params: { firewall_id: fwId },
        body: { instance_ids: [vmId] },
      });
      const list = (await c.expect('listFirewalls', 200, { query: { search: fw.firewalls[0].name } })).body
        .data.firewalls;
      expect(list[0].attached_instances).toEqual([{ instance_id: vmId, name: 'fw-vm', status: 'ACTIVE' }]);
    });

    it('generates an RSA-2048 key once and validates imported keys', async () => {
      const gen = await c.expect('createSshKey', 201, { body: { name: 'gen' } });
      expect(gen.body.data.private_key).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
      expect(gen.body.data).toMatchObject({ key_type: 'RSA', key_size: 2048, source: 'created' });
      expect(gen.body.data.public_key).toMatch(/^ssh-rsa AAAAB3NzaC1yc2E/);
      const again = await c.expect('getSshKey', 200, { params: { key_id: gen.body.data.key_id } });
      expect(again.body.data.private_key).toBeUndefined();
      // A key blob whose inner type disagrees with its prefix is rejected.
      const lie = demoPublicKey('x').replace('ssh-ed25519', 'ssh-rsa');
      await c.expect('createSshKey', 400, { body: { name: 'lie', public_key: lie } });
      await c.expect('createSshKey', 400, { body: { name: 'has space', public_key: demoPublicKey('y') } });
    });
  });

  describe('account isolation', () => {
    let sim: RunningSimulator;
    beforeAll(async () => {
      sim = await startSimulator({ seed: 'demo' });
    });
    afterAll(() => sim.close());

    it('seeds the demo account and never mixes accounts', async () => {
      const demo = new SimTestClient(sim.url, 'sim-demo-key');
      const other = new SimTestClient(sim.url, 'sim-other-key');
      const vms = (await demo.expect('listInstances', 200)).body.data.instances;
      expect(vms).toHaveLength(1);
      expect(vms[0]).toMatchObject({ status: 'ACTIVE', name: 'demo-vm' });
      expect(vms[0].volume_attachments).toHaveLength(1);
      expect((await demo.expect('listSnapshots', 200)).body.data.snapshots[0].instance_id).toBe(
        vms[0].instance_id,
      );
      expect((await other.expect('getBalance', 200)).body.data).toMatchObject({
        balance: 100,
        currency: 'EUR',
      });
      for (const op of [
        'listInstances',
        'listVolumes',
        'listSnapshots',
        'listSshKeys',
        'listScripts',
      ] as const) {
        const r = await other.expect(op, 200);
        expect(r.body.data.pagination.total).toBe(0);
      }
      await other.expect('getInstance', 404, { params: { instance_id: vms[0].instance_id } });
      await other.expect('deleteInstance', 404, { params: { instance_id: vms[0].instance_id } });
      await other.expect('getVolume', 404, { params: { volume_id: vms[0].volume_attachments[0].volume.id } });
      expect(await statusOf(demo, vms[0].instance_id)).toBe('ACTIVE');
      await demo.expect('listInstances', 401, { key: null });
    });
  });
});
