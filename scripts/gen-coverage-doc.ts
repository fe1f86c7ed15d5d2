// Writes docs/COVERAGE.md (REST operation → GraphQL field) from src/common/graphql/operation-coverage.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formattedCoverageMarkdown } from '../src/common/graphql/coverage-doc';

async function main(): Promise<void> {
  const dir = join(__dirname, '..', 'docs');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'COVERAGE.md');
  writeFileSync(out, await formattedCoverageMarkdown(out));
  console.log(`wrote ${out}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
