import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Currency, GpuModel, Region as RegionCode } from '../../common/graphql/barrack-enums';
import { DecimalScalar } from '../../common/graphql/money.scalar';
import { CatalogEntry } from './catalog-entry.model';

@ObjectType({ description: 'Price of one GPU model (per VM-hour of a 1-GPU flavour).' })
export class GpuPrice {
  @Field(() => GpuModel, { description: 'GPU model.' })
  gpuModel!: GpuModel;

  @Field(() => DecimalScalar, { description: 'Price per hour, in the price list currency.' })
  hourlyRate!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Price per minute (Barrack bills by the minute), when Barrack says.',
  })
  perMinuteRate!: string | null;
}

@ObjectType({ description: "The price list, in one currency (by default the account's)." })
export class PriceList extends CatalogEntry {
  @Field(() => Currency, { description: 'Currency of every amount in this list.' })
  currency!: Currency;

  @Field(() => RegionCode, { nullable: true, description: 'The region these prices were asked for, if any.' })
  region!: RegionCode | null;

  @Field(() => [GpuPrice], { description: 'GPU prices, in Barrack order.' })
  gpus!: GpuPrice[];

  @Field(() => DecimalScalar, { nullable: true, description: 'Volume storage price per TB-hour.' })
  volumePerTbHour!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Price per hour of a hibernated VM.' })
  hibernationPerHour!: string | null;
}

@ObjectType({
  description: 'A price quote for a flavour over a duration. Reading it never charges anything.',
})
export class PriceQuote extends CatalogEntry {
  @Field(() => GpuModel, { description: 'GPU model quoted.' })
  gpuModel!: GpuModel;

  @Field(() => Int, { description: 'GPUs per VM quoted.' })
  gpuCount!: number;

  @Field(() => Float, { description: 'Hours quoted.' })
  hours!: number;

  @Field(() => Currency, { description: 'Currency of every amount in this quote.' })
  currency!: Currency;

  @Field(() => DecimalScalar, { description: 'Price per VM-hour of this flavour.' })
  hourlyRate!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Price per VM-minute, when Barrack says.' })
  perMinuteRate!: string | null;

  @Field(() => DecimalScalar, { description: 'Estimated total for `hours` hours.' })
  estimatedTotal!: string;
}
