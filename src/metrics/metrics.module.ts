import {
  Controller,
  Get,
  Global,
  Header,
  Headers,
  HttpException,
  Inject,
  Module,
  NotFoundException,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { Public } from '../auth/scopes.decorator';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { bearerMatches } from './metrics-access';
import { registerMemoryMetrics } from './memory-metrics';
import { TenantMetricLabel } from './tenant-metric-label';

/** One Prometheus registry per app instance (not the global one, so several apps can run in one test). */
export class MetricsRegistry extends Registry {}

/**
 * /metrics on the MAIN port: 404 unless METRICS_TOKEN is set, and then only for `Authorization: Bearer <token>`.
 * The usual place is the metrics-only listener (METRICS_PORT, loopback by default; see metrics-server.ts).
 * @Public: the gateway's API-key guard does not apply; the metrics token does.
 */
@Public()
@Controller()
export class MetricsController {
  constructor(
    private readonly registry: MetricsRegistry,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'METRICS_TOKEN'>,
  ) {}

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics(@Headers('authorization') authorization: string | undefined): Promise<string> {
    const token = this.config.METRICS_TOKEN;
    // Same answer as any unknown path: the main port does not even say metrics exist.
    if (token === undefined) throw new NotFoundException('Cannot GET /metrics');
    if (!bearerMatches(authorization, token)) {
      throw new HttpException('Unauthorized', 401);
    }
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
    TenantMetricLabel,
  ],
  controllers: [MetricsController],
  exports: [MetricsRegistry, TenantMetricLabel],
})
export class MetricsModule implements OnModuleDestroy {
  private readonly memory: { stop(): void };

  constructor(registry: MetricsRegistry) {
    this.memory = registerMemoryMetrics(registry);
  }

  onModuleDestroy(): void {
    this.memory.stop();
  }
}
