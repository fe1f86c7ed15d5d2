import type { ModuleRef } from '@nestjs/core';
import { ImagesApi } from '../barrack/api/images.api';
import { InstancesApi } from '../barrack/api/instances.api';
import { SnapshotsApi } from '../barrack/api/snapshots.api';
import { VolumesApi } from '../barrack/api/volumes.api';
import { toImage } from '../images/image.mapper';
import { toInstance } from '../instances/instance.mapper';
import { toSnapshot } from '../snapshots/snapshot.mapper';
import { toVolume } from '../volumes/volume.mapper';
import type { UpstreamContextFactory } from '../barrack/upstream-context.factory';
import type { GqlContext } from '../common/context/gql-context';
import { barrackKeyOf } from '../common/graphql/global-id';
import type { Instance } from '../instances/models/instance.model';

export interface ReconcileInput {
  args: Record<string, unknown>;
  ctx: GqlContext;
  modules: ModuleRef;
  upstream: UpstreamContextFactory;
}

/**
 * Looks for the resource a create with an unknown outcome would have made, by its unique name (only reads).
 * Returns what the resolver would have returned had Barrack answered (requestId null: that answer was lost),
 * or null when the resource is not there.
 */
export type Reconciler = (r: ReconcileInput) => Promise<unknown>;

function inputOf(args: Record<string, unknown>): Record<string, unknown> {
  const input = args.input;
  return input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
}

function nameIn(args: Record<string, unknown>, field: string): string {
  const v = inputOf(args)[field];
  if (typeof v !== 'string' || !v) throw new Error(`reconcile: input.${field} missing`);
  return v;
}

/** The api classes belong to the group modules; looked up lazily so this module does not import them all. */
function api<T>(modules: ModuleRef, type: new (...a: never[]) => T): T {
  return modules.get(type, { strict: false });
}

/** Barrack's `search` is a substring match; names are unique per account, so an exact match is the one. */
function exact<T extends { name: string | null }>(list: readonly T[], name: string): T | undefined {
  return list.find((x) => x.name === name);
}

async function findInstance(r: ReconcileInput, name: string): Promise<Instance | null> {
  const wire = await api(r.modules, InstancesApi).listAll({ search: name }, r.upstream.for(r.ctx));
  const found = exact(wire.map(toInstance), name);
  return found ?? null;
}

export const RECONCILERS: Readonly<Record<string, Reconciler>> = {
  createInstance: async (r) => {
    const instance = await findInstance(r, nameIn(r.args, 'name'));
    return instance ? { instance, requestId: null } : null;
  },

  restoreSnapshot: async (r) => {
    const i = await findInstance(r, nameIn(r.args, 'newVmName'));
    if (!i) return null;
    // Barrack's restore answer is gone; the VM is found by its unique name.
    const source = inputOf(r.args).id;
    return {
      instance: i,
      sourceSnapshotKey: typeof source === 'string' ? barrackKeyOf(source, 'Snapshot') : null,
      tier: null,
      requestId: null,
    };
  },

  createSnapshot: async (r) => {
    const name = nameIn(r.args, 'name');
    const wire = await api(r.modules, SnapshotsApi).listAll({ search: name }, r.upstream.for(r.ctx));
    const snapshot = exact(wire.map(toSnapshot), name);
    return snapshot ? { snapshot, requestId: null } : null;
  },

  createVolume: async (r) => findVolume(r, nameIn(r.args, 'name')),
  cloneVolume: async (r) => findVolume(r, nameIn(r.args, 'name')),

  createImageFromSnapshot: async (r) => {
    const name = nameIn(r.args, 'name');
    const wire = await api(r.modules, ImagesApi).listAll({ search: name }, r.upstream.for(r.ctx));
    const image = exact(wire.map(toImage), name);
    return image ? { image, requestId: null } : null;
  },
};

async function findVolume(r: ReconcileInput, name: string): Promise<unknown> {
  const wire = await api(r.modules, VolumesApi).listAll({ search: name }, r.upstream.for(r.ctx));
  const volume = exact(wire.map(toVolume), name);
  return volume ? { volume, requestId: null } : null;
}
