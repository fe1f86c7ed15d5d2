import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MutationPayload } from '../../common/graphql/user-error';
import { Image } from './image.model';

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
