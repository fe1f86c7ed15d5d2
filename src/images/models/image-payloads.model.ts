import { Field, ID, ObjectType } from '@nestjs/graphql';
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
export class CreateImageFromSnapshotPayload {
  @Field(() => Image, { description: 'The new image.' })
  image!: Image;

  @Field(() => String, { nullable: true, description: "Barrack's request id, for support." })
  requestId!: string | null;
}

@ObjectType({ description: 'Result of deleteImage.' })
export class DeleteImagePayload {
  @Field(() => ID, { description: 'The deleted image.' })
  deletedImageId!: string;

  @Field(() => String, { nullable: true, description: "Barrack's request id, for support." })
  requestId!: string | null;
}
