import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BARRACK_ID_DOC, NODE_ID_DOC, Node } from '../../common/graphql/node';
import { GpuModel, Region } from '../../common/graphql/barrack-enums';

export const SNAPSHOT_STATUS_FROM_WIRE = {
  CREATING: 'CREATING',
  SUCCESS: 'SUCCESS',
  available: 'AVAILABLE',
  ERROR: 'ERROR',
} as const;
export const SnapshotStatus = {
  CREATING: 'CREATING',
  SUCCESS: 'SUCCESS',
  AVAILABLE: 'AVAILABLE',
  ERROR: 'ERROR',
  UNKNOWN: 'UNKNOWN',
} as const;
registerEnumType(SnapshotStatus, {
  name: 'SnapshotStatus',
  description: 'Snapshot state. SUCCESS and AVAILABLE both mean ready to restore.',
  valuesMap: {
    CREATING: { description: 'Being taken.' },
    SUCCESS: { description: 'Ready.' },
    AVAILABLE: { description: 'Ready (older wording).' },
    ERROR: { description: 'Failed.' },
    UNKNOWN: { description: 'A state this gateway version does not know yet.' },
  },
});

@ObjectType({ description: 'The configuration of the VM a snapshot was taken from.' })
export class SnapshotVmConfig {
  @Field(() => Int, { nullable: true, description: 'Virtual CPU cores.' })
  cpuCores!: number | null;

  @Field(() => Int, { nullable: true, description: 'Memory in GB.' })
  ramGb!: number | null;

  @Field(() => GpuModel, { nullable: true, description: 'GPU model.' })
  gpuModel!: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of GPUs.' })
  gpuCount!: number | null;

  @Field(() => Int, { nullable: true, description: 'Disk in GB.' })
  diskGb!: number | null;
}

@ObjectType({ description: "A snapshot of an instance's disk and configuration.", implements: () => [Node] })
export class Snapshot implements Node {
  @Field(() => ID, { description: NODE_ID_DOC })
  id!: string;

  @Field(() => ID, { description: `${BARRACK_ID_DOC} E.g. BRK-123456S.` })
  barrackId!: string;

  @Field({ description: 'Snapshot name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Free-text description.' })
  description!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the source instance when the snapshot was taken.',
  })
  instanceName!: string | null;

  @Field(() => Region, { description: 'Region.' })
  region!: string;

  @Field(() => Int, { nullable: true, description: 'Size in GB.' })
  sizeGb!: number | null;

  @Field(() => SnapshotStatus, { description: 'Current state.' })
  status!: string;

  @Field({ description: 'True when the snapshot was taken to make an image.' })
  isImage!: boolean;

  @Field(() => SnapshotVmConfig, { nullable: true, description: 'Configuration of the source VM.' })
  vmConfig!: SnapshotVmConfig | null;

  @Field(() => GraphQLISODateTime, { description: 'When the snapshot was taken.' })
  createdAt!: Date;

  /** Resolved to an Instance by Snapshot.instance. */
  instanceId!: string | null;
}
