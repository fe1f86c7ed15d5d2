import type { GqlContext } from '../common/context/gql-context';
import type { Principal } from '../common/context/principal';
import { TenantCredentials } from '../tenancy/tenant-credentials';
import { UpstreamContextFactory } from './upstream-context.factory';

/** A tenants file whose key can be rotated under a running request. */
class RotatingCredentials extends TenantCredentials {
  lookups = 0;
  key = 'key-1';
  override barrackCredential(): string {
    this.lookups++;
    return this.key;
  }
}

const PRINCIPAL: Principal = { tenantId: 't1', kind: 'api_key', subject: 'k', scopes: ['read'] };

function request(requestId: string, who: Principal | null = PRINCIPAL): GqlContext {
  const principal = who ?? undefined;
  return {
    req: { principal, requestId } as GqlContext['req'],
    res: undefined as unknown as GqlContext['res'],
    requestId,
    principal,
    memo: new Map(),
    responseExtensions: {},
  };
}

describe('UpstreamContextFactory', () => {
  it('builds the upstream context once per request, and anew for the next request', () => {
    const credentials = new RotatingCredentials();
    const factory = new UpstreamContextFactory(credentials);
    const first = request('r1');
    const a = factory.for(first);
    credentials.key = 'key-2';
    // The rest of the same request keeps the credential it started with: one request, one credential.
    expect(factory.for(first)).toBe(a);
    expect(factory.for(first)).toEqual({ tenantId: 't1', credential: 'key-1', requestId: 'r1' });
    expect(credentials.lookups).toBe(1);

    const second = request('r2');
    expect(factory.for(second)).toEqual({ tenantId: 't1', credential: 'key-2', requestId: 'r2' });
    expect(credentials.lookups).toBe(2);
  });

  it('refuses a context without a principal, and does not remember the refusal', () => {
    const factory = new UpstreamContextFactory(new RotatingCredentials());
    const anonymous = request('r3', null);
    expect(() => factory.for(anonymous)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    anonymous.principal = PRINCIPAL;
    expect(factory.for(anonymous).tenantId).toBe('t1');
  });
});
