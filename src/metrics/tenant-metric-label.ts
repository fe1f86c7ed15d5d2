import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * The one rule for tenant labels on metrics: none unless METRICS_TENANT_LABELS=true. Tenant ids are private
 * (anyone who can scrape would read the customer list) and unbounded in number (one time series per tenant
 * and label set). Every metric that could carry a tenant builds its label names and values through this.
 */
@Injectable()
export class TenantMetricLabel {
  readonly enabled: boolean;

  constructor(@Optional() @Inject(APP_CONFIG) config?: Pick<AppConfig, 'METRICS_TENANT_LABELS'> | null) {
    this.enabled = config?.METRICS_TENANT_LABELS ?? false;
  }

  /** For hand-built metrics in tests: labels on or off. */
  static of(enabled: boolean): TenantMetricLabel {
    return new TenantMetricLabel({ METRICS_TENANT_LABELS: enabled });
  }

  /** The label names of a metric: `tenant` first when enabled, then `others`. */
  names<L extends string>(others: readonly L[]): (L | 'tenant')[] {
    return this.enabled ? ['tenant', ...others] : [...others];
  }

  /** The label values: `tenant` included only when enabled. */
  values<V extends Record<string, string>>(tenantId: string, others: V): V & { tenant?: string } {
    return this.enabled ? { tenant: tenantId, ...others } : others;
  }
}
