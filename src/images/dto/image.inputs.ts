import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { RegionInput } from '../../common/graphql/barrack-enums';
import { ConnectionArgs } from '../../common/graphql/connection';

@ArgsType()
export class ImagesArgs extends ConnectionArgs {
  @Field(() => RegionInput, {
    nullable: true,
    description: 'Only images in this region (filtered by Barrack).',
  })
  region?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Case-insensitive substring of the name or id (searched by Barrack).',
  })
  search?: string;
}

@InputType({ description: 'An image to make from a snapshot.' })
export class CreateImageFromSnapshotInput {
  @Field(() => ID, { description: 'The snapshot to make the image from.' })
  snapshotId!: string;

  @Field({ description: 'Image name, 1-50 characters.' })
  name!: string;

  @Field(() => [String], { nullable: true, description: 'Labels.' })
  labels?: string[];

  @Field({
    nullable: true,
    description: 'Same as the Idempotency-Key header: a repeat with this key returns the first result.',
  })
  idempotencyKey?: string;
}

@InputType({ description: 'Identifies a custom image to delete.' })
export class DeleteImageInput {
  @Field(() => ID, { description: 'Image id.' })
  id!: string;
}
