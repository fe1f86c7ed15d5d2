import { type OnModuleInit } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequireScopes } from '../auth/scopes.decorator';
import { DirectFieldResolver } from '../common/graphql/direct-field-resolver';
import { MutationRules } from '../common/graphql/mutation-rules.decorator';
import {
  cloneVolumeRules,
  createVolumeRules,
  deleteVolumeRules,
  resizeVolumeRules,
  volumeAttachmentRules,
} from './dto/volume.rules';
import { thenOrNow, type GqlContext, type MaybePromise } from '../common/context/gql-context';
import { FieldPrefetch } from '../common/graphql/field-prefetch';
import { ConnectionArgs, connectionFromArray, type ConnectionShape } from '../common/graphql/connection';
import { NodeRegistry, argumentKey } from '../common/graphql/node';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { IdempotencyReconcilers, inputName, type ReconcileInput } from '../idempotency/reconcilers';
import { BillableMutation } from '../rate-limit/billable-mutation';
import { RequireFieldScopes } from '../auth/field-scopes';
import { BillingWindowArgs } from '../common/graphql/billing-window.args';
import { InstancesService } from '../instances/instances.service';
import { Instance } from '../instances/models/instance.model';
import {
  AttachVolumesInput,
  CloneVolumeInput,
  CreateVolumeInput,
  DeleteVolumeInput,
  DetachVolumesInput,
  ResizeVolumeInput,
  VolumesArgs,
} from './dto/volume.inputs';
import { StorageBillingHistory } from '../common/graphql/storage-billing.model';
import { Volume } from './models/volume.model';
import { VolumeConnection } from './models/volume-connection.model';
import { DeleteVolumePayload, VolumeAttachmentsPayload, VolumePayload } from './models/volume-payloads.model';
import { VolumesService } from './volumes.service';
import { UpstreamCost } from '../common/graphql/upstream-cost.decorator';

@Resolver(() => Volume)
export class VolumesResolver implements OnModuleInit {
  constructor(
    private readonly service: VolumesService,
    private readonly instances: InstancesService,
    private readonly nodes: NodeRegistry,
    private readonly reconcilers: IdempotencyReconcilers,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Volume', (key, ctx) => this.service.load(key, ctx));
    const reconcile = async ({ args, ctx }: ReconcileInput) => {
      const volume = await this.service.findByName(inputName(args, 'name'), ctx);
      return volume ? { volume, requestId: null } : null;
    };
    this.reconcilers.register('createVolume', reconcile);
    this.reconcilers.register('cloneVolume', reconcile);
  }

  @Query(() => VolumeConnection, {
    description: 'Volumes of the account, newest first (ties by id), as a Relay connection.',
  })
  @RequireScopes('read')
  volumes(@Args() args: VolumesArgs, @Context() ctx: GqlContext): Promise<ConnectionShape<Volume>> {
    return this.service.list(args, ctx);
  }

  @Query(() => Volume, {
    nullable: true,
    description: 'One volume by id; null when the account has no such volume.',
  })
  @RequireScopes('read')
  volume(
    @Args('id', { type: () => ID, description: "The volume's `id` (or its `barrackId`)." }) id: string,
    @Context() ctx: GqlContext,
  ): Promise<Volume | null> {
    return this.service.find(id, ctx);
  }

  @Query(() => StorageBillingHistory, { description: "A volume's storage billing over a time window." })
  @RequireScopes('read', 'billing')
  volumeBillingHistory(
    @Args('id', { type: () => ID, description: "The volume's `id` (or its `barrackId`)." }) id: string,
    @Args() window: BillingWindowArgs,
    @Context() ctx: GqlContext,
  ) {
    return this.service.billingHistory(argumentKey(id, 'Volume', 'id'), window, ctx);
  }

