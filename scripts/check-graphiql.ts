// `npm run check:graphiql`: GraphiQL's docs panel works against the real gateway, checked in headless Chromium.
// Starts the simulator and the gateway (embedded demo tenant, in-process stores), opens GraphiQL with the demo
// key, opens the Documentation Explorer, asserts it lists Query's fields, and saves a screenshot.
// Needs a Chromium: CHROMIUM_PATH, else /usr/bin/chromium (Debian: `apt-get install -y chromium`).
// Exits 0 when the check passed, 1 when it failed, 2 when no Chromium was found (never a silent pass).
import 'reflect-metadata';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startGateway } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { TenantRegistry } from '../src/tenancy/tenant-registry.service';
import { startSimulator } from '../simulator/simulator';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function main(): Promise<number> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.error(`check:graphiql: no Chromium at ${executablePath} (set CHROMIUM_PATH or install chromium)`);
    return 2;
  }
  const screenshot = process.argv[2] ?? join(tmpdir(), 'graphiql-docs.png');
  const sim = await startSimulator({ seed: 'demo' });
  const { registry } = TenantRegistry.createEmbedded({ barrackKey: 'sim-demo-key' });
  const gateway = await startGateway(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'development' }),
    { barrackBaseUrl: sim.url, tenantRegistry: registry },
  );
  const key = registry.embeddedApiKey();
  const profile = mkdtempSync(join(tmpdir(), 'bgw-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // What a user types in GraphiQL's Headers tab; sent with every request the page makes to /graphql.
    await page.route('**/graphql', (route) =>
      route.continue({ headers: { ...route.request().headers(), authorization: `Bearer ${key}` } }),
    );
    await page.goto(`${gateway.url}/graphql`);
    await page.getByRole('button', { name: /Documentation Explorer/ }).click();
    const explorer = page.locator('.graphiql-doc-explorer');
    await explorer.locator('.graphiql-doc-explorer-root-type').first().waitFor({ timeout: 30_000 });
    await explorer
      .locator('a.graphiql-doc-explorer-type-name', { hasText: /^Query$/ })
      .first()
      .click();
    const fieldNames = explorer.locator('.graphiql-doc-explorer-field-name');
    await fieldNames.first().waitFor({ timeout: 30_000 });
    const fields = await fieldNames.allInnerTexts();
    await page.screenshot({ path: screenshot, fullPage: true });
    const expected = ['viewer', 'instances', 'regions'];
    const missing = expected.filter((f) => !fields.includes(f));
    console.log(`GraphiQL docs panel lists ${fields.length} Query fields; screenshot: ${screenshot}`);
    if (missing.length) {
      console.error(`check:graphiql FAILED: the docs panel does not list ${missing.join(', ')}`);
      return 1;
    }
    console.log('check:graphiql passed');
    return 0;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await gateway.close();
    await sim.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('check:graphiql FAILED:', e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
