import { Injectable } from '@nestjs/common';
import { VolumesApi, type VolumeListFilter } from '../barrack/api/volumes.api';
import {
  toAttachVolumesRequest,
  toCreateVolumeRequest,
  toDeleteVolumePayload,
  toDetachVolumesRequest,
  toVolume,
  toVolumeAttachments,
  toVolumeBilling,
} from './volume.mapper';
import { UpstreamContextFactory } from '../barrack/upstream-context.factory';
import { thenOrNow, type GqlContext, type MaybePromise } from '../common/context/gql-context';
import {
  assertConnectionArgs,
  connectionFromArray,
  type ConnectionShape,
} from '../common/graphql/connection';
import { argumentKey, lookupKey } from '../common/graphql/node';
import { PerRequestCollection, filterOrNone } from '../common/graphql/per-request-collection';
import { GatewayError } from '../common/errors/gateway-error';
import { REGIONS } from '../common/graphql/barrack-enums';
import { keyOf } from '../common/graphql/input-check';
import type { BillingWindowArgs } from '../common/graphql/billing-window.args';
import { billingWindow } from '../common/validation/input-rules';
import { exactName, newestFirst } from '../common/graphql/list-helpers';
import type {
  AttachVolumesInput,
  CloneVolumeInput,
  CreateVolumeInput,
  DeleteVolumeInput,
  DetachVolumesInput,
  ResizeVolumeInput,
  VolumesArgs,
} from './dto/volume.inputs';
import type { StorageBillingHistory } from '../common/graphql/storage-billing.model';
import { VOLUME_STATUS_FROM_WIRE, type Volume } from './models/volume.model';
import type {
  DeleteVolumePayload,
  VolumeAttachmentsPayload,
  VolumePayload,
} from './models/volume-payloads.model';

/** Barrack keys of volume ids that passed the input rules, each once. */
const volumeKeys = (ids: readonly string[]) => [
  ...new Set(ids.map((id) => keyOf(id, 'Volume', 'volumeIds'))),
];
type WireVolumeStatus = keyof typeof VOLUME_STATUS_FROM_WIRE;
const VOLUME_STATUS_TO_WIRE = new Map(
  Object.entries(VOLUME_STATUS_FROM_WIRE).map(([w, g]) => [g as string, w as WireVolumeStatus]),
);

@Injectable()
export class VolumesService {
  constructor(
    private readonly api: VolumesApi,
    private readonly upstream: UpstreamContextFactory,
  ) {}

  /** The account's volumes as this request sees them (one list call shared by every edge). */
  private readonly collection = new PerRequestCollection<Volume, VolumeListFilter>('volumes', {
    listAll: async (ctx, filter = {}) =>
      (await this.api.listAll(filter, this.upstream.for(ctx))).map(toVolume),
    getOne: async (id, ctx) => toVolume((await this.api.get(id, this.upstream.for(ctx))).data),
  });

  allVolumes(ctx: GqlContext): Promise<Volume[]> {
    return this.collection.all(ctx);
  }

  /** The request's volumes by attached instance, newest first (one list call; the map itself once loaded). */
  byInstance(ctx: GqlContext): MaybePromise<Map<string, Volume[]>> {
    return this.collection.groupedBy(ctx, 'instance', (v) => v.attachedInstanceId, newestFirst);
  }

  ofInstance(instanceId: string, ctx: GqlContext): MaybePromise<Volume[]> {
    return thenOrNow(this.byInstance(ctx), (grouped) => grouped.get(instanceId) ?? []);
  }

  /** The volume with exactly this name, read from Barrack now, past any per-request list (idempotency reconciles with it). */
  async findByName(name: string, ctx: GqlContext): Promise<Volume | null> {
    return exactName((await this.api.listAll({ search: name }, this.upstream.for(ctx))).map(toVolume), name);
  }

  load(id: string, ctx: GqlContext): Promise<Volume | null> {
    return this.collection.load(id, ctx);
  }

