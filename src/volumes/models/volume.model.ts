import { referenceId, referenceIdDoc } from '../../common/graphql/reference-id';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BARRACK_ID_DOC, NODE_ID_DOC, Node } from '../../common/graphql/node';
import { Region } from '../../common/graphql/barrack-enums';
import { DecimalScalar } from '../../common/graphql/money.scalar';

/** Wire value → GraphQL value; GraphQL names cannot hold '-'. */
export const VOLUME_TYPE_FROM_WIRE = { 'Cloud-SSD': 'CLOUD_SSD', 'Ceph-SSD': 'CEPH_SSD' } as const;
export const VOLUME_TYPE_TO_WIRE = { CLOUD_SSD: 'Cloud-SSD', CEPH_SSD: 'Ceph-SSD' } as const;
export const VolumeType = { CLOUD_SSD: 'CLOUD_SSD', CEPH_SSD: 'CEPH_SSD', UNKNOWN: 'UNKNOWN' } as const;
registerEnumType(VolumeType, {
  name: 'VolumeTypeCode',
  description: 'Block storage type code (Barrack wire value with - turned into _).',
  valuesMap: {
    CLOUD_SSD: { description: 'Cloud-SSD (the default).' },
    CEPH_SSD: { description: 'Ceph-SSD.' },
    UNKNOWN: { description: 'A type this gateway version does not know yet.' },
  },
});

export const VOLUME_STATUS_FROM_WIRE = {
  available: 'AVAILABLE',
  'in-use': 'IN_USE',
  creating: 'CREATING',
  error: 'ERROR',
  deleting: 'DELETING',
  attaching: 'ATTACHING',
  detaching: 'DETACHING',
} as const;
export const VolumeStatus = {
  AVAILABLE: 'AVAILABLE',
  IN_USE: 'IN_USE',
  CREATING: 'CREATING',
  ERROR: 'ERROR',
  DELETING: 'DELETING',
  ATTACHING: 'ATTACHING',
  DETACHING: 'DETACHING',
  UNKNOWN: 'UNKNOWN',
} as const;
registerEnumType(VolumeStatus, {
  name: 'VolumeStatus',
  description: 'Volume state.',
  valuesMap: {
    AVAILABLE: { description: 'Ready and not attached.' },
    IN_USE: { description: 'Attached to an instance.' },
    CREATING: { description: 'Being created.' },
    ERROR: { description: 'Failed.' },
    DELETING: { description: 'Being deleted.' },
    ATTACHING: { description: 'Being attached.' },
    DETACHING: { description: 'Being detached.' },
    UNKNOWN: { description: 'A state this gateway version does not know yet.' },
  },
});

@ObjectType({ description: 'A block storage volume.', implements: () => [Node] })
export class Volume implements Node {
  @Field(() => ID, { description: NODE_ID_DOC })
  id!: string;

  @Field(() => ID, { description: BARRACK_ID_DOC })
  barrackId!: string;

  @Field({ description: 'Volume name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Free-text description.' })
  description!: string | null;

  @Field(() => Region, { description: 'Region; a volume attaches only to instances of its region.' })
  region!: string;

  @Field(() => Int, { description: 'Size in GB.' })
  sizeGb!: number;

  @Field(() => VolumeType, { description: 'Storage type.' })
  volumeType!: string;

  @Field({ description: 'True when an instance can boot from it.' })
  bootable!: boolean;

  @Field(() => String, { nullable: true, description: 'OS image it was made from, for bootable volumes.' })
  osImage!: string | null;

  @Field(() => VolumeStatus, { description: 'Current state.' })
  status!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Device path on the instance, e.g. /dev/vdb, when attached.',
  })
  device!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Storage price per hour, in the account currency.',
  })
  hourlyRate!: string | null;

  @Field(() => GraphQLISODateTime, { description: 'When the volume was created.' })
  createdAt!: Date;

  /** Resolved to an Instance by Volume.attachedTo. */
  attachedInstanceId!: string | null;
}

@ObjectType({ description: 'The attachment of a volume to an instance.' })
export class VolumeAttachment {
  @Field(() => ID, {
    middleware: [referenceId('Volume')],
    description: referenceIdDoc('Volume', 'the volume'),
  })
  volumeId!: string;

  @Field(() => ID, {
    middleware: [referenceId('Instance')],
    description: referenceIdDoc('Instance', 'the instance'),
  })
  instanceId!: string;

  @Field(() => String, { nullable: true, description: 'Device path on the instance.' })
  device!: string | null;

  @Field({ description: 'Attachment state, e.g. ATTACHED, DETACHED.' })
  status!: string;

  @Field({ description: 'True when the volume is protected from detaching by accident.' })
  protected!: boolean;
}
