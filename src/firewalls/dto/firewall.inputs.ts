import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  DirectionInput,
  EthertypeInput,
  ProtocolInput,
  RegionInput as RegionCodeInput,
} from '../../common/graphql/barrack-enums';
import { ConnectionArgs } from '../../common/graphql/connection';

@ArgsType()
export class FirewallsArgs extends ConnectionArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Case-insensitive part of the name or id (sent to Barrack).',
  })
  search?: string | null;

  @Field(() => RegionCodeInput, { nullable: true, description: 'Only firewalls of this region.' })
  region?: string | null;
}

@ArgsType()
export class FirewallAvailableInstancesArgs {
  @Field(() => RegionCodeInput, { nullable: true, description: 'Only instances of this region.' })
  region?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Mark instances already attached to this firewall: its `id` (or `barrackId`).',
  })
  firewallId?: string | null;
}

@InputType({ description: 'A new firewall.' })
export class CreateFirewallInput {
  @Field({ description: "1-50 characters: letters, digits, spaces, '-', '_', '.'; unique in the account." })
  name!: string;

  @Field(() => RegionCodeInput, { description: 'Region; only instances of this region can be attached.' })
  region!: string;

  @Field(() => String, { nullable: true, description: 'Free-text description, up to 255 characters.' })
  description?: string | null;
}

@InputType({ description: 'The firewall to delete. It must not be attached to any instance.' })
export class DeleteFirewallInput {
  @Field(() => ID, { description: 'Firewall id.' })
  id!: string;
}

@InputType({ description: 'A rule to add to a firewall. Checked (CIDR, ports) before Barrack is called.' })
export class AddFirewallRuleInput {
  @Field(() => ID, { description: 'Firewall id.' })
  firewallId!: string;

  @Field(() => DirectionInput, { description: 'Traffic direction to allow.' })
  direction!: string;

  @Field(() => ProtocolInput, { description: 'IP protocol to allow; ports apply to TCP and UDP only.' })
  protocol!: string;

  @Field(() => EthertypeInput, { defaultValue: 'IPV4', description: 'IP version the rule applies to.' })
  ethertype: string = 'IPV4';

  @Field({
    description: 'Remote address range in CIDR notation matching the ethertype, e.g. 0.0.0.0/0 or ::/0.',
  })
  remoteIpPrefix!: string;

  @Field(() => Int, { nullable: true, description: 'Lowest port (1-65535); omit both ports to allow all.' })
  portRangeMin?: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest port (1-65535, at least portRangeMin).' })
  portRangeMax?: number | null;
}

@InputType({ description: 'The firewall rule to remove.' })
export class RemoveFirewallRuleInput {
  @Field(() => ID, { description: 'Firewall id.' })
  firewallId!: string;

  @Field(() => ID, { description: 'Rule id.' })
  ruleId!: string;
}

@InputType({
  description:
    'Instances to attach a firewall to: ACTIVE instances in the firewall region (INVALID_STATE otherwise).',
})
export class AttachFirewallInput {
  @Field(() => ID, { description: 'Firewall id.' })
  firewallId!: string;

  @Field(() => [ID], { description: '1 to 50 instance ids; they are added to the current attachments.' })
  instanceIds!: string[];
}
