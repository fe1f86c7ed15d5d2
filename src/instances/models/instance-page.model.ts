import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../common/graphql/page.types';
import { Instance } from './instance.model';

@ObjectType({ description: 'One page of instances.' })
export class InstancePage {
  @Field(() => [Instance], { description: 'The instances on this page, in the requested order.' })
  items!: Instance[];

  @Field(() => PageInfo, { description: 'Where this page sits in the whole filtered list.' })
  pageInfo!: PageInfo;
}
