import type { components } from '../../src/barrack/contract/barrack-api.types';
import { MIN_STORAGE_BALANCE, OS_IMAGES, VOLUME_TB_HOUR, round4 } from '../catalog';
import { iso } from '../sim-clock';
import { SimError, invalid, nameTaken, notFound } from '../sim-error';
import { storageUsage, type SimVolume } from '../sim-state';
import { currentSize, volumeView } from '../sim-views';
import {
  bodyOf,
  findInstance,
  paginate,
  param,
  qStr,
  requireState,
  window,
  type HandlerContext,
  type HandlerTable,
} from './handler';

type S = components['schemas'];

function findVolume(ctx: HandlerContext, id: string): SimVolume {
  const v = ctx.account.volumes.get(id);
  if (!v || v.deletedAt !== null) throw notFound('volume', id);
  return v;
}

function liveVolumes(ctx: HandlerContext): SimVolume[] {
  return [...ctx.account.volumes.values()].filter((v) => v.deletedAt === null);
}

function assertVolumeNameFree(ctx: HandlerContext, name: string): void {
  if (liveVolumes(ctx).some((v) => v.name === name)) throw nameTaken('volume', name);
}

/** Volumes and snapshots need a minimum balance [doc storage.mdx]. */
export function requireStorageBalance(ctx: HandlerContext): void {
  const balance = ctx.sim.balance(ctx.account);
  const required = MIN_STORAGE_BALANCE[ctx.account.currency];
  if (balance < required) {
    throw new SimError(402, 'INSUFFICIENT_CREDITS', 'Insufficient credits for storage', {
      balance,
      required,
    });
  }
}

function newVolume(
  ctx: HandlerContext,
  fields: Pick<SimVolume, 'name' | 'description' | 'region' | 'volumeType' | 'bootable' | 'osImage'>,
  sizeGb: number,
): SimVolume {
  const now = ctx.sim.clock.nowMs();
  const v: SimVolume = {
    id: ctx.sim.nextId('V'),
    ...fields,
    attachedTo: null,
    attachmentId: null,
    device: null,
    isBoot: false,
    protected: false,
    attachedAt: null,
    sizes: [{ sizeGb, from: now }],
    createdAt: now,
    deletedAt: null,
  };
  ctx.account.volumes.set(v.id, v);
  return v;
}

function attachmentView(v: SimVolume, instanceId: string, status: string): S['VolumeAttachmentResult'] {
  return {
    id: v.attachmentId ?? `att-${instanceId}-${v.id}`,
    volume_id: v.id,
    instance_id: instanceId,
    device: v.device,
    status,
    protected: v.protected,
    created_at: iso(v.attachedAt ?? v.createdAt),
  };
}

