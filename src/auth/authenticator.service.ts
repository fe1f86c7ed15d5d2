import { timingSafeEqual } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { Request, Response } from 'express';
import { Passport, type Strategy } from 'passport';
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

/** How many verified API keys are remembered (by key id): more than a gateway's registered keys, as a bound. */
const VERIFIED_KEYS_MAX = 10_000;

/** A presented key that matched a registered hash: its bytes, and the hash it matched. */
interface VerifiedKey {
  raw: Buffer;
  hash: string;
}

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
 * Turns a request's credential into a Principal, once per request: API keys by a registry lookup and one
 * constant-time hash comparison (synchronous, no strategy object per request: this is every partner request's
 * hot path), JWTs through passport-jwt per issuer. Unknown, revoked and expired keys and every bad token fail
 * alike ("Invalid credential"); the reason goes to debug logs only, with the key id at most.
 */
@Injectable()
export class Authenticator implements OnModuleDestroy {
  private readonly log = new Logger('Auth');
  private readonly passport = new Passport();
  private readonly jwt: JwtVerifiers;
  private readonly unsubscribe: () => void;
  /**
   * The sha256 of a partner's key was a measurable share of a response-cache hit (bench/PROFILE.md), and the
   * same key arrives on every request. Remembered per registered key id: the bytes of the key that matched and
   * the hash they matched. A later request with that id matches when its bytes are equal (constant time) and the
   * registry still holds the same hash; anything else is hashed as before. Only the hash comparison is skipped:
   * revocation, expiry and suspension are read from the registry on every request as before, a rotated hash no
   * longer matches the remembered one, and a reload of the tenants file forgets every remembered key.
   */
  private readonly verified = new LRUCache<string, VerifiedKey>({ max: VERIFIED_KEYS_MAX });

  constructor(private readonly registry: TenantRegistry) {
    this.jwt = new JwtVerifiers(registry);
    this.unsubscribe = registry.onChange((s) => {
      this.verified.clear();
      this.jwt.retain([...s.issuers.values()].flat());
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  async authenticate(req: Pick<Request, 'headers'>, res?: Response): Promise<AuthOutcome> {
    const presented = presentedCredential(req.headers);
    switch (presented.kind) {
      case 'none':
        return { ok: false, status: 401, message: 'Authentication required', reason: 'no credential' };
      case 'malformed':
        return invalid('malformed authorization header');
      case 'api_key':
        return this.logged(outcomeOf(this.verifyApiKey(presented.key)));
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
    return this.authenticate({ headers: lower });
  }

  private verifyApiKey(key: string): { principal: Principal } | AuthRefusal {
    const keyId = apiKeyIdOf(key);
    const found = keyId ? this.registry.findApiKey(keyId) : undefined;
    const matches =
      found && keyId ? this.keyMatches(keyId, key, found.key.hash) : apiKeyMatches(key, DUMMY_HASH);
    if (!found || !matches) return { reason: keyId ? `unknown key ${keyId}` : 'malformed api key' };
    const { tenant, key: entry } = found;
    if (entry.revoked) return { reason: `revoked key ${entry.id}` };
    if (entry.expiresAt !== undefined && Date.parse(entry.expiresAt) <= Date.now())
      return { reason: `expired key ${entry.id}` };
    if (tenant.status === 'suspended') return { reason: 'tenant suspended', suspendedTenant: tenant.id };
    const scopes = SCOPES.filter((s) => entry.scopes.includes(s) && tenant.scopes.includes(s));
    return { principal: { tenantId: tenant.id, kind: 'api_key', subject: entry.id, scopes } };
  }

  /** apiKeyMatches, skipping the hash for the bytes that last matched this key id's current hash. */
  private keyMatches(keyId: string, key: string, hash: string): boolean {
    const raw = Buffer.from(key, 'utf8');
    const known = this.verified.get(keyId);
    if (known && known.hash === hash && known.raw.length === raw.length && timingSafeEqual(known.raw, raw))
      return true;
    if (!apiKeyMatches(key, hash)) return false;
    this.verified.set(keyId, { raw, hash });
    return true;
  }

  /**
   * Runs one strategy for this request. Object.create gives each request its own strategy object: passport
   * binds success/fail onto the object it is given, and a shared instance would cross concurrent requests.
   */
  private run(strategy: Strategy, req: Pick<Request, 'headers'>, res?: Response): Promise<AuthOutcome> {
    return new Promise<AuthOutcome>((resolve) => {
      const middleware = this.passport.authenticate(
        Object.create(strategy) as Strategy,
        { session: false },
        (err: unknown, user: Principal | false | undefined, info: unknown) => {
          resolve(outcomeOf(err || !user ? asRefusal(info, err) : { principal: user }));
        },
      ) as (req: Pick<Request, 'headers'>, res: Response | undefined, next: (e?: unknown) => void) => void;
      middleware(req, res, (e?: unknown) =>
        resolve(invalid(e instanceof Error ? e.message : 'strategy error')),
      );
    }).then((outcome) => this.logged(outcome));
  }

  private logged(outcome: AuthOutcome): AuthOutcome {
    if (!outcome.ok) this.log.debug(`credential refused: ${outcome.reason}`);
    return outcome;
  }
}

/** A verifier's result as an outcome: a suspended tenant is 403, every other refusal the same 401. */
function outcomeOf(result: { principal: Principal } | AuthRefusal): AuthOutcome {
  if ('principal' in result) return { ok: true, principal: result.principal };
  if (result.suspendedTenant) {
    return {
      ok: false,
      status: 403,
      message: `Tenant ${result.suspendedTenant} is suspended`,
      reason: result.reason,
    };
  }
  return invalid(result.reason);
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
