import { Field, ObjectType } from '@nestjs/graphql';
import { CatalogEntry } from './catalog-entry.model';

@ObjectType({ description: 'A block-storage type usable when creating a volume.' })
export class VolumeType extends CatalogEntry {
  @Field({ description: 'Type name as Barrack expects it, e.g. "Cloud-SSD".' })
  name!: string;
}
