import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../common/graphql/page.types';
import { Snapshot } from './snapshot.model';

@ObjectType({ description: 'One page of snapshots, newest first.' })
export class SnapshotPage {
  @Field(() => [Snapshot], { description: 'The snapshots on this page.' })
  items!: Snapshot[];

  @Field(() => PageInfo, { description: 'Where this page sits in the whole filtered list.' })
  pageInfo!: PageInfo;
}
