import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Scope } from '@nestjs/common';
import { buildSchema } from 'graphql';
import { INTERCEPTORS_METADATA, SCOPE_OPTIONS_METADATA } from '@nestjs/common/constants';
import { AppModule } from './app.module';
import { providersOf, rootFieldHandlers } from './common/graphql/mutation-interceptors';
import { UserErrorsInterceptor } from './common/graphql/user-errors.interceptor';
import { loadConfig } from './config/app-config';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IDEMPOTENT_KEY } from './idempotency/idempotent.decorator';

/*
 * The per-request shape of the composition root (bench/PROFILE.md, "Lean pipeline"): Nest runs an interceptor
 * chain only where a handler has interceptors, and builds providers once, never per request.
 */
describe('AppModule', () => {
  const root = AppModule.forRoot(loadConfig({}));
  const handlers = rootFieldHandlers([root]);
  const interceptorsOf = (method: object): unknown[] =>
    (Reflect.getMetadata(INTERCEPTORS_METADATA, method) ?? []) as unknown[];

  it('puts the user-errors interceptor outermost on every root mutation, then idempotency on @Idempotent ones', () => {
    const mutations = handlers.filter((h) => h.type === 'Mutation');
    // Every field of the schema's Mutation type has its handler here (so none escapes the interceptor).
    const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
    expect(mutations.length).toBe(Object.keys(schema.getMutationType()?.getFields() ?? {}).length);
    for (const m of mutations) {
      const chain = interceptorsOf(m.method);
      const idempotent = Reflect.getMetadata(IDEMPOTENT_KEY, m.method) === true;
      expect({ field: m.name, first: chain[0], second: idempotent ? chain[1] : undefined }).toEqual({
        field: m.name,
        first: UserErrorsInterceptor,
        second: idempotent ? IdempotencyInterceptor : undefined,
      });
    }
    expect(mutations.some((m) => Reflect.getMetadata(IDEMPOTENT_KEY, m.method) === true)).toBe(true);
  });

  it('gives queries and subscriptions no interceptor at all (no interceptor chain per root field)', () => {
    const others = handlers.filter((h) => h.type !== 'Mutation');
    expect(others.length).toBeGreaterThan(20);
    expect(others.filter((h) => interceptorsOf(h.method).length > 0).map((h) => h.name)).toEqual([]);
  });

  it('has no request-scoped provider (nothing is built per request)', () => {
    const scoped: string[] = [];
    for (const p of providersOf([root])) {
      const scope =
        typeof p === 'function'
          ? (Reflect.getMetadata(SCOPE_OPTIONS_METADATA, p) as { scope?: Scope } | undefined)?.scope
          : (p as { scope?: Scope } | null)?.scope;
      if (scope === Scope.REQUEST) scoped.push(typeof p === 'function' ? p.name : String(p));
    }
    expect(scoped).toEqual([]);
  });
});
