import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunningGateway } from '../../src/bootstrap';
import { addApiKey, revokeApiKey, writeFileAtomic } from '../../src/auth/cli/tenants-file-editor';
import { TenantRegistry } from '../../src/tenancy/tenant-registry.service';
import {
  apiKeyEntry,
  eventually,
  gql,
  newKey,
  startWithTenants,
  tempDir,
  VIEWER,
  writeTenants,
} from './auth-test-kit';

describe('tenants file hot reload while requests run', () => {
  const steady = newKey();
  const doomed = newKey();
  let gw: RunningGateway;
  let file: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    file = join(t.dir, 'tenants.yaml');
    process.env.BGW_TEST_RELOAD_KEY = 'barrack-key';
    await writeTenants(file, [
      {
        id: 'acme',
        name: 'Acme',
        barrackCredential: { env: 'BGW_TEST_RELOAD_KEY' },
        scopes: ['read', 'write'],
        apiKeys: [apiKeyEntry(steady, { scopes: ['read'] }), apiKeyEntry(doomed, { scopes: ['read'] })],
      },
    ]);
    gw = await startWithTenants(file);
  });

  afterAll(async () => {
    await gw?.close();
    await cleanup?.();
  });

  it('adds and revokes keys without failing a single request that should pass', async () => {
    let running = true;
    const failures: string[] = [];
    let completed = 0;
    // Two concurrent request loops with the key that stays valid the whole time.
    const loops = [0, 1].map(async () => {
      while (running) {
        const r = await gql(gw.url, VIEWER, { 'x-api-key': steady.key });
        if (r.status !== 200 || r.body.data?.viewer?.subject !== steady.id)
          failures.push(`${r.status} ${JSON.stringify(r.body)}`);
        completed++;
      }
    });

    try {
      // Same path the CLI takes: edit, validate, write atomically.
      const added = addApiKey(await readFile(file, 'utf8'), file, {
        tenantId: 'acme',
        scopes: ['read', 'write'],
      });
      await writeFileAtomic(file, revokeApiKey(added.text, file, doomed.id));

      await eventually(async () => (await gql(gw.url, VIEWER, { 'x-api-key': added.key })).status === 200);
      await eventually(async () => (await gql(gw.url, VIEWER, { 'x-api-key': doomed.key })).status === 401);
      const newOne = await gql(gw.url, VIEWER, { authorization: `Bearer ${added.key}` });
      expect(newOne.body.data?.viewer).toMatchObject({
        tenantId: 'acme',
        subject: added.keyId,
        scopes: ['READ', 'WRITE'],
      });

      // A broken file is rejected and the tenants in force stay.
      const registry = gw.app.get(TenantRegistry);
      const version = registry.current().version;
      await writeFile(
        file,
        'tenants:\n  - id: acme\n    name: Acme\n    barrackCredential: plain-inline-secret\n',
      );
      expect(await registry.reload()).toBe(false);
      expect(registry.current().version).toBe(version);
      expect((await gql(gw.url, VIEWER, { 'x-api-key': added.key })).status).toBe(200);
      expect((await gql(gw.url, VIEWER, { 'x-api-key': doomed.key })).status).toBe(401);
    } finally {
      running = false;
      await Promise.all(loops);
    }
    expect(failures).toEqual([]);
    expect(completed).toBeGreaterThan(10);
  });
});
