// `npm run gen:client-types`: regenerates test/client/gql/ (the Apollo Client tier's typed documents) the way a
// frontend team does: graphql-codegen's client preset introspects a running gateway over HTTP with an API key.
// Boots the simulator and the gateway (embedded demo tenant, in-process stores: no Redis needed) on free ports.
import 'reflect-metadata';
import { generate } from '@graphql-codegen/cli';
import { startGateway } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { TenantRegistry } from '../src/tenancy/tenant-registry.service';
import { startSimulator } from '../simulator/simulator';
import { CLIENT_GQL_DIR, clientCodegenConfig } from '../test/client/codegen-config';

async function main(): Promise<void> {
  const sim = await startSimulator({ seed: 'demo' });
  const { registry, apiKey } = TenantRegistry.createEmbedded({ barrackKey: 'sim-demo-key' });
  const gateway = await startGateway(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'development' }),
    { barrackBaseUrl: sim.url, tenantRegistry: registry },
  );
  try {
    await generate(
      clientCodegenConfig(`${gateway.url}/graphql`, { authorization: `Bearer ${apiKey}` }),
      true,
    );
    console.log(`gen:client-types: wrote ${CLIENT_GQL_DIR}`);
  } finally {
    await gateway.close();
    await sim.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
