import { spawnSync } from 'node:child_process';
import { copyFileSync, appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const script = join(root, 'scripts/check-generated-types.js');
const committed = join(root, 'src/barrack/contract/barrack-api.types.ts');

function runCheck(...args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });
}

// Each check spawns openapi-typescript; on a loaded 2-core machine that can take well over the default timeout.
const GENERATOR_TIMEOUT_MS = 90_000;

describe('generated Barrack types (scripts/check-generated-types.js)', () => {
  it(
    'the committed barrack-api.types.ts matches contract/barrack.openapi.yaml',
    () => {
      const run = runCheck();
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    },
    GENERATOR_TIMEOUT_MS,
  );

  it(
    'fails with a clear message when the committed file is stale',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'stale-types-'));
      try {
        const stale = join(dir, 'barrack-api.types.ts');
        copyFileSync(committed, stale);
        appendFileSync(stale, 'export type Drift = 1;\n');
        const run = runCheck('--committed', stale);
        expect(run.status).toBe(1);
        expect(run.stderr).toContain('is stale');
        expect(run.stderr).toContain('npm run gen:types');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    GENERATOR_TIMEOUT_MS,
  );
});
