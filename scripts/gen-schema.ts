// Writes schema.graphql from the code: boots the app (no listening, no upstream calls) and prints its schema.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGatewayApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { printGatewaySchema } from '../src/common/graphql/schema-printer';
import { TenantRegistry } from '../src/tenancy/tenant-registry.service';

async function main(): Promise<void> {
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
  const app = await createGatewayApp(config, {
    barrackBaseUrl: 'http://127.0.0.1:9/api',
    tenantRegistry: TenantRegistry.createEmbedded({ barrackKey: 'unused' }).registry,
  });
  await app.init();
  const out = join(__dirname, '..', 'schema.graphql');
  writeFileSync(out, printGatewaySchema(app));
  await app.close();
  console.log(`wrote ${out}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
