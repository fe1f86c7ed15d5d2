import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Region as RegionCode } from '../../common/graphql/barrack-enums';
import { BARRACK_ID_DOC, NODE_ID_DOC, Node } from '../../common/graphql/node';
import { CatalogEntry } from './catalog-entry.model';

@ObjectType({
  description: 'A Barrack region where instances, volumes and firewalls live.',
  implements: () => [Node],
})
export class Region extends CatalogEntry implements Node {
  @Field(() => ID, { description: NODE_ID_DOC })
  id!: string;

  @Field(() => ID, {
    description: `${BARRACK_ID_DOC} Barrack names a region, e.g. "CANADA-1" (same as \`name\`).`,
  })
  barrackId!: string;

  @Field(() => RegionCode, { description: 'Region code, usable as a filter and in create inputs.' })
  code!: RegionCode;

  @Field({ description: 'Region name as Barrack writes it, e.g. "CANADA-1".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Short human description, e.g. "North America".' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Country of the data centre, when Barrack says.' })
  country!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Energy label of the region as Barrack reports it (e.g. GREEN), when known.',
  })
  greenStatus!: string | null;
}
