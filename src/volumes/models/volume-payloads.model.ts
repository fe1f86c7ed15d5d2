import { Field, ID, ObjectType } from '@nestjs/graphql';
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
export class VolumePayload {
  @Field(() => Volume, { description: 'The volume in its new state.' })
  volume!: Volume;

  @Field(() => String, { nullable: true, description: "Barrack's request id, for support." })
  requestId!: string | null;
}

@ObjectType({ description: 'Result of deleteVolume.' })
export class DeleteVolumePayload {
  @Field(() => ID, { description: 'The deleted volume.' })
  deletedVolumeId!: string;

  @Field(() => String, { nullable: true, description: "Barrack's request id, for support." })
  requestId!: string | null;
}

@ObjectType({ description: 'Result of attachVolumes and detachVolumes.' })
export class VolumeAttachmentsPayload {
  @Field(() => ID, { description: 'The instance.' })
  instanceId!: string;

  @Field(() => [VolumeAttachment], { description: 'One entry per volume.' })
  attachments!: VolumeAttachment[];

  @Field(() => String, { nullable: true, description: "Barrack's request id, for support." })
  requestId!: string | null;
}
