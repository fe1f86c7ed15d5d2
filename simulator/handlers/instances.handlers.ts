import { randomUUID } from 'node:crypto';
import type { components } from '../../src/barrack/contract/barrack-api.types';
import {
  HIBERNATION_RATE,
  OS_IMAGES,
  flavour,
  gpuHourlyRate,
  round4,
  type GpuCount,
  type GpuModel,
  type Region,
} from '../catalog';
import { iso } from '../sim-clock';
import { SimError, invalid, nameTaken, notFound } from '../sim-error';
import { instanceUsage, type SimInstance, type VMStatus } from '../sim-state';
import { instanceView, ruleView } from '../sim-views';
import {
  bodyOf,
  findInstance,
  paginate,
  param,
  qStr,
  requireCredits,
  requireState,
  window,
  type HandlerContext,
  type HandlerTable,
} from './handler';
import { buildRule } from './rules';

type S = components['schemas'];

/** Which action is allowed from which state (REFERENCE.md §7.3). */
export const ALLOWED_FROM = {
  start: ['SHUTOFF'],
  stop: ['ACTIVE'],
  reboot: ['ACTIVE'],
  hibernate: ['ACTIVE'],
  restore: ['HIBERNATED'],
  delete: ['ACTIVE', 'SHUTOFF', 'HIBERNATED', 'ERROR'],
  togglePublicIp: ['ACTIVE'],
  securityRules: ['ACTIVE'],
} as const satisfies Record<string, readonly VMStatus[]>;

export function assertInstanceNameFree(ctx: HandlerContext, name: string): void {
  if (ctx.sim.liveInstances(ctx.account).some((i) => i.name === name)) throw nameTaken('instance', name);
}

/** Takes GPUs from the region's stock, or refuses with the regions that still have them. */
export function reserveGpus(ctx: HandlerContext, region: Region, model: GpuModel, count: number): void {
  if (ctx.sim.gpusInStock(region, model) < count) {
    throw new SimError(409, 'OUT_OF_STOCK', `No ${count}x ${model} available in ${region}`, {
      region,
      gpu_model: model,
      gpu_count: count,
      alternatives: ctx.sim.alternatives(model, count, region),
    });
  }
  ctx.sim.takeGpus(region, model, count);
}

export interface NewInstanceSpec {
  name: string;
  region: Region;
  gpuModel: GpuModel;
  gpuCount: GpuCount;
  image: SimInstance['image'];
  bootSource: SimInstance['bootSource'];
  sshKeyName: string | null;
  publicIp: boolean;
  labels: string[];
  startupScriptId: string | null;
  vcpus?: number;
  ramGb?: number;
  storageGb?: number;
}

/** Creates a VM in CREATING that becomes ACTIVE after the transition delay (credits and stock checked first). */
export function createVm(ctx: HandlerContext, spec: NewInstanceSpec): SimInstance {
  const { sim, account } = ctx;
  const rate = gpuHourlyRate(spec.gpuModel, spec.gpuCount, account.currency);
  requireCredits(ctx, rate);
  reserveGpus(ctx, spec.region, spec.gpuModel, spec.gpuCount);
  const f = flavour(spec.gpuModel, spec.gpuCount);
  const now = sim.clock.nowMs();
  const inst: SimInstance = {
    id: sim.nextId('D'),
    name: spec.name,
    region: spec.region,
    gpuModel: spec.gpuModel,
    gpuCount: spec.gpuCount,
    hourlyRate: rate,
    status: 'CREATING',
    pending: null,
    history: [],
    createdAt: now,
    deletedAt: null,
    serverUuid: randomUUID(),
    privateIp: sim.nextIp('10.0'),
    publicIp: spec.publicIp ? sim.nextIp('38.80') : null,
    image: spec.image,
    bootSource: spec.bootSource,
    sshKeyName: spec.sshKeyName,
    rules: [],
    labels: spec.labels,
    startupScriptId: spec.startupScriptId,
    vcpus: spec.vcpus ?? f.vcpus,
    ramGb: spec.ramGb ?? f.ramGb,
    storageGb: spec.storageGb ?? f.rootDiskGb,
    ephemeralGb: f.ephemeralGb,
    flavourName: f.name,
    holdsGpus: true,
    hibernatedAt: null,
  };
  sim.transition(inst, 'CREATING', 'ACTIVE');
  account.instances.set(inst.id, inst);
  return inst;
}