  /** `volume(id:)`: null for an id that names no volume of this account (no Barrack call if malformed). */
  async find(id: string, ctx: GqlContext): Promise<Volume | null> {
    const key = lookupKey(id, 'Volume');
    return key === null ? null : this.load(key, ctx);
  }

  async list(args: VolumesArgs, ctx: GqlContext): Promise<ConnectionShape<Volume>> {
    assertConnectionArgs(args, 'volumes');
    const attachedTo = args.attachedTo ? argumentKey(args.attachedTo, 'Instance', 'attachedTo') : undefined;
    const status = args.status ? VOLUME_STATUS_TO_WIRE.get(args.status) : undefined;
    if (args.status && !status)
      throw new GatewayError('BAD_USER_INPUT', `${args.status} cannot be sent to Barrack`, {
        field: 'status',
      });
    let all = await this.collection.matching(
      ctx,
      filterOrNone({
        region: args.region ? REGIONS.toWire(args.region) : undefined,
        status,
        search: args.search || undefined,
      }),
    );
    if (attachedTo) all = all.filter((v) => v.attachedInstanceId === attachedTo);
    return connectionFromArray(newestFirst(all), args, 'volumes');
  }

  async billingHistory(
    id: string,
    window: BillingWindowArgs,
    ctx: GqlContext,
  ): Promise<StorageBillingHistory> {
    return toVolumeBilling(
      (await this.api.billing(id, billingWindow(window.start, window.end), this.upstream.for(ctx))).data,
    );
  }

  async create(input: CreateVolumeInput, ctx: GqlContext): Promise<VolumePayload> {
    const res = await this.api.create(toCreateVolumeRequest(input), this.upstream.for(ctx));
    return { volume: toVolume(res.data), requestId: res.requestId ?? null };
  }

  async delete(input: DeleteVolumeInput, ctx: GqlContext): Promise<DeleteVolumePayload> {
    const id = keyOf(input.id, 'Volume');
    const res = await this.api.delete(id, this.upstream.for(ctx));
    return toDeleteVolumePayload(res.data, id, res.requestId);
  }

  async resize(input: ResizeVolumeInput, ctx: GqlContext): Promise<VolumePayload> {
    const res = await this.api.resize(
      keyOf(input.id, 'Volume'),
      { size: input.sizeGb },
      this.upstream.for(ctx),
    );
    return { volume: toVolume(res.data), requestId: res.requestId ?? null };
  }

  async clone(input: CloneVolumeInput, ctx: GqlContext): Promise<VolumePayload> {
    const res = await this.api.clone(
      keyOf(input.id, 'Volume'),
      { name: input.name.trim(), ...(input.description != null ? { description: input.description } : {}) },
      this.upstream.for(ctx),
    );
    return { volume: toVolume(res.data), requestId: res.requestId ?? null };
  }

  async attach(input: AttachVolumesInput, ctx: GqlContext): Promise<VolumeAttachmentsPayload> {
    const instanceId = keyOf(input.instanceId, 'Instance', 'instanceId');
    const res = await this.api.attach(
      instanceId,
      toAttachVolumesRequest(volumeKeys(input.volumeIds), input.protected),
      this.upstream.for(ctx),
    );
    return this.attachments(instanceId, res.data, res.requestId, ctx);
  }

  async detach(input: DetachVolumesInput, ctx: GqlContext): Promise<VolumeAttachmentsPayload> {
    const instanceId = keyOf(input.instanceId, 'Instance', 'instanceId');
    const res = await this.api.detach(
      instanceId,
      toDetachVolumesRequest(volumeKeys(input.volumeIds)),
      this.upstream.for(ctx),
    );
    return this.attachments(instanceId, res.data, res.requestId, ctx);
  }

  private attachments(
    instanceId: string,
    wire: Parameters<typeof toVolumeAttachments>[0],
    requestId: string | undefined,
    ctx: GqlContext,
  ): VolumeAttachmentsPayload {
    // What this request read before the mutation no longer holds.
    this.collection.forget(ctx);
    return { instanceId, attachments: toVolumeAttachments(wire), requestId: requestId ?? null };
  }
}
