import { Idempotent } from '../idempotency/idempotent.decorator';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequireScopes } from '../auth/scopes.decorator';
import { MutationRules } from '../common/graphql/mutation-rules.decorator';
import { createImageFromSnapshotRules, deleteImageRules } from './dto/image.rules';
import type { GqlContext } from '../common/context/gql-context';
import { Snapshot } from '../snapshots/models/snapshot.model';
import { SnapshotsService } from '../snapshots/snapshots.service';
import { CreateImageFromSnapshotInput, DeleteImageInput, ImagesArgs } from './dto/image.inputs';
import { ImagesService } from './images.service';
import { Image, SnapshotImageRelationship } from './models/image.model';
import { CreateImageFromSnapshotPayload, DeleteImagePayload, ImagePage } from './models/image-payloads.model';
import { UpstreamCost } from '../common/graphql/upstream-cost.decorator';

@Resolver(() => Image)
export class ImagesResolver {
  constructor(
    private readonly service: ImagesService,
    private readonly snapshots: SnapshotsService,
  ) {}

  @Query(() => ImagePage, { description: 'Custom images of the account, newest first (ties by id).' })
  @RequireScopes('read')
  images(@Args() args: ImagesArgs, @Context() ctx: GqlContext) {
    return this.service.list(args, ctx);
  }

  @Query(() => Image, { description: 'One custom image by id (NOT_FOUND when it does not exist).' })
  @RequireScopes('read')
  image(@Args('id', { type: () => ID, description: 'Image id.' }) id: string, @Context() ctx: GqlContext) {
    return this.service.get(id, ctx);
  }

  @Query(() => SnapshotImageRelationship, { description: 'Whether an image was made from this snapshot.' })
  @RequireScopes('read')
  snapshotImageRelationship(
    @Args('snapshotId', { type: () => ID, description: 'Snapshot id.' }) snapshotId: string,
    @Context() ctx: GqlContext,
  ) {
    return this.service.relationship(snapshotId, ctx);
  }

  @Query(() => [SnapshotImageRelationship], {
    description: 'Image relationships of up to 100 snapshots in one Barrack call, in the order asked.',
  })
  @RequireScopes('read')
  snapshotImageRelationships(
    @Args('snapshotIds', { type: () => [ID], description: 'Snapshot ids (1-100).' }) snapshotIds: string[],
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
    return this.service.imageOfSnapshot(s.id, ctx);
  }

  @UpstreamCost({ batched: 1 })
  @ResolveField(() => SnapshotImageRelationship, {
    description: 'Whether an image was made from this snapshot.',
  })
  imageRelationship(@Parent() s: Snapshot, @Context() ctx: GqlContext) {
    return this.service.relationshipOf(s.id, ctx);
  }
}
