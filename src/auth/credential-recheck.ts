import { Injectable } from '@nestjs/common';
import type { Principal } from '../common/context/principal';
import { Authenticator, type CredentialHeaders } from './authenticator.service';

/** The answer of a re-check: the principal as it stands now, or why the credential no longer holds. */
export type RecheckOutcome =
  { ok: true; principal: Principal } | { ok: false; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; message: string };

/**
 * Re-validates a credential that was accepted earlier, for transports that hold a connection open
 * (graphql-ws today, SSE later): the API key is still in the tenant registry and not revoked or expired,
 * a JWT is not past its `exp`, the tenant is not suspended, and it still names the same principal. The
 * same passport strategies as a fresh request decide, so HTTP and a long-lived stream cannot disagree.
 */
@Injectable()
export class CredentialRecheck {
  constructor(private readonly auth: Authenticator) {}

  async recheck(credential: CredentialHeaders, was: Principal): Promise<RecheckOutcome> {
    const outcome = await this.auth.authenticateHeaders(credential);
    if (!outcome.ok)
      return outcome.status === 403
        ? { ok: false, code: 'FORBIDDEN', message: outcome.message }
        : { ok: false, code: 'UNAUTHENTICATED', message: 'Credential no longer valid' };
    const now = outcome.principal;
    if (now.tenantId !== was.tenantId || now.kind !== was.kind || now.subject !== was.subject)
      return { ok: false, code: 'UNAUTHENTICATED', message: 'Credential no longer valid' };
    return { ok: true, principal: now };
  }
}
