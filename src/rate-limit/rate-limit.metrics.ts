import { Injectable, Optional } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from '../metrics/metrics.module';
import { TenantMetricLabel } from '../metrics/tenant-metric-label';

export type Budget = 'requests' | 'cost' | 'mutations';
export type LimitOutcome = 'allowed' | 'limited';

const NAME = 'gateway_rate_limit_decisions_total';

/** Allowed and limited decisions per budget (and tenant, with METRICS_TENANT_LABELS=true), on the app's registry. */
@Injectable()
export class RateLimitMetrics {
  private readonly decisions: Counter<'tenant' | 'budget' | 'outcome'>;

  private readonly tenantLabel: TenantMetricLabel;

  constructor(registry: MetricsRegistry, @Optional() tenantLabel?: TenantMetricLabel) {
    this.tenantLabel = tenantLabel ?? TenantMetricLabel.of(false);
    // Several limiter services may share one registry (tests); reuse the counter rather than re-register it.
    const existing = registry.getSingleMetric(NAME) as Counter<'tenant' | 'budget' | 'outcome'> | undefined;
    this.decisions =
      existing ??
      new Counter({
        name: NAME,
        help: 'Rate-limit decisions per budget (requests, cost, mutations) and outcome (allowed, limited); per tenant only with METRICS_TENANT_LABELS=true.',
        labelNames: this.tenantLabel.names(['budget', 'outcome']),
        registers: [registry],
      });
  }

  record(tenant: string, budget: Budget, outcome: LimitOutcome): void {
    this.decisions.inc(this.tenantLabel.values(tenant, { budget, outcome }));
  }
}
