import { Controller, Get, Global, Header, Module } from '@nestjs/common';
import { Public } from '../auth/scopes.decorator';
import { Registry, collectDefaultMetrics } from 'prom-client';

/** One Prometheus registry per app instance (not the global one, so several apps can run in one test). */
export class MetricsRegistry extends Registry {}

@Public()
@Controller()
export class MetricsController {
  constructor(private readonly registry: MetricsRegistry) {}

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: MetricsRegistry,
      useFactory: () => {
        const r = new MetricsRegistry();
        collectDefaultMetrics({ register: r });
        return r;
      },
    },
  ],
  controllers: [MetricsController],
  exports: [MetricsRegistry],
})
export class MetricsModule {}
