import { referenceId, referenceIdDoc } from '../../common/graphql/reference-id';
import { Field, Float, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { BARRACK_ID_DOC, NODE_ID_DOC, Node } from '../../common/graphql/node';
import { Region } from '../../common/graphql/barrack-enums';

@ObjectType({
  description: 'A custom image, made from a snapshot, that instances can boot from.',
  implements: () => [Node],
})
export class Image implements Node {
  @Field(() => ID, { description: NODE_ID_DOC })
  id!: string;

  @Field(() => ID, { description: BARRACK_ID_DOC })
  barrackId!: string;

  @Field({ description: 'Image name.' })
  name!: string;

  @Field(() => Region, { description: 'Region the image can be used in.' })
  region!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Image type; "Snapshot" for images made from snapshots.',
  })
  type!: string | null;

  @Field(() => String, { nullable: true, description: 'Version text.' })
  version!: string | null;

  @Field(() => Float, { nullable: true, description: 'Size in bytes.' })
  sizeBytes!: number | null;

  @Field(() => String, { nullable: true, description: 'Size for display, e.g. "12.4 GB".' })
  displaySize!: string | null;

  @Field(() => String, { nullable: true, description: 'Free-text description.' })
  description!: string | null;

  @Field({ description: 'True for images shared publicly.' })
  isPublic!: boolean;

  @Field(() => [String], { description: 'Labels.' })
  labels!: string[];

  @Field(() => GraphQLISODateTime, { description: 'When the image was created.' })
  createdAt!: Date;

  /** Resolved to a Snapshot by Image.snapshot. */
  snapshotId!: string | null;
}

@ObjectType({
  description: 'Whether a snapshot has an image made from it (deleting the snapshot deletes the image).',
})
export class SnapshotImageRelationship {
  @Field(() => ID, {
    middleware: [referenceId('Snapshot')],
    description: referenceIdDoc('Snapshot', 'the snapshot'),
  })
  snapshotId!: string;

  @Field({ description: 'True when an image was made from the snapshot.' })
  hasImage!: boolean;

  @Field(() => ID, {
    nullable: true,
    middleware: [referenceId('Image')],
    description: referenceIdDoc('Image', 'the image made from the snapshot, when there is one'),
  })
  imageId!: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the image, when there is one.' })
  imageName!: string | null;
}
