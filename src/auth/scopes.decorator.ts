import { SetMetadata } from '@nestjs/common';
import type { Scope } from '../common/context/principal';

export const REQUIRED_SCOPES_KEY = 'auth:requiredScopes';
export const PUBLIC_KEY = 'auth:public';

/**
 * Declares the scopes a root field (query, mutation, subscription) or HTTP handler needs; all of them are
 * required. Every root field must carry this or @Public(): the global ScopesGuard rejects one that has neither.
 */
export const RequireScopes = (...scopes: [Scope, ...Scope[]]) => SetMetadata(REQUIRED_SCOPES_KEY, scopes);

/** Marks a handler (or a whole controller/resolver) as needing no credential. Health and metrics only. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
