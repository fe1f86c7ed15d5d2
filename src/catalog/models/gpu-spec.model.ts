import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Currency, GpuModel, Region as RegionCode } from '../../common/graphql/barrack-enums';
import { DecimalScalar } from '../../common/graphql/money.scalar';
import { NODE_ID_DOC, Node } from '../../common/graphql/node';
import { CatalogEntry } from './catalog-entry.model';

@ObjectType({
  description: 'A flavour: one GPU model times a GPU count, with its CPU, memory and disks.',
  implements: () => [Node],
})
export class GpuSpec extends CatalogEntry implements Node {
  @Field(() => ID, { description: `${NODE_ID_DOC} A flavour is its GPU model and GPU count.` })
  id!: string;

  @Field(() => GpuModel, { description: 'GPU model.' })
  gpuModel!: GpuModel;

  @Field(() => Int, { description: 'GPUs per VM.' })
  gpuCount!: number;

  @Field(() => Int, { description: 'Virtual CPUs.' })
  vcpus!: number;

  @Field(() => Float, { description: 'Memory in GB.' })
  ramGb!: number;

  @Field(() => Int, { nullable: true, description: 'Root disk in GB.' })
  rootDiskGb!: number | null;

  @Field(() => Int, { nullable: true, description: 'Ephemeral (scratch) disk in GB; lost on hibernation.' })
  ephemeralDiskGb!: number | null;

  @Field(() => [RegionCode], { description: 'Regions that offer this flavour.' })
  regions!: RegionCode[];

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Price per VM-hour, in `currency`, when Barrack says.',
  })
  hourlyRate!: string | null;

  @Field(() => Currency, {
    nullable: true,
    description:
      "Currency of `hourlyRate` (the account's when Barrack does not say); null only when `hourlyRate` is null.",
  })
  currency!: Currency | null;
}
