import { ArgsType, Field, Float, InputType, Int } from '@nestjs/graphql';
import {
  CurrencyInput,
  GpuModelInput,
  RegionInput as RegionCodeInput,
} from '../../common/graphql/barrack-enums';

@ArgsType()
export class GpuStockArgs {
  @Field(() => RegionCodeInput, { nullable: true, description: 'Only this region.' })
  region?: string | null;

  @Field(() => GpuModelInput, { nullable: true, description: 'Only this GPU model.' })
  gpuModel?: string | null;
}

@ArgsType()
export class GpuSpecsArgs {
  @Field(() => RegionCodeInput, { nullable: true, description: 'Only flavours offered in this region.' })
  region?: string | null;

  @Field(() => GpuModelInput, { nullable: true, description: 'Only this GPU model.' })
  gpuModel?: string | null;
}

@ArgsType()
export class PricingArgs {
  @Field(() => CurrencyInput, {
    nullable: true,
    description: "Currency of the prices; default the account's currency.",
  })
  currency?: string | null;

  @Field(() => RegionCodeInput, { nullable: true, description: 'Prices in this region (sent to Barrack).' })
  region?: string | null;

  @Field(() => GpuModelInput, {
    nullable: true,
    description: 'Only this GPU model (filtered in the gateway).',
  })
  gpuModel?: string | null;
}

@ArgsType()
export class OsImagesArgs {
  @Field(() => RegionCodeInput, { nullable: true, description: 'Only images offered in this region.' })
  region?: string | null;
}

@InputType({ description: 'What to quote: a flavour (GPU model x count), where, and for how long.' })
export class PriceQuoteInput {
  @Field(() => GpuModelInput, { description: 'GPU model.' })
  gpuModel!: string;

  @Field(() => Int, { description: 'GPUs per VM: 1, 2, 4 or 8.' })
  gpuCount!: number;

  @Field(() => RegionCodeInput, { nullable: true, description: 'Region to quote in.' })
  region?: string | null;

  @Field(() => CurrencyInput, {
    nullable: true,
    description: "Currency of the quote; default the account's.",
  })
  currency?: string | null;

  @Field(() => Float, { nullable: true, description: 'Hours to quote, more than 0; default 1.' })
  hours?: number | null;
}
