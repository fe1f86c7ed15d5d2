import 'reflect-metadata';
import { loadConfig, ConfigError } from './config/app-config';
import { startGateway } from './bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  await startGateway(config);
}

main().catch((e: unknown) => {
  console.error('gateway failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
