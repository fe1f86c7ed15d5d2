import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Scope } from '../common/context/principal';
import { resolveSecretRef, type SecretEnv } from './secret-ref';
import {
  validateTenantsFile,
  type ApiKeyEntry,
  type JwtIssuerEntry,
  type RateLimitPlan,
  type TenantsFile,
} from './tenants-file.schema';

export interface ResolvedIssuer extends JwtIssuerEntry {
  tenantId: string;
  /** The resolved HS256 secret (from hs256SecretRef). Never logged. */
  hs256Secret?: string;
}

export interface ResolvedTenant {
  id: string;
  name: string;
  status: 'active' | 'suspended';
  plan: RateLimitPlan;
  scopes: readonly Scope[];
  /** Which documents the tenant may run (see tenants-file.schema.ts). */
  documents: 'any' | 'trusted';
  /** The resolved Barrack key. Never logged, never returned to a client. */
  barrackKey: string;
  apiKeys: readonly ApiKeyEntry[];
  jwtIssuers: readonly ResolvedIssuer[];
}

/** Thrown when a tenants file is unusable; `problems` lists every error found. */
export class TenantsFileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid tenants file ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TenantsFileError';
  }
}

/**
 * One immutable, fully resolved view of the tenants file. The registry swaps whole snapshots, so a
 * request sees either the old file or the new one, never a mix.
 */
export class TenantSnapshot {
  readonly tenants: ReadonlyMap<string, ResolvedTenant>;
  readonly keysById: ReadonlyMap<string, { tenant: ResolvedTenant; key: ApiKeyEntry }>;
  readonly issuers: ReadonlyMap<string, readonly ResolvedIssuer[]>;

  constructor(
    tenants: ResolvedTenant[],
    readonly version: number,
    readonly loadedAt: Date,
  ) {
    const byId = new Map<string, ResolvedTenant>();
    const keys = new Map<string, { tenant: ResolvedTenant; key: ApiKeyEntry }>();
    const issuers = new Map<string, ResolvedIssuer[]>();
    for (const t of tenants) {
      deepFreeze(t);
      byId.set(t.id, t);
      for (const key of t.apiKeys) keys.set(key.id, { tenant: t, key });
      for (const iss of t.jwtIssuers) issuers.set(iss.issuer, [...(issuers.get(iss.issuer) ?? []), iss]);
    }
    this.tenants = byId;
    this.keysById = keys;
    this.issuers = issuers;
    Object.freeze(this);
  }
}

/** Parses YAML or JSON (by extension; YAML otherwise) and validates it, listing every problem. */
export function parseTenantsFile(text: string, source: string): TenantsFile {
  let raw: unknown;
  try {
    raw = extname(source).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new TenantsFileError(source, [
      `cannot parse: ${e instanceof Error ? e.message.split('\n')[0] : 'syntax error'}`,
    ]);
  }
  const result = validateTenantsFile(raw);
  if ('problems' in result) throw new TenantsFileError(source, result.problems);
  return result.data;
}

/** Resolves every secret reference; a missing secret is a load error like any other. */
export function resolveTenants(
  file: TenantsFile,
  source: string,
  baseDir: string,
  env: SecretEnv,
): ResolvedTenant[] {
  const problems: string[] = [];
  const tenants = file.tenants.map((t, ti): ResolvedTenant => {
    const cred = resolveSecretRef(t.barrackCredential, baseDir, env);
    if ('error' in cred) problems.push(`tenants.${ti}.barrackCredential: ${cred.error}`);
    const jwtIssuers = t.jwtIssuers.map((j, ji): ResolvedIssuer => {
      if (!j.hs256SecretRef) return { ...j, tenantId: t.id };
      const s = resolveSecretRef(j.hs256SecretRef, baseDir, env);
      if ('error' in s) problems.push(`tenants.${ti}.jwtIssuers.${ji}.hs256SecretRef: ${s.error}`);
      else if (Buffer.byteLength(s.value) < 32)
        problems.push(`tenants.${ti}.jwtIssuers.${ji}.hs256SecretRef: secret shorter than 32 bytes`);
      return { ...j, tenantId: t.id, hs256Secret: 'value' in s ? s.value : undefined };
    });
    return {
      id: t.id,
      name: t.name,
      status: t.status,
      plan: t.plan,
      scopes: t.scopes,
      documents: t.documents,
      barrackKey: 'value' in cred ? cred.value : '',
      apiKeys: t.apiKeys,
      jwtIssuers,
    };
  });
  if (problems.length) throw new TenantsFileError(source, problems);
  return tenants;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
