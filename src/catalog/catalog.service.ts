import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { AccountApi } from '../barrack/api/account.api';
import { CatalogApi } from '../barrack/api/catalog.api';
import type { components } from '../barrack/contract/barrack-api.types';
import {
  currencyOfBalance,
  gpuSpecsNeedCurrency,
  toAiModels,
  toFirewallProtocols,
  toGpuSpecs,
  toGpuStocks,
  toOsImages,
  toPriceList,
  toPriceQuote,
  toPriceQuoteRequest,
  toRegions,
  toVolumeTypes,
} from './catalog.mapper';
import { UpstreamContextFactory } from '../barrack/upstream-context.factory';
import { type Cached, CacheService } from '../cache/cache.service';
import { memoize, type GqlContext } from '../common/context/gql-context';
import { CURRENCIES, REGIONS } from '../common/graphql/barrack-enums';
import type {
  GpuSpecsArgs,
  GpuStockArgs,
  OsImagesArgs,
  PriceQuoteInput,
  PricingArgs,
} from './dto/catalog.args';
import type { AiModel } from './models/ai-model.model';
import type { CatalogStamp } from './models/catalog-entry.model';
import type { FirewallProtocol } from './models/firewall-protocol.model';
import type { GpuSpec } from './models/gpu-spec.model';
import type { GpuStock } from './models/gpu-stock.model';
import type { OsImage } from './models/os-image.model';
import type { PriceList, PriceQuote } from './models/pricing.model';
import type { Region } from './models/region.model';
import type { VolumeType } from './models/volume-type.model';

type S = components['schemas'];

const stamp = (c: Cached<unknown>): CatalogStamp => ({ asOf: c.asOf, stale: c.stale });

/** What the aiModels and gpuSpecs entries hold: Barrack's answer plus the account currency its money is in. */
type WithCurrency<T> = T & { accountCurrency?: S['CurrencyEnum'] | null };

/**
 * The catalogue: every read goes through the cache. Which reads one tenant may share with another is not
 * decided here: every read passes the caller's tenant, and CACHE_KIND_POLICY (src/cache/cache-kinds.ts)
 * decides whether the key carries it. Small lists (stock, specs, OS images) are cached whole per scope and
 * filtered here, so every filter combination and every graph edge shares one entry. Within one request,
 * edges (Region.gpuStock, Region.pricing, GpuStock.region) go through DataLoaders.
 *
 * Money always carries its currency: where Barrack's answer leaves it out (AI model prices, a spec without
 * `currency`), the gateway adds the account's currency from getBalance, read together with the answer and
 * cached in the same per-tenant entry.
 */
@Injectable()
export class CatalogService {
  constructor(
    private readonly api: CatalogApi,
    private readonly cache: CacheService,
    private readonly upstream: UpstreamContextFactory,
    private readonly account: AccountApi,
  ) {}

  async regions(ctx: GqlContext): Promise<Region[]> {
    return memoize(ctx, 'catalog:regions', async () => {
      const upstream = this.upstream.for(ctx);
      const c = await this.cache.getOrLoad(
        { kind: 'regions', tenantId: upstream.tenantId, key: 'regions' },
        async () => (await this.api.listRegions(upstream)).data,
        ctx,
      );
      return toRegions(c.value, stamp(c));
    });
  }

  async gpuStock(ctx: GqlContext, args: GpuStockArgs = {}): Promise<GpuStock[]> {
    const all = await memoize(ctx, 'catalog:gpuStock', async () => {
      const upstream = this.upstream.for(ctx);
      const c = await this.cache.getOrLoad(
        { kind: 'gpuStock', tenantId: upstream.tenantId, key: 'gpuStock' },
        async () => (await this.api.listGpuStocks(upstream)).data,
        ctx,
      );
      return toGpuStocks(c.value, stamp(c));
    });
    return all.filter(
      (s) =>
        (!args.region || s.regionCode === args.region) && (!args.gpuModel || s.gpuModel === args.gpuModel),
    );
  }

  async gpuSpecs(ctx: GqlContext, args: GpuSpecsArgs = {}): Promise<GpuSpec[]> {
    const upstream = this.upstream.for(ctx);
    const c = await this.cache.getOrLoad(
      { kind: 'gpuSpecs', tenantId: upstream.tenantId, key: 'gpuSpecs' },
      async (): Promise<WithCurrency<S['GPUSpecs']>> => {
        const specs = (await this.api.getGpuSpecs(upstream)).data;
        // A priced flavour without a currency gets the account's; unpriced lists need no balance read.
        return gpuSpecsNeedCurrency(specs)
          ? { ...specs, accountCurrency: await this.accountCurrency(ctx) }
          : specs;
      },
      ctx,
    );
    return toGpuSpecs(c.value, stamp(c), c.value.accountCurrency ?? null).filter(
      (s) =>
        (!args.region || s.regions.includes(args.region)) && (!args.gpuModel || s.gpuModel === args.gpuModel),
    );
  }

