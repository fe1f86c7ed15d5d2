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

/** A value, or the promise of one: what a resolver may hand graphql-js. */
export type MaybePromise<T> = T | Promise<T>;

/** `f` of a value now, or of the promised value later. */
export function thenOrNow<T, R>(v: MaybePromise<T>, f: (t: T) => R): MaybePromise<R> {
  return v instanceof Promise ? v.then(f) : f(v);
}

/** A per-request load that keeps its value once fulfilled, so later readers take it without awaiting. */
class SettledLoad<T> {
  private value?: { v: T };
  private readonly promise: Promise<T>;

  constructor(load: Promise<T>) {
    this.promise = load.then((v) => {
      this.value = { v };
      return v;
    });
  }

  /** The value when it is there, else the pending (or rejected) promise of it. */
  now(): MaybePromise<T> {
    return this.value ? this.value.v : this.promise;
  }
}

/**
 * Like memoize for an async load, but once the load has fulfilled every later call gets the value itself,
 * not a promise of it. A resolver that answers from it stays on graphql-js's synchronous path (no promise
 * per field and per parent object) when the load was started, and waited for, higher up the tree.
 */
export function memoizeLoad<T>(ctx: GqlContext, key: string, load: () => Promise<T>): MaybePromise<T> {
  return memoize(ctx, key, () => new SettledLoad(load())).now();
}
