import { loadBarrackContract } from '../../src/barrack/contract/operations';
import { demoPublicKey } from '../../simulator/sim-seed';
import { startSimulator, type RunningSimulator } from '../../simulator/simulator';
import { SimTestClient } from './sim-test-client';

/*
 * Walks EVERY operation of contract/barrack.openapi.yaml against a fresh simulator with valid inputs, and
 * validates every reply (success and error) against the document's response schema for its status.
 */

const KEY = 'contract-key';
const OTHER = 'contract-other';

function contractOperationIds(): string[] {
  const doc = loadBarrackContract();
  const ids: string[] = [];
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item)) if (op?.operationId) ids.push(op.operationId);
  }
  return ids;
}

describe('simulator contract: every operation, every reply validates', () => {
  let sim: RunningSimulator;
  let c: SimTestClient;

  beforeAll(async () => {
    sim = await startSimulator({
      accounts: [
        { apiKey: KEY, currency: 'USD', balance: 1000 },
        { apiKey: OTHER, currency: 'EUR', balance: 50 },
      ],
    });
    c = new SimTestClient(sim.url, KEY);
  });
  afterAll(() => sim.close());

  it('the contract has 68 operations', () => {
    expect(contractOperationIds()).toHaveLength(68);
  });

  it('serves every operation with a contract-valid success reply', async () => {
    // Catalogue.
    await c.expect('getBalance', 200);
    await c.expect('listGpuStocks', 200, { query: { region: 'CANADA-1' } });
    await c.expect('getGpuSpecs', 200, { query: { gpu_model: 'L40' } });
    await c.expect('listRegions', 200, { noTrailingSlash: true });
    await c.expect('getPricing', 200, { query: { currency: 'EUR' } });
    await c.expect('quotePricing', 200, { body: { gpu_model: 'L40', gpu_count: 2, hours: 3 } });
    await c.expect('listOsImages', 200);
    await c.expect('listVolumeTypes', 200);
    await c.expect('listFirewallProtocols', 200);
    await c.expect('listAiModels', 200);

    // SSH keys and scripts.
    const key = await c.expect('createSshKey', 201, {
      body: { name: 'main-key', public_key: demoPublicKey('a@b') },
    });
    const spare = await c.expect('createSshKey', 201, {
      body: { name: 'spare-key', public_key: demoPublicKey('c@d') },
    });
    await c.expect('listSshKeys', 200, { query: { page: 1, page_size: 10 } });
    await c.expect('getSshKey', 200, { params: { key_id: key.body.data.key_id } });
    const script = await c.expect('createScript', 201, {
      body: { name: 'boot', content: '#!/bin/sh\necho hi' },
    });
    const script2 = await c.expect('createScript', 201, { body: { name: 'boot-2', content: 'echo 2' } });
    const script3 = await c.expect('createScript', 201, { body: { name: 'boot-3', content: 'echo 3' } });
    await c.expect('listScripts', 200, { query: { search: 'boot' } });
    await c.expect('getScript', 200, { params: { script_id: script.body.data.script_id } });
    await c.expect('updateScript', 200, {
      params: { script_id: script.body.data.script_id },
      body: { description: 'updated' },
    });

    // Instances.
    const vm = await c.expect('createInstance', 201, {
      body: {
        name: 'vm-1',
        gpu_model: 'L40',
        gpu_count: 1,
        region: 'CANADA-1',
        image_name: 'Ubuntu Server 22.04 LTS R535 CUDA 12.2',
        ssh_key_name: 'main-key',
        assign_public_ip: true,
        startup_script_id: script.body.data.script_id,
      },
    });
    const vmId: string = vm.body.data.instance_id;
    const inst = { params: { instance_id: vmId } };
    await c.expect('listInstances', 200, { query: { region: 'CANADA-1', status: 'ACTIVE' } });
    await c.expect('getInstance', 200, inst);
    sim.admin.advanceClock(3_600_000);
    const billing = await c.expect('getInstanceBilling', 200, inst);
    expect(billing.body.data.summary.total_cost).toBeGreaterThan(0);
    const rule = await c.expect('addInstanceSecurityRule', 201, {
      ...inst,
      body: {
        direction: 'ingress',
        protocol: 'tcp',
        ethertype: 'IPv4',
        remote_ip_prefix: '0.0.0.0/0',
        port_range_min: 22,
        port_range_max: 22,
      },
    });
    await c.expect('removeInstanceSecurityRule', 200, {
      params: { instance_id: vmId, rule_id: rule.body.data.id },
    });
    await c.expect('toggleInstancePublicIp', 200, inst);

    // Volumes.
    const vol = await c.expect('createVolume', 201, {
      body: { name: 'data-1', region: 'CANADA-1', size: 50 },
    });
    const volId: string = vol.body.data.volume_id;
    await c.expect('listVolumes', 200);
    await c.expect('getVolume', 200, { params: { volume_id: volId } });
    await c.expect('resizeVolume', 200, { params: { volume_id: volId }, body: { size: 60 } });
    const clone = await c.expect('cloneVolume', 201, {
      params: { volume_id: volId },
      body: { name: 'data-2' },
    });
    await c.expect('attachVolumes', 200, { ...inst, body: { volume_ids: [volId] } });
    await c.expect('detachVolumes', 200, { ...inst, body: { volume_ids: [volId] } });
    await c.expect('getVolumeBilling', 200, { params: { volume_id: volId } });
    await c.expect('deleteVolume', 200, { params: { volume_id: clone.body.data.volume_id } });

    // Firewalls.
    const fw = await c.expect('createFirewall', 201, {
      body: { name: 'web', region: 'CANADA-1', description: 'web' },
    });
    const fwId: string = fw.body.data.firewall_id;
    await c.expect('listFirewalls', 200);
    const fwRule = await c.expect('addFirewallRule', 201, {
      params: { firewall_id: fwId },
      body: { direction: 'ingress', protocol: 'icmp', ethertype: 'IPv4', remote_ip_prefix: '10.0.0.0/8' },
    });
    await c.expect('removeFirewallRule', 200, {
      params: { firewall_id: fwId, rule_id: fwRule.body.data.id },
    });
    await c.expect('listFirewallAvailableInstances', 200, { query: { firewall_id: fwId } });
    await c.expect('attachFirewall', 200, { params: { firewall_id: fwId }, body: { instance_ids: [vmId] } });
    await c.expect('getFirewall', 200, { params: { firewall_id: fwId } });
    await c.expect('listInstanceFirewalls', 200, inst);
    const fw2 = await c.expect('createFirewall', 201, { body: { name: 'spare', region: 'US-1' } });
    await c.expect('deleteFirewall', 200, { params: { firewall_id: fw2.body.data.firewall_id } });

    // Snapshots and images.
    await c.expect('listSnapshotEligibleInstances', 200, { query: { region: 'CANADA-1' } });
    const snap = await c.expect('createSnapshot', 201, { body: { instance_id: vmId, name: 'snap-1' } });
    const snapId: string = snap.body.data.snapshot_id;
    const snap2 = await c.expect('createSnapshot', 201, {
      body: { instance_id: vmId, name: 'snap-2', is_image: true },
    });
    await c.expect('listSnapshots', 200);
    await c.expect('getSnapshot', 200, { params: { snapshot_id: snapId } });
    await c.expect('getSnapshotBilling', 200, { params: { snapshot_id: snapId } });
    const img = await c.expect('createImageFromSnapshot', 201, {
      params: { snapshot_id: snapId },
      body: { name: 'img-1' },
    });
    await c.expect('listImages', 200);
    await c.expect('getImage', 200, { params: { image_id: img.body.data.image_id } });
    await c.expect('getSnapshotImageRelationship', 200, { params: { snapshot_id: snapId } });
    await c.expect('listSnapshotImageRelationships', 200, {
      body: { snapshot_ids: [snapId, snap2.body.data.snapshot_id] },
    });
    const restored = await c.expect('restoreSnapshot', 200, {
      params: { snapshot_id: snapId },
      body: { new_vm_name: 'vm-restored' },
    });
    const r2 = { params: { instance_id: restored.body.data.instance_id as string } };

    // AI chat.
    await c.expect('chatCompletion', 200, {
      body: { model: 'barrack-llama-3.1-8b', messages: [{ role: 'user', content: 'hello there' }] },
    });
    await c.expect('getAiUsageSummary', 200);
    await c.expect('getAiUsageHistory', 200, { query: { page: 1 } });

    // Lifecycle on the restored VM.
    await c.expect('stopInstance', 200, r2);
    await c.expect('startInstance', 200, r2);
    await c.expect('rebootInstance', 200, r2);
    await c.expect('hibernateInstance', 200, r2);
    await c.expect('getHibernatedInstancesCount', 200);
    await c.expect('restoreInstance', 200, r2);

    // Deletions.
    await c.expect('deleteImage', 200, { params: { image_id: img.body.data.image_id } });
    await c.expect('deleteSnapshot', 200, { params: { snapshot_id: snap2.body.data.snapshot_id } });
    await c.expect('deleteScript', 200, { params: { script_id: script3.body.data.script_id } });
    const bulk = await c.expect('bulkDeleteScripts', 200, {
      body: { script_ids: [script2.body.data.script_id, 'BRK-999999C'] },
    });
    expect(bulk.body.data).toEqual({
      deleted: [script2.body.data.script_id],
      failed: [{ script_id: 'BRK-999999C', reason: 'not found' }],
    });
    await c.expect('deleteSshKey', 200, { params: { key_id: spare.body.data.key_id } });
    await c.expect('deleteInstance', 200, r2);

    const missing = contractOperationIds().filter(
      (op) => !c.called.get(op)?.some((s) => s >= 200 && s < 300),
    );
    expect(missing).toEqual([]);
  });

  it('answers errors with contract-valid ErrorResponse bodies (at least one per group)', async () => {
    const e = async (...args: Parameters<SimTestClient['expect']>) =>
      (await c.expect(...args)).body.error.code;
    // Balance / Regions: no key, bad key.
    expect(await e('getBalance', 401, { key: null })).toBe('UNAUTHORIZED');
    expect(await e('listRegions', 401, { key: 'nope' })).toBe('UNAUTHORIZED');
    // Stocks / specs / OS images / pricing: bad enum values.
    expect(await e('listGpuStocks', 400, { query: { region: 'MARS-1' } })).toBe('VALIDATION_ERROR');
    expect(await e('getGpuSpecs', 400, { query: { gpu_model: 'TPU' } })).toBe('VALIDATION_ERROR');
    expect(await e('listOsImages', 400, { query: { region: 'x' } })).toBe('VALIDATION_ERROR');
    expect(await e('quotePricing', 400, { body: { gpu_model: 'L40', gpu_count: 3 } })).toBe(
      'VALIDATION_ERROR',
    );
    expect(await e('listInstances', 400, { query: { page_size: 101 } })).toBe('VALIDATION_ERROR');
    // Deploy.
    const deploy = {
      gpu_model: 'L40',
      gpu_count: 1,
      region: 'CANADA-1',
      image_name: 'Ubuntu Server 22.04 LTS R535 CUDA 12.2',
    };
    expect(
      await e('createInstance', 404, { body: { ...deploy, name: 'x', ssh_key_name: 'no-such-key' } }),
    ).toBe('NOT_FOUND');
    expect(
      await e('createInstance', 409, { body: { ...deploy, name: 'vm-1', ssh_key_name: 'main-key' } }),
    ).toBe('NAME_TAKEN');
    expect(
      await e('createInstance', 400, { body: { ...deploy, name: 'bad/name', ssh_key_name: 'main-key' } }),
    ).toBe('VALIDATION_ERROR');
    const missing = await c.expect('createInstance', 400, {
      body: { name: 'x', region: 'CANADA-1', ssh_key_name: 'k', image_name: 'i', gpu_count: 1 },
    });
    expect(missing.body.error.details.field).toBe('gpu_model');
    // Instances: wrong id kind, unknown id, another account's id.
    expect(await e('getInstance', 400, { params: { instance_id: 'BRK-123456S' } })).toBe('VALIDATION_ERROR');
    expect(await e('getInstance', 404, { params: { instance_id: 'BRK-999999D' } })).toBe('NOT_FOUND');
    const mine = (await c.expect('listInstances', 200)).body.data.instances[0].instance_id as string;
    expect(await e('getInstance', 404, { params: { instance_id: mine }, key: OTHER })).toBe('NOT_FOUND');
    expect(await e('startInstance', 409, { params: { instance_id: mine } })).toBe('INVALID_STATE');
    // SSH keys.
    expect(await e('createSshKey', 400, { body: { name: 'k', public_key: 'ssh-rsa not-base64!' } })).toBe(
      'VALIDATION_ERROR',
    );
    expect(await e('createSshKey', 409, { body: { name: 'main-key', public_key: demoPublicKey('z') } })).toBe(
      'NAME_TAKEN',
    );
    expect(
      await e('deleteSshKey', 409, {
        params: { key_id: (await c.expect('listSshKeys', 200)).body.data.ssh_keys[0].key_id },
      }),
    ).toBe('RESOURCE_IN_USE');
    // Volumes.
    expect(await e('createVolume', 400, { body: { name: 'tiny', region: 'CANADA-1', size: 5 } })).toBe(
      'VALIDATION_ERROR',
    );
    expect(await e('getVolume', 404, { params: { volume_id: 'BRK-999999V' } })).toBe('NOT_FOUND');
    expect(await e('getVolumeBilling', 404, { params: { volume_id: 'BRK-999999V' } })).toBe('NOT_FOUND');
    // Firewalls, scripts, snapshots, images, AI.
    expect(await e('getFirewall', 404, { params: { firewall_id: 'BRK-999999F' } })).toBe('NOT_FOUND');
    expect(await e('createFirewall', 409, { body: { name: 'web', region: 'CANADA-1' } })).toBe('NAME_TAKEN');
    expect(await e('getScript', 404, { params: { script_id: 'BRK-999999C' } })).toBe('NOT_FOUND');
    expect(
      await e('restoreSnapshot', 404, { params: { snapshot_id: 'BRK-999999S' }, body: { new_vm_name: 'x' } }),
    ).toBe('NOT_FOUND');
    expect(await e('getImage', 404, { params: { image_id: 'BRK-999999I' } })).toBe('NOT_FOUND');
    expect(
      await e('chatCompletion', 404, {
        body: { model: 'gpt-9', messages: [{ role: 'user', content: 'hi' }] },
      }),
    ).toBe('NOT_FOUND');
    expect(await e('chatCompletion', 400, { body: { model: 'x', messages: [] } })).toBe('VALIDATION_ERROR');
  });

  it('accepts X-API-Key and api_key headers as well as Bearer', async () => {
    await c.expect('getBalance', 200, { key: null, headers: { 'x-api-key': KEY } });
    await c.expect('getBalance', 200, { key: null, headers: { api_key: KEY } });
  });
});
