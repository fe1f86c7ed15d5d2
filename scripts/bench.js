#!/usr/bin/env node
// `npm run bench [-- flags]`: runs bench/run-bench.ts with ts-node (transpile only); flags are listed there.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const r = spawnSync(
  process.execPath,
  ['-r', 'ts-node/register/transpile-only', join(root, 'bench', 'run-bench.ts'), ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.json') } },
);
process.exit(r.status ?? 1);
