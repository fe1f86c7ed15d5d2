import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createGatewayApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app-config';
import { printGatewaySchema } from '../../src/common/graphql/schema-printer';
import { TenantRegistry } from '../../src/tenancy/tenant-registry.service';

describe('schema.graphql', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createGatewayApp(loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test' }), {
      barrackBaseUrl: 'http://127.0.0.1:9/api',
      tenantRegistry: TenantRegistry.createEmbedded({ barrackKey: 'unused' }).registry,
    });
    await app.init();
  });

  afterAll(() => app.close());

  it('matches the schema built from the code (run `npm run schema` after changing the schema)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
    expect(printGatewaySchema(app)).toBe(committed);
  });

  it('describes every type, field, argument and enum value', () => {
    const sdl = printGatewaySchema(app);
    const { buildSchema, isObjectType, isInputObjectType, isEnumType, isInterfaceType } =
      jest.requireActual<typeof import('graphql')>('graphql');
    const schema = buildSchema(sdl);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      // Root operation types are documented field by field.
      if (!['Query', 'Mutation', 'Subscription'].includes(type.name) && !type.description)
        missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const f of Object.values(type.getFields())) {
          if (!f.description) missing.push(`${type.name}.${f.name}`);
          if ('args' in f)
            for (const a of f.args) if (!a.description) missing.push(`${type.name}.${f.name}(${a.name})`);
        }
      }
      if (isEnumType(type))
        for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });
});