  async pricing(ctx: GqlContext, args: PricingArgs = {}): Promise<PriceList> {
    const upstream = this.upstream.for(ctx);
    const query = {
      currency: args.currency ? CURRENCIES.toWire(args.currency) : undefined,
      region: args.region ? REGIONS.toWire(args.region) : undefined,
    };
    const c = await this.cache.getOrLoad(
      {
        kind: 'pricing',
        tenantId: upstream.tenantId,
        key: `currency=${query.currency ?? ''}&region=${query.region ?? ''}`,
      },
      async () => (await this.api.getPricing(upstream, query)).data,
      ctx,
    );
    const list = toPriceList(c.value, query.region ?? null, stamp(c));
    return args.gpuModel ? { ...list, gpus: list.gpus.filter((g) => g.gpuModel === args.gpuModel) } : list;
  }

  async priceQuote(ctx: GqlContext, input: PriceQuoteInput): Promise<PriceQuote> {
    const body = toPriceQuoteRequest(input);
    const upstream = this.upstream.for(ctx);
    const c = await this.cache.getOrLoad(
      { kind: 'pricingQuote', tenantId: upstream.tenantId, key: canonicalJson(body) },
      async () => (await this.api.quotePricing(upstream, body)).data,
      ctx,
    );
    return toPriceQuote(c.value, body.hours ?? 1, stamp(c));
  }

  async osImages(ctx: GqlContext, args: OsImagesArgs = {}): Promise<OsImage[]> {
    const upstream = this.upstream.for(ctx);
    const c = await this.cache.getOrLoad(
      { kind: 'osImages', tenantId: upstream.tenantId, key: 'osImages' },
      async () => (await this.api.listOsImages(upstream)).data,
      ctx,
    );
    return toOsImages(c.value, stamp(c)).filter((i) => !args.region || i.region === args.region);
  }

  async volumeTypes(ctx: GqlContext): Promise<VolumeType[]> {
    const upstream = this.upstream.for(ctx);
    const c = await this.cache.getOrLoad(
      { kind: 'volumeTypes', tenantId: upstream.tenantId, key: 'volumeTypes' },
      async () => (await this.api.listVolumeTypes(upstream)).data,
      ctx,
    );
    return toVolumeTypes(c.value, stamp(c));
  }

  async firewallProtocols(ctx: GqlContext): Promise<FirewallProtocol[]> {
    const upstream = this.upstream.for(ctx);
    const c = await this.cache.getOrLoad(
      { kind: 'firewallProtocols', tenantId: upstream.tenantId, key: 'firewallProtocols' },
      async () => (await this.api.listFirewallProtocols(upstream)).data,
      ctx,
    );
    return toFirewallProtocols(c.value, stamp(c));
  }

  async aiModels(ctx: GqlContext): Promise<AiModel[]> {
    const upstream = this.upstream.for(ctx);
    const c = await this.cache.getOrLoad(
      { kind: 'aiModels', tenantId: upstream.tenantId, key: 'aiModels' },
      async (): Promise<WithCurrency<S['AiModels']>> => {
        // Barrack prices AI models in the account currency but does not say which: read it alongside.
        const [models, currency] = await Promise.all([
          this.api.listAiModels(upstream),
          this.accountCurrency(ctx),
        ]);
        return { ...models.data, accountCurrency: currency };
      },
      ctx,
    );
    return toAiModels(c.value, stamp(c), c.value.accountCurrency ?? null);
  }

  /** The account's currency, read once per request from getBalance (the currency follows the billing country). */
  private accountCurrency(ctx: GqlContext): Promise<S['CurrencyEnum']> {
    return memoize(ctx, 'catalog:accountCurrency', async () => {
      return currencyOfBalance((await this.account.balance(this.upstream.for(ctx))).data);
    });
  }

  /** Region.gpuStock: one stock read per request, grouped by region. */
  stockOfRegion(ctx: GqlContext, region: string): Promise<GpuStock[]> {
    const loader = memoize(
      ctx,
      'catalog:stockByRegion',
      () =>
        new DataLoader<string, GpuStock[]>(async (regions) => {
          const all = await this.gpuStock(ctx);
          return regions.map((r) => all.filter((s) => s.regionCode === r));
        }),
    );
    return loader.load(region);
  }

  /** Region.pricing: one price-list read per distinct (region, currency) in the request. */
  pricingOfRegion(ctx: GqlContext, region: string, currency: string | null | undefined): Promise<PriceList> {
    const loader = memoize(
      ctx,
      'catalog:pricingByRegion',
      () =>
        new DataLoader<string, PriceList>((keys) =>
          Promise.all(
            keys.map((k) => {
              const [r, cur] = k.split('|');
              return this.pricing(ctx, { region: r || null, currency: cur || null });
            }),
          ),
        ),
    );
    return loader.load(`${region}|${currency ?? ''}`);
  }

  /** GpuStock.region: the regions list read once per request. */
  async regionByCode(ctx: GqlContext, code: string): Promise<Region | null> {
    return (await this.regions(ctx)).find((r) => r.code === code) ?? null;
  }
}

/** JSON with sorted keys: equal requests give equal cache keys whatever the field order. */
export function canonicalJson(value: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))));
}
