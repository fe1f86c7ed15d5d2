import type { DynamicModule, ForwardReference, NestInterceptor, Type } from '@nestjs/common';
import { INTERCEPTORS_METADATA, MODULE_METADATA } from '@nestjs/common/constants';
import { RESOLVER_TYPE_METADATA } from '@nestjs/graphql';

/*
 * Interceptors that act on root Mutation fields only are put on those handlers only. A global one
 * (APP_INTERCEPTOR) is run by Nest around every root field of every query as well: however early it returns
 * `next.handle()`, Nest's chain has already paid for it (per interceptor: an rxjs defer, an AsyncResource.bind
 * that makes two util.deprecate wrappers, an ExecutionContext), on the path of every request (bench/PROFILE.md,
 * "Lean pipeline"). Method interceptors run in their metadata order, the first outermost, which is the order
 * global ones had before them.
 */

/**
 * Puts `interceptor` first (outermost) among the interceptors of the handler `method`. Idempotent: a handler
 * that already has it keeps its place, so a composition root built twice in one process changes nothing.
 */
export function prependInterceptor(method: object, interceptor: Type<NestInterceptor>): void {
  const existing = (Reflect.getMetadata(INTERCEPTORS_METADATA, method) ?? []) as unknown[];
  if (existing.includes(interceptor)) return;
  Reflect.defineMetadata(INTERCEPTORS_METADATA, [interceptor, ...existing], method);
}

type ModuleRefLike = Type | DynamicModule | ForwardReference | Promise<DynamicModule>;

/**
 * Makes `interceptor` the outermost interceptor of every root Mutation handler of every provider in `modules`
 * and the modules they import. For the composition root, before Nest scans the modules (Nest then builds the
 * interceptor in each module that has such a handler, with that module's injector). Returns how many
 * handlers it is on.
 */
export function interceptRootMutations(
  modules: readonly ModuleRefLike[],
  interceptor: Type<NestInterceptor>,
): number {
  let handlers = 0;
  for (const h of rootFieldHandlers(modules)) {
    if (h.type !== 'Mutation') continue;
    prependInterceptor(h.method, interceptor);
    handlers++;
  }
  return handlers;
}

/** A root field's handler: a @Query, @Mutation or @Subscription method of a resolver class. */
export interface RootFieldHandler {
  type: 'Query' | 'Mutation' | 'Subscription';
  resolver: Type;
  name: string;
  method: object;
}

/** Every root field handler of the providers of `modules` and of the modules they import. */
export function rootFieldHandlers(modules: readonly ModuleRefLike[]): RootFieldHandler[] {
  const out: RootFieldHandler[] = [];
  for (const p of providersOf(modules)) if (typeof p === 'function') out.push(...handlersOf(p as Type));
  return out;
}

/** Every provider entry (a class or `{ provide, ... }`) of `modules` and of the modules they import. */
export function providersOf(modules: readonly ModuleRefLike[]): Set<unknown> {
  const seen = new Set<unknown>();
  const providers = new Set<unknown>();
  const visit = (ref: ModuleRefLike | undefined): void => {
    if (!ref || ref instanceof Promise) return;
    const m = 'forwardRef' in ref ? (ref as ForwardReference<() => ModuleRefLike>).forwardRef() : ref;
    if (!m || m instanceof Promise || seen.has(m)) return;
    seen.add(m);
    const dynamic = typeof m === 'function' ? undefined : (m as DynamicModule);
    const cls = dynamic ? dynamic.module : (m as Type);
    for (const p of (Reflect.getMetadata(MODULE_METADATA.PROVIDERS, cls) ?? []) as unknown[])
      providers.add(p);
    for (const p of dynamic?.providers ?? []) providers.add(p);
    for (const i of (Reflect.getMetadata(MODULE_METADATA.IMPORTS, cls) ?? []) as ModuleRefLike[]) visit(i);
    for (const i of (dynamic?.imports ?? []) as ModuleRefLike[]) visit(i);
  };
  for (const m of modules) visit(m);
  return providers;
}

const ROOT_TYPES: ReadonlySet<unknown> = new Set(['Query', 'Mutation', 'Subscription']);

/** The root field handlers of a resolver class, its base classes' included. */
function* handlersOf(resolver: Type): Generator<RootFieldHandler> {
  const done = new Set<string>();
  for (let proto = resolver.prototype as object | null; proto && proto !== Object.prototype;) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor' || done.has(name)) continue;
      done.add(name);
      const fn: unknown = Object.getOwnPropertyDescriptor(proto, name)?.value;
      if (typeof fn !== 'function') continue;
      const type: unknown = Reflect.getMetadata(RESOLVER_TYPE_METADATA, fn);
      if (ROOT_TYPES.has(type)) yield { type: type as RootFieldHandler['type'], resolver, name, method: fn };
    }
    proto = Object.getPrototypeOf(proto) as object | null;
  }
}
