import { Field, ObjectType } from '@nestjs/graphql';
import { Currency } from '../../common/graphql/barrack-enums';
import { DecimalScalar } from '../../common/graphql/money.scalar';

@ObjectType({
  description: 'The account credit balance. Credits pay for VM time (per minute) and storage (per hour).',
})
export class Balance {
  @Field(() => DecimalScalar, { description: 'Credits left, in `currency`.' })
  amount!: string;

  @Field(() => Currency, { description: 'Account currency (it follows the billing country).' })
  currency!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Balance below which Barrack blocks creating resources, when it says.',
  })
  threshold!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the balance allows deploying an instance now, when Barrack says.',
  })
  canCreateInstance!: boolean | null;
}
