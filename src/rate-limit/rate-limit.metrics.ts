import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from '../metrics/metrics.module';

export type Budget = 'requests' | 'cost' | 'mutations';
export type LimitOutcome = 'allowed' | 'limited';

const NAME = 'gateway_rate_limit_decisions_total';

/** Allowed and limited decisions per tenant and budget, on the app's /metrics registry. */
@Injectable()
export class RateLimitMetrics {
  private readonly decisions: Counter<'tenant' | 'budget' | 'outcome'>;

  constructor(registry: MetricsRegistry) {
    // Several limiter services may share one registry (tests); reuse the counter rather than re-register it.
    const existing = registry.getSingleMetric(NAME) as Counter<'tenant' | 'budget' | 'outcome'> | undefined;
    this.decisions =
      existing ??
      new Counter({
        name: NAME,
        help: 'Rate-limit decisions per tenant, budget (requests, cost, mutations) and outcome (allowed, limited).',
        labelNames: ['tenant', 'budget', 'outcome'],
        registers: [registry],
      });
  }

  record(tenant: string, budget: Budget, outcome: LimitOutcome): void {
    this.decisions.inc({ tenant, budget, outcome });
  }
}
