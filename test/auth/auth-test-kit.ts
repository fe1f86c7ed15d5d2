import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { generateApiKey, type GeneratedApiKey } from '../../src/auth/api-key';
import { startGateway, type RunningGateway } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app-config';
import { testRedisUrl, uniquePrefix } from '../helpers/redis';
import { writeFileAtomic } from '../../src/auth/cli/tenants-file-editor';

/** Helpers shared by the auth e2e specs: a tenants file in a temp dir and a gateway reading it. */

export interface KeySpec {
  scopes: string[];
  expiresAt?: string;
  revoked?: boolean;
}

export function apiKeyEntry(k: GeneratedApiKey, spec: KeySpec): Record<string, unknown> {
  return { id: k.id, hash: k.hash, ...spec };
}

export function newKey(): GeneratedApiKey {
  return generateApiKey();
}

export async function tempDir(): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'bgw-auth-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function writeTenants(path: string, tenants: Record<string, unknown>[]): Promise<void> {
  await writeFileAtomic(path, stringify({ tenants }));
}

export async function startWithTenants(tenantsFile: string): Promise<RunningGateway> {
  return startGateway(
    loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      TENANTS_FILE: tenantsFile,
      // Nothing here calls Barrack; a closed port makes any accidental call fail loudly.
      BARRACK_BASE_URL: 'http://127.0.0.1:9',
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: uniquePrefix('auth'),
    }),
  );
}

export interface GqlResponse {
  status: number;
  headers: Headers;
  body: {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test asserts the shape of its own query
    data?: Record<string, any> | null;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- extensions differ per error code
    errors?: { message: string; extensions?: Record<string, any> }[];
  };
}

export async function gql(
  url: string,
  query: string,
  headers: Record<string, string> = {},
): Promise<GqlResponse> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GqlResponse['body'] };
}

export const VIEWER = '{ viewer { tenantId tenantName principalKind subject scopes } }';

/** Polls `check` until it returns true or the deadline passes (no fixed sleeps). */
export async function eventually(
  check: () => Promise<boolean>,
  deadlineMs = 10_000,
  everyMs = 50,
): Promise<void> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`condition not met within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
