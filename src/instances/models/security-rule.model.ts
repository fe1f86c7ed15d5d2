import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  Direction,
  DirectionInput,
  Ethertype,
  EthertypeInput,
  Protocol,
  ProtocolInput,
} from '../../common/graphql/barrack-enums';
import { BARRACK_ID_DOC, NODE_ID_DOC, Node } from '../../common/graphql/node';

@ObjectType({
  description: 'A security rule applied directly to one instance (not through a firewall).',
  implements: () => [Node],
})
export class SecurityRule implements Node {
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

@InputType({ description: 'A security rule to add to an instance (or to deploy an instance with).' })
export class SecurityRuleInput {
  @Field(() => DirectionInput, { description: 'Traffic direction to allow.' })
  direction!: string;

  @Field(() => ProtocolInput, { description: 'IP protocol to allow; ports apply to TCP and UDP only.' })
  protocol!: string;

  @Field(() => EthertypeInput, { defaultValue: 'IPV4', description: 'IP version the rule applies to.' })
  ethertype: string = 'IPV4';

  @Field({ description: 'Remote address range in CIDR notation, e.g. 0.0.0.0/0 or 203.0.113.1/32.' })
  remoteIpPrefix!: string;

  @Field(() => Int, { nullable: true, description: 'Lowest port (1-65535); omit both ports to allow all.' })
  portRangeMin?: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest port (1-65535, at least portRangeMin).' })
  portRangeMax?: number | null;
}
