import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Currency, GpuModel, Region, VmStatus } from '../../common/graphql/barrack-enums';
import { DecimalScalar } from '../../common/graphql/money.scalar';
import { BARRACK_ID_DOC, NODE_ID_DOC, Node } from '../../common/graphql/node';
import { SecurityRule } from './security-rule.model';
import { RequireFieldScopes } from '../../auth/field-scopes';

@ObjectType({ description: 'The hardware flavour an instance runs on.' })
export class InstanceFlavor {
  @Field(() => String, { nullable: true, description: "Barrack's flavour name, e.g. n3-H100x1." })
  name!: string | null;

  @Field(() => Int, { nullable: true, description: 'Virtual CPU cores.' })
  cpuCores!: number | null;

  @Field(() => Int, { nullable: true, description: 'Memory in GB.' })
  ramGb!: number | null;

  @Field(() => Int, { nullable: true, description: 'Root disk in GB.' })
  rootDiskGb!: number | null;

  @Field(() => Int, { nullable: true, description: 'Ephemeral (scratch) disk in GB.' })
  ephemeralDiskGb!: number | null;
}

@ObjectType({
  description:
    "What an instance costs, read from the instance itself (no extra Barrack call). For a time window's line items use billingHistory.",
})
export class InstanceBilling {
  @Field(() => DecimalScalar, { nullable: true, description: 'Price per hour while ACTIVE, in `currency`.' })
  hourlyRate!: string | null;

  @Field(() => Currency, { nullable: true, description: 'Currency of the amounts.' })
  currency!: string | null;

  @RequireFieldScopes('billing')
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Cost accrued by this instance so far, in `currency` (null when Barrack does not report it, or without the billing scope).',
  })
  accruedCost!: string | null;
}

@ObjectType({ description: 'A GPU virtual machine.', implements: () => [Node] })
export class Instance implements Node {
  @Field(() => ID, { description: NODE_ID_DOC })
  id!: string;

  @Field(() => ID, { description: `${BARRACK_ID_DOC} E.g. BRK-901234D.` })
  barrackId!: string;

  @Field({ description: 'Instance name (1-50 characters, unique in the account).' })
  name!: string;

  @Field(() => VmStatus, { description: 'Current state.' })
  status!: string;

  @Field(() => Region, { description: 'Region the instance runs in.' })
  region!: string;

  @Field(() => GpuModel, { description: 'GPU model.' })
  gpuModel!: string;

  @Field(() => Int, { description: 'Number of GPUs (1, 2, 4 or 8).' })
  gpuCount!: number;

  @Field(() => InstanceFlavor, { nullable: true, description: 'CPU, memory and disks of the flavour.' })
  flavor!: InstanceFlavor | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name of the OS image it booted from, when it booted from one.',
  })
  imageName!: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the SSH key installed at deploy time.' })
  sshKeyName!: string | null;

  @Field(() => String, { nullable: true, description: 'Private IP address.' })
  privateIp!: string | null;

  @Field(() => String, { nullable: true, description: 'Public IP address, when one is attached.' })
  publicIp!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'State of the public IP: ATTACHED, ATTACHING, DETACHING or DETACHED.',
  })
  publicIpStatus!: string | null;

  @Field({ description: 'True when firewalls can be attached to this instance.' })
  firewallEligible!: boolean;

  @Field(() => [SecurityRule], { description: 'Security rules applied directly to this instance.' })
  securityRules!: SecurityRule[];

  @Field(() => [String], { description: 'Labels given at deploy time.' })
  labels!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'What it booted from: image, volume, custom_image or snapshot.',
  })
  bootSource!: string | null;

  @Field(() => InstanceBilling, { description: 'Rate and accrued cost, from the instance itself.' })
  billing!: InstanceBilling;

  @Field(() => GraphQLISODateTime, { description: 'When the instance was created.' })
  createdAt!: Date;

  /** Volume ids Barrack lists as attached (not exposed: Instance.volumes resolves whole volumes). */
  attachedVolumeIds!: string[];
}
