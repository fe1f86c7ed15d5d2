import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { NODE_ID_DOC, Node } from '../../common/graphql/node';
import { Region as RegionCode } from '../../common/graphql/barrack-enums';
import { CatalogEntry } from './catalog-entry.model';

@ObjectType({
  description: 'An operating-system image a VM can boot from (pass its name when deploying).',
  implements: () => [Node],
})
export class OsImage extends CatalogEntry implements Node {
  @Field(() => ID, {
    description: `${NODE_ID_DOC} Unique per region and image: Barrack reuses one image id in several regions.`,
  })
  id!: string;

  @Field(() => ID, {
    nullable: true,
    description: "Barrack's id of the image, when it has one. The same in every region the image exists in.",
  })
  barrackId!: string | null;

  @Field({ description: 'Image name, e.g. "Ubuntu Server 22.04 LTS R535 CUDA 12.2".' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'OS family of the image (e.g. "Ubuntu"), from its group.',
  })
  family!: string | null;

  @Field(() => String, { nullable: true, description: 'Version label.' })
  version!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Size in bytes (a Float because images exceed 2^31 bytes).',
  })
  sizeBytes!: number | null;

  @Field(() => String, { nullable: true, description: 'Size for display, e.g. "2.5 GB".' })
  displaySize!: string | null;

  @Field(() => RegionCode, { nullable: true, description: 'Region that offers the image.' })
  region!: RegionCode | null;
}
