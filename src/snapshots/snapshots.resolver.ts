import { type OnModuleInit } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequireScopes } from '../auth/scopes.decorator';
import { MutationRules } from '../common/graphql/mutation-rules.decorator';
import { createSnapshotRules, deleteSnapshotRules, restoreSnapshotRules } from './dto/snapshot.rules';
import { thenOrNow, type GqlContext, type MaybePromise } from '../common/context/gql-context';
import { FieldPrefetch } from '../common/graphql/field-prefetch';
import { ConnectionArgs, connectionFromArray, type ConnectionShape } from '../common/graphql/connection';
import { NodeRegistry, argumentKey } from '../common/graphql/node';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { IdempotencyReconcilers, inputName, inputString } from '../idempotency/reconcilers';
import { barrackKeyOf } from '../common/graphql/global-id';
import { BillableMutation } from '../rate-limit/billable-mutation';
import { RequireFieldScopes } from '../auth/field-scopes';
import { BillingWindowArgs } from '../common/graphql/billing-window.args';
import { InstancesService } from '../instances/instances.service';
import { Instance } from '../instances/models/instance.model';
import { StorageBillingHistory } from '../common/graphql/storage-billing.model';
import {
  CreateSnapshotInput,
  DeleteSnapshotInput,
  RestoreSnapshotInput,
  SnapshotsArgs,
} from './dto/snapshot.inputs';
import { Snapshot } from './models/snapshot.model';
import { SnapshotConnection } from './models/snapshot-connection.model';
import {
  CreateSnapshotPayload,
  DeleteSnapshotPayload,
  RestoreSnapshotPayload,
} from './models/snapshot-payloads.model';
import { SnapshotsService } from './snapshots.service';
import { UpstreamCost } from '../common/graphql/upstream-cost.decorator';
import { DirectFieldResolver } from '../common/graphql/direct-field-resolver';

@Resolver(() => Snapshot)
export class SnapshotsResolver implements OnModuleInit {
  constructor(
    private readonly service: SnapshotsService,
    private readonly instances: InstancesService,
    private readonly nodes: NodeRegistry,
    private readonly reconcilers: IdempotencyReconcilers,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Snapshot', (key, ctx) => this.service.load(key, ctx));
    this.reconcilers.register('createSnapshot', async ({ args, ctx }) => {
      const snapshot = await this.service.findByName(inputName(args, 'name'), ctx);
      return snapshot ? { snapshot, requestId: null } : null;
    });
    // Barrack's restore answer is gone; the VM is found by its unique name.
    this.reconcilers.register('restoreSnapshot', async ({ args, ctx }) => {
      const instance = await this.instances.findByName(inputName(args, 'newVmName'), ctx);
      if (!instance) return null;
      const source = inputString(args, 'id');
      return {
        instance,
        sourceSnapshotKey: source === null ? null : barrackKeyOf(source, 'Snapshot'),
        tier: null,
        requestId: null,
      };
    });
  }

  @Query(() => SnapshotConnection, {
    description: 'Snapshots of the account, newest first (ties by id), as a Relay connection.',
  })
  @RequireScopes('read')
  snapshots(@Args() args: SnapshotsArgs, @Context() ctx: GqlContext): Promise<ConnectionShape<Snapshot>> {
    return this.service.list(args, ctx);
  }

  @Query(() => Snapshot, {
    nullable: true,
    description: 'One snapshot by id; null when the account has no such snapshot.',
  })
  @RequireScopes('read')
  snapshot(
    @Args('id', { type: () => ID, description: "The snapshot's `id` (or its `barrackId`)." }) id: string,
    @Context() ctx: GqlContext,
  ): Promise<Snapshot | null> {
    return this.service.find(id, ctx);
  }

