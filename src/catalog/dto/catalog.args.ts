import { ArgsType, Field, Float, InputType, Int } from '@nestjs/graphql';
import { Currency, GpuModel, Region as RegionCode } from '../../common/graphql/barrack-enums';

@ArgsType()
export class GpuStockArgs {
  @Field(() => RegionCode, { nullable: true, description: 'Only this region.' })
  region?: RegionCode | null;

  @Field(() => GpuModel, { nullable: true, description: 'Only this GPU model.' })
  gpuModel?: GpuModel | null;
}

@ArgsType()
export class GpuSpecsArgs {
  @Field(() => RegionCode, { nullable: true, description: 'Only flavours offered in this region.' })
  region?: RegionCode | null;

  @Field(() => GpuModel, { nullable: true, description: 'Only this GPU model.' })
  gpuModel?: GpuModel | null;
}

@ArgsType()
export class PricingArgs {
  @Field(() => Currency, {
    nullable: true,
    description: "Currency of the prices; default the account's currency.",
  })
  currency?: Currency | null;

  @Field(() => RegionCode, { nullable: true, description: 'Prices in this region (sent to Barrack).' })
  region?: RegionCode | null;

  @Field(() => GpuModel, { nullable: true, description: 'Only this GPU model (filtered in the gateway).' })
  gpuModel?: GpuModel | null;
}

@ArgsType()
export class OsImagesArgs {
  @Field(() => RegionCode, { nullable: true, description: 'Only images offered in this region.' })
  region?: RegionCode | null;
}

@InputType({ description: 'What to quote: a flavour (GPU model x count), where, and for how long.' })
export class PriceQuoteInput {
  @Field(() => GpuModel, { description: 'GPU model.' })
  gpuModel!: GpuModel;

  @Field(() => Int, { description: 'GPUs per VM: 1, 2, 4 or 8.' })
  gpuCount!: number;

  @Field(() => RegionCode, { nullable: true, description: 'Region to quote in.' })
  region?: RegionCode | null;

  @Field(() => Currency, { nullable: true, description: "Currency of the quote; default the account's." })
  currency?: Currency | null;

  @Field(() => Float, { nullable: true, description: 'Hours to quote, more than 0; default 1.' })
  hours?: number | null;
}
