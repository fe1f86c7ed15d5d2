import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { acknowledgedIds, diffSchemas, runSchemaCheck } from '../../scripts/schema-diff';
import { createGatewayApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app-config';
import { printGatewaySchema } from '../../src/common/graphql/schema-printer';
import { TenantRegistry } from '../../src/tenancy/tenant-registry.service';

/* Issue 13 item 8: the breaking-change check (`npm run check:schema`, scripts/check-schema.ts). */

const ROOT = join(__dirname, '..', '..');
const BEFORE = 'type Query { a: String, b: Int }\nenum Color { RED GREEN }';

describe('schema diff (scripts/schema-diff.ts)', () => {
  it('flags a removed field or enum value as breaking and unacknowledged; additions are not', async () => {
    const after = 'type Query { a: String, c: Int }\nenum Color { RED BLUE }';
    const d = await diffSchemas(BEFORE, after, '');
    expect(d.unacknowledged.map((c) => c.id).sort()).toEqual([
      'ENUM_VALUE_REMOVED Color.GREEN',
      'FIELD_REMOVED Query.b',
    ]);
    expect(d.changes.find((c) => c.id === 'FIELD_ADDED Query.c')?.level).toBe('NON_BREAKING');
  });

  it('accepts a breaking change whose id schema-changes.md quotes', async () => {
    const md = '## 2026-01-01: b was never used\n\n- `FIELD_REMOVED Query.b`: removed\n';
    expect([...acknowledgedIds(md)]).toEqual(['FIELD_REMOVED Query.b']);
    const d = await diffSchemas(BEFORE, 'type Query { a: String }\nenum Color { RED GREEN }', md);
    expect(d.changes.map((c) => c.level)).toEqual(['BREAKING']);
    expect(d.unacknowledged).toEqual([]);
  });
});

describe('npm run check:schema (runSchemaCheck on the schema built from the code)', () => {
  let dir: string;
  let app: NestExpressApplication;
  let current: string;
  let baseline: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bgw-schema-'));
    app = await createGatewayApp(loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test' }), {
      barrackBaseUrl: 'http://127.0.0.1:9/api',
      tenantRegistry: TenantRegistry.createEmbedded({ barrackKey: 'unused' }).registry,
    });
    await app.init();
    current = printGatewaySchema(app);
    // A baseline with one field more than the code has: building from the code "removes" it.
    baseline = `${current}\nextend type Query {\n  legacyField: String\n}\n`;
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const check = async (changesPath: string, acceptReason?: string) => {
    const lines: string[] = [];
    const code = await runSchemaCheck({
      baseline: { sdl: baseline, from: 'test baseline' },
      current,
      committed: current,
      changesPath,
      acceptReason,
      log: (l) => lines.push(l),
    });
    return { code, out: lines.join('\n') };
  };

  it('fails on an unacknowledged breaking change; --accept records it and the next run passes', async () => {
    const changes = join(dir, 'schema-changes.md');
    writeFileSync(changes, '# Schema changes\n');
    const refused = await check(changes);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/1 breaking change\(s\) not acknowledged/);
    expect(refused.out).toContain('FIELD_REMOVED Query.legacyField');

    const accepted = await check(changes, 'legacyField was retired on purpose');
    expect(accepted.code).toBe(0);
    expect(readFileSync(changes, 'utf8')).toMatch(
      /## \d{4}-\d\d-\d\d: legacyField was retired on purpose\n\n- `FIELD_REMOVED Query.legacyField`: /,
    );
    const again = await check(changes);
    expect(again.code).toBe(0);
    expect(again.out).toContain('schema check passed');
  });

  it('fails when schema.graphql is stale, even without breaking changes', async () => {
    const lines: string[] = [];
    const code = await runSchemaCheck({
      baseline: { sdl: current, from: 'same' },
      current,
      committed: current.replace('type Query {', 'type Query {\n  extra: String'),
      changesPath: join(dir, 'none.md'),
      log: (l) => lines.push(l),
    });
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain('schema.graphql is stale');
  });

  it('the committed schema.graphql has no breaking change against the code that schema-changes.md does not list', async () => {
    const committed = readFileSync(join(ROOT, 'schema.graphql'), 'utf8');
    const d = await diffSchemas(committed, current, readFileSync(join(ROOT, 'schema-changes.md'), 'utf8'));
    expect(d.unacknowledged).toEqual([]);
  });
});
