import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { MutationPayload } from '../../common/graphql/user-error';
import { Currency, GpuModel, VmStatus } from '../../common/graphql/barrack-enums';
import { DecimalScalar } from '../../common/graphql/money.scalar';
import { Snapshot } from './snapshot.model';

@ObjectType({ description: 'Billing of a restored VM, as Barrack reports it at restore time.' })
export class RestoredInstanceBilling {
  @Field(() => DecimalScalar, { description: 'Price per hour.' })
  hourlyRate!: string;

  @Field(() => Currency, { description: 'Currency of the rate.' })
  currency!: string;
}

@ObjectType({ description: 'Hardware of a restored VM (inherited from the snapshot).' })
export class RestoredInstanceSpecs {
  @Field(() => GpuModel, { description: 'GPU model.' })
  gpuModel!: string;

  @Field(() => Int, { description: 'Number of GPUs.' })
  gpuCount!: number;

  @Field(() => Int, { description: 'Memory in GB.' })
  ramGb!: number;

  @Field(() => Int, { description: 'Virtual CPU cores.' })
  vcpus!: number;

  @Field(() => Int, { description: 'Storage in GB.' })
  storageGb!: number;
}

@ObjectType({
  description: "The VM a snapshot restore created, exactly as Barrack's restore answer describes it.",
})
export class RestoredInstance {
  @Field(() => ID, { description: 'Id of the new instance.' })
  instanceId!: string;

  @Field({ description: 'Name of the new instance.' })
  vmName!: string;

  @Field(() => String, { nullable: true, description: 'IP address assigned to it.' })
  ipAddress!: string | null;

  @Field({ description: 'State of the IP address, e.g. "assigned".' })
  ipStatus!: string;

  @Field(() => RestoredInstanceBilling, { description: 'Its billing rate; billing begins immediately.' })
  billing!: RestoredInstanceBilling;

  @Field(() => RestoredInstanceSpecs, { description: 'Its hardware.' })
  specs!: RestoredInstanceSpecs;

  @Field(() => VmStatus, { description: 'Its state.' })
  status!: string;

  @Field({ description: 'What it booted from ("snapshot").' })
  bootSource!: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was created.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A short reference to a snapshot.' })
export class SnapshotRef {
  @Field(() => ID, { description: 'Snapshot id.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Snapshot name.' })
  name!: string | null;
}

@ObjectType({ description: 'Result of restoreSnapshot.' })
export class RestoreSnapshotPayload extends MutationPayload {
  @Field(() => RestoredInstance, {
    nullable: true,
    description: "The new VM, with every field of Barrack's restore answer.",
  })
  restoredInstance?: RestoredInstance | null;

  @Field(() => SnapshotRef, { nullable: true, description: 'The snapshot it was restored from.' })
  sourceSnapshot?: SnapshotRef | null;

  @Field(() => String, {
    nullable: true,
    description: 'Infrastructure tier Barrack reports (e.g. "legacy").',
  })
  tier?: string | null;
}

@ObjectType({ description: 'Result of createSnapshot.' })
export class CreateSnapshotPayload extends MutationPayload {
  @Field(() => Snapshot, { nullable: true, description: 'The new snapshot (CREATING until ready).' })
  snapshot?: Snapshot | null;
}

@ObjectType({ description: 'Result of deleteSnapshot.' })
export class DeleteSnapshotPayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: 'The deleted snapshot.' })
  deletedSnapshotId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The image deleted with it, when one had been made from it.',
  })
  deletedImageId?: string | null;
}
