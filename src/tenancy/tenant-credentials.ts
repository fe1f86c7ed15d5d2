/**
 * Resolves a tenant's Barrack credential. Implemented by the tenant registry (tenancy/), which reads the
 * credential from the reference in the tenants file (env var or file), never from the file itself.
 */
export abstract class TenantCredentials {
  /** Throws GatewayError FORBIDDEN/UNAUTHENTICATED when the tenant is unknown or suspended. */
  abstract barrackCredential(tenantId: string): string;
}
