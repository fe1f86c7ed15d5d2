import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { BARRACK_BASE_URL_OVERRIDE, BarrackEndpoint } from './barrack-endpoint';
import { BarrackHttpClient } from './http/barrack-http.client';
import { UpstreamContextFactory } from './upstream-context.factory';

/**
 * The Barrack upstream: its endpoint, the one HTTP client, and the factory that turns a GraphQL context into
 * an upstream call context. Global because every resource group's api class needs the client.
 */
@Global()
@Module({
  providers: [
    {
      provide: BarrackEndpoint,
      inject: [APP_CONFIG, { token: BARRACK_BASE_URL_OVERRIDE, optional: true }],
      useFactory: (config: AppConfig, override?: string) => BarrackEndpoint.fromConfig(config, override),
    },
    BarrackHttpClient,
    UpstreamContextFactory,
  ],
  exports: [BarrackEndpoint, BarrackHttpClient, UpstreamContextFactory],
})
export class BarrackModule {}
