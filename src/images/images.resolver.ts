import { Idempotent } from '../idempotency/idempotent.decorator';
import { IdempotencyReconcilers, inputName } from '../idempotency/reconcilers';
import { type OnModuleInit } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequireScopes } from '../auth/scopes.decorator';
import { MutationRules } from '../common/graphql/mutation-rules.decorator';
import { createImageFromSnapshotRules, deleteImageRules } from './dto/image.rules';
import type { GqlContext } from '../common/context/gql-context';
import type { ConnectionShape } from '../common/graphql/connection';
import { NodeRegistry } from '../common/graphql/node';
import { Snapshot } from '../snapshots/models/snapshot.model';
import { SnapshotsService } from '../snapshots/snapshots.service';
import { CreateImageFromSnapshotInput, DeleteImageInput, ImagesArgs } from './dto/image.inputs';
import { ImagesService } from './images.service';
import { Image, SnapshotImageRelationship } from './models/image.model';
import { ImageConnection } from './models/image-connection.model';
import { CreateImageFromSnapshotPayload, DeleteImagePayload } from './models/image-payloads.model';
import { UpstreamCost } from '../common/graphql/upstream-cost.decorator';

@Resolver(() => Image)
export class ImagesResolver implements OnModuleInit {
  constructor(
    private readonly service: ImagesService,
    private readonly snapshots: SnapshotsService,
    private readonly nodes: NodeRegistry,
    private readonly reconcilers: IdempotencyReconcilers,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Image', (key, ctx) => this.service.load(key, ctx));
    this.reconcilers.register('createImageFromSnapshot', async ({ args, ctx }) => {
      const image = await this.service.findByName(inputName(args, 'name'), ctx);
      return image ? { image, requestId: null } : null;
    });
  }

  @Query(() => ImageConnection, {
    description: 'Custom images of the account, newest first (ties by id), as a Relay connection.',
  })
  @RequireScopes('read')
  images(@Args() args: ImagesArgs, @Context() ctx: GqlContext): Promise<ConnectionShape<Image>> {
    return this.service.list(args, ctx);
  }

  @Query(() => Image, {
    nullable: true,
    description: 'One custom image by id; null when the account has no such image.',
  })
  @RequireScopes('read')
  image(
    @Args('id', { type: () => ID, description: "The image's `id` (or its `barrackId`)." }) id: string,
    @Context() ctx: GqlContext,
  ): Promise<Image | null> {
    return this.service.find(id, ctx);
  }

  @Query(() => SnapshotImageRelationship, { description: 'Whether an image was made from this snapshot.' })
  @RequireScopes('read')
  snapshotImageRelationship(
    @Args('snapshotId', { type: () => ID, description: "The snapshot's `id` (or its `barrackId`)." })
    snapshotId: string,
    @Context() ctx: GqlContext,
  ) {
    return this.service.relationship(snapshotId, ctx);
  }

  @Query(() => [SnapshotImageRelationship], {
    description: 'Image relationships of up to 100 snapshots in one Barrack call, in the order asked.',
  })
  @RequireScopes('read')
  snapshotImageRelationships(
    @Args('snapshotIds', { type: () => [ID], description: 'Snapshot `id`s (or `barrackId`s), 1-100.' })
    snapshotIds: string[],
    @Context() ctx: GqlContext,
  ) {
    return this.service.relationships(snapshotIds, ctx);
  }

  @UpstreamCost({ batched: 1 })
  @ResolveField(() => Snapshot, { nullable: true, description: 'The snapshot the image was made from.' })
  snapshot(@Parent() image: Image, @Context() ctx: GqlContext) {
    return image.snapshotId ? this.snapshots.load(image.snapshotId, ctx) : null;
  }

  @Mutation(() => CreateImageFromSnapshotPayload, { description: 'Makes a custom image from a snapshot.' })
  @RequireScopes('write')
  @MutationRules(createImageFromSnapshotRules)
  @Idempotent()
  createImageFromSnapshot(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: CreateImageFromSnapshotInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.createFromSnapshot(input, ctx);
  }

  @Mutation(() => DeleteImagePayload, { description: 'Deletes a custom image.' })
  @RequireScopes('write')
  @MutationRules(deleteImageRules)
  deleteImage(
    @Args('input', { description: 'The mutation input; each field is described on its type.' })
    input: DeleteImageInput,
    @Context() ctx: GqlContext,
  ) {
    return this.service.delete(input, ctx);
  }
}

@Resolver(() => Snapshot)
export class SnapshotImageResolver {
  constructor(private readonly service: ImagesService) {}

  @UpstreamCost({ batched: 2 })
  @ResolveField(() => Image, {
    nullable: true,
    description:
      'The image made from this snapshot, if any (batched: one relationship call per 100 snapshots).',
  })
  image(@Parent() s: Snapshot, @Context() ctx: GqlContext) {
    return this.service.imageOfSnapshot(s.barrackId, ctx);
  }

  @UpstreamCost({ batched: 1 })
  @ResolveField(() => SnapshotImageRelationship, {
    description: 'Whether an image was made from this snapshot.',
  })
  imageRelationship(@Parent() s: Snapshot, @Context() ctx: GqlContext) {
    return this.service.relationshipOf(s.barrackId, ctx);
  }
}
