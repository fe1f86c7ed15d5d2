import { join } from 'node:path';
import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PUBLIC_KEY, REQUIRED_SCOPES_KEY } from '../../src/auth/scopes.decorator';
import { createGatewayApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app-config';
import { testRedisUrl, uniquePrefix } from '../helpers/redis';
import { tempDir, writeTenants } from './auth-test-kit';

const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'];

interface RootHandler {
  field: string;
  handler: string;
  declared: boolean;
}

/** Every method registered as a root field (via @Query/@Mutation/@Subscription) in the given classes. */
function rootHandlers(classes: Iterable<Type>): RootHandler[] {
  const out: RootHandler[] = [];
  for (const cls of classes) {
    const proto = cls.prototype as Record<string, unknown> | undefined;
    if (!proto) continue;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const method = Object.getOwnPropertyDescriptor(proto, name)?.value as unknown;
      if (typeof method !== 'function') continue;
      const type: unknown = Reflect.getMetadata('graphql:resolver_type', method);
      if (typeof type !== 'string' || !ROOT_TYPES.includes(type)) continue;
      const field = (Reflect.getMetadata('graphql:resolver_name', method) as string | undefined) ?? name;
      const declared = [method, cls].some(
        (t) =>
          Reflect.getMetadata(PUBLIC_KEY, t) === true ||
          (Reflect.getMetadata(REQUIRED_SCOPES_KEY, t) as unknown[] | undefined)?.length,
      );
      out.push({ field: `${type}.${field}`, handler: `${cls.name}.${name}`, declared: Boolean(declared) });
    }
  }
  return out;
}

describe('secure by default: every root field declares its scopes', () => {
  let app: NestExpressApplication;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    process.env.BGW_TEST_COVERAGE_KEY = 'k';
    const file = join(t.dir, 'tenants.yaml');
    await writeTenants(file, [
      { id: 'acme', name: 'Acme', barrackCredential: { env: 'BGW_TEST_COVERAGE_KEY' } },
    ]);
    app = await createGatewayApp(
      loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        TENANTS_FILE: file,
        BARRACK_BASE_URL: 'http://127.0.0.1:9',
        REDIS_URL: testRedisUrl(),
        REDIS_KEY_PREFIX: uniquePrefix('cov'),
      }),
    );
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await cleanup?.();
  });

  it('finds a @RequireScopes or @Public on every resolver root field of the app', () => {
    const classes = new Set<Type>();
    for (const mod of app.get(ModulesContainer).values()) {
      for (const wrapper of mod.providers.values()) {
        if (typeof wrapper.metatype === 'function') classes.add(wrapper.metatype as Type);
        const ctor = (wrapper.instance as object | undefined)?.constructor;
        if (typeof ctor === 'function') classes.add(ctor as Type);
      }
    }
    const handlers = rootHandlers(classes);
    expect(handlers.map((h) => h.field)).toContain('Query.viewer');
    expect(handlers.filter((h) => !h.declared).map((h) => `${h.field} (${h.handler})`)).toEqual([]);

    // Every root field in the schema is served by one of those handlers (nothing bypasses the guard).
    const schema = app.get(GraphQLSchemaHost).schema;
    const schemaFields = [
      schema.getQueryType(),
      schema.getMutationType(),
      schema.getSubscriptionType(),
    ].flatMap((t) => (t ? Object.keys(t.getFields()).map((f) => `${t.name}.${f}`) : []));
    const served = new Set(handlers.map((h) => h.field));
    expect(schemaFields.filter((f) => !served.has(f))).toEqual([]);
  });

  it('would catch a root field without a scope declaration', () => {
    class Careless {
      forgot(): string {
        return 'x';
      }
      careful(): string {
        return 'y';
      }
    }
    const forgot = Object.getOwnPropertyDescriptor(Careless.prototype, 'forgot')?.value as object;
    const careful = Object.getOwnPropertyDescriptor(Careless.prototype, 'careful')?.value as object;
    Reflect.defineMetadata('graphql:resolver_type', 'Mutation', forgot);
    Reflect.defineMetadata('graphql:resolver_type', 'Query', careful);
    Reflect.defineMetadata(REQUIRED_SCOPES_KEY, ['read'], careful);
    expect(
      rootHandlers([Careless])
        .filter((h) => !h.declared)
        .map((h) => h.field),
    ).toEqual(['Mutation.forgot']);
  });
});
