/** Scopes a principal may hold. Every root field requires one (see auth/scopes.decorator.ts). */
export const SCOPES = ['read', 'write', 'billing', 'ai', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** Who is calling: always exactly one tenant. Set by authentication, read everywhere else. */
export interface Principal {
  tenantId: string;
  /** 'api_key' for partners, 'jwt' for frontend apps. */
  kind: 'api_key' | 'jwt';
  /** API key id (the public prefix part) or the JWT subject. Safe to log. */
  subject: string;
  scopes: readonly Scope[];
}
