import { DEFAULT_PLAN } from '../tenancy/tenants-file.schema';

/**
 * A tenant's rate-limit plan. The tenant registry (tenancy/) reads plans from the tenants file and answers
 * `planFor(tenantId)`; a tenant without a plan gets DEFAULT_RATE_LIMIT_PLAN. The numbers are per window:
 * RATE_LIMIT_WINDOW_S (default 60 s, so "per minute") for requests and cost, 60 windows (an hour) for
 * billable mutations.
 */
export interface RateLimitPlan {
  /** GraphQL operations per window (a batched HTTP request counts each operation). */
  requestsPerMinute: number;
  /** Query cost points per window (see the cost model in the README). */
  costPerMinute: number;
  /** Extra requests allowed above requestsPerMinute, refilled once per 10 windows (short spikes). */
  burst: number;
  /**
   * Creates of paid resources per hour (root mutations marked @BillableMutation(): createInstance,
   * restoreSnapshot, createVolume, cloneVolume) that reach Barrack; replays and refusals are not counted.
   */
  billableMutationsPerHour: number;
  /**
   * false: one budget shared by the whole tenant. true: every principal (API key id / JWT subject) of the
   * tenant gets its own budget with these numbers, so one runaway key cannot starve the tenant's others.
   */
  perPrincipal: boolean;
}

/** One set of default numbers: the tenants file's (a tenant without a plan gets the same as no file). */
export const DEFAULT_RATE_LIMIT_PLAN: Readonly<RateLimitPlan> = Object.freeze({ ...DEFAULT_PLAN });

/**
 * Where the limiter gets a tenant's plan: the TenantRegistry (RateLimitModule binds it when the registry
 * is present); without one every tenant gets the default plan.
 */
export abstract class RateLimitPlanSource {
  abstract planFor(tenantId: string): RateLimitPlan | Promise<RateLimitPlan>;
}

/** Fills in missing or invalid numbers from the defaults, so a half-written plan never disables limiting. */
export function normalizePlan(plan: Partial<RateLimitPlan> | undefined | null): RateLimitPlan {
  const num = (v: unknown, d: number, min: number): number =>
    typeof v === 'number' && Number.isFinite(v) && v >= min ? Math.floor(v) : d;
  const d = DEFAULT_RATE_LIMIT_PLAN;
  return {
    requestsPerMinute: num(plan?.requestsPerMinute, d.requestsPerMinute, 1),
    costPerMinute: num(plan?.costPerMinute, d.costPerMinute, 1),
    burst: num(plan?.burst, d.burst, 0),
    // 0 is a real plan: no billable mutations at all.
    billableMutationsPerHour: num(plan?.billableMutationsPerHour, d.billableMutationsPerHour, 0),
    perPrincipal: plan?.perPrincipal ?? d.perPrincipal,
  };
}
