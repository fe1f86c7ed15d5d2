import { referenceId, referenceIdDoc } from '../../common/graphql/reference-id';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BARRACK_ID_DOC, NODE_ID_DOC, Node } from '../../common/graphql/node';
import {
  Direction,
  Ethertype,
  Protocol,
  Region as RegionCode,
  VmStatus,
} from '../../common/graphql/barrack-enums';
import { Connection } from '../../common/graphql/connection';

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

@ObjectType({ description: 'A rule of a firewall: traffic it allows.', implements: () => [Node] })
export class FirewallRule implements Node {
  @Field(() => ID, { description: NODE_ID_DOC })
  id!: string;

  @Field(() => ID, { description: BARRACK_ID_DOC })
  barrackId!: string;

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

@ObjectType({
  description:
    'An instance a firewall is attached to, as the firewall reports it (one attachment: a firewall and an instance).',
  implements: () => [Node],
})
export class FirewallAttachment implements Node {
  @Field(() => ID, { description: `${NODE_ID_DOC} Unique per firewall and instance.` })
  id!: string;

  @Field(() => ID, {
    middleware: [referenceId('Instance')],
    description: referenceIdDoc('Instance', 'the instance (see `instance` for the Instance)'),
  })
  instanceId!: string;

  /** Barrack's id of the firewall (for node(id) and the id). */
  firewallId!: string;

  @Field(() => String, { nullable: true, description: 'Instance name.' })
  name!: string | null;

  @Field(() => VmStatus, { nullable: true, description: 'Instance state as the firewall last saw it.' })
  status!: string | null;
}

@ObjectType({
  description:
    'A firewall: a named set of rules in one region, attached to ACTIVE instances of that region. At most 25 per account.',
  implements: () => [Node],
})
export class Firewall implements Node {
  @Field(() => ID, { description: NODE_ID_DOC })
  id!: string;

  @Field(() => ID, { description: `${BARRACK_ID_DOC} E.g. BRK-123456F.` })
  barrackId!: string;

  @Field({ description: 'Name (1-50 characters, unique in the account).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Free-text description.' })
  description!: string | null;

  @Field(() => RegionCode, { description: 'Region; only instances of this region can be attached.' })
  region!: string;

  @Field(() => FirewallStatus, { description: 'Provisioning state.' })
  status!: FirewallStatus;

  /** Resolved as a connection by FirewallsResolver.rules. */
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

@ObjectType({ description: 'An instance that a firewall can be attached to (ACTIVE, in a matching region).' })
export class FirewallAvailableInstance {
  @Field(() => ID, {
    middleware: [referenceId('Instance')],
    description: referenceIdDoc('Instance', 'the instance (see `instance` for the Instance)'),
  })
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

@ObjectType({
  description: "A firewall attached to an instance, as Barrack's per-instance view reports it.",
  implements: () => [Node],
})
export class InstanceFirewall implements Node {
  @Field(() => ID, { description: `${NODE_ID_DOC} Unique per instance and firewall.` })
  id!: string;

  @Field(() => ID, {
    middleware: [referenceId('Firewall')],
    description: referenceIdDoc('Firewall', 'the firewall (see `firewall` for the Firewall)'),
  })
  firewallId!: string;

  /** Barrack's id of the instance this view is of. */
  instanceId!: string;

  @Field({ description: 'Firewall name.' })
  name!: string;

  @Field(() => FirewallStatus, { nullable: true, description: 'Firewall provisioning state.' })
  status!: FirewallStatus | null;
}

@ObjectType({ description: 'A page of firewalls (Relay connection), in Barrack order.' })
export class FirewallConnection extends Connection(Firewall, 'firewalls') {}

@ObjectType({ description: "A page of a firewall's rules (Relay connection), in Barrack order." })
export class FirewallRuleConnection extends Connection(FirewallRule, 'rules') {}
