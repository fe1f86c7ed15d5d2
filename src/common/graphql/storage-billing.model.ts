import { Field, Float, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Currency } from './barrack-enums';
import { DecimalScalar } from './money.scalar';

@ObjectType({ description: 'One billed hour of storage.' })
export class StorageBillingRecord {
  @Field(() => GraphQLISODateTime, { description: 'The hour billed.' })
  hour!: Date;

  @Field(() => Float, { nullable: true, description: 'Size billed, in GB.' })
  sizeGb!: number | null;

  @Field(() => DecimalScalar, { description: 'Cost of the hour.' })
  cost!: string;
}

@ObjectType({ description: 'Storage billing (a volume or a snapshot) over a time window.' })
export class StorageBillingHistory {
  @Field(() => ID, {
    description:
      'Global id of the volume or snapshot billed (its `id`; node(id) returns the Volume or Snapshot).',
  })
  resourceId!: string;

  @Field(() => Currency, { description: 'Currency of every amount.' })
  currency!: string;

  @Field(() => DecimalScalar, { description: 'Current hourly rate.' })
  hourlyRate!: string;

  @Field(() => DecimalScalar, { description: 'Total cost in the window.' })
  totalCost!: string;

  @Field(() => [StorageBillingRecord], { description: 'Billed hours.' })
  records!: StorageBillingRecord[];
}