  @Query(() => StorageBillingHistory, { description: "A snapshot's storage billing over a time window." })
  @RequireScopes('read', 'billing')
  snapshotBillingHistory(
    @Args('id', { type: () => ID, description: "The snapshot's `id` (or its `barrackId`)." }) id: string,
    @Args() window: BillingWindowArgs,
    @Context() ctx: GqlContext,
  ) {
    return this.service.billingHistory(argumentKey(id, 'Snapshot', 'id'), window, ctx);
  }

  @UpstreamCost({ batched: 1 })
  @ResolveField(() => Instance, {
    nullable: true,
    description: 'The instance it was taken of (null once deleted).',
  })
  instance(@Parent() s: Snapshot, @Context() ctx: GqlContext) {
    return s.instanceId ? this.instances.load(s.instanceId, ctx) : null;
  }

  @UpstreamCost(1)
  @RequireFieldScopes('billing')
  @ResolveField(() => StorageBillingHistory, {
    nullable: true,
    description:
      'Storage billing of this snapshot over a time window (one Barrack call each; null without the billing scope).',
  })
  billingHistory(@Parent() s: Snapshot, @Args() window: BillingWindowArgs, @Context() ctx: GqlContext) {
    return this.service.billingHistory(s.barrackId, window, ctx);
  }

  @Mutation(() => CreateSnapshotPayload, {
    description: 'Snapshots an ACTIVE instance (INVALID_STATE otherwise).',
  })
  @RequireScopes('write')
  @MutationRules(createSnapshotRules)
  @Idempotent()
  createSnapshot(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: CreateSnapshotInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.create(input, ctx);
  }

  @Mutation(() => DeleteSnapshotPayload, { description: 'Deletes a snapshot, and any image made from it.' })
  @RequireScopes('write')
  @MutationRules(deleteSnapshotRules)
  deleteSnapshot(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: DeleteSnapshotInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.delete(input, ctx);
  }

  @Mutation(() => RestoreSnapshotPayload, {
    description:
      'Creates a new VM from a snapshot (same GPU, storage and specs); billing starts at once. Fails with NAME_TAKEN, INSUFFICIENT_CREDITS, OUT_OF_STOCK or INVALID_STATE.',
  })
  @RequireScopes('write')
  @MutationRules(restoreSnapshotRules)
  @Idempotent()
  @BillableMutation()
  restoreSnapshot(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: RestoreSnapshotInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.restore(input, ctx);
  }
}

@Resolver(() => Instance)
export class InstanceSnapshotsResolver implements OnModuleInit {
  constructor(
    private readonly service: SnapshotsService,
    private readonly prefetch: FieldPrefetch,
  ) {}

  onModuleInit(): void {
    this.prefetch.register('Instance', 'snapshots', (ctx) => this.service.byInstance(ctx));
  }

  @UpstreamCost({ shared: 'snapshots' })
  @ResolveField(() => SnapshotConnection, {
    description: 'Snapshots taken of this instance, newest first (one account listing per request, shared).',
  })
  @DirectFieldResolver()
  snapshots(
    @Parent() i: Instance,
    @Args() page: ConnectionArgs,
    @Context() ctx: GqlContext,
  ): MaybePromise<ConnectionShape<Snapshot>> {
    return thenOrNow(this.service.ofInstance(i.barrackId, ctx), (list) =>
      connectionFromArray(list, page, 'Instance.snapshots'),
    );
  }
}

@Resolver(() => RestoreSnapshotPayload)
export class RestoreSnapshotPayloadResolver {
  constructor(private readonly snapshots: SnapshotsService) {}

  @UpstreamCost({ batched: 1 })
  @ResolveField(() => Snapshot, {
    nullable: true,
    description: 'The snapshot the VM was restored from (null once it is gone).',
  })
  sourceSnapshot(@Parent() p: RestoreSnapshotPayload, @Context() ctx: GqlContext): Promise<Snapshot | null> {
    return p.sourceSnapshotKey ? this.snapshots.load(p.sourceSnapshotKey, ctx) : Promise.resolve(null);
  }
}
