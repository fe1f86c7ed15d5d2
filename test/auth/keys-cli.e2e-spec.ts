import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { hashApiKey } from '../../src/auth/api-key';
import { tempDir } from './auth-test-kit';

const run = promisify(execFile);
const CLI = ['--transpile-only', 'src/auth/cli/keys.cli.ts'];

const FILE = `# Tenants of the test gateway (this comment must survive the CLI)
tenants:
  - id: acme
    name: Acme # inline comment
    barrackCredential: { env: ACME_BARRACK_KEY }
    scopes: [read, write]
`;

describe('npm run keys (the CLI)', () => {
  it('creates a key: prints it once, stores only its hash, keeps the rest of the file; then revokes it', async () => {
    const t = await tempDir();
    try {
      const file = join(t.dir, 'tenants.yaml');
      await writeFile(file, FILE);
      const ts = require.resolve('ts-node/dist/bin.js');
      const created = await run(process.execPath, [
        ts,
        ...CLI,
        'create',
        '--tenant',
        'acme',
        '--scopes',
        'read,write',
        '--expires',
        '2999-01-01',
        '--file',
        file,
      ]);
      const key = created.stdout.trim();
      expect(key).toMatch(/^bgw_[A-Za-z0-9]{12}_[A-Za-z0-9]{32,}$/);
      const text = await readFile(file, 'utf8');
      expect(text).not.toContain(key);
      expect(text).toContain('# Tenants of the test gateway (this comment must survive the CLI)');
      expect(text).toContain('# inline comment');
      const entry = parse(text).tenants[0].apiKeys[0];
      expect(entry).toEqual({
        id: key.split('_')[1],
        hash: hashApiKey(key),
        scopes: ['read', 'write'],
        expiresAt: '2999-01-01T00:00:00.000Z',
      });

      await run(process.execPath, [ts, ...CLI, 'revoke', '--key-id', entry.id, '--file', file]);
      expect(parse(await readFile(file, 'utf8')).tenants[0].apiKeys[0].revoked).toBe(true);
    } finally {
      await t.cleanup();
    }
    // Two ts-node start-ups; slow on a busy machine.
  }, 120_000);
});
