// Writes docs/COVERAGE.md (REST operation → GraphQL field) from src/barrack/contract/operation-coverage.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCoverageMarkdown } from '../src/barrack/contract/coverage-doc';

function main(): void {
  const dir = join(__dirname, '..', 'docs');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'COVERAGE.md');
  writeFileSync(out, renderCoverageMarkdown());
  console.log(`wrote ${out}`);
}

main();
