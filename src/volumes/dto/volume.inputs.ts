import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { RegionInput, registerInputEnum } from '../../common/graphql/barrack-enums';
import { ConnectionArgs } from '../../common/graphql/connection';
import { VolumeStatus, VolumeType } from '../models/volume.model';

const VolumeStatusInput = registerInputEnum(
  'VolumeStatus',
  VolumeStatus,
  {
    AVAILABLE: { description: 'Ready and not attached.' },
    IN_USE: { description: 'Attached to an instance.' },
    CREATING: { description: 'Being created.' },
    ERROR: { description: 'Failed.' },
    DELETING: { description: 'Being deleted.' },
    ATTACHING: { description: 'Being attached.' },
    DETACHING: { description: 'Being detached.' },
  },
  'Volume state to filter by (the values of VolumeStatus except UNKNOWN).',
);
const VolumeTypeInput = registerInputEnum(
  'VolumeTypeCode',
  VolumeType,
  { CLOUD_SSD: { description: 'Cloud-SSD (the default).' }, CEPH_SSD: { description: 'Ceph-SSD.' } },
  'Block storage type to create (the values of VolumeTypeCode except UNKNOWN).',
);

const IDEMPOTENCY_KEY_DOC =
  'Optional idempotency key, the same as the Idempotency-Key header: a retry with the same key and input returns the first result instead of acting twice.';

@ArgsType()
export class VolumesArgs extends ConnectionArgs {
  @Field(() => RegionInput, {
    nullable: true,
    description: 'Only volumes in this region (filtered by Barrack).',
  })
  region?: string;

  @Field(() => VolumeStatusInput, {
    nullable: true,
    description: 'Only volumes in this state (filtered by Barrack).',
  })
  status?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Case-insensitive substring of the name or id (searched by Barrack).',
  })
  search?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only volumes attached to this instance: its `id` (or `barrackId`); filtered in the gateway.',
  })
  attachedTo?: string;
}

@InputType({ description: 'A new volume.' })
export class CreateVolumeInput {
  @Field({ description: 'Name, 1-50 characters, unique in the account.' })
  name!: string;

  @Field(() => RegionInput, { description: 'Region; it attaches only to instances of this region.' })
  region!: string;

  @Field(() => Int, { description: 'Size in GB: 10-1000, or 100-1000 for a bootable volume (with imageId).' })
  sizeGb!: number;

  @Field(() => VolumeTypeInput, { defaultValue: 'CLOUD_SSD', description: 'Storage type.' })
  volumeType: string = 'CLOUD_SSD';

  @Field(() => String, { nullable: true, description: 'OS image id: makes the volume bootable.' })
  imageId?: string;

  @Field(() => String, { nullable: true, description: 'Free-text description (at most 500 characters).' })
  description?: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC })
  idempotencyKey?: string;
}

@InputType({ description: 'Identifies a volume to delete (it must not be attached).' })
export class DeleteVolumeInput {
  @Field(() => ID, { description: 'Volume id.' })
  id!: string;
}

@InputType({ description: 'A new, larger size for a volume.' })
export class ResizeVolumeInput {
  @Field(() => ID, { description: 'Volume id.' })
  id!: string;

  @Field(() => Int, { description: 'New size in GB (grow only, at most 1000).' })
  sizeGb!: number;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC })
  idempotencyKey?: string;
}

@InputType({ description: 'A copy of a volume, in the same region.' })
export class CloneVolumeInput {
  @Field(() => ID, { description: 'Volume to copy.' })
  id!: string;

  @Field({ description: 'Name of the copy, 1-50 characters, unique.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Description of the copy.' })
  description?: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC })
  idempotencyKey?: string;
}

@InputType({ description: 'Volumes to attach to an ACTIVE instance of the same region.' })
export class AttachVolumesInput {
  @Field(() => ID, { description: 'Instance id.' })
  instanceId!: string;

  @Field(() => [ID], { description: 'Volume ids (1-20).' })
  volumeIds!: string[];

  @Field({ defaultValue: false, description: 'Protect the attachment against accidental detaching.' })
  protected: boolean = false;
}

@InputType({ description: 'Volumes to detach from an instance.' })
export class DetachVolumesInput {
  @Field(() => ID, { description: 'Instance id.' })
  instanceId!: string;

  @Field(() => [ID], { description: 'Volume ids (1-20).' })
  volumeIds!: string[];
}
