import type { components } from '../../src/barrack/contract/barrack-api.types';
import { SNAPSHOT_TB_HOUR, round4 } from '../catalog';
import { iso } from '../sim-clock';
import { SimError, nameTaken, notFound } from '../sim-error';
import { storageUsage, type SimImage, type SimSnapshot } from '../sim-state';
import { imageView, snapshotStatus, snapshotView } from '../sim-views';
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
import { assertInstanceNameFree, createVm } from './instances.handlers';
import { requireStorageBalance } from './volumes.handlers';

type S = components['schemas'];

function findSnapshot(ctx: HandlerContext, id: string): SimSnapshot {
  const s = ctx.account.snapshots.get(id);
  if (!s || s.deletedAt !== null) throw notFound('snapshot', id);
  return s;
}

function liveSnapshots(ctx: HandlerContext): SimSnapshot[] {
  return [...ctx.account.snapshots.values()].filter((s) => s.deletedAt === null);
}

function findImage(ctx: HandlerContext, id: string): SimImage {
  const img = ctx.account.images.get(id);
  if (!img) throw notFound('image', id);
  return img;
}

function requireRestorable(ctx: HandlerContext, snap: SimSnapshot): void {
  const status = snapshotStatus(ctx.sim, snap);
  if (status !== 'SUCCESS') {
    throw new SimError(409, 'INVALID_STATE', `Snapshot ${snap.id} is ${status}`, {
      current_state: status,
      allowed_from: ['SUCCESS', 'available'],
    });
  }
}

function makeImage(ctx: HandlerContext, snap: SimSnapshot, name: string, labels: string[]): SimImage {
  for (const img of ctx.account.images.values()) if (img.name === name) throw nameTaken('image', name);
  const img: SimImage = {
    id: ctx.sim.nextId('I'),
    name,
    region: snap.region,
    snapshotId: snap.id,
    labels,
    sizeGb: snap.storageGb,
    createdAt: ctx.sim.clock.nowMs(),
  };
  ctx.account.images.set(img.id, img);
  snap.imageId = img.id;
  return img;
}

function relationship(ctx: HandlerContext, snap: SimSnapshot): S['SnapshotImageRelationship'] {
  const img = snap.imageId ? ctx.account.images.get(snap.imageId) : undefined;
  return { snapshot_id: snap.id, has_image: !!img, image_id: img?.id ?? null, image_name: img?.name ?? null };
}

