import { createHash, createSecretKey } from 'node:crypto';
import { passportJwtSecret } from 'jwks-rsa';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import { SCOPES, type Principal, type Scope } from '../common/context/principal';
import type { ResolvedIssuer } from '../tenancy/tenant-snapshot';
import type { TenantRegistry } from '../tenancy/tenant-registry.service';

/** Tolerated clock skew for exp / nbf / iat. */
export const JWT_CLOCK_TOLERANCE_S = 30;

/** Why a token was refused (for debug logs only; clients always see the same message). */
export interface AuthRefusal {
  reason: string;
  /** Set when the credential is valid but its tenant is suspended. */
  suspendedTenant?: string;
}

/**
 * One passport-jwt strategy per configured issuer, kept across tenants-file reloads while the issuer's
 * configuration is unchanged, so its JWKS cache survives a reload.
 */
export class JwtVerifiers {
  private readonly strategies = new Map<string, JwtStrategy>();

  constructor(private readonly registry: TenantRegistry) {}

  /** Picks the issuer config from the token's (not yet trusted) claims; verification happens in the strategy. */
  configFor(token: string): ResolvedIssuer | undefined {
    const claims = unverifiedClaims(token);
    const iss = claims?.iss;
    if (typeof iss !== 'string' || !claims) return undefined;
    const configs = this.registry.issuerConfigs(iss);
    if (configs.length === 1) return configs[0];
    return configs.find((c) => c.claims.tenant !== undefined && claims[c.claims.tenant] === c.tenantId);
  }

  strategyFor(config: ResolvedIssuer): JwtStrategy {
    const id = cacheKey(config);
    let s = this.strategies.get(id);
    if (!s) {
      s = this.build(config);
      this.strategies.set(id, s);
    }
    return s;
  }

  /** Drops strategies of issuers no longer configured (called on each reload). */
  retain(configs: Iterable<ResolvedIssuer>): void {
    const keep = new Set([...configs].map(cacheKey));
    for (const k of this.strategies.keys()) if (!keep.has(k)) this.strategies.delete(k);
  }

  private build(config: ResolvedIssuer): JwtStrategy {
    const common = {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      issuer: config.issuer,
      audience: config.audience,
      algorithms: [...config.algorithms],
      jsonWebTokenOptions: { clockTolerance: JWT_CLOCK_TOLERANCE_S },
    };
    const verify = (
      payload: Record<string, unknown>,
      done: (err: unknown, user?: Principal | false, info?: AuthRefusal) => void,
    ) => {
      const result = this.principalFrom(config, payload);
      if ('principal' in result) done(null, result.principal);
      else done(null, false, result);
    };
    if (config.jwksUri) {
      return new JwtStrategy(
        {
          ...common,
          secretOrKeyProvider: passportJwtSecret({
            jwksUri: config.jwksUri,
            cache: true,
            cacheMaxAge: 10 * 60_000,
            rateLimit: true,
            jwksRequestsPerMinute: 10,
            timeout: 5_000,
          }),
        },
        verify,
      );
    }
    // A KeyObject, not the string: given a string, jsonwebtoken first tries it as a PEM public key and throws,
    // which costs ~2 ms per request.
    const key = createSecretKey(Buffer.from(config.hs256Secret ?? '', 'utf8'));
    return new JwtStrategy(
      { ...common, secretOrKeyProvider: (_req, _raw, done) => done(null, key as unknown as Buffer) },
      verify,
    );
  }

  private principalFrom(
    config: ResolvedIssuer,
    payload: Record<string, unknown>,
  ): { principal: Principal } | AuthRefusal {
    const tenant = this.registry.tenant(config.tenantId);
    if (!tenant) return { reason: 'tenant no longer configured' };
    if (typeof payload.exp !== 'number') return { reason: 'token without exp' };
    const subject = payload[config.claims.subject];
    if (typeof subject !== 'string' || subject === '')
      return { reason: `claim ${config.claims.subject} missing` };
    if (config.claims.tenant !== undefined && payload[config.claims.tenant] !== tenant.id) {
      return { reason: `claim ${config.claims.tenant} does not name tenant ${tenant.id}` };
    }
    const raw = payload[config.claims.scopes];
    const listed =
      typeof raw === 'string'
        ? raw.split(/\s+/)
        : Array.isArray(raw)
          ? raw.filter((s) => typeof s === 'string')
          : [];
    const scopes: Scope[] = SCOPES.filter((s) => listed.includes(s) && tenant.scopes.includes(s));
    if (tenant.status === 'suspended') return { reason: 'tenant suspended', suspendedTenant: tenant.id };
    return { principal: { tenantId: tenant.id, kind: 'jwt', subject, scopes } };
  }
}

function cacheKey(c: ResolvedIssuer): string {
  const { hs256Secret, ...rest } = c;
  const secret = hs256Secret ? createHash('sha256').update(hs256Secret).digest('hex') : '';
  return `${JSON.stringify(rest)}|${secret}`;
}

/** The payload of a compact JWS without verifying it: only to choose which issuer config verifies it. */
export function unverifiedClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (payload === undefined || token.split('.').length !== 3) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
