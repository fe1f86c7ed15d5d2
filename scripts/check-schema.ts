// `npm run check:schema [-- --accept "why"]`: fails on an unacknowledged breaking schema change (see README
// "Schema changes"). Baseline: schema.graphql at git ref SCHEMA_BASE_REF (default HEAD; CI on a branch sets
// the branch it merges into), or the working-tree file when git cannot show it. SCHEMA_BASELINE_FILE and
// SCHEMA_CHANGES_FILE (paths) replace the baseline and schema-changes.md.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGatewayApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { printGatewaySchema } from '../src/common/graphql/schema-printer';
import { TenantRegistry } from '../src/tenancy/tenant-registry.service';
import { CHANGES_FILE, runSchemaCheck } from './schema-diff';

const ROOT = join(__dirname, '..');

function baseline(ref: string): { sdl: string; from: string } {
  try {
    const sdl = execFileSync('git', ['show', `${ref}:schema.graphql`], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return { sdl, from: `schema.graphql at ${ref}` };
  } catch {
    return { sdl: readFileSync(join(ROOT, 'schema.graphql'), 'utf8'), from: 'schema.graphql (working tree)' };
  }
}

async function builtSchema(): Promise<string> {
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
  const app = await createGatewayApp(config, {
    barrackBaseUrl: 'http://127.0.0.1:9/api',
    tenantRegistry: TenantRegistry.createEmbedded({ barrackKey: 'unused' }).registry,
  });
  await app.init();
  try {
    return printGatewaySchema(app);
  } finally {
    await app.close();
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const acceptAt = args.indexOf('--accept');
  const reason = acceptAt >= 0 ? args[acceptAt + 1] : undefined;
  if (acceptAt >= 0 && !reason) {
    console.error('usage: npm run check:schema -- --accept "why the breaking change is intended"');
    return 2;
  }
  const ref = process.env.SCHEMA_BASE_REF || 'HEAD';
  const baselineFile = process.env.SCHEMA_BASELINE_FILE;
  return runSchemaCheck({
    baseline: baselineFile ? { sdl: readFileSync(baselineFile, 'utf8'), from: baselineFile } : baseline(ref),
    current: await builtSchema(),
    committed: readFileSync(join(ROOT, 'schema.graphql'), 'utf8'),
    changesPath: process.env.SCHEMA_CHANGES_FILE || join(ROOT, CHANGES_FILE),
    acceptReason: reason,
  });
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
