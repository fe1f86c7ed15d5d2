import { Injectable, Logger } from '@nestjs/common';
import { SnapshotsApi, type SnapshotListFilter } from '../barrack/api/snapshots.api';
import {
  restoreAnswerOf,
  toCreateSnapshotRequest,
  toDeleteSnapshotPayload,
  toRestoredInstance,
  toRestoreSnapshotRequest,
  toSnapshot,
  toSnapshotBilling,
} from './snapshot.mapper';
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
import type { BillingWindowArgs } from '../common/graphql/billing-window.args';
import { keyOf } from '../common/graphql/input-check';
import { billingWindow } from '../common/validation/input-rules';
import { InstancesService } from '../instances/instances.service';
import { exactName, newestFirst } from '../common/graphql/list-helpers';
import type { StorageBillingHistory } from '../common/graphql/storage-billing.model';
import type {
  CreateSnapshotInput,
  DeleteSnapshotInput,
  RestoreSnapshotInput,
  SnapshotsArgs,
} from './dto/snapshot.inputs';
import type { Snapshot } from './models/snapshot.model';
import type {
  CreateSnapshotPayload,
  DeleteSnapshotPayload,
  RestoreSnapshotPayload,
} from './models/snapshot-payloads.model';

const SNAPSHOT_STATUS_TO_WIRE = {
  CREATING: 'CREATING',
  SUCCESS: 'SUCCESS',
  AVAILABLE: 'available',
  ERROR: 'ERROR',
} as const;

@Injectable()
export class SnapshotsService {
  private readonly log = new Logger(SnapshotsService.name);

  constructor(
    private readonly api: SnapshotsApi,
    private readonly upstream: UpstreamContextFactory,
    private readonly instances: InstancesService,
  ) {}

  /** The account's snapshots as this request sees them (one list call shared by every edge). */
  private readonly collection = new PerRequestCollection<Snapshot, SnapshotListFilter>('snapshots', {
    listAll: async (ctx, filter = {}) =>
      (await this.api.listAll(filter, this.upstream.for(ctx))).map(toSnapshot),
    getOne: async (id, ctx) => toSnapshot((await this.api.get(id, this.upstream.for(ctx))).data),
  });

  allSnapshots(ctx: GqlContext): Promise<Snapshot[]> {
    return this.collection.all(ctx);
  }

  /** The request's snapshots by instance, newest first (one list call; the map itself once loaded). */
  byInstance(ctx: GqlContext): MaybePromise<Map<string, Snapshot[]>> {
    return this.collection.groupedBy(ctx, 'instance', (s) => s.instanceId, newestFirst);
  }

  ofInstance(instanceId: string, ctx: GqlContext): MaybePromise<Snapshot[]> {
    return thenOrNow(this.byInstance(ctx), (grouped) => grouped.get(instanceId) ?? []);
  }

  /** The snapshot with exactly this name, read from Barrack now, past any per-request list (idempotency reconciles with it). */
  async findByName(name: string, ctx: GqlContext): Promise<Snapshot | null> {
    return exactName(
      (await this.api.listAll({ search: name }, this.upstream.for(ctx))).map(toSnapshot),
      name,
    );
  }

  load(id: string, ctx: GqlContext): Promise<Snapshot | null> {
    return this.collection.load(id, ctx);
  }

  /** `snapshot(id:)`: null for an id that names no snapshot of this account (no Barrack call if malformed). */
  async find(id: string, ctx: GqlContext): Promise<Snapshot | null> {
    const key = lookupKey(id, 'Snapshot');
    return key === null ? null : this.load(key, ctx);
  }

  async list(args: SnapshotsArgs, ctx: GqlContext): Promise<ConnectionShape<Snapshot>> {
    assertConnectionArgs(args, 'snapshots');
    const instanceId = args.instanceId ? argumentKey(args.instanceId, 'Instance', 'instanceId') : undefined;
    const status = args.status
      ? (
          SNAPSHOT_STATUS_TO_WIRE as Record<
            string,
            (typeof SNAPSHOT_STATUS_TO_WIRE)[keyof typeof SNAPSHOT_STATUS_TO_WIRE]
          >
        )[args.status]
      : undefined;
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
    if (instanceId) all = all.filter((s) => s.instanceId === instanceId);
    return connectionFromArray(newestFirst(all), args, 'snapshots');
  }

  async billingHistory(
    id: string,
    window: BillingWindowArgs,
    ctx: GqlContext,
  ): Promise<StorageBillingHistory> {
    const res = await this.api.billing(id, billingWindow(window.start, window.end), this.upstream.for(ctx));
    return toSnapshotBilling(res.data);
  }

  async create(input: CreateSnapshotInput, ctx: GqlContext): Promise<CreateSnapshotPayload> {
    const res = await this.api.create(toCreateSnapshotRequest(input), this.upstream.for(ctx));
    return { snapshot: toSnapshot(res.data), requestId: res.requestId ?? null };
  }

  async delete(input: DeleteSnapshotInput, ctx: GqlContext): Promise<DeleteSnapshotPayload> {
    const id = keyOf(input.id, 'Snapshot');
    const res = await this.api.delete(id, this.upstream.for(ctx));
    return toDeleteSnapshotPayload(res.data, id, res.requestId);
  }

  async restore(input: RestoreSnapshotInput, ctx: GqlContext): Promise<RestoreSnapshotPayload> {
    const id = keyOf(input.id, 'Snapshot');
    const res = await this.api.restore(id, toRestoreSnapshotRequest(input), this.upstream.for(ctx));
    await this.instances.stockChanged(ctx);
    const { instanceKey, sourceSnapshotKey, tier } = restoreAnswerOf(res.data, res.envelope, id);
    // The new VM as an Instance, like createInstance: read back; Barrack's own answer if the read fails.
    const fresh = await this.instances.loadFresh(instanceKey, ctx).catch((e: unknown) => {
      this.log.warn({
        msg: `read-back after restoreSnapshot failed: ${String(e)}`,
        requestId: ctx.requestId,
      });
      return null;
    });
    const instance =
      fresh ??
      toRestoredInstance(
        res.data,
        (await this.load(sourceSnapshotKey, ctx).catch(() => null))?.region ?? 'UNKNOWN',
      );
    return {
      instance,
      sourceSnapshotKey,
      tier,
      requestId: res.requestId ?? null,
    };
  }
}
