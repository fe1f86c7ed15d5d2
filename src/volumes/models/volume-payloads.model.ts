import { referenceId, referenceIdDoc } from '../../common/graphql/reference-id';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MutationPayload } from '../../common/graphql/user-error';
import { Volume, VolumeAttachment } from './volume.model';

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
  @Field(() => ID, {
    nullable: true,
    middleware: [referenceId('Instance')],
    description: referenceIdDoc('Instance', 'the instance'),
  })
  instanceId?: string | null;

  @Field(() => [VolumeAttachment], { nullable: true, description: 'One entry per volume.' })
  attachments?: VolumeAttachment[] | null;
}
