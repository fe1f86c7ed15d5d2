import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Passport, type Strategy } from 'passport';
import { Strategy as CustomStrategy } from 'passport-custom';
import { SCOPES, type Principal } from '../common/context/principal';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { API_KEY_PREFIX, apiKeyIdOf, apiKeyMatches, hashApiKey } from './api-key';
import { JwtVerifiers, type AuthRefusal } from './jwt-verifiers';

export type AuthOutcome =
  | { ok: true; principal: Principal }
  | { ok: false; status: 401; message: 'Authentication required' | 'Invalid credential'; reason: string }
  | { ok: false; status: 403; message: string; reason: string };

type Presented =
  | { kind: 'none' }
  | { kind: 'malformed' }
  | { kind: 'api_key'; key: string }
  | { kind: 'jwt'; token: string };

/** Headers as HTTP and as graphql-ws connection params carry them. */
export type CredentialHeaders = Record<string, string | string[] | undefined>;

const BEARER = /^Bearer +([^\s]+)$/i;
/** Compared against when the key id is unknown, so unknown and known ids cost the same hashing work. */
const DUMMY_HASH = hashApiKey('bgw_000000000000_unknownunknownunknownunknown');

/** What the request presents: `X-API-Key`, or `Authorization: Bearer` with an API key or a JWT. */
export function presentedCredential(headers: CredentialHeaders): Presented {
  const xKey = headers['x-api-key'];
  const auth = headers.authorization;
  if (xKey === undefined && auth === undefined) return { kind: 'none' };
  if (Array.isArray(xKey) || Array.isArray(auth)) return { kind: 'malformed' };
  if (xKey !== undefined) return { kind: 'api_key', key: xKey.trim() };
  const m = BEARER.exec((auth ?? '').trim());
  if (!m?.[1]) return { kind: 'malformed' };
  return m[1].startsWith(API_KEY_PREFIX) ? { kind: 'api_key', key: m[1] } : { kind: 'jwt', token: m[1] };
}

/**
 * Turns a request's credential into a Principal, once per request, through passport strategies
 * (passport-custom for API keys, passport-jwt per issuer). Unknown, revoked and expired keys and every bad
 * token fail alike ("Invalid credential"); the reason goes to debug logs only, with the key id at most.
 */
@Injectable()
export class Authenticator implements OnModuleDestroy {
  private readonly log = new Logger('Auth');
  private readonly passport = new Passport();
  private readonly jwt: JwtVerifiers;
  private readonly apiKeyStrategy: Strategy;
  private readonly unsubscribe: () => void;

  constructor(private readonly registry: TenantRegistry) {
    this.jwt = new JwtVerifiers(registry);
    this.unsubscribe = registry.onChange((s) => this.jwt.retain([...s.issuers.values()].flat()));
    this.apiKeyStrategy = new CustomStrategy((req, done) => {
      const p = presentedCredential(req.headers);
      const r = p.kind === 'api_key' ? this.verifyApiKey(p.key) : { reason: 'not an api key' };
      if ('principal' in r) done(null, r.principal);
      else done(null, false, r);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  async authenticate(req: Request, res?: Response): Promise<AuthOutcome> {
    const presented = presentedCredential(req.headers);
    switch (presented.kind) {
      case 'none':
        return { ok: false, status: 401, message: 'Authentication required', reason: 'no credential' };
      case 'malformed':
        return invalid('malformed authorization header');
      case 'api_key':
        return this.run(this.apiKeyStrategy, req, res);
      case 'jwt': {
        const config = this.jwt.configFor(presented.token);
        if (!config) return invalid('unknown or missing issuer');
        return this.run(this.jwt.strategyFor(config), req, res);
      }
    }
  }

  /** For graphql-ws `connection_init`: the same checks on the connection params' headers. */
  authenticateHeaders(headers: CredentialHeaders): Promise<AuthOutcome> {
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    return this.authenticate({ headers: lower, method: 'GET', url: '/graphql' } as unknown as Request);
  }

  private verifyApiKey(key: string): { principal: Principal } | AuthRefusal {
    const keyId = apiKeyIdOf(key);
    const found = keyId ? this.registry.findApiKey(keyId) : undefined;
    const matches = apiKeyMatches(key, found?.key.hash ?? DUMMY_HASH);
    if (!found || !matches) return { reason: keyId ? `unknown key ${keyId}` : 'malformed api key' };
    const { tenant, key: entry } = found;
    if (entry.revoked) return { reason: `revoked key ${entry.id}` };
    if (entry.expiresAt !== undefined && Date.parse(entry.expiresAt) <= Date.now())
      return { reason: `expired key ${entry.id}` };
    if (tenant.status === 'suspended') return { reason: 'tenant suspended', suspendedTenant: tenant.id };
    const scopes = SCOPES.filter((s) => entry.scopes.includes(s) && tenant.scopes.includes(s));
    return { principal: { tenantId: tenant.id, kind: 'api_key', subject: entry.id, scopes } };
  }

  /**
   * Runs one strategy for this request. Object.create gives each request its own strategy object: passport
   * binds success/fail onto the object it is given, and a shared instance would cross concurrent requests.
   */
  private run(strategy: Strategy, req: Request, res?: Response): Promise<AuthOutcome> {
    return new Promise<AuthOutcome>((resolve) => {
      const middleware = this.passport.authenticate(
        Object.create(strategy) as Strategy,
        { session: false },
        (err: unknown, user: Principal | false | undefined, info: unknown) => {
          if (err || !user) {
            const refusal = asRefusal(info, err);
            if (refusal.suspendedTenant) {
              resolve({
                ok: false,
                status: 403,
                message: `Tenant ${refusal.suspendedTenant} is suspended`,
                reason: refusal.reason,
              });
            } else {
              resolve(invalid(refusal.reason));
            }
            return;
          }
          resolve({ ok: true, principal: user });
        },
      ) as (req: Request, res: Response | undefined, next: (e?: unknown) => void) => void;
      middleware(req, res, (e?: unknown) =>
        resolve(invalid(e instanceof Error ? e.message : 'strategy error')),
      );
    }).then((outcome) => {
      if (!outcome.ok) this.log.debug(`credential refused: ${outcome.reason}`);
      return outcome;
    });
  }
}

function invalid(reason: string): AuthOutcome {
  return { ok: false, status: 401, message: 'Invalid credential', reason };
}

function asRefusal(info: unknown, err: unknown): AuthRefusal {
  if (err) return { reason: err instanceof Error ? err.message : 'verification error' };
  if (info && typeof info === 'object' && 'reason' in info && typeof info.reason === 'string') {
    const s = (info as AuthRefusal).suspendedTenant;
    return { reason: info.reason, ...(s ? { suspendedTenant: s } : {}) };
  }
  if (info instanceof Error) return { reason: info.message };
  return { reason: 'rejected' };
}
