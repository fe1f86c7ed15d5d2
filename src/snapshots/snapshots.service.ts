import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { SnapshotsApi } from '../barrack/api/snapshots.api';
import {
  toRestoredInstance,
  toSnapshot,
  toSnapshotBilling,
  toSnapshotRef,
} from '../barrack/mappers/snapshot.mapper';
import { UpstreamContextFactory } from '../barrack/upstream-context.factory';
import { memoize, type GqlContext } from '../common/context/gql-context';
import { GatewayError } from '../common/errors/gateway-error';
import { REGIONS } from '../common/graphql/barrack-enums';
import type { BillingWindowArgs } from '../instances/dto/instance.inputs';
import { assertPage, assertResourceName, billingWindow } from '../instances/input-rules';
import { InstancesService } from '../instances/instances.service';
import { groupBy, newestFirst, slicePage } from '../instances/list-helpers';
import type { StorageBillingHistory } from '../volumes/models/storage-billing.model';
import type {
  CreateSnapshotInput,
  DeleteSnapshotInput,
  RestoreSnapshotInput,
  SnapshotsArgs,
} from './dto/snapshot.inputs';
import type { Snapshot } from './models/snapshot.model';
import type { SnapshotPage } from './models/snapshot-page.model';
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
  constructor(
    private readonly api: SnapshotsApi,
    private readonly upstream: UpstreamContextFactory,
    private readonly instances: InstancesService,
  ) {}

  /** Every snapshot of the account, read once per request and shared by Instance.snapshots for all instances. */
  allSnapshots(ctx: GqlContext): Promise<Snapshot[]> {
    return memoize(ctx, 'snapshots.all', async () => {
      const list = (await this.api.listAll({}, this.upstream.for(ctx))).map(toSnapshot);
      for (const s of list) this.loader(ctx).prime(s.id, s);
      return list;
    });
  }

  private byInstance(ctx: GqlContext): Promise<Map<string, Snapshot[]>> {
    return memoize(ctx, 'snapshots.byInstance', async () =>
      groupBy(newestFirst(await this.allSnapshots(ctx)), (s) => s.instanceId),
    );
  }

  async ofInstance(instanceId: string, ctx: GqlContext): Promise<Snapshot[]> {
    return (await this.byInstance(ctx)).get(instanceId) ?? [];
  }

  private loader(ctx: GqlContext): DataLoader<string, Snapshot | null> {
    return memoize(
      ctx,
      'snapshots.byId',
      () =>
        new DataLoader<string, Snapshot | null>(async (ids) => {
          const [only] = ids;
          if (ids.length === 1 && only !== undefined && !ctx.memo.has('snapshots.all')) {
            try {
              return [toSnapshot((await this.api.get(only, this.upstream.for(ctx))).data)];
            } catch (e) {
              if (e instanceof GatewayError && e.code === 'NOT_FOUND') return [null];
              throw e;
            }
          }
          const byId = new Map((await this.allSnapshots(ctx)).map((s) => [s.id, s]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
  }

  load(id: string, ctx: GqlContext): Promise<Snapshot | null> {
    return this.loader(ctx).load(id);
  }

  async get(id: string, ctx: GqlContext): Promise<Snapshot> {
    const s = await this.load(id, ctx);
    if (!s) throw new GatewayError('NOT_FOUND', 'Snapshot not found', { id });
    return s;
  }

  async list(args: SnapshotsArgs, ctx: GqlContext): Promise<SnapshotPage> {
    assertPage(args.page, args.pageSize);
    const filtered = args.region !== undefined || args.status !== undefined || !!args.search;
    let all: Snapshot[];
    if (filtered) {
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
      all = (
        await this.api.listAll(
          {
            region: args.region ? REGIONS.toWire(args.region) : undefined,
            status,
            search: args.search || undefined,
          },
          this.upstream.for(ctx),
        )
      ).map(toSnapshot);
    } else {
      all = await this.allSnapshots(ctx);
    }
    if (args.instanceId) all = all.filter((s) => s.instanceId === args.instanceId);
    return slicePage(newestFirst(all), args.page, args.pageSize);
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
    const name = assertResourceName('name', input.name);
    if (input.description && input.description.length > 500) {
      throw new GatewayError('BAD_USER_INPUT', 'description must be at most 500 characters', {
        field: 'description',
      });
    }
    const res = await this.api.create(
      {
        instance_id: input.instanceId,
        name,
        ...(input.description != null ? { description: input.description } : {}),
        ...(input.isImage != null ? { is_image: input.isImage } : {}),
      },
      this.upstream.for(ctx),
    );
    return { snapshot: toSnapshot(res.data), requestId: res.requestId ?? null };
  }

  async delete(input: DeleteSnapshotInput, ctx: GqlContext): Promise<DeleteSnapshotPayload> {
    const res = await this.api.delete(input.id, this.upstream.for(ctx));
    return {
      deletedSnapshotId: res.data?.snapshot_id ?? input.id,
      deletedImageId: res.data?.deleted_image_id ?? null,
      requestId: res.requestId ?? null,
    };
  }

  async restore(id: string, input: RestoreSnapshotInput, ctx: GqlContext): Promise<RestoreSnapshotPayload> {
    const newVmName = assertResourceName('newVmName', input.newVmName);
    const res = await this.api.restore(id, { new_vm_name: newVmName }, this.upstream.for(ctx));
    await this.instances.stockChanged();
    const tier = res.envelope.tier;
    return {
      restoredInstance: toRestoredInstance(res.data),
      sourceSnapshot: toSnapshotRef(res.envelope.snapshot),
      tier: typeof tier === 'string' ? tier : null,
      requestId: res.requestId ?? null,
    };
  }
}
