import { Injectable } from '@nestjs/common';
import type { components } from '../contract/barrack-api.types';
import type { BarrackResult, UpstreamContext } from '../http/barrack-call';
import { BarrackHttpClient } from '../http/barrack-http.client';

type S = components['schemas'];

export interface PricingQuery {
  currency?: S['CurrencyEnum'];
  region?: S['RegionEnum'];
  gpu_model?: S['GpuModelEnum'];
}

/**
 * The slow-changing catalogue reads (regions, stock, specs, prices, OS images, volume types, firewall
 * protocols, AI models). They sit together, although Barrack files some under Volumes, Firewalls or AI Chat,
 * because they share one behaviour in the gateway: read-only and served through the catalogue cache.
 */
@Injectable()
export class CatalogApi {
  constructor(private readonly http: BarrackHttpClient) {}

  listRegions(ctx: UpstreamContext): Promise<BarrackResult<S['Regions']>> {
    return this.http.request({ method: 'GET', path: '/regions/', operationId: 'listRegions' }, ctx);
  }

  listGpuStocks(ctx: UpstreamContext, region?: S['RegionEnum']): Promise<BarrackResult<S['GPUStocks']>> {
    return this.http.request(
      { method: 'GET', path: '/gpu-stocks/', query: { region }, operationId: 'listGpuStocks' },
      ctx,
    );
  }

  getGpuSpecs(
    ctx: UpstreamContext,
    query: { region?: S['RegionEnum']; gpu_model?: S['GpuModelEnum'] } = {},
  ): Promise<BarrackResult<S['GPUSpecs']>> {
    return this.http.request(
      { method: 'GET', path: '/gpu-specs/', query: { ...query }, operationId: 'getGpuSpecs' },
      ctx,
    );
  }

  getPricing(ctx: UpstreamContext, query: PricingQuery = {}): Promise<BarrackResult<S['Pricing']>> {
    return this.http.request(
      { method: 'GET', path: '/pricing/', query: { ...query }, operationId: 'getPricing' },
      ctx,
    );
  }

  /** A POST, but without side effects: it computes a quote. The client does not retry it (POST), we cache it. */
  quotePricing(ctx: UpstreamContext, body: S['PricingRequest']): Promise<BarrackResult<S['PricingQuote']>> {
    return this.http.request({ method: 'POST', path: '/pricing/', body, operationId: 'quotePricing' }, ctx);
  }

  listOsImages(ctx: UpstreamContext, region?: S['RegionEnum']): Promise<BarrackResult<S['OSImages']>> {
    return this.http.request(
      { method: 'GET', path: '/images/os/', query: { region }, operationId: 'listOsImages' },
      ctx,
    );
  }

  listVolumeTypes(ctx: UpstreamContext): Promise<BarrackResult<S['VolumeTypes']>> {
    return this.http.request({ method: 'GET', path: '/volumes/types/', operationId: 'listVolumeTypes' }, ctx);
  }

  listFirewallProtocols(ctx: UpstreamContext): Promise<BarrackResult<S['Protocols']>> {
    return this.http.request(
      { method: 'GET', path: '/firewalls/protocols/', operationId: 'listFirewallProtocols' },
      ctx,
    );
  }

  listAiModels(ctx: UpstreamContext): Promise<BarrackResult<S['AiModels']>> {
    return this.http.request({ method: 'GET', path: '/ai/models/', operationId: 'listAiModels' }, ctx);
  }
}
