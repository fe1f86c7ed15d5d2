import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GpuModel, Region as RegionCode } from '../../common/graphql/barrack-enums';
import { CatalogEntry } from './catalog-entry.model';

@ObjectType({ description: 'How many VMs of one GPU count can be deployed right now.' })
export class GpuStockConfiguration {
  @Field(() => Int, { description: 'GPUs per VM (1, 2, 4, 8, sometimes 10).' })
  gpuCount!: number;

  @Field(() => Int, { description: 'VMs with that many GPUs that can be deployed now.' })
  deployableVms!: number;
}

@ObjectType({ description: 'Availability of one GPU model in one region. Changes within seconds.' })
export class GpuStock extends CatalogEntry {
  @Field(() => RegionCode, {
    description: 'Region of this stock entry (see the `region` field for details).',
  })
  regionCode!: RegionCode;

  @Field(() => GpuModel, { description: 'GPU model.' })
  gpuModel!: GpuModel;

  @Field({
    description: 'GPU model as Barrack names it, e.g. "H100-SXM5-80GB" (useful when gpuModel is UNKNOWN).',
  })
  gpuModelName!: string;

  @Field(() => String, { nullable: true, description: 'Kind of stock as Barrack labels it (e.g. "GPU").' })
  stockType!: string | null;

  @Field({
    description: 'Available GPUs as Barrack reports it: a lower bound such as "200+"; never over-reports.',
  })
  available!: string;

  @Field(() => Int, {
    description:
      'The number in `available` (e.g. 200 for "200+"), 0 when it cannot be read: at least this many.',
  })
  availableAtLeast!: number;

  @Field(() => Int, { nullable: true, description: 'GPUs planned to be added within 7 days, when known.' })
  planned7Days!: number | null;

  @Field(() => Int, { nullable: true, description: 'GPUs planned to be added within 30 days, when known.' })
  planned30Days!: number | null;

  @Field(() => Int, { nullable: true, description: 'GPUs planned to be added within 100 days, when known.' })
  planned100Days!: number | null;

  @Field(() => [GpuStockConfiguration], {
    description: 'Deployable VMs per GPU count, ordered by GPU count. A count with 0 cannot be deployed now.',
  })
  configurations!: GpuStockConfiguration[];
}
