import { createHash } from 'node:crypto';
import type { components } from '../src/barrack/contract/barrack-api.types';
import { allHandlers } from './handlers/all-handlers';
import type { HandlerContext } from './handlers/handler';
import type { Account, SimState } from './sim-state';
import type { BarrackOperationId } from '../src/barrack/contract/operations';

type S = components['schemas'];

export const DEMO_API_KEY = 'sim-demo-key';
export const OTHER_API_KEY = 'sim-other-key';

/** A syntactically valid ed25519 public key derived from a label (no key generation at startup). */
export function demoPublicKey(label: string): string {
  const type = Buffer.from('ssh-ed25519');
  const key = createHash('sha256').update(label).digest();
  const len = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const blob = Buffer.concat([len(type.length), type, len(key.length), key]);
  return `ssh-ed25519 ${blob.toString('base64')} ${label}`;
}

function call(sim: SimState, account: Account, op: BarrackOperationId, body: unknown, params = {}): unknown {
  const handler = allHandlers([]).get(op);
  if (!handler) throw new Error(`no handler ${op}`);
  const ctx: HandlerContext = { sim, account, params, query: {}, body };
  return handler(ctx).data;
}

/**
 * The demo world: `sim-demo-key` (USD 100) with an SSH key, a startup script and one ACTIVE instance carrying a
 * data volume and a snapshot; `sim-other-key` (EUR 100) is a second, empty account for isolation checks.
 */
export function seedDemo(sim: SimState): void {
  const demo = sim.createAccount({
    apiKey: DEMO_API_KEY,
    currency: 'USD',
    balance: 100,
    name: 'Demo account',
  });
  sim.createAccount({ apiKey: OTHER_API_KEY, currency: 'EUR', balance: 100, name: 'Other account' });
  call(sim, demo, 'createSshKey', { name: 'demo-key', public_key: demoPublicKey('demo@barrack-sim') });
  call(sim, demo, 'createScript', {
    name: 'install-tools',
    description: 'Installs basic tools on first boot',
    content: '#!/bin/bash\napt-get update && apt-get install -y htop nvtop\n',
  });
  const vm = call(sim, demo, 'createInstance', {
    name: 'demo-vm',
    gpu_model: 'A100-PCIe-80GB',
    gpu_count: 1,
    region: 'CANADA-1',
    image_name: 'Ubuntu Server 22.04 LTS R535 CUDA 12.2',
    ssh_key_name: 'demo-key',
    assign_public_ip: true,
  } satisfies S['DeploymentRequest']) as S['VMResponse'];
  const inst = demo.instances.get(vm.instance_id);
  // The demo VM starts ACTIVE whatever the transition delay is.
  if (inst?.pending) {
    inst.pending.at = sim.clock.nowMs();
    sim.settle(inst);
  }
  const vol = call(sim, demo, 'createVolume', {
    name: 'demo-data',
    region: 'CANADA-1',
    size: 200,
    description: 'Training data',
  } satisfies S['CreateVolumeRequest']) as S['VolumeResponse'];
  call(sim, demo, 'attachVolumes', { volume_ids: [vol.volume_id] }, { instance_id: vm.instance_id });
  const snap = call(sim, demo, 'createSnapshot', {
    instance_id: vm.instance_id,
    name: 'demo-vm-backup',
  } satisfies S['CreateSnapshotRequest']) as S['Snapshot'];
  const s = demo.snapshots.get(snap.snapshot_id);
  if (s) s.readyAt = sim.clock.nowMs();
}
