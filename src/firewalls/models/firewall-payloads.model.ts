import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Firewall, FirewallRule } from './firewall.model';

@ObjectType({ description: 'Result of createFirewall.' })
export class CreateFirewallPayload {
  @Field(() => Firewall, { description: 'The new firewall (no rules yet).' })
  firewall!: Firewall;

  @Field(() => String, { nullable: true, description: "Barrack's request id, for support." })
  requestId!: string | null;
}

@ObjectType({ description: 'Result of deleteFirewall.' })
export class DeleteFirewallPayload {
  @Field(() => ID, { description: 'Id of the deleted firewall (evict it from client caches).' })
  deletedFirewallId!: string;

  @Field(() => String, { nullable: true, description: "Barrack's request id, for support." })
  requestId!: string | null;
}

@ObjectType({ description: 'Result of addFirewallRule.' })
export class AddFirewallRulePayload {
  @Field(() => FirewallRule, { description: 'The new rule.' })
  rule!: FirewallRule;

  @Field(() => ID, { description: 'The firewall the rule was added to.' })
  firewallId!: string;

  @Field(() => String, { nullable: true, description: "Barrack's request id, for support." })
  requestId!: string | null;
}

@ObjectType({ description: 'Result of removeFirewallRule.' })
export class RemoveFirewallRulePayload {
  @Field(() => ID, { description: 'Id of the removed rule.' })
  removedRuleId!: string;

  @Field(() => ID, { description: 'The firewall the rule was removed from.' })
  firewallId!: string;

  @Field(() => String, { nullable: true, description: "Barrack's request id, for support." })
  requestId!: string | null;
}

@ObjectType({ description: 'Result of attachFirewall.' })
export class AttachFirewallPayload {
  @Field(() => ID, { description: 'The firewall attached.' })
  firewallId!: string;

  @Field(() => [ID], { description: 'Every instance the firewall is now attached to.' })
  attachedInstanceIds!: string[];

  @Field(() => String, { nullable: true, description: "Barrack's request id, for support." })
  requestId!: string | null;
}
