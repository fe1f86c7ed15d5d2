import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/*
 * The layering check of CI (`npm run check:layers`, dependency-cruiser with .dependency-cruiser.cjs): the real
 * tree passes, every src/ folder is classified, and each rule fails on a small tree that breaks it (written to a
 * temporary folder, so no violating file ever sits in this repository).
 */

const ROOT = resolve(__dirname, '../..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Layers {
  FEATURES: Record<string, string>;
  CROSS_CUTTING: Record<string, string>;
  INFRASTRUCTURE: Record<string, string>;
  PUBLIC_SURFACE: string[];
}

interface Violation {
  rule: string;
  from: string;
  to: string;
}

function depcruise(cwd: string, outputType: 'err' | 'json') {
  return spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', outputType], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The violations depcruise reports in `cwd` (rule name, from, to). */
function violations(cwd: string): Violation[] {
  const r = depcruise(cwd, 'json');
  if (!r.stdout) throw new Error(`depcruise printed nothing: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as {
    summary: { violations: { rule: { name: string }; from: string; to: string }[] };
  };
  return out.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

/** The exit status of the check as CI runs it (`npm run check:layers`: the err reporter). */
function checkStatus(cwd: string): number | null {
  return depcruise(cwd, 'err').status;
}

function layers(): Layers {
  const json = execFileSync(
    process.execPath,
    ['-e', `process.stdout.write(JSON.stringify(require(${JSON.stringify(CONFIG)}).layers))`],
    { encoding: 'utf8' },
  );
  return JSON.parse(json) as Layers;
}

/** A throwaway project: a tsconfig and the given files (path -> source). */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'layers-'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs' } }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const made: string[] = [];
function cruiseTree(files: Record<string, string>): Violation[] {
  const dir = tree(files);
  made.push(dir);
  return violations(dir);
}

const BARRACK_IMPORTS_A_FEATURE = {
  'src/instances/models/instance.model.ts': 'export class Instance {}\n',
  'src/barrack/mappers/instance.mapper.ts':
    "import { Instance } from '../../instances/models/instance.model';\nexport const toInstance = () => new Instance();\n",
};

afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe('one-way layering (dependency-cruiser)', () => {
  it('the real src/ tree has no violation', () => {
    expect(violations(ROOT)).toEqual([]);
  });

  it('the CI check exits 0 on the real tree and non-zero on a violation', () => {
    expect(checkStatus(ROOT)).toBe(0);
    const dir = tree(BARRACK_IMPORTS_A_FEATURE);
    made.push(dir);
    expect(checkStatus(dir)).not.toBe(0);
  });

  it('classifies every src/ folder exactly once (a new folder must be placed before the check passes)', () => {
    const l = layers();
    const lists = [l.FEATURES, l.CROSS_CUTTING, l.INFRASTRUCTURE].map((o) => Object.keys(o));
    const all = lists.flat();
    expect(new Set(all).size).toBe(all.length);
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect([...all].sort()).toEqual(folders);
  });

  it('fails when barrack/ imports a feature', () => {
    expect(cruiseTree(BARRACK_IMPORTS_A_FEATURE)).toEqual([
      {
        rule: 'barrack-imports-no-feature',
        from: 'src/barrack/mappers/instance.mapper.ts',
        to: 'src/instances/models/instance.model.ts',
      },
    ]);
  });

  it("fails when a feature imports another feature's internals, and allows its declared public surface", () => {
    const r = cruiseTree({
      'src/instances/list-helpers.ts': 'export const newestFirst = 1;\n',
      'src/instances/instances.service.ts': 'export class InstancesService {}\n',
      'src/volumes/volumes.service.ts':
        "import { newestFirst } from '../instances/list-helpers';\nimport { InstancesService } from '../instances/instances.service';\nexport const v = [newestFirst, InstancesService];\n",
    });
    expect(r).toEqual([
      {
        rule: 'feature-imports-no-other-feature',
        from: 'src/volumes/volumes.service.ts',
        to: 'src/instances/list-helpers.ts',
      },
    ]);
  });

  it('catches a type-only import too', () => {
    const r = cruiseTree({
      'src/firewalls/dto/firewall.inputs.ts': 'export interface AddFirewallRuleInput { port: number }\n',
      'src/volumes/volume.mapper.ts':
        "import type { AddFirewallRuleInput } from '../firewalls/dto/firewall.inputs';\nexport const f = (i: AddFirewallRuleInput) => i.port;\n",
    });
    expect(r.map((v) => v.rule)).toEqual(['feature-imports-no-other-feature']);
  });

  it('fails when a cross-cutting module or infrastructure imports a feature', () => {
    const r = cruiseTree({
      'src/instances/instance.mapper.ts': 'export const toInstance = 1;\n',
      'src/idempotency/reconcilers.ts':
        "import { toInstance } from '../instances/instance.mapper';\nexport const r = toInstance;\n",
      'src/tenancy/helpers.ts':
        "import { toInstance } from '../instances/instance.mapper';\nexport const h = toInstance;\n",
    });
    expect(r.map((v) => `${v.rule}: ${v.from}`).sort()).toEqual([
      'cross-cutting-imports-no-feature: src/idempotency/reconcilers.ts',
      'infrastructure-imports-no-feature: src/tenancy/helpers.ts',
    ]);
  });

  it('fails when common/ imports any other src/ folder (a feature, barrack/, config/), and allows common/ itself', () => {
    const r = cruiseTree({
      'src/instances/instance.mapper.ts': 'export const toInstance = 1;\n',
      'src/barrack/http/barrack-upstream.error.ts': 'export class BarrackUpstreamError extends Error {}\n',
      'src/config/app-config.ts': 'export const config = {};\n',
      'src/common/errors/gateway-error.ts': 'export class GatewayError extends Error {}\n',
      'src/common/graphql/helpers.ts':
        "import { toInstance } from '../../instances/instance.mapper';\nexport const h = toInstance;\n",
      'src/common/errors/upstream-error.map.ts':
        "import { BarrackUpstreamError } from '../../barrack/http/barrack-upstream.error';\nimport { GatewayError } from './gateway-error';\nexport const m = [BarrackUpstreamError, GatewayError];\n",
      'src/common/context/settings.ts':
        "import type { config } from '../../config/app-config';\nexport type C = typeof config;\n",
    });
    expect(r.map((v) => `${v.rule}: ${v.from} -> ${v.to}`).sort()).toEqual([
      'common-imports-nothing-above: src/common/context/settings.ts -> src/config/app-config.ts',
      'common-imports-nothing-above: src/common/errors/upstream-error.map.ts -> src/barrack/http/barrack-upstream.error.ts',
      'common-imports-nothing-above: src/common/graphql/helpers.ts -> src/instances/instance.mapper.ts',
    ]);
  });

  it('fails on a circular dependency', () => {
    const r = cruiseTree({
      'src/common/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'src/common/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    });
    expect(r.length).toBeGreaterThan(0);
    expect(new Set(r.map((v) => v.rule))).toEqual(new Set(['no-circular']));
  });
});
