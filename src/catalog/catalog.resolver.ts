import { OnModuleInit } from '@nestjs/common';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequireScopes } from '../auth/scopes.decorator';
import type { GqlContext } from '../common/context/gql-context';
import { CurrencyInput } from '../common/graphql/barrack-enums';
import { toGlobalId } from '../common/graphql/global-id';
import { NodeRegistry } from '../common/graphql/node';
import { CatalogService } from './catalog.service';
import { GpuSpecsArgs, GpuStockArgs, OsImagesArgs, PriceQuoteInput, PricingArgs } from './dto/catalog.args';
import { AiModel } from './models/ai-model.model';
import { FirewallProtocol } from './models/firewall-protocol.model';
import { GpuSpec } from './models/gpu-spec.model';
import { GpuStock } from './models/gpu-stock.model';
import { OsImage } from './models/os-image.model';
import { PriceList, PriceQuote } from './models/pricing.model';
import { Region } from './models/region.model';
import { VolumeType } from './models/volume-type.model';
import { UpstreamCost } from '../common/graphql/upstream-cost.decorator';

@Resolver()
export class CatalogResolver implements OnModuleInit {
  constructor(
    private readonly catalog: CatalogService,
    private readonly nodes: NodeRegistry,
  ) {}

  onModuleInit(): void {
    // Catalogue objects are refetched from their cached lists (no Barrack endpoint reads one of them by id).
    this.nodes.register('OsImage', async (key, ctx) => {
      const id = toGlobalId('OsImage', key);
      return (await this.catalog.osImages(ctx)).find((i) => i.id === id) ?? null;
    });
    this.nodes.register('Region', async (key, ctx) => {
      const id = toGlobalId('Region', key);
      return (await this.catalog.regions(ctx)).find((r) => r.id === id) ?? null;
    });
    this.nodes.register('GpuSpec', async (key, ctx) => {
      const id = toGlobalId('GpuSpec', key);
      return (await this.catalog.gpuSpecs(ctx)).find((s) => s.id === id) ?? null;
    });
    this.nodes.register('AiModel', async (key, ctx) => {
      const id = toGlobalId('AiModel', key);
      return (await this.catalog.aiModels(ctx)).find((m) => m.id === id) ?? null;
    });
  }

  @Query(() => [Region], { description: 'Regions, in Barrack order. Cached (about an hour).' })
  @RequireScopes('read')
  regions(@Context() ctx: GqlContext): Promise<Region[]> {
    return this.catalog.regions(ctx);
  }

  @Query(() => [GpuStock], {
    description:
      'GPU availability per region and model, in Barrack order. Cached for seconds; check `stale`.',
  })
  @RequireScopes('read')
  gpuStock(@Context() ctx: GqlContext, @Args() args: GpuStockArgs): Promise<GpuStock[]> {
    return this.catalog.gpuStock(ctx, args);
  }

  @Query(() => [GpuSpec], { description: 'Flavours (GPU model x count) with CPU, memory and disks. Cached.' })
  @RequireScopes('read')
  gpuSpecs(@Context() ctx: GqlContext, @Args() args: GpuSpecsArgs): Promise<GpuSpec[]> {
    return this.catalog.gpuSpecs(ctx, args);
  }

  @Query(() => PriceList, { description: 'The price list for this account. Cached per tenant (minutes).' })
  @RequireScopes('read')
  pricing(@Context() ctx: GqlContext, @Args() args: PricingArgs): Promise<PriceList> {
    return this.catalog.pricing(ctx, args);
  }

  @Query(() => PriceQuote, {
    description:
      'A price quote for a flavour and duration. Nothing is charged; cached per tenant and request. Prices are catalogue data: needs the read scope.',
  })
  @RequireScopes('read')
  priceQuote(
    @Context() ctx: GqlContext,
    @Args('input', { description: 'What to quote.' }) input: PriceQuoteInput,
  ): Promise<PriceQuote> {
    return this.catalog.priceQuote(ctx, input);
  }

  @Query(() => [OsImage], {
    description: 'OS images a VM can boot from, flattened from Barrack’s groups. Cached.',
  })
  @RequireScopes('read')
  osImages(@Context() ctx: GqlContext, @Args() args: OsImagesArgs): Promise<OsImage[]> {
    return this.catalog.osImages(ctx, args);
  }

  @Query(() => [VolumeType], { description: 'Block-storage types usable when creating a volume. Cached.' })
  @RequireScopes('read')
  volumeTypes(@Context() ctx: GqlContext): Promise<VolumeType[]> {
    return this.catalog.volumeTypes(ctx);
  }

  @Query(() => [FirewallProtocol], {
    description: 'Protocols accepted in firewall and security rules. Cached.',
  })
  @RequireScopes('read')
  firewallProtocols(@Context() ctx: GqlContext): Promise<FirewallProtocol[]> {
    return this.catalog.firewallProtocols(ctx);
  }

  @Query(() => [AiModel], {
    description: 'AI models usable with createChatCompletion, with token prices. Cached.',
  })
  @RequireScopes('read')
  // The models, and the account's balance for the currency their prices are in.
  @UpstreamCost(2)
  aiModels(@Context() ctx: GqlContext): Promise<AiModel[]> {
    return this.catalog.aiModels(ctx);
  }
}

@Resolver(() => Region)
export class RegionResolver {
  constructor(private readonly catalog: CatalogService) {}

  @UpstreamCost({ shared: 'gpuStock' })
  @ResolveField(() => [GpuStock], {
    description:
      'GPU availability in this region (one stock read per request, whatever the number of regions).',
  })
  gpuStock(@Parent() region: Region, @Context() ctx: GqlContext): Promise<GpuStock[]> {
    return this.catalog.stockOfRegion(ctx, region.code);
  }

  @UpstreamCost(1)
  @ResolveField(() => PriceList, { description: 'The price list for this region.' })
  pricing(
    @Parent() region: Region,
    @Context() ctx: GqlContext,
    @Args('currency', {
      type: () => CurrencyInput,
      nullable: true,
      description: "Currency of the prices; default the account's currency.",
    })
    currency?: string | null,
  ): Promise<PriceList> {
    return this.catalog.pricingOfRegion(ctx, region.code, currency);
  }
}

@Resolver(() => GpuStock)
export class GpuStockResolver {
  constructor(private readonly catalog: CatalogService) {}

  @UpstreamCost({ shared: 'regions' })
  @ResolveField(() => Region, {
    nullable: true,
    description: 'The region of this entry (null if Barrack does not list it among the regions).',
  })
  region(@Parent() stock: GpuStock, @Context() ctx: GqlContext): Promise<Region | null> {
    return this.catalog.regionByCode(ctx, stock.regionCode);
  }
}