  @UpstreamCost({ batched: 1 })
  @ResolveField(() => Instance, { nullable: true, description: 'The instance it is attached to, if any.' })
  attachedTo(@Parent() v: Volume, @Context() ctx: GqlContext) {
    return v.attachedInstanceId ? this.instances.load(v.attachedInstanceId, ctx) : null;
  }

  @UpstreamCost(1)
  @RequireFieldScopes('billing')
  @ResolveField(() => StorageBillingHistory, {
    nullable: true,
    description:
      'Storage billing of this volume over a time window (one Barrack call each; null without the billing scope).',
  })
  billingHistory(@Parent() v: Volume, @Args() window: BillingWindowArgs, @Context() ctx: GqlContext) {
    return this.service.billingHistory(v.barrackId, window, ctx);
  }

  @Mutation(() => VolumePayload, {
    description: 'Creates a volume (may fail with INSUFFICIENT_CREDITS or NAME_TAKEN).',
  })
  @RequireScopes('write')
  @MutationRules(createVolumeRules)
  @Idempotent()
  @BillableMutation()
  createVolume(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: CreateVolumeInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.create(input, ctx);
  }

  @Mutation(() => DeleteVolumePayload, { description: 'Deletes a volume that is not attached.' })
  @RequireScopes('write')
  @MutationRules(deleteVolumeRules)
  deleteVolume(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: DeleteVolumeInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.delete(input, ctx);
  }

  @Mutation(() => VolumePayload, { description: 'Grows a volume.' })
  @RequireScopes('write')
  @MutationRules(resizeVolumeRules)
  @Idempotent()
  resizeVolume(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: ResizeVolumeInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.resize(input, ctx);
  }

  @Mutation(() => VolumePayload, { description: 'Copies a volume within its region.' })
  @RequireScopes('write')
  @MutationRules(cloneVolumeRules)
  @Idempotent()
  @BillableMutation()
  cloneVolume(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: CloneVolumeInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.clone(input, ctx);
  }

  @Mutation(() => VolumeAttachmentsPayload, {
    description: 'Attaches volumes to an ACTIVE instance of their region (INVALID_STATE otherwise).',
  })
  @RequireScopes('write')
  @MutationRules(volumeAttachmentRules)
  attachVolumes(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: AttachVolumesInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.attach(input, ctx);
  }

  @Mutation(() => VolumeAttachmentsPayload, { description: 'Detaches volumes from an instance.' })
  @RequireScopes('write')
  @MutationRules(volumeAttachmentRules)
  detachVolumes(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: DetachVolumesInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.detach(input, ctx);
  }
}

@Resolver(() => Instance)
export class InstanceVolumesResolver implements OnModuleInit {
  constructor(
    private readonly service: VolumesService,
    private readonly prefetch: FieldPrefetch,
  ) {}

  onModuleInit(): void {
    this.prefetch.register('Instance', 'volumes', (ctx) => this.service.byInstance(ctx));
  }

  @UpstreamCost({ shared: 'volumes' })
  @ResolveField(() => VolumeConnection, {
    description: 'Volumes attached to this instance (one account listing per request, shared).',
  })
  @DirectFieldResolver()
  volumes(
    @Parent() i: Instance,
    @Args() page: ConnectionArgs,
    @Context() ctx: GqlContext,
  ): MaybePromise<ConnectionShape<Volume>> {
    return thenOrNow(this.service.ofInstance(i.barrackId, ctx), (list) =>
      connectionFromArray(list, page, 'Instance.volumes'),
    );
  }
}

@Resolver(() => VolumeAttachmentsPayload)
export class VolumeAttachmentsPayloadResolver {
  constructor(private readonly instances: InstancesService) {}

  @UpstreamCost(1)
  @ResolveField(() => Instance, { nullable: true, description: 'The instance now (a fresh read).' })
  instance(@Parent() p: VolumeAttachmentsPayload, @Context() ctx: GqlContext) {
    return p.instanceId ? this.instances.loadFresh(p.instanceId, ctx) : null;
  }
}
