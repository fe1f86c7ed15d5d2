/* eslint-disable @typescript-eslint/no-explicit-any -- the bodies checked here are untyped JSON of the systems under test */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

/*
 * The peer: GraphQL Hive Gateway serving a supergraph that GraphQL Mesh composes from the project's Barrack
 * OpenAPI document, installed apart in bench/peer (its own package.json). Composition runs once per benchmark
 * run because the simulator's URL (a free port) is baked into the supergraph.
 */

export const PEER_DIR = join(__dirname, '..', 'peer');
const BIN = (pkg: string, file: string) => join(PEER_DIR, 'node_modules', pkg, file);
export const HIVE_GATEWAY_BIN = BIN('@graphql-hive/gateway', 'dist/bin.js');
const MESH_COMPOSE_BIN = BIN('@graphql-mesh/compose-cli', 'esm/bin.js');

export function peerInstalled(): string | undefined {
  if (!existsSync(HIVE_GATEWAY_BIN))
    return `${HIVE_GATEWAY_BIN} missing: run \`cd bench/peer && npm install\``;
  if (!existsSync(MESH_COMPOSE_BIN))
    return `${MESH_COMPOSE_BIN} missing: run \`cd bench/peer && npm install\``;
  return undefined;
}

/**
 * Installs the peer into bench/peer from its pinned package-lock.json (`npm ci`) when it is missing, so a
 * benchmark never silently reports without it. Returns undefined when installed, else why it is not.
 */
export function ensurePeerInstalled(log: (msg: string) => void): string | undefined {
  if (!peerInstalled()) return undefined;
  if (!existsSync(join(PEER_DIR, 'package-lock.json')))
    return `${PEER_DIR}/package-lock.json missing: cannot install the pinned peer`;
  log('peer missing: npm ci in bench/peer (pinned lock file)');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel', 'error'], {
    cwd: PEER_DIR,
    stdio: 'inherit',
    timeout: 15 * 60_000,
    env: { ...process.env, npm_config_production: 'false' },
  });
  if (r.error) return `npm ci in bench/peer failed to run: ${r.error.message}`;
  if (r.status !== 0) return `npm ci in bench/peer exited with ${r.status ?? r.signal}`;
  return peerInstalled();
}

/**
 * The peer-only copy of the contract. Mesh composes the document as it is today; this is the one place to
 * patch it for Mesh if a future contract change makes Mesh choke, so the project's own document never bends
 * to the peer. Returns the patches applied (listed in the report).
 */
export function peerContractCopy(contractPath: string, outPath: string): string[] {
  const doc = parse(readFileSync(contractPath, 'utf8')) as Record<string, any>;
  const patches: string[] = [];
  // Mesh would call the production server listed in `servers`; the endpoint is set in mesh.config.ts, and the
  // servers list is dropped so no composed field can point at barrack.ai.
  if (Array.isArray(doc.servers)) {
    delete doc.servers;
    patches.push('`servers` removed (the endpoint is the run’s simulator, set in mesh.config.ts)');
  }
  writeFileSync(outPath, stringify(doc));
  return patches;
}

/** Composes the supergraph for `simUrl`; throws with Mesh's own output when composition fails. */
export function composeSupergraph(simUrl: string, barrackKey: string, source: string, out: string): void {
  const r = spawnSync(
    process.execPath,
    [MESH_COMPOSE_BIN, '-c', join(PEER_DIR, 'mesh.config.ts'), '-o', out],
    {
      cwd: PEER_DIR,
      env: {
        ...process.env,
        PEER_SIM_URL: simUrl,
        PEER_BARRACK_KEY: barrackKey,
        PEER_OPENAPI_SOURCE: source,
      },
      encoding: 'utf8',
      timeout: 180_000,
    },
  );
  if (r.status !== 0 || !existsSync(out)) {
    throw new Error(
      `mesh-compose failed (${r.status}):\n${(r.stdout + r.stderr).split('\n').slice(-30).join('\n')}`,
    );
  }
}

export function peerArgs(supergraph: string, port: number): string[] {
  return [
    HIVE_GATEWAY_BIN,
    'supergraph',
    supergraph,
    '-c',
    join(PEER_DIR, 'gateway.config.ts'),
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    // One process, like ours: the comparison is per process on a 2-core machine.
    '--fork',
    '1',
  ];
}

export function peerVersions(): Record<string, string> {
  const v = (pkg: string): string => {
    try {
      return String(
        (
          JSON.parse(readFileSync(join(PEER_DIR, 'node_modules', pkg, 'package.json'), 'utf8')) as {
            version: string;
          }
        ).version,
      );
    } catch {
      return 'missing';
    }
  };
  return Object.fromEntries(
    [
      '@graphql-hive/gateway',
      '@graphql-mesh/compose-cli',
      '@omnigraph/openapi',
      '@graphql-mesh/cache-redis',
      '@graphql-mesh/plugin-response-cache',
    ].map((p) => [p, v(p)]),
  );
}
