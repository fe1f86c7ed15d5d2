import type { Request, Response } from 'express';
import type { Principal } from './principal';

/**
 * The per-request GraphQL context. Built once per HTTP request; resolvers pass it to services, which
 * derive the upstream call context (tenant credential, request id) from it.
 */
export interface GqlContext {
  req: Request & { principal?: Principal; requestId?: string };
  res: Response;
  requestId: string;
  /** Set by authentication before any resolver runs. */
  principal?: Principal;
  /** Per-request memo (DataLoaders etc.), keyed by feature. Never shared between requests. */
  memo: Map<string, unknown>;
  /** Extensions that features add to the response (cache staleness, cost). */
  responseExtensions: Record<string, unknown>;
}

/** Returns the per-request value for `key`, creating it once. */
export function memoize<T>(ctx: GqlContext, key: string, create: () => T): T {
  let v = ctx.memo.get(key) as T | undefined;
  if (v === undefined) {
    v = create();
    ctx.memo.set(key, v);
  }
  return v;
}
