import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import { parse } from 'yaml';
import { BARRACK_OPERATIONS } from '../../src/barrack/contract/operations';
import { createGatewayApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app-config';
import { TenantRegistry } from '../../src/tenancy/tenant-registry.service';
import { renderCoverageMarkdown } from '../../src/barrack/contract/coverage-doc';
import { GRAPH_EDGES, OPERATION_COVERAGE } from '../../src/barrack/contract/operation-coverage';

const ROOT = join(__dirname, '..', '..');

/** operationIds straight from the OpenAPI document, so a new operation fails here even before operations.ts. */
function contractOperationIds(): string[] {
  const doc = parse(readFileSync(join(ROOT, 'contract', 'barrack.openapi.yaml'), 'utf8')) as {
    paths: Record<string, Record<string, { operationId?: string }>>;
  };
  return Object.values(doc.paths).flatMap((item) =>
    Object.values(item)
      .map((op) => op?.operationId)
      .filter((id): id is string => typeof id === 'string'),
  );
}

function hasField(schema: GraphQLSchema, path: string): boolean {
  const [typeName, fieldName] = path.split('.');
  const type = typeName ? schema.getType(typeName) : undefined;
  return !!type && 'getFields' in type && !!fieldName && fieldName in type.getFields();
}

describe('operation coverage (every Barrack operation has a GraphQL field)', () => {
  let app: INestApplication;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    // The app's own schema, built in-process the way `npm run schema` builds it (no port, no upstream call).
    const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    app = await createGatewayApp(config, {
      barrackBaseUrl: 'http://127.0.0.1:9/api',
      tenantRegistry: TenantRegistry.createEmbedded({ barrackKey: 'unused' }).registry,
    });
    await app.init();
    schema = app.get(GraphQLSchemaHost).schema;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('maps every operation of the contract, and nothing else', () => {
    const mapped = Object.keys(OPERATION_COVERAGE).sort();
    expect(contractOperationIds().sort()).toEqual(mapped);
    expect(BARRACK_OPERATIONS.map((o) => o.operationId).sort()).toEqual(mapped);
    expect(mapped).toHaveLength(68);
  });

  it('maps each operation to its own root field', () => {
    const fields = Object.values(OPERATION_COVERAGE);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it('finds every mapped field in the built schema', () => {
    const missing = Object.entries(OPERATION_COVERAGE)
      .filter(([, field]) => !hasField(schema, field))
      .map(([op, field]) => `${op} -> ${field}`);
    expect(missing).toEqual([]);
  });

  it('finds every documented graph edge in the built schema', () => {
    expect(GRAPH_EDGES.filter((e) => !hasField(schema, e.field)).map((e) => e.field)).toEqual([]);
  });

  it('keeps docs/COVERAGE.md in step with the map (npm run docs:coverage)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'COVERAGE.md'), 'utf8')).toBe(renderCoverageMarkdown());
  });
});
