import { referenceId, referenceIdDoc } from '../../common/graphql/reference-id';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MutationPayload } from '../../common/graphql/user-error';
import { Firewall, FirewallRule } from './firewall.model';

@ObjectType({ description: 'Result of createFirewall.' })
export class CreateFirewallPayload extends MutationPayload {
  @Field(() => Firewall, { nullable: true, description: 'The new firewall (no rules yet).' })
  firewall?: Firewall | null;
}

@ObjectType({ description: 'Result of deleteFirewall.' })
export class DeleteFirewallPayload extends MutationPayload {
  @Field(() => ID, {
    nullable: true,
    description: 'Id of the deleted firewall (evict it from client caches).',
  })
  deletedFirewallId?: string | null;
}

@ObjectType({ description: 'Result of addFirewallRule.' })
export class AddFirewallRulePayload extends MutationPayload {
  @Field(() => FirewallRule, { nullable: true, description: 'The new rule.' })
  rule?: FirewallRule | null;

  @Field(() => ID, {
    nullable: true,
    middleware: [referenceId('Firewall')],
    description: referenceIdDoc('Firewall', 'the firewall acted on'),
  })
  firewallId?: string | null;
}

@ObjectType({ description: 'Result of removeFirewallRule.' })
export class RemoveFirewallRulePayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: 'Id of the removed rule.' })
  removedRuleId?: string | null;

  @Field(() => ID, {
    nullable: true,
    middleware: [referenceId('Firewall')],
    description: referenceIdDoc('Firewall', 'the firewall acted on'),
  })
  firewallId?: string | null;
}

@ObjectType({ description: 'Result of attachFirewall.' })
export class AttachFirewallPayload extends MutationPayload {
  @Field(() => ID, {
    nullable: true,
    middleware: [referenceId('Firewall')],
    description: referenceIdDoc('Firewall', 'the firewall acted on'),
  })
  firewallId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    middleware: [referenceId('Instance')],
    description: referenceIdDoc('Instance', 'every instance the firewall is now attached to'),
  })
  attachedInstanceIds?: string[] | null;
}