function deploy(ctx: HandlerContext) {
  const body = bodyOf<S['DeploymentRequest']>(ctx);
  const { account, sim } = ctx;
  const sources = [body.image_name, body.volume_name, body.custom_image_id].filter((s) => s !== undefined);
  if (sources.length !== 1) {
    throw invalid('Give exactly one boot source: image_name, volume_name or custom_image_id', {
      field: 'image_name',
    });
  }
  assertInstanceNameFree(ctx, body.name);
  const key = [...account.sshKeys.values()].find((k) => k.name === body.ssh_key_name);
  if (!key) throw notFound('ssh key', body.ssh_key_name);
  if (body.startup_script_id && !account.scripts.has(body.startup_script_id)) {
    throw notFound('script', body.startup_script_id);
  }
  let image: SimInstance['image'] = null;
  let bootSource: SimInstance['bootSource'] = 'image';
  let bootVolumeId: string | null = null;
  if (body.image_name !== undefined) {
    const os = OS_IMAGES.find((i) => i.name === body.image_name);
    if (!os) throw notFound('image', body.image_name);
    image = { id: String(os.id), name: os.name };
  } else if (body.volume_name !== undefined) {
    const vol = [...account.volumes.values()].find(
      (v) => v.deletedAt === null && v.name === body.volume_name,
    );
    if (!vol) throw notFound('volume', body.volume_name);
    if (!vol.bootable) throw invalid(`Volume ${vol.name} is not bootable`, { field: 'volume_name' });
    if (vol.region !== body.region) {
      throw new SimError(400, 'REGION_MISMATCH', 'The boot volume is in another region', {
        volume_region: vol.region,
        region: body.region,
      });
    }
    if (vol.attachedTo) {
      throw new SimError(409, 'RESOURCE_IN_USE', `Volume ${vol.name} is attached`, { volume_id: vol.id });
    }
    image = vol.osImage ? { name: vol.osImage } : null;
    bootSource = 'volume';
    bootVolumeId = vol.id;
  } else if (body.custom_image_id !== undefined) {
    const img = account.images.get(body.custom_image_id);
    if (!img) throw notFound('image', body.custom_image_id);
    if (img.region !== body.region) {
      throw new SimError(400, 'REGION_MISMATCH', 'The custom image is in another region', {
        image_region: img.region,
        region: body.region,
      });
    }
    image = { id: img.id, name: img.name };
    bootSource = 'custom_image';
  }
  const rules = (body.security_rules ?? []).map((r) => buildRule(sim, r));
  const inst = createVm(ctx, {
    name: body.name,
    region: body.region,
    gpuModel: body.gpu_model,
    gpuCount: body.gpu_count,
    image,
    bootSource,
    sshKeyName: key.name,
    publicIp: body.assign_public_ip ?? false,
    labels: body.labels ?? [],
    startupScriptId: body.startup_script_id ?? null,
  });
  inst.rules = rules;
  const now = sim.clock.nowMs();
  const attachBoot = (volumeId: string) => {
    const v = account.volumes.get(volumeId);
    if (!v) return;
    v.attachedTo = inst.id;
    v.attachmentId = `att-${inst.id}-${v.id}`;
    v.device = '/dev/vda';
    v.isBoot = true;
    v.attachedAt = now;
  };
  if (bootVolumeId) attachBoot(bootVolumeId);
  if (body.create_bootable_volume && !bootVolumeId) {
    const id = sim.nextId('V');
    account.volumes.set(id, {
      id,
      name: `${body.name}-boot`.slice(0, 50),
      description: `Boot volume of ${inst.id}`,
      region: inst.region,
      volumeType: 'Cloud-SSD',
      bootable: true,
      osImage: image?.name ?? null,
      attachedTo: null,
      attachmentId: null,
      device: null,
      isBoot: false,
      protected: false,
      attachedAt: null,
      sizes: [{ sizeGb: 100, from: now }],
      createdAt: now,
      deletedAt: null,
    });
    attachBoot(id);
  }
  const data: S['VMResponse'] = {
    instance_id: inst.id,
    name: inst.name,
    status: inst.status,
    gpu_model: inst.gpuModel,
    gpu_count: inst.gpuCount,
    region: inst.region,
    hourly_rate: inst.hourlyRate,
    currency: account.currency,
    public_ip: inst.publicIp,
    created_at: iso(inst.createdAt),
  };
  return { status: 201, message: 'Instance deployment started', data };
}

