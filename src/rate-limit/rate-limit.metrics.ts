import { Injectable, Optional } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from '../metrics/metrics.module';
import { TenantMetricLabel } from '../metrics/tenant-metric-label';

export type Budget = 'requests' | 'cost' | 'mutations';
export type LimitOutcome = 'allowed' | 'limited';

const NAME = 'gateway_rate_limit_decisions_total';

/** One label set of the counter and its count so far. */
interface Series {
  labels: Record<string, string>;
  n: number;
}

/** The slot of (budget, outcome) in a tenant's six series. */
function slotOf(budget: Budget, outcome: LimitOutcome): number {
  const b = budget === 'requests' ? 0 : budget === 'cost' ? 2 : 4;
  return outcome === 'allowed' ? b : b + 1;
}

/**
 * The decisions counted in place: plain integers per label set, found by tenant and slot (no label hashing per
 * decision), reported by the counter's `collect` at scrape time. One per counter, so limiter services sharing a
 * registry (tests) share the counts, as they shared the counter.
 */
class DecisionTallies {
  /** Every label set in the order it was first counted (the order prom-client would list them). */
  readonly series: Series[] = [];
  private readonly byTenant = new Map<string, (Series | undefined)[]>();
  private readonly untenanted: (Series | undefined)[] = [];

  slots(tenant: string | undefined): (Series | undefined)[] {
    if (tenant === undefined) return this.untenanted;
    let slots = this.byTenant.get(tenant);
    if (!slots) this.byTenant.set(tenant, (slots = []));
    return slots;
  }
}

const TALLIES = new WeakMap<Counter<string>, DecisionTallies>();

/**
 * Allowed and limited decisions per budget (and tenant, with METRICS_TENANT_LABELS=true), on the app's registry.
 * Every draw records one or two decisions (a cache hit too), so they are counted with one integer increment and
 * handed to the Prometheus counter when /metrics is scraped (as ResponseCacheMetrics does): same names, labels
 * (in the same order) and values as counting with `inc` directly.
 */
@Injectable()
export class RateLimitMetrics {
  private readonly tallies: DecisionTallies;

  private readonly tenantLabel: TenantMetricLabel;

  constructor(registry: MetricsRegistry, @Optional() tenantLabel?: TenantMetricLabel) {
    this.tenantLabel = tenantLabel ?? TenantMetricLabel.of(false);
    // Several limiter services may share one registry (tests): they share the counter and its tallies.
    const existing = registry.getSingleMetric(NAME) as Counter<string> | undefined;
    const found = existing && TALLIES.get(existing);
    if (found) {
      this.tallies = found;
      return;
    }
    const tallies = new DecisionTallies();
    const counter = new Counter({
      name: NAME,
      help: 'Rate-limit decisions per budget (requests, cost, mutations) and outcome (allowed, limited); per tenant only with METRICS_TENANT_LABELS=true.',
      labelNames: this.tenantLabel.names(['budget', 'outcome']),
      registers: [registry],
      collect(this: Counter<string>) {
        this.reset();
        for (const s of tallies.series) this.inc(s.labels, s.n);
      },
    });
    TALLIES.set(counter, tallies);
    this.tallies = tallies;
  }

  record(tenant: string, budget: Budget, outcome: LimitOutcome): void {
    const slots = this.tallies.slots(this.tenantLabel.enabled ? tenant : undefined);
    const i = slotOf(budget, outcome);
    let s = slots[i];
    if (s === undefined) {
      s = { labels: this.tenantLabel.values(tenant, { budget, outcome }), n: 0 };
      slots[i] = s;
      this.tallies.series.push(s);
    }
    s.n++;
  }
}
