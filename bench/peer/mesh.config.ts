import { defineConfig } from '@graphql-mesh/compose-cli';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

/*
 * The peer gateway's supergraph: GraphQL Mesh composes the project's own Barrack OpenAPI document into one
 * subgraph whose endpoint is the simulator of this benchmark run. bench/peer/compose.ts passes the run's
 * values through the environment; PEER_OPENAPI_SOURCE may point to a patched copy of the document.
 */
const endpoint = process.env.PEER_SIM_URL ?? 'http://127.0.0.1:4010/api';
const source = process.env.PEER_OPENAPI_SOURCE ?? '../../contract/barrack.openapi.yaml';
const barrackKey = process.env.PEER_BARRACK_KEY ?? 'sim-demo-key';

export const composeConfig = defineConfig({
  subgraphs: [
    {
      sourceHandler: loadOpenAPISubgraph('Barrack', {
        source,
        endpoint,
        operationHeaders: { Authorization: `Bearer ${barrackKey}` },
      }),
    },
  ],
});
