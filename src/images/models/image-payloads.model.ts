import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MutationPayload } from '../../common/graphql/user-error';
import { PageInfo } from '../../common/graphql/page.types';
import { Image } from './image.model';

@ObjectType({ description: 'One page of custom images, newest first.' })
export class ImagePage {
  @Field(() => [Image], { description: 'The images on this page.' })
  items!: Image[];

  @Field(() => PageInfo, { description: 'Where this page sits in the whole filtered list.' })
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'Result of createImageFromSnapshot.' })
export class CreateImageFromSnapshotPayload extends MutationPayload {
  @Field(() => Image, { nullable: true, description: 'The new image.' })
  image?: Image | null;
}

@ObjectType({ description: 'Result of deleteImage.' })
export class DeleteImagePayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: 'The deleted image.' })
  deletedImageId?: string | null;
}
