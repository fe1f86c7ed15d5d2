import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MutationPayload } from '../../common/graphql/user-error';
import { PageInfo } from '../../common/graphql/page.types';
import { Volume, VolumeAttachment } from './volume.model';

@ObjectType({ description: 'One page of volumes, newest first.' })
export class VolumePage {
  @Field(() => [Volume], { description: 'The volumes on this page.' })
  items!: Volume[];

  @Field(() => PageInfo, { description: 'Where this page sits in the whole filtered list.' })
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'Result of createVolume, resizeVolume and cloneVolume.' })
export class VolumePayload extends MutationPayload {
  @Field(() => Volume, { nullable: true, description: 'The volume in its new state.' })
  volume?: Volume | null;
}

@ObjectType({ description: 'Result of deleteVolume.' })
export class DeleteVolumePayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: 'The deleted volume.' })
  deletedVolumeId?: string | null;
}

@ObjectType({ description: 'Result of attachVolumes and detachVolumes.' })
export class VolumeAttachmentsPayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: 'The instance.' })
  instanceId?: string | null;

  @Field(() => [VolumeAttachment], { nullable: true, description: 'One entry per volume.' })
  attachments?: VolumeAttachment[] | null;
}