export const volumeHandlers: HandlerTable = {
  listVolumes: (ctx) => {
    const region = qStr(ctx, 'region');
    const status = qStr(ctx, 'status');
    const all = liveVolumes(ctx)
      .map((v) => volumeView(ctx.account, v))
      .filter((v) => (!region || v.region === region) && (!status || v.status === status));
    const page = paginate(ctx, all, (v) => [v.name, v.volume_id]);
    const names = new Set(liveVolumes(ctx).map((v) => v.name));
    let n = 1;
    while (names.has(`volume-${n}`)) n++;
    return {
      message: 'Volumes retrieved successfully',
      data: { volumes: page.items, pagination: page.pagination, next_name: `volume-${n}` },
    };
  },

  createVolume: (ctx) => {
    const body = bodyOf<S['CreateVolumeRequest']>(ctx);
    let osImage: string | null = null;
    if (body.image_id !== undefined) {
      const os = OS_IMAGES.find((i) => String(i.id) === body.image_id || i.name === body.image_id);
      if (!os) throw invalid(`Unknown OS image ${body.image_id}`, { field: 'image_id' });
      if (body.size < 100)
        throw invalid('Bootable volumes need 100-1000 GB', { field: 'size', min: 100, max: 1000 });
      osImage = os.name;
    }
    assertVolumeNameFree(ctx, body.name);
    requireStorageBalance(ctx);
    const v = newVolume(
      ctx,
      {
        name: body.name,
        description: body.description ?? null,
        region: body.region,
        volumeType: body.volume_type ?? 'Cloud-SSD',
        bootable: osImage !== null,
        osImage,
      },
      body.size,
    );
    return { status: 201, message: 'Volume created', data: volumeView(ctx.account, v) };
  },

  getVolume: (ctx) => ({
    message: 'Volume retrieved successfully',
    data: volumeView(ctx.account, findVolume(ctx, param(ctx, 'volume_id'))),
  }),

  deleteVolume: (ctx) => {
    const v = findVolume(ctx, param(ctx, 'volume_id'));
    if (v.attachedTo) {
      throw new SimError(409, 'RESOURCE_IN_USE', 'Detach the volume before deleting it', {
        attached_instance_id: v.attachedTo,
      });
    }
    v.deletedAt = ctx.sim.clock.nowMs();
    return { message: 'Volume deleted', data: { volume_id: v.id } };
  },

  resizeVolume: (ctx) => {
    const v = findVolume(ctx, param(ctx, 'volume_id'));
    const { size } = bodyOf<S['ResizeVolumeRequest']>(ctx);
    if (size <= currentSize(v)) {
      throw invalid('Volumes can only grow', { field: 'size', current_size_gb: currentSize(v) });
    }
    v.sizes.push({ sizeGb: size, from: ctx.sim.clock.nowMs() });
    return { message: 'Volume resized', data: volumeView(ctx.account, v) };
  },

  cloneVolume: (ctx) => {
    const src = findVolume(ctx, param(ctx, 'volume_id'));
    const body = bodyOf<S['CloneVolumeRequest']>(ctx);
    assertVolumeNameFree(ctx, body.name);
    requireStorageBalance(ctx);
    const v = newVolume(
      ctx,
      {
        name: body.name,
        description: body.description ?? src.description,
        region: src.region,
        volumeType: src.volumeType,
        bootable: src.bootable,
        osImage: src.osImage,
      },
      currentSize(src),
    );
    return { status: 201, message: 'Volume cloned', data: volumeView(ctx.account, v) };
  },

  attachVolumes: (ctx) => {
    const inst = findInstance(ctx, param(ctx, 'instance_id'));
    const body = bodyOf<S['AttachVolumesRequest']>(ctx);
    requireState(inst, ['ACTIVE'], 'attach volumes to');
    const vols = body.volume_ids.map((id) => findVolume(ctx, id));
    // Check everything before changing anything, so a refused call leaves no partial attachment.
    for (const v of vols) {
      if (v.region !== inst.region) {
        throw new SimError(
          400,
          'REGION_MISMATCH',
          `Volume ${v.id} is in ${v.region}, the instance in ${inst.region}`,
          {
            volume_id: v.id,
            volume_region: v.region,
            instance_region: inst.region,
          },
        );
      }
      if (v.attachedTo) {
        throw new SimError(409, 'RESOURCE_IN_USE', `Volume ${v.id} is already attached`, {
          volume_id: v.id,
          attached_instance_id: v.attachedTo,
        });
      }
    }
    const now = ctx.sim.clock.nowMs();
    const used = new Set(
      liveVolumes(ctx)
        .filter((v) => v.attachedTo === inst.id)
        .map((v) => v.device),
    );
    const out = vols.map((v) => {
      let letter = 98; // 'b': vda is the root disk
      while (used.has(`/dev/vd${String.fromCharCode(letter)}`)) letter++;
      v.device = `/dev/vd${String.fromCharCode(letter)}`;
      used.add(v.device);
      v.attachedTo = inst.id;
      v.attachmentId = `att-${inst.id}-${v.id}`;
      v.protected = body.protected ?? false;
      v.attachedAt = now;
      return attachmentView(v, inst.id, 'ATTACHED');
    });
    return { message: 'Volumes attached', data: { volume_attachments: out } };
  },

  detachVolumes: (ctx) => {
    const inst = findInstance(ctx, param(ctx, 'instance_id'));
    const body = bodyOf<S['DetachVolumesRequest']>(ctx);
    requireState(inst, ['ACTIVE'], 'detach volumes from');
    const vols = body.volume_ids.map((id) => findVolume(ctx, id));
    for (const v of vols) {
      if (v.attachedTo !== inst.id) {
        throw invalid(`Volume ${v.id} is not attached to ${inst.id}`, { volume_id: v.id });
      }
      if (v.isBoot) {
        throw new SimError(409, 'RESOURCE_IN_USE', `Volume ${v.id} is the boot volume of ${inst.id}`, {
          volume_id: v.id,
          reason: 'boot_volume',
        });
      }
    }
    const out = vols.map((v) => {
      const view = attachmentView(v, inst.id, 'DETACHED');
      v.attachedTo = null;
      v.attachmentId = null;
      v.device = null;
      v.attachedAt = null;
      return view;
    });
    return { message: 'Volumes detached', data: { volume_attachments: out } };
  },

  getVolumeBilling: (ctx) => {
    const v = findVolume(ctx, param(ctx, 'volume_id'));
    const { start, end } = window(ctx);
    const rate = VOLUME_TB_HOUR[ctx.account.currency];
    const usage = storageUsage(v.sizes, v.createdAt, v.deletedAt, rate, ctx.sim.clock.nowMs(), start, end);
    const data: S['VolumeBillingSummary'] = {
      volume_id: v.id,
      currency: ctx.account.currency,
      hourly_rate: round4((currentSize(v) / 1000) * rate),
      total_cost: usage.cost,
      records: usage.records.map((r) => ({ hour: iso(r.hour), size_gb: r.sizeGb, cost: r.cost })),
    };
    return { message: 'Volume billing retrieved successfully', data };
  },
};
