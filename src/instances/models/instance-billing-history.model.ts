import { referenceId, referenceIdDoc } from '../../common/graphql/reference-id';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Currency, VmStatus } from '../../common/graphql/barrack-enums';
import { DecimalScalar } from '../../common/graphql/money.scalar';

@ObjectType({ description: 'One billed period of an instance.' })
export class InstanceBillingRecord {
  @Field(() => GraphQLISODateTime, { description: 'Start of the billed period.' })
  timestamp!: Date;

  @Field(() => VmStatus, {
    nullable: true,
    description: 'State the instance was in (only stable states are billed).',
  })
  state!: string | null;

  @Field(() => Int, { nullable: true, description: 'Billed minutes.' })
  minutes!: number | null;

  @Field(() => DecimalScalar, { description: 'Cost of the period.' })
  cost!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What was billed: instance, volume, snapshot, public_ip.',
  })
  resourceType!: string | null;
}

@ObjectType({ description: 'Hibernation charges within the window.' })
export class HibernationBilling {
  @Field(() => DecimalScalar, { nullable: true, description: 'Flat hourly rate while hibernated.' })
  hourlyRate!: string | null;

  @Field(() => Int, { nullable: true, description: 'Hours spent hibernated.' })
  hours!: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Cost of hibernation.' })
  cost!: string | null;
}

@ObjectType({ description: "An instance's billing over a time window, from Barrack's billing records." })
export class InstanceBillingHistory {
  @Field(() => ID, {
    middleware: [referenceId('Instance')],
    description: referenceIdDoc('Instance', 'the instance billed'),
  })
  instanceId!: string;

  @Field(() => Currency, { description: 'Currency of every amount.' })
  currency!: string;

  @Field(() => DecimalScalar, { description: 'Total cost in the window.' })
  totalCost!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Hourly rate while ACTIVE.' })
  hourlyRate!: string | null;

  @Field(() => Int, { nullable: true, description: 'Minutes billed as ACTIVE.' })
  minutesActive!: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes spent SHUTOFF.' })
  minutesShutoff!: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes spent HIBERNATED.' })
  minutesHibernated!: number | null;

  @Field(() => HibernationBilling, { nullable: true, description: 'Hibernation charges, when any.' })
  hibernation!: HibernationBilling | null;

  @Field(() => [InstanceBillingRecord], {
    description: 'Billed periods, oldest first as Barrack sends them.',
  })
  records!: InstanceBillingRecord[];
}
