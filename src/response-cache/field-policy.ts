import { CACHE_KIND_POLICY, ttlSecondsOf, type CacheConfig, type CacheKind } from '../cache/cache-kinds';

/**
 * Who may share a stored answer. Ordered from widest to narrowest; a document takes the narrowest scope of
 * its fields. `public`: the same for every tenant. `tenant`: depends on the Barrack account. `principal`:
 * depends on who asks within the tenant (their scopes, their subject).
 */
export const RESPONSE_SCOPES = ['public', 'tenant', 'principal'] as const;
export type ResponseScope = (typeof RESPONSE_SCOPES)[number];

export interface FieldPolicy {
  /** Catalogue kind the field reads: its scope and TTL come from the catalogue cache's table (cache-kinds.ts). */
  kind?: CacheKind;
  /** For fields that are not catalogue kinds. */
  scope?: ResponseScope;
  ttlS?: number;
}

/*
 * The response cache's per-field policy. A root field that is not listed here makes its document uncacheable:
 * instances, volumes and snapshots carry live state (status, IPs) that changes without a mutation through us;
 * billing, balances and audit records change by the minute; AI chat is never repeated. Catalogue fields take
 * scope and TTL from the same account-dependence table as the catalogue cache (CACHE_KIND_POLICY), so the two can
 * never disagree about whether an answer may be shared between tenants.
 */
export const ROOT_FIELD_POLICIES: Readonly<Record<string, FieldPolicy>> = {
  regions: { kind: 'regions' },
  gpuStock: { kind: 'gpuStock' },
  gpuSpecs: { kind: 'gpuSpecs' },
  pricing: { kind: 'pricing' },
  osImages: { kind: 'osImages' },
  volumeTypes: { kind: 'volumeTypes' },
  firewallProtocols: { kind: 'firewallProtocols' },
  aiModels: { kind: 'aiModels' },
  // Account resources that change only through mutations (ours invalidate at once; a change made in Barrack's
  // own console shows within the TTL). Their live-state cousins (instances, volumes, snapshots) are not here.
  sshKeys: { scope: 'tenant', ttlS: 30 },
  sshKey: { scope: 'tenant', ttlS: 30 },
  scripts: { scope: 'tenant', ttlS: 30 },
  script: { scope: 'tenant', ttlS: 30 },
  // Firewalls and their rules; `Firewall.instances` (live VM state, a Barrack read) keeps a document out.
  firewalls: { scope: 'tenant', ttlS: 30 },
  firewall: { scope: 'tenant', ttlS: 30 },
  // Who is asking: names the principal's own scopes, so never shared beyond the principal.
  viewer: { scope: 'principal', ttlS: 60 },
};

/**
 * Nested fields that read Barrack on their own (by `Type.field`). Any other nested field that declares an
 * upstream cost (see query-cost.ts) makes the document uncacheable; plain fields inherit their parent's policy.
 */
export const NESTED_FIELD_POLICIES: Readonly<Record<string, FieldPolicy>> = {
  'Region.gpuStock': { kind: 'gpuStock' },
  'Region.pricing': { kind: 'pricing' },
  'GpuStock.region': { kind: 'regions' },
};

/** Scope and TTL of one field's policy under this configuration. */
export function resolveFieldPolicy(
  policy: FieldPolicy,
  config: CacheConfig,
): { scope: ResponseScope; ttlS: number; kind?: CacheKind } {
  if (policy.kind) {
    const shared = CACHE_KIND_POLICY[policy.kind].scope === 'public';
    return {
      scope: shared ? 'public' : 'tenant',
      ttlS: ttlSecondsOf(policy.kind, config),
      kind: policy.kind,
    };
  }
  return { scope: policy.scope ?? 'principal', ttlS: policy.ttlS ?? 0 };
}

export function narrowerScope(a: ResponseScope, b: ResponseScope): ResponseScope {
  return RESPONSE_SCOPES.indexOf(a) >= RESPONSE_SCOPES.indexOf(b) ? a : b;
}
