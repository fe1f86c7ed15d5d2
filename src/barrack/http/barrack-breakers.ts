import {
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
  type IBreaker,
} from 'cockatiel';
import { LRUCache } from 'lru-cache';
import { BarrackUpstreamError } from '../../common/errors/barrack-upstream.error';

/** Whose calls a scoped breaker guards: one tenant's calls to one Barrack resource group. */
export interface BreakerScope {
  tenantId: string;
  /** The operation group: the first segment of the call's path ('instances', 'ai', 'volumes', ...). */
  group: string;
}

export interface BarrackBreakersOptions {
  /** Consecutive failures that open a scoped breaker (BARRACK_BREAKER_THRESHOLD). */
  threshold: number;
  /** How long a breaker stays open before one trial call (BARRACK_BREAKER_HALF_OPEN_MS). */
  halfOpenAfterMs: number;
  /** Scoped breakers kept (least recently used dropped first); a dropped breaker starts closed again. */
  maxScopes?: number;
  /** Distinct tenants whose scoped breakers must be open at once before the global one opens. */
  minTenantsForGlobal?: number;
  onGlobalState?: (state: CircuitState) => void;
  /** Called with the number of scoped breakers currently open, whenever it changes. */
  onOpenScopes?: (open: number) => void;
}

/** The operation group of a Barrack path template: '/instances/{id}/billing/' -> 'instances'. */
export function operationGroup(pathTemplate: string): string {
  return pathTemplate.split('/').find((s) => s !== '') ?? '(root)';
}

const DEFAULT_MAX_SCOPES = 10_000;
const DEFAULT_MIN_TENANTS = 2;

/**
 * Decides when the global breaker opens. A 5xx or a timeout can be one tenant's (a broken account, a model
 * that is down for one caller) and must not cut off the others, so those open the global breaker only when
 * the scoped breakers of several tenants opened since the last success anywhere. Refused or reset
 * connections say nothing about the tenant: `threshold` of them in a row, from anyone, open it.
 */
class SpreadBreaker implements IBreaker {
  private connectionFailures = 0;
  private readonly openTenants = new Set<string>();

  constructor(
    private readonly threshold: number,
    private readonly minTenants: number,
  ) {}

  get state(): unknown {
    return { connectionFailures: this.connectionFailures, openTenants: [...this.openTenants] };
  }

  set state(_value: unknown) {
    /* not serialised */
  }

  /** A failure that counts against Barrack passed through (called by the policy's error filter). */
  record(e: BarrackUpstreamError): void {
    if (e.kind === 'connection') this.connectionFailures++;
    else this.connectionFailures = 0;
  }

  scopeOpened(tenantId: string): void {
    this.openTenants.add(tenantId);
  }

  success(): void {
    this.connectionFailures = 0;
    this.openTenants.clear();
  }

  failure(state: CircuitState): boolean {
    if (state === CircuitState.HalfOpen) return true;
    return this.connectionFailures >= this.threshold || this.openTenants.size >= this.minTenants;
  }
}

/**
 * Circuit breakers for Barrack (issue 12 item 8): one per (tenant, operation group), so one tenant's failing
 * AI calls cannot stop its own or anyone else's instance reads, and one global breaker in front of them that
 * opens only when failures span several tenants or Barrack refuses connections, so a Barrack that is really
 * down still fails fast for everyone. Only failures that say "Barrack is unwell" count
 * (BarrackUpstreamError.countsAgainstBreaker: 5xx, timeouts, connection errors); a 4xx answer is a success.
 */
export class BarrackBreakers {
  private readonly scoped: LRUCache<string, CircuitBreakerPolicy>;
  private readonly spread: SpreadBreaker;
  readonly global: CircuitBreakerPolicy;
  private readonly openScopes = new Set<string>();

  constructor(private readonly options: BarrackBreakersOptions) {
    this.spread = new SpreadBreaker(options.threshold, options.minTenantsForGlobal ?? DEFAULT_MIN_TENANTS);
    this.global = circuitBreaker(
      handleWhen((e) => {
        if (!(e instanceof BarrackUpstreamError) || !e.countsAgainstBreaker) return false;
        this.spread.record(e);
        return true;
      }),
      { halfOpenAfter: options.halfOpenAfterMs, breaker: this.spread },
    );
    if (options.onGlobalState) this.global.onStateChange(options.onGlobalState);
    this.scoped = new LRUCache<string, CircuitBreakerPolicy>({
      max: options.maxScopes ?? DEFAULT_MAX_SCOPES,
      dispose: (_policy, key) => this.setScopeOpen(key, false),
    });
  }

  /** Runs one attempt through the global breaker and the scope's. Throws BrokenCircuitError when either is open. */
  execute<T>(scope: BreakerScope, fn: () => Promise<T>): Promise<T> {
    const policy = this.scopeBreaker(scope);
    return this.global.execute(() => policy.execute(fn));
  }

  /** State of one scope's breaker (Closed when it was never used or was dropped). */
  scopeState(scope: BreakerScope): CircuitState {
    return this.scoped.peek(scopeKey(scope))?.state ?? CircuitState.Closed;
  }

  private scopeBreaker(scope: BreakerScope): CircuitBreakerPolicy {
    const key = scopeKey(scope);
    const existing = this.scoped.get(key);
    if (existing) return existing;
    const policy = circuitBreaker(
      handleWhen((e) => e instanceof BarrackUpstreamError && e.countsAgainstBreaker),
      {
        halfOpenAfter: this.options.halfOpenAfterMs,
        breaker: new ConsecutiveBreaker(this.options.threshold),
      },
    );
    policy.onBreak(() => this.spread.scopeOpened(scope.tenantId));
    policy.onStateChange((s) => this.setScopeOpen(key, s === CircuitState.Open));
    this.scoped.set(key, policy);
    return policy;
  }

  private setScopeOpen(key: string, open: boolean): void {
    const before = this.openScopes.size;
    if (open) this.openScopes.add(key);
    else this.openScopes.delete(key);
    if (this.openScopes.size !== before) this.options.onOpenScopes?.(this.openScopes.size);
  }
}

function scopeKey(scope: BreakerScope): string {
  return `${scope.tenantId}\u0000${scope.group}`;
}
