#!/usr/bin/env node
/* Fails (exit 1) when src/barrack/contract/barrack-api.types.ts is not what `npm run gen:types` produces from
 * contract/barrack.openapi.yaml. The generator arguments are read from package.json so the check can never
 * drift from the script that writes the committed file.
 * Usage: node scripts/check-generated-types.js [--committed <path>]   (--committed: compare another file, for tests) */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function generatorArgs(outFile) {
  const script = require(path.join(root, 'package.json')).scripts['gen:types'];
  const tokens = script.trim().split(/\s+/);
  if (tokens[0] !== 'openapi-typescript') throw new Error(`unexpected gen:types script: ${script}`);
  const args = tokens.slice(1);
  const outIdx = args.findIndex((a) => a === '-o' || a === '--output');
  if (outIdx < 0 || outIdx + 1 >= args.length) throw new Error(`gen:types has no -o <file>: ${script}`);
  const committed = args[outIdx + 1];
  args[outIdx + 1] = outFile;
  return { args, committed };
}

function normalise(text) {
  return text.replace(/\r\n/g, '\n');
}

function checkGeneratedTypes(committedOverride) {
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'barrack-types-'));
  const tmpFile = path.join(tmpDir, 'barrack-api.types.ts');
  try {
    const { args, committed } = generatorArgs(tmpFile);
    const committedPath = path.resolve(root, committedOverride ?? committed);
    const cli = path.join(
      path.dirname(require.resolve('openapi-typescript/package.json', { paths: [root] })),
      'bin',
      'cli.js',
    );
    const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) {
      return {
        ok: false,
        message: `openapi-typescript failed (exit ${run.status}):\n${run.stderr || run.stdout}`,
      };
    }
    if (!fs.existsSync(committedPath)) {
      return {
        ok: false,
        message: `${path.relative(root, committedPath)} is missing: run \`npm run gen:types\`.`,
      };
    }
    const fresh = normalise(fs.readFileSync(tmpFile, 'utf8'));
    const current = normalise(fs.readFileSync(committedPath, 'utf8'));
    if (fresh !== current) {
      const a = current.split('\n');
      const b = fresh.split('\n');
      let line = 0;
      while (line < a.length && line < b.length && a[line] === b[line]) line += 1;
      return {
        ok: false,
        message:
          `${path.relative(root, committedPath)} is stale: it differs from what contract/barrack.openapi.yaml generates ` +
          `(first difference at line ${line + 1}). Run \`npm run gen:types\` and commit the result.`,
      };
    }
    return { ok: true, message: `${path.relative(root, committedPath)} is up to date.` };
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

module.exports = { checkGeneratedTypes };

if (require.main === module) {
  const i = process.argv.indexOf('--committed');
  const result = checkGeneratedTypes(i >= 0 ? process.argv[i + 1] : undefined);
  (result.ok ? process.stdout : process.stderr).write(`check-generated-types: ${result.message}\n`);
  process.exit(result.ok ? 0 : 1);
}
