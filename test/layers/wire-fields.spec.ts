import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checkTree, featureFolders, wireFieldUses } from '../../scripts/check-wire-fields';

/*
 * The wire-field half of `npm run check:layers` (scripts/check-wire-fields.ts): only a feature's mapper touches
 * Barrack's snake_case fields, never its services or resolvers. The real tree passes; violating files (written
 * to a temporary folder, so none sits in this repository) fail, each kind of use on its own line.
 */

const ROOT = resolve(__dirname, '../..');

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A throwaway project with the real .dependency-cruiser.cjs (for the feature list) and the given files. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wire-fields-'));
  made.push(dir);
  cpSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const VIOLATING_SERVICE = [
  'export class VolumesService {',
  '  async delete(id: string) {',
  '    const res = await this.api.delete(id);',
  '    return res.data?.volume_id ?? id;',
  '  }',
  '  attach(keys: string[]) {',
  '    return this.api.attach({ volume_ids: keys, protected: false });',
  '  }',
  "  list(d: { ssh_keys?: string[] }) { return d['ssh_keys']; }",
  '  key(res: { data: { key_id: string } }) { const { key_id } = res.data; return key_id; }',
  '}',
  '',
].join('\n');

describe('wire fields stay in the mappers', () => {
  it('finds no wire field in a feature service or resolver of the real tree', () => {
    expect(checkTree(ROOT)).toEqual([]);
  });

  it('checks every feature folder the layering config lists', () => {
    expect(featureFolders(ROOT)).toEqual(
      expect.arrayContaining(['instances', 'volumes', 'scripts', 'ssh-keys', 'catalog', 'ai', 'images']),
    );
  });

  it('reports reads, body keys, element reads, destructuring and inline wire types, with their lines', () => {
    expect(
      wireFieldUses(VIOLATING_SERVICE, 'src/volumes/volumes.service.ts').map(
        (u) => `${u.line} ${u.kind} ${u.name}`,
      ),
    ).toEqual([
      '4 read volume_id',
      '7 key volume_ids',
      '9 type ssh_keys',
      '9 read ssh_keys',
      '10 type key_id',
      '10 destructure key_id',
    ]);
  });

  it("leaves the gateway's own names alone: camelCase, UPPER_SNAKE constants, string values", () => {
    const clean = [
      'const MAX_PAGE_SIZE = 100;',
      "export const f = (input: { sizeGb: number }) => ({ sizeGb: input.sizeGb, code: 'NOT_FOUND', MAX_PAGE_SIZE });",
      "export const span = { 'barrack.operation_id': 'listVolumes' }['barrack.operation_id'];",
      '',
    ].join('\n');
    expect(wireFieldUses(clean, 'src/volumes/volumes.service.ts')).toEqual([]);
  });

  it('fails the CI check on a violating service or resolver, and ignores mappers and non-feature folders', () => {
    const dir = tree({
      'src/volumes/volumes.service.ts': VIOLATING_SERVICE,
      'src/volumes/volume.mapper.ts': 'export const toVolume = (w: { volume_id: string }) => w.volume_id;\n',
      'src/instances/instances.resolver.ts':
        'export const r = (args: { id: string }) => ({ instance_id: args.id });\n',
      'src/barrack/api/volumes.api.ts': 'export const q = { page_size: 100 };\n',
    });
    expect(new Set(checkTree(dir).map((u) => u.file))).toEqual(
      new Set(['src/volumes/volumes.service.ts', 'src/instances/instances.resolver.ts']),
    );
    // The script as `npm run check:layers` runs it, pointed at the violating tree, then at the real one.
    const run = (root: string) =>
      spawnSync(
        process.execPath,
        [
          '-r',
          join(ROOT, 'node_modules/ts-node/register/transpile-only'),
          join(ROOT, 'scripts', 'check-wire-fields.ts'),
          root,
        ],
        { encoding: 'utf8' },
      );
    const failed = run(dir);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain("src/volumes/volumes.service.ts:4: wire field 'volume_id' (read)");
    expect(failed.stderr).not.toContain('volume.mapper.ts');
    expect(run(ROOT).status).toBe(0);
  });
});
