import type { components } from '../src/barrack/contract/barrack-api.types';
import { iso } from './sim-clock';
import {
  instanceUsage,
  type Account,
  type SimFirewall,
  type SimImage,
  type SimInstance,
  type SimRule,
  type SimScript,
  type SimSnapshot,
  type SimSshKey,
  type SimState,
  type SimVolume,
} from './sim-state';
import { VOLUME_TB_HOUR, round4 } from './catalog';

type S = components['schemas'];

/* Wire views: the only place the simulator's records become contract shapes (typed by the generated types). */

export function ruleView(r: SimRule): S['VMSecurityRule'] {
  return {
    id: r.id,
    direction: r.direction,
    protocol: r.protocol,
    ethertype: r.ethertype,
    remote_ip_prefix: r.remoteIpPrefix,
    port_range_min: r.portMin,
    port_range_max: r.portMax,
    status: 'SUCCESS',
    created_at: iso(r.createdAt),
  };
}

function powerState(status: string): string {
  if (status === 'ACTIVE' || status === 'REBOOTING' || status === 'STOPPING' || status === 'HIBERNATING') {
    return 'RUNNING';
  }
  return status === 'SHUTOFF' || status === 'HIBERNATED' ? 'SHUTDOWN' : 'NOSTATE';
}

export function instanceView(sim: SimState, account: Account, inst: SimInstance): S['VMInstance'] {
  const attachments: S['VMVolumeAttachment'][] = [];
  for (const v of account.volumes.values()) {
    if (v.deletedAt === null && v.attachedTo === inst.id) {
      attachments.push({
        id: v.attachmentId ?? undefined,
        device: v.device,
        status: 'ATTACHED',
        protected: v.protected,
        created_at: iso(v.attachedAt ?? v.createdAt),
        volume: {
          id: v.id,
          name: v.name,
          size: currentSize(v),
          volume_type: v.volumeType,
          bootable: v.bootable,
          description: v.description,
        },
      });
    }
  }
  return {
    instance_id: inst.id,
    server_uuid: inst.serverUuid,
    name: inst.name,
    status: inst.status,
    power_state: powerState(inst.status),
    vm_state: inst.status.toLowerCase(),
    region: inst.region,
    gpu_model: inst.gpuModel,
    gpu_count: inst.gpuCount,
    flavor: {
      name: inst.flavourName,
      gpu: inst.gpuModel,
      gpu_count: inst.gpuCount,
      cpu: inst.vcpus,
      ram: inst.ramGb,
      disk: inst.storageGb,
      ephemeral: inst.ephemeralGb,
    },
    image: inst.image,
    ssh_key: inst.sshKeyName ? { name: inst.sshKeyName } : null,
    private_ip: inst.privateIp,
    public_ip: inst.publicIp,
    public_ip_status: inst.publicIp ? 'ATTACHED' : 'DETACHED',
    security_rules: inst.rules.map(ruleView),
    volume_attachments: attachments,
    labels: inst.labels,
    hourly_rate: inst.hourlyRate,
    currency: account.currency,
    accrued_cost: instanceUsage(inst, account.currency, sim.clock.nowMs()).cost,
    boot_source: inst.bootSource,
    created_at: iso(inst.createdAt),
    tier: 'legacy',
  };
}

export function currentSize(v: SimVolume): number {
  return v.sizes[v.sizes.length - 1]?.sizeGb ?? 0;
}

export function volumeView(account: Account, v: SimVolume): S['VolumeResponse'] {
  const size = currentSize(v);
  return {
    volume_id: v.id,
    name: v.name,
    description: v.description,
    region: v.region,
    size_gb: size,
    volume_type: v.volumeType,
    bootable: v.bootable,
    os_image: v.osImage,
    status: v.attachedTo ? 'in-use' : 'available',
    attached_instance_id: v.attachedTo,
    device: v.device,
    hourly_rate: round4((size / 1000) * VOLUME_TB_HOUR[account.currency]),
    created_at: iso(v.createdAt),
  };
}

export function snapshotStatus(sim: SimState, s: SimSnapshot): S['SnapshotStatusEnum'] {
  return sim.clock.nowMs() >= s.readyAt ? 'SUCCESS' : 'CREATING';
}

export function snapshotView(sim: SimState, s: SimSnapshot): S['Snapshot'] {
  return {
    snapshot_id: s.id,
    name: s.name,
    description: s.description,
    instance_id: s.instanceId,
    instance_name: s.instanceName,
    region: s.region,
    size_gb: s.storageGb,
    status: snapshotStatus(sim, s),
    is_image: s.imageId !== null,
    vm_config: {
      cpu: s.vcpus,
      ram_gb: s.ramGb,
      gpu: s.gpuModel,
      gpu_count: s.gpuCount,
      disk_gb: s.storageGb,
    },
    created_at: iso(s.createdAt),
  };
}

export function imageView(account: Account, img: SimImage): S['Image'] {
  const snap = account.snapshots.get(img.snapshotId);
  const bytes = img.sizeGb * 1024 ** 3;
  return {
    image_id: img.id,
    name: img.name,
    region: img.region,
    type: 'Snapshot',
    version: null,
    size: bytes,
    display_size: `${img.sizeGb.toFixed(1)} GB`,
    description: null,
    is_public: false,
    labels: img.labels,
    snapshot: snap
      ? { id: snap.id, name: snap.name, created_at: iso(snap.createdAt), size: snap.storageGb * 1024 ** 3 }
      : null,
    created_at: iso(img.createdAt),
  };
}

export function firewallView(sim: SimState, account: Account, f: SimFirewall): S['FirewallResponse'] {
  const attached: S['FirewallAttachment'][] = [];
  for (const id of f.attached) {
    const inst = account.instances.get(id);
    if (inst) {
      sim.settle(inst);
      attached.push({ instance_id: id, name: inst.name, status: inst.status });
    }
  }
  return {
    firewall_id: f.id,
    name: f.name,
    description: f.description,
    region: f.region,
    status: 'SUCCESS',
    rules: f.rules.map(ruleView),
    rule_count: f.rules.length,
    attached_instances: attached,
    attached_count: attached.length,
    created_at: iso(f.createdAt),
  };
}

export function sshKeyView(k: SimSshKey): S['SSHKeyResponse'] {
  return {
    key_id: k.id,
    name: k.name,
    public_key: k.publicKey,
    fingerprint: k.fingerprint,
    key_type: k.keyType,
    key_size: k.keySize,
    source: k.source,
    regions: ['NORWAY-1', 'CANADA-1', 'US-1'],
    created_at: iso(k.createdAt),
  };
}

export function scriptView(s: SimScript): S['Script'] {
  return {
    script_id: s.id,
    name: s.name,
    description: s.description,
    content: s.content,
    created_at: iso(s.createdAt),
    updated_at: iso(s.updatedAt),
  };
}
