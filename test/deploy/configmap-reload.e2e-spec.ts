import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { RunningGateway } from '../../src/bootstrap';
import {
  apiKeyEntry,
  eventually,
  gql,
  newKey,
  startWithTenants,
  tempDir,
  VIEWER,
} from '../auth/auth-test-kit';

/*
 * The tenants file mounted from a Kubernetes ConfigMap or Secret: kubelet never rewrites tenants.yaml itself.
 * The mount holds `tenants.yaml -> ..data/tenants.yaml` and `..data -> ..<timestamp>/`; an update writes a new
 * timestamped directory and renames a fresh `..data_tmp` symlink over `..data`. The gateway must pick that up.
 */

describe('tenants file hot reload through a Kubernetes-style symlink swap', () => {
  const first = newKey();
  const added = newKey();
  let gw: RunningGateway;
  let dir: string;
  let cleanup: () => Promise<void>;

  const tenants = (keys: ReturnType<typeof newKey>[]) =>
    stringify({
      tenants: [
        {
          id: 'acme',
          name: 'Acme',
          barrackCredential: { env: 'BGW_TEST_CM_KEY' },
          scopes: ['read'],
          apiKeys: keys.map((k) => apiKeyEntry(k, { scopes: ['read'] })),
        },
      ],
    });

  /** What kubelet's atomic writer does for one update of the volume. */
  async function kubeletWrite(version: string, content: string): Promise<void> {
    const ts = join(dir, `..${version}`);
    await mkdir(ts);
    await writeFile(join(ts, 'tenants.yaml'), content);
    await symlink(`..${version}`, join(dir, '..data_tmp'));
    await rename(join(dir, '..data_tmp'), join(dir, '..data'));
  }

  beforeAll(async () => {
    const t = await tempDir();
    dir = t.dir;
    cleanup = t.cleanup;
    process.env.BGW_TEST_CM_KEY = 'barrack-key';
    await kubeletWrite('2026_12_01_10_00_00.1', tenants([first]));
    await symlink('..data/tenants.yaml', join(dir, 'tenants.yaml'));
    gw = await startWithTenants(join(dir, 'tenants.yaml'));
  });

  afterAll(async () => {
    await gw?.close();
    await cleanup?.();
  });

  it('serves a key added by a ConfigMap update, without a restart', async () => {
    expect((await gql(gw.url, VIEWER, { 'x-api-key': first.key })).body.data?.viewer?.subject).toBe(first.id);
    expect((await gql(gw.url, VIEWER, { 'x-api-key': added.key })).status).toBe(401);

    await kubeletWrite('2026_12_01_10_05_00.2', tenants([first, added]));
    await rm(join(dir, '..2026_12_01_10_00_00.1'), { recursive: true });

    await eventually(
      async () =>
        (await gql(gw.url, VIEWER, { 'x-api-key': added.key })).body.data?.viewer?.subject === added.id,
    );
    expect((await gql(gw.url, VIEWER, { 'x-api-key': first.key })).status).toBe(200);
  });
});
