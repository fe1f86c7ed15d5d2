import { CURRENCIES } from '../graphql/barrack-enums';
import type { StorageBillingHistory } from '../graphql/storage-billing.model';
import { moneyOrNull, wireDate } from './wire-values';

/** What Barrack's volume and snapshot billing answers share (each names its resource in its own field). */
export interface WireStorageBilling {
  currency?: string | null;
  hourly_rate?: number | string | null;
  total_cost?: number | string | null;
  records: { hour: string; size_gb?: number | null; cost?: number | string | null }[];
}

/** Storage billing of one volume or snapshot; `resourceId` is its global id. */
export function toStorageBilling(resourceId: string, w: WireStorageBilling): StorageBillingHistory {
  return {
    resourceId,
    currency: CURRENCIES.fromWire(w.currency),
    hourlyRate: moneyOrNull(w.hourly_rate) ?? '0',
    totalCost: moneyOrNull(w.total_cost) ?? '0',
    records: w.records.map((r) => ({
      hour: wireDate(r.hour, 'billing hour'),
      sizeGb: typeof r.size_gb === 'number' ? r.size_gb : null,
      cost: moneyOrNull(r.cost) ?? '0',
    })),
  };
}
