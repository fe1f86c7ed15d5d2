import { Module } from '@nestjs/common';
import { AccountApi } from '../barrack/api/account.api';
import { CatalogApi } from '../barrack/api/catalog.api';
import { CatalogResolver, GpuStockResolver, RegionResolver } from './catalog.resolver';
import { CatalogService } from './catalog.service';

/** Regions, GPU stock and specs, pricing, OS images, volume types, firewall protocols, AI models. */
@Module({
  providers: [CatalogApi, AccountApi, CatalogService, CatalogResolver, RegionResolver, GpuStockResolver],
  exports: [CatalogService],
})
export class CatalogModule {}