function action(
  ctx: HandlerContext,
  verb: keyof typeof ALLOWED_FROM,
  transitional: VMStatus,
  target: VMStatus,
  before?: (inst: SimInstance) => void,
) {
  const inst = findInstance(ctx, param(ctx, 'instance_id'));
  const previous = inst.status;
  requireState(inst, ALLOWED_FROM[verb], verb);
  before?.(inst);
  ctx.sim.transition(inst, transitional, target);
  const data: S['VMActionResult'] = { instance_id: inst.id, status: inst.status, previous_status: previous };
  return { message: `Instance ${verb} accepted`, data };
}

function releaseGpus(ctx: HandlerContext, inst: SimInstance): void {
  if (inst.holdsGpus) {
    ctx.sim.returnGpus(inst.region, inst.gpuModel, inst.gpuCount);
    inst.holdsGpus = false;
  }
}

export const instanceHandlers: HandlerTable = {
  createInstance: deploy,

  listInstances: (ctx) => {
    const region = qStr(ctx, 'region');
    const status = qStr(ctx, 'status');
    const all = ctx.sim
      .liveInstances(ctx.account)
      .filter((i) => (!region || i.region === region) && (!status || i.status === status));
    const page = paginate(ctx, all, (i) => [i.name, i.id]);
    return {
      message: 'Instances retrieved successfully',
      data: {
        instances: page.items.map((i) => instanceView(ctx.sim, ctx.account, i)),
        pagination: page.pagination,
      },
    };
  },

  getInstance: (ctx) => ({
    message: 'Instance retrieved successfully',
    data: instanceView(ctx.sim, ctx.account, findInstance(ctx, param(ctx, 'instance_id'))),
  }),

  deleteInstance: (ctx) =>
    action(ctx, 'delete', 'DELETING', 'DELETED', (inst) => {
      releaseGpus(ctx, inst);
      // Volumes survive their VM (detached); firewalls forget it.
      for (const v of ctx.account.volumes.values()) {
        if (v.attachedTo === inst.id) {
          v.attachedTo = null;
          v.attachmentId = null;
          v.device = null;
          v.isBoot = false;
          v.attachedAt = null;
        }
      }
      for (const f of ctx.account.firewalls.values()) f.attached = f.attached.filter((id) => id !== inst.id);
    }),

  startInstance: (ctx) =>
    action(ctx, 'start', 'STARTING', 'ACTIVE', (inst) => requireCredits(ctx, inst.hourlyRate)),
  stopInstance: (ctx) => action(ctx, 'stop', 'STOPPING', 'SHUTOFF'),
  rebootInstance: (ctx) => action(ctx, 'reboot', 'REBOOTING', 'ACTIVE'),
  hibernateInstance: (ctx) =>
    action(ctx, 'hibernate', 'HIBERNATING', 'HIBERNATED', (inst) => releaseGpus(ctx, inst)),
  restoreInstance: (ctx) =>
    action(ctx, 'restore', 'RESTORING', 'ACTIVE', (inst) => {
      requireCredits(ctx, inst.hourlyRate);
      reserveGpus(ctx, inst.region, inst.gpuModel, inst.gpuCount);
      inst.holdsGpus = true;
      inst.hibernatedAt = null;
    }),

  toggleInstancePublicIp: (ctx) => {
    const inst = findInstance(ctx, param(ctx, 'instance_id'));
    requireState(inst, ALLOWED_FROM.togglePublicIp, 'toggle the public IP of');
    if (inst.publicIp) {
      inst.publicIp = null;
    } else {
      requireCredits(ctx, inst.hourlyRate);
      inst.publicIp = ctx.sim.nextIp('38.80');
    }
    const data: S['TogglePublicIpResult'] = {
      instance_id: inst.id,
      public_ip: inst.publicIp,
      public_ip_status: inst.publicIp ? 'ATTACHED' : 'DETACHED',
    };
    return { message: 'Public IP toggled', data };
  },

  getHibernatedInstancesCount: (ctx) => {
    const hib = ctx.sim.liveInstances(ctx.account).filter((i) => i.status === 'HIBERNATED');
    const data: S['HibernatedCount'] = {
      count: hib.length,
      recent: hib.map((i) => ({
        instance_id: i.id,
        name: i.name,
        hibernated_at: iso(i.hibernatedAt ?? i.createdAt),
      })),
    };
    return { message: 'Hibernated instances counted', data };
  },

  getInstanceBilling: (ctx) => {
    const inst = findInstance(ctx, param(ctx, 'instance_id'));
    const { start, end } = window(ctx);
    const currency = ctx.account.currency;
    const usage = instanceUsage(inst, currency, ctx.sim.clock.nowMs(), start, end);
    const hibMinutes = usage.minutesByStatus.get('HIBERNATED') ?? 0;
    const data: S['AggregatedBillingResponse'] = {
      instance_id: inst.id,
      currency,
      summary: {
        total_cost: usage.cost,
        hourly_rate: inst.hourlyRate,
        usage_minutes_active: usage.minutesByStatus.get('ACTIVE') ?? 0,
        usage_minutes_shutoff: usage.minutesByStatus.get('SHUTOFF') ?? 0,
        usage_minutes_hibernated: hibMinutes,
      },
      hibernation: {
        hourly_rate: HIBERNATION_RATE[currency],
        hours: round4(hibMinutes / 60),
        cost: round4((hibMinutes / 60) * HIBERNATION_RATE[currency]),
      },
      records: usage.records.map((r) => ({
        timestamp: iso(r.from),
        state: r.status,
        minutes: r.minutes,
        cost: r.cost,
        resource_type: 'instance',
      })),
    };
    return { message: 'Billing retrieved successfully', data };
  },

  addInstanceSecurityRule: (ctx) => {
    const inst = findInstance(ctx, param(ctx, 'instance_id'));
    requireState(inst, ALLOWED_FROM.securityRules, 'change the security rules of');
    const rule = buildRule(ctx.sim, bodyOf<S['VMSecurityRuleRequest']>(ctx));
    inst.rules.push(rule);
    return { status: 201, message: 'Security rule added', data: ruleView(rule) };
  },

  removeInstanceSecurityRule: (ctx) => {
    const inst = findInstance(ctx, param(ctx, 'instance_id'));
    const ruleId = param(ctx, 'rule_id');
    const idx = inst.rules.findIndex((r) => r.id === ruleId);
    if (idx < 0) throw notFound('rule', ruleId);
    requireState(inst, ALLOWED_FROM.securityRules, 'change the security rules of');
    inst.rules.splice(idx, 1);
    return { message: 'Security rule removed', data: { instance_id: inst.id, rule_id: ruleId } };
  },

  listInstanceFirewalls: (ctx) => {
    const inst = findInstance(ctx, param(ctx, 'instance_id'));
    const firewalls: S['AttachedFirewall'][] = [...ctx.account.firewalls.values()]
      .filter((f) => f.attached.includes(inst.id))
      .map((f) => ({ firewall_id: f.id, name: f.name, status: 'SUCCESS' }));
    return { message: 'Firewalls retrieved successfully', data: { firewalls } };
  },

  listSnapshotEligibleInstances: (ctx) => {
    const region = qStr(ctx, 'region');
    const instances: S['SnapshotEligibleInstance'][] = ctx.sim
      .liveInstances(ctx.account)
      .filter((i) => i.status === 'ACTIVE' && (!region || i.region === region))
      .map((i) => ({ instance_id: i.id, name: i.name, gpu_model: i.gpuModel, region: i.region }));
    return { message: 'Eligible instances retrieved successfully', data: { instances } };
  },
};
