import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Direction,
  Ethertype,
  Protocol,
  Region as RegionCode,
  VmStatus,
} from '../../common/graphql/barrack-enums';
import { PageInfo } from '../../common/graphql/page.types';

export enum FirewallStatus {
  SUCCESS = 'SUCCESS',
  CREATING = 'CREATING',
  ERROR = 'ERROR',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(FirewallStatus, {
  name: 'FirewallStatus',
  description: 'Provisioning state of a firewall.',
  valuesMap: {
    SUCCESS: { description: 'Ready: rules apply to attached instances.' },
    CREATING: { description: 'Being created.' },
    ERROR: { description: 'Creation failed.' },
    UNKNOWN: { description: 'A value Barrack sent that this gateway version does not know yet.' },
  },
});

@ObjectType({ description: 'A rule of a firewall: traffic it allows.' })
export class FirewallRule {
  @Field(() => ID, { description: 'Rule id (use it with removeFirewallRule).' })
  id!: string;

  @Field(() => Direction, { description: 'Traffic direction the rule allows.' })
  direction!: string;

  @Field(() => Protocol, { description: 'IP protocol the rule allows.' })
  protocol!: string;

  @Field(() => Ethertype, { description: 'IP version the rule applies to.' })
  ethertype!: string;

  @Field({ description: 'Remote address range in CIDR notation, e.g. 0.0.0.0/0.' })
  remoteIpPrefix!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Lowest port allowed (TCP/UDP only); null means all ports.',
  })
  portRangeMin!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Highest port allowed (TCP/UDP only); null means all ports.',
  })
  portRangeMax!: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Barrack's status of the rule (rules may take minutes to apply).",
  })
  status!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the rule was added.' })
  createdAt!: Date | null;
}

@ObjectType({ description: 'An instance a firewall is attached to, as the firewall reports it.' })
export class FirewallAttachment {
  @Field(() => ID, { description: 'Instance id.' })
  instanceId!: string;

  @Field(() => String, { nullable: true, description: 'Instance name.' })
  name!: string | null;

  @Field(() => VmStatus, { nullable: true, description: 'Instance state as the firewall last saw it.' })
  status!: string | null;
}

@ObjectType({
  description:
    'A firewall: a named set of rules in one region, attached to ACTIVE instances of that region. At most 25 per account.',
})
export class Firewall {
  @Field(() => ID, { description: 'Firewall id, e.g. BRK-123456F.' })
  id!: string;

  @Field({ description: 'Name (1-50 characters, unique in the account).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Free-text description.' })
  description!: string | null;

  @Field(() => RegionCode, { description: 'Region; only instances of this region can be attached.' })
  region!: string;

  @Field(() => FirewallStatus, { description: 'Provisioning state.' })
  status!: FirewallStatus;

  @Field(() => [FirewallRule], { description: 'Rules, in Barrack order.' })
  rules!: FirewallRule[];

  @Field(() => Int, { description: 'Number of rules.' })
  ruleCount!: number;

  @Field(() => [FirewallAttachment], {
    description:
      'Attached instances as the firewall lists them (no extra call; see `instances` for full objects).',
  })
  attachments!: FirewallAttachment[];

  @Field(() => Int, { description: 'Number of attached instances.' })
  attachedCount!: number;

  @Field(() => GraphQLISODateTime, { description: 'When the firewall was created.' })
  createdAt!: Date;
}

@ObjectType({ description: 'One page of firewalls.' })
export class FirewallPage {
  @Field(() => [Firewall], { description: 'The firewalls on this page, in Barrack order.' })
  items!: Firewall[];

  @Field(() => PageInfo, { description: 'Where this page sits in the whole filtered list.' })
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'An instance that a firewall can be attached to (ACTIVE, in a matching region).' })
export class FirewallAvailableInstance {
  @Field(() => ID, { description: 'Instance id.' })
  instanceId!: string;

  @Field({ description: 'Instance name.' })
  name!: string;

  @Field(() => RegionCode, { description: 'Instance region.' })
  region!: string;

  @Field(() => VmStatus, { description: 'Instance state.' })
  status!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True when already attached to the firewall given as `firewallId` (null without it).',
  })
  alreadyAttached!: boolean | null;
}

@ObjectType({ description: "A firewall attached to an instance, as Barrack's per-instance view reports it." })
export class InstanceFirewall {
  @Field(() => ID, { description: 'Firewall id.' })
  id!: string;

  @Field({ description: 'Firewall name.' })
  name!: string;

  @Field(() => FirewallStatus, { nullable: true, description: 'Firewall provisioning state.' })
  status!: FirewallStatus | null;
}
