import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';

/** When a catalogue value was read from Barrack, and whether it is served past its freshness window. */
export interface CatalogStamp {
  asOf: Date;
  stale: boolean;
}

/**
 * Fields every catalogue object carries, so a console can say "prices as of 12:03" and grey out stale data.
 * Abstract: it only lends its fields to the concrete types.
 */
@ObjectType({ isAbstract: true })
export abstract class CatalogEntry {
  @Field(() => GraphQLISODateTime, {
    description: 'When the gateway read this value from Barrack (it is served from the catalogue cache).',
  })
  asOf!: Date;

  @Field({
    description:
      'True when the value is older than its cache lifetime: either a refresh is running or Barrack is failing and the last good value is shown.',
  })
  stale!: boolean;
}
