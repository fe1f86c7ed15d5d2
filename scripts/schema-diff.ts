import { appendFileSync, readFileSync } from 'node:fs';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/*
 * Schema discipline (README "Schema changes"): the schema built from the code is compared with a baseline
 * schema.graphql by @graphql-inspector/core. A breaking change (a removed or renamed field, type, argument
 * or enum value, a type made stricter, ...) fails the check unless it is acknowledged in schema-changes.md
 * by a line holding its id in backticks: `TYPE path`, e.g. `ENUM_VALUE_REMOVED Scope.read`.
 */

export const CHANGES_FILE = 'schema-changes.md';

export interface SchemaChange {
  /** `TYPE path`: what schema-changes.md quotes to acknowledge it. */
  id: string;
  level: 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';
  message: string;
}

export interface SchemaDiff {
  changes: SchemaChange[];
  /** Breaking changes schema-changes.md does not acknowledge: these fail the check. */
  unacknowledged: SchemaChange[];
}

function idOf(c: Change): string {
  return `${c.type} ${c.path ?? ''}`.trim();
}

/** Every `` `TYPE path` `` id quoted in schema-changes.md. */
export function acknowledgedIds(changesMd: string): Set<string> {
  const ids = new Set<string>();
  for (const m of changesMd.matchAll(/`([A-Z][A-Z_]+(?: [^`]+)?)`/g)) if (m[1]) ids.add(m[1]);
  return ids;
}

export async function diffSchemas(
  baselineSdl: string,
  currentSdl: string,
  changesMd: string,
): Promise<SchemaDiff> {
  const raw = await diff(buildSchema(baselineSdl), buildSchema(currentSdl));
  const changes = raw.map((c) => ({
    id: idOf(c),
    level:
      c.criticality.level === CriticalityLevel.Breaking
        ? ('BREAKING' as const)
        : c.criticality.level === CriticalityLevel.Dangerous
          ? ('DANGEROUS' as const)
          : ('NON_BREAKING' as const),
    message: c.message,
  }));
  const ok = acknowledgedIds(changesMd);
  return { changes, unacknowledged: changes.filter((c) => c.level === 'BREAKING' && !ok.has(c.id)) };
}

/** The lines `--accept` appends to schema-changes.md for the given changes. */
export function acknowledgement(changes: SchemaChange[], reason: string, date: string): string {
  return ['', `## ${date}: ${reason}`, '', ...changes.map((c) => `- \`${c.id}\`: ${c.message}`), ''].join(
    '\n',
  );
}

export function readChangesFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export interface SchemaCheckInput {
  baseline: { sdl: string; from: string };
  /** The schema built from the code. */
  current: string;
  /** schema.graphql as it is in the working tree. */
  committed: string;
  changesPath: string;
  /** `--accept "why"`: record the unacknowledged breaking changes in changesPath instead of failing. */
  acceptReason?: string;
  log?: (line: string) => void;
}

/** The whole check; returns the exit code (0 passed, 1 failed). */
export async function runSchemaCheck(input: SchemaCheckInput): Promise<number> {
  const log = input.log ?? ((l: string) => console.log(l));
  const result = await diffSchemas(input.baseline.sdl, input.current, readChangesFile(input.changesPath));
  log(`schema check: the schema built from the code against ${input.baseline.from}`);
  const safe = result.changes.filter((c) => c.level === 'NON_BREAKING').length;
  for (const c of result.changes)
    if (c.level !== 'NON_BREAKING') log(`  ${c.level.padEnd(9)} ${c.id}: ${c.message}`);
  log(`  ${safe} safe change(s)${result.changes.length ? '' : ' (no changes)'}`);

  let unacknowledged = result.unacknowledged;
  if (unacknowledged.length && input.acceptReason) {
    const date = new Date().toISOString().slice(0, 10);
    appendFileSync(input.changesPath, acknowledgement(unacknowledged, input.acceptReason, date));
    log(`recorded ${unacknowledged.length} breaking change(s) in ${input.changesPath}`);
    unacknowledged = [];
  }
  let status = 0;
  if (unacknowledged.length) {
    log(
      `${unacknowledged.length} breaking change(s) not acknowledged in ${CHANGES_FILE}:\n` +
        unacknowledged.map((c) => `  ${c.id}: ${c.message}`).join('\n') +
        '\nIf unintended, change the code back (or deprecate instead of removing). If intended, run\n' +
        '  npm run check:schema -- --accept "why"   (records them)   and   npm run schema   (regenerates).',
    );
    status = 1;
  }
  if (input.committed !== input.current) {
    log('schema.graphql is stale: run `npm run schema` and commit it.');
    status = 1;
  }
  if (!status) log('schema check passed');
  return status;
}
