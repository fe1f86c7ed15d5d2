import { ArgsType, Field, GraphQLISODateTime } from '@nestjs/graphql';

/** The time window of every billing-history field (instances, volumes, snapshots). */
@ArgsType()
export class BillingWindowArgs {
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Window start (default: Barrack decides).',
  })
  start?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Window end (default: now).' })
  end?: Date;
}