export const snapshotHandlers: HandlerTable = {
  createSnapshot: (ctx) => {
    const body = bodyOf<S['CreateSnapshotRequest']>(ctx);
    const inst = findInstance(ctx, body.instance_id);
    requireState(inst, ['ACTIVE'], 'snapshot');
    if (liveSnapshots(ctx).some((s) => s.name === body.name)) throw nameTaken('snapshot', body.name);
    requireStorageBalance(ctx);
    const now = ctx.sim.clock.nowMs();
    const snap: SimSnapshot = {
      id: ctx.sim.nextId('S'),
      name: body.name,
      description: body.description ?? null,
      instanceId: inst.id,
      instanceName: inst.name,
      region: inst.region,
      gpuModel: inst.gpuModel,
      gpuCount: inst.gpuCount,
      vcpus: inst.vcpus,
      ramGb: inst.ramGb,
      storageGb: inst.storageGb,
      readyAt: now + ctx.sim.transitionDelayMs,
      imageId: null,
      createdAt: now,
      deletedAt: null,
    };
    ctx.account.snapshots.set(snap.id, snap);
    if (body.is_image) makeImage(ctx, snap, body.name, []);
    return { status: 201, message: 'Snapshot creation started', data: snapshotView(ctx.sim, snap) };
  },

  listSnapshots: (ctx) => {
    const region = qStr(ctx, 'region');
    const status = qStr(ctx, 'status');
    const all = liveSnapshots(ctx)
      .map((s) => snapshotView(ctx.sim, s))
      .filter((s) => (!region || s.region === region) && (!status || s.status === status));
    const page = paginate(ctx, all, (s) => [s.name, s.snapshot_id]);
    return {
      message: 'Snapshots retrieved successfully',
      data: { snapshots: page.items, pagination: page.pagination },
    };
  },

  getSnapshot: (ctx) => ({
    message: 'Snapshot retrieved successfully',
    data: snapshotView(ctx.sim, findSnapshot(ctx, param(ctx, 'snapshot_id'))),
  }),

  deleteSnapshot: (ctx) => {
    const snap = findSnapshot(ctx, param(ctx, 'snapshot_id'));
    // Deleting a snapshot deletes the image made from it [HS].
    const imageId = snap.imageId && ctx.account.images.delete(snap.imageId) ? snap.imageId : null;
    snap.deletedAt = ctx.sim.clock.nowMs();
    return { message: 'Snapshot deleted', data: { snapshot_id: snap.id, deleted_image_id: imageId } };
  },

  restoreSnapshot: (ctx) => {
    const snap = findSnapshot(ctx, param(ctx, 'snapshot_id'));
    const { new_vm_name } = bodyOf<S['RestoreSnapshotRequest']>(ctx);
    requireRestorable(ctx, snap);
    assertInstanceNameFree(ctx, new_vm_name);
    const inst = createVm(ctx, {
      name: new_vm_name,
      region: snap.region,
      gpuModel: snap.gpuModel,
      gpuCount: snap.gpuCount,
      image: null,
      bootSource: 'snapshot',
      sshKeyName: null,
      publicIp: true,
      labels: [],
      startupScriptId: null,
      vcpus: snap.vcpus,
      ramGb: snap.ramGb,
      storageGb: snap.storageGb,
    });
    ctx.sim.settle(inst);
    // Exactly the seed page's response shape.
    const data: S['RestoredInstance'] = {
      instance_id: inst.id,
      vm_name: inst.name,
      ip_address: inst.publicIp,
      ip_status: 'assigned',
      billing: { hourly_rate: inst.hourlyRate, currency: ctx.account.currency },
      specs: {
        gpu_type: inst.gpuModel,
        gpu_count: inst.gpuCount,
        ram_gb: inst.ramGb,
        vcpus: inst.vcpus,
        storage_gb: inst.storageGb,
      },
      status: inst.status,
      boot_source: 'snapshot',
      created_at: iso(inst.createdAt),
    };
    return {
      message: 'Snapshot restored successfully',
      data,
      extra: { snapshot: { id: snap.id, name: snap.name }, tier: 'legacy' },
    };
  },

  getSnapshotBilling: (ctx) => {
    const snap = findSnapshot(ctx, param(ctx, 'snapshot_id'));
    const { start, end } = window(ctx);
    const rate = SNAPSHOT_TB_HOUR[ctx.account.currency];
    const usage = storageUsage(
      [{ sizeGb: snap.storageGb, from: snap.createdAt }],
      snap.createdAt,
      snap.deletedAt,
      rate,
      ctx.sim.clock.nowMs(),
      start,
      end,
    );
    return {
      message: 'Snapshot billing retrieved successfully',
      data: {
        snapshot_id: snap.id,
        currency: ctx.account.currency,
        hourly_rate: round4((snap.storageGb / 1000) * rate),
        total_cost: usage.cost,
        records: usage.records.map((r) => ({ hour: iso(r.hour), size_gb: r.sizeGb, cost: r.cost })),
      },
    };
  },

  listImages: (ctx) => {
    const region = qStr(ctx, 'region');
    const all = [...ctx.account.images.values()].filter((i) => !region || i.region === region);
    const page = paginate(ctx, all, (i) => [i.name, i.id]);
    return {
      message: 'Images retrieved successfully',
      data: { images: page.items.map((i) => imageView(ctx.account, i)), pagination: page.pagination },
    };
  },

  getImage: (ctx) => ({
    message: 'Image retrieved successfully',
    data: imageView(ctx.account, findImage(ctx, param(ctx, 'image_id'))),
  }),

  deleteImage: (ctx) => {
    const img = findImage(ctx, param(ctx, 'image_id'));
    const users = ctx.sim
      .liveInstances(ctx.account)
      .filter((i) => i.bootSource === 'custom_image' && i.image?.id === img.id)
      .map((i) => i.id);
    if (users.length > 0) {
      throw new SimError(409, 'RESOURCE_IN_USE', 'The image is the boot source of live instances', {
        instance_ids: users,
      });
    }
    ctx.account.images.delete(img.id);
    const snap = ctx.account.snapshots.get(img.snapshotId);
    if (snap) snap.imageId = null;
    return { message: 'Image deleted', data: { image_id: img.id } };
  },

  createImageFromSnapshot: (ctx) => {
    const snap = findSnapshot(ctx, param(ctx, 'snapshot_id'));
    const body = bodyOf<S['CreateImageFromSnapshotRequest']>(ctx);
    requireRestorable(ctx, snap);
    if (snap.imageId && ctx.account.images.has(snap.imageId)) {
      throw new SimError(409, 'RESOURCE_IN_USE', `Snapshot ${snap.id} already has an image`, {
        image_id: snap.imageId,
      });
    }
    const img = makeImage(ctx, snap, body.name, body.labels ?? []);
    return { status: 201, message: 'Image created', data: imageView(ctx.account, img) };
  },

  getSnapshotImageRelationship: (ctx) => ({
    message: 'Relationship retrieved successfully',
    data: relationship(ctx, findSnapshot(ctx, param(ctx, 'snapshot_id'))),
  }),

  listSnapshotImageRelationships: (ctx) => {
    const { snapshot_ids } = bodyOf<S['GetBatchSnapshotImageRelationshipsRequest']>(ctx);
    const relationships: S['SnapshotImageRelationship'][] = [];
    // Unknown (or foreign) ids are left out rather than failing the batch.
    for (const id of snapshot_ids) {
      const s = ctx.account.snapshots.get(id);
      if (s && s.deletedAt === null) relationships.push(relationship(ctx, s));
    }
    return { message: 'Relationships retrieved successfully', data: { relationships } };
  },
};
