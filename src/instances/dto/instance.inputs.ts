import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { GpuModelInput, RegionInput, VmStatusInput } from '../../common/graphql/barrack-enums';
import { BillingWindowArgs } from '../../common/graphql/billing-window.args';
import { ConnectionArgs } from '../../common/graphql/connection';
import { SecurityRuleInput } from '../models/security-rule.model';

const IDEMPOTENCY_KEY_DOC =
  'Optional idempotency key, the same as the Idempotency-Key header: a retry with the same key and input returns the first result instead of acting twice.';

export const InstanceOrderField = { NAME: 'NAME', CREATED_AT: 'CREATED_AT' } as const;
export type InstanceOrderField = (typeof InstanceOrderField)[keyof typeof InstanceOrderField];
registerEnumType(InstanceOrderField, {
  name: 'InstanceOrderField',
  description: 'What to order instances by.',
  valuesMap: {
    NAME: { description: 'Instance name (then id).' },
    CREATED_AT: { description: 'Creation time (then id).' },
  },
});

export const OrderDirection = { ASC: 'ASC', DESC: 'DESC' } as const;
export type OrderDirection = (typeof OrderDirection)[keyof typeof OrderDirection];
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction.',
  valuesMap: { ASC: { description: 'Ascending.' }, DESC: { description: 'Descending.' } },
});

@InputType({
  description: 'Order of an instance list. Ties are broken by id, ascending, so pages are stable.',
})
export class InstanceOrder {
  @Field(() => InstanceOrderField, { description: 'Field to order by.' })
  field!: InstanceOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction.' })
  direction: OrderDirection = OrderDirection.ASC;
}

@ArgsType()
export class InstancesArgs extends ConnectionArgs {
  @Field(() => RegionInput, {
    nullable: true,
    description: 'Only instances in this region (filtered by Barrack).',
  })
  region?: string;

  @Field(() => VmStatusInput, {
    nullable: true,
    description: 'Only instances in this state (filtered by Barrack).',
  })
  status?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Case-insensitive substring of the name or id (searched by Barrack), at most 100 characters.',
  })
  search?: string;

  @Field(() => InstanceOrder, {
    nullable: true,
    description: 'Order (done in the gateway). Default: newest first (CREATED_AT DESC), ties by id.',
  })
  orderBy?: InstanceOrder;
}

@InputType({
  description: 'A new instance. Exactly one boot source: imageName, volumeName or customImageId.',
})
export class CreateInstanceInput {
  @Field({ description: 'Name, 1-50 characters (letters, digits, spaces, - _ .), unique in the account.' })
  name!: string;

  @Field(() => GpuModelInput, { description: 'GPU model.' })
  gpuModel!: string;

  @Field(() => Int, { description: 'Number of GPUs: 1, 2, 4 or 8.' })
  gpuCount!: number;

  @Field(() => RegionInput, { description: 'Region to deploy in.' })
  region!: string;

  @Field(() => String, { nullable: true, description: 'Boot source: an OS image name (see osImages).' })
  imageName?: string;

  @Field(() => String, { nullable: true, description: 'Boot source: an existing bootable volume, by name.' })
  volumeName?: string;

  @Field(() => ID, { nullable: true, description: 'Boot source: a custom image id.' })
  customImageId?: string;

  @Field({ description: 'Name of the SSH key to install.' })
  sshKeyName!: string;

  @Field({ defaultValue: false, description: 'Attach a public IP address.' })
  assignPublicIp: boolean = false;

  @Field(() => [SecurityRuleInput], {
    nullable: true,
    description: 'Security rules to apply from the start.',
  })
  securityRules?: SecurityRuleInput[];

  @Field(() => ID, { nullable: true, description: 'Startup script to run on first boot.' })
  startupScriptId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Create a bootable volume from the OS image.' })
  createBootableVolume?: boolean;

  @Field(() => [String], { nullable: true, description: 'Free-form labels.' })
  labels?: string[];

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC })
  idempotencyKey?: string;
}

@InputType({ description: 'Identifies the instance of a lifecycle action.' })
export class InstanceActionInput {
  @Field(() => ID, { description: 'Instance id.' })
  id!: string;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DOC })
  idempotencyKey?: string;
}

@InputType({ description: 'A security rule to add to an instance (the instance must be ACTIVE).' })
export class AddInstanceSecurityRuleInput extends SecurityRuleInput {
  @Field(() => ID, { description: 'Instance id.' })
  instanceId!: string;
}

@InputType({ description: 'A security rule to remove from an instance.' })
export class RemoveInstanceSecurityRuleInput {
  @Field(() => ID, { description: 'Instance id.' })
  instanceId!: string;

  @Field(() => ID, { description: 'Rule id.' })
  ruleId!: string;
}

@ArgsType()
export class InstanceBillingHistoryArgs extends BillingWindowArgs {
  @Field(() => ID, { description: "The instance's `id` (or its `barrackId`)." })
  id!: string;
}
