import 'reflect-metadata';
import { loadConfig, ConfigError, type AppConfig } from './config/app-config';
import { startGateway, type RunningGateway } from './bootstrap';
import { TenantRegistry } from './tenancy/tenant-registry.service';
import { startSimulator } from '../simulator/simulator';

/** Barrack key of the simulator's seeded demo account, used by the embedded demo tenant. */
const EMBEDDED_BARRACK_KEY = 'sim-demo-key';

/**
 * The embedded default (no BARRACK_BASE_URL): the project's Barrack simulator runs in this process as the
 * upstream, with a demo tenant whose API key is printed once. Anything configured wins.
 */
async function startEmbedded(config: AppConfig): Promise<RunningGateway> {
  const sim = await startSimulator({ seed: 'demo', transitionDelayMs: 3_000 });
  const tenantRegistry = config.TENANTS_FILE
    ? undefined
    : TenantRegistry.createEmbedded({ barrackKey: EMBEDDED_BARRACK_KEY }).registry;
  const gateway = await startGateway(config, {
    barrackBaseUrl: sim.url,
    tenantRegistry,
    handleSignals: true,
  });
  const apiKey = tenantRegistry?.embeddedApiKey();
  const url = `${gateway.url}/graphql`;
  const lines = [
    '',
    'Barrack GraphQL gateway: embedded default',
    `  GraphQL:   ${url}${config.graphqlIde ? '   (GraphiQL in a browser)' : ''}`,
    `  Barrack:   built-in simulator at ${sim.url} (demo account, VM transitions take 3 s)`,
    `  Stores:    ${config.REDIS_URL ? `Redis at ${config.REDIS_URL}` : 'in-process (no REDIS_URL): one replica only'}`,
  ];
  if (apiKey) {
    lines.push(
      `  Tenant:    demo (every scope); API key, shown once:`,
      `             ${apiKey}`,
      '',
      'First query:',
      `  curl -s ${url} -H 'content-type: application/json' -H 'authorization: Bearer ${apiKey}' \\`,
      `    -d '{"query":"{ viewer { tenantId scopes } regions { code name } balance { amount currency } }"}'`,
    );
  }
  console.log(lines.join('\n') + '\n');
  process.once('exit', () => void sim.close());
  return gateway;
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  if (config.embedded) await startEmbedded(config);
  else await startGateway(config, { handleSignals: true });
}

main().catch((e: unknown) => {
  console.error('gateway failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
