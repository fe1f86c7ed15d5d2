import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { version } from 'graphql';
import * as executeModule from 'graphql/execution/execute';

/*
 * graphql-js 16 builds every object of a result with `Object.create(null)` (executeFields, one per object of the
 * answer: the console page makes ~450). V8 makes such objects dictionaries (hash tables): each is a few hundred
 * bytes that grow and rehash as fields are added, every `results[name] = value` is a hash-table insert, and
 * JSON.stringify serialises them on its slow path (key collection and sorting per object). On the console page
 * (S3) executeFields was a third of all bytes the gateway allocated per page (sampling heap profile), and
 * Apollo's JSON.stringify of the answer 6-7% of its CPU.
 *
 * The objects need no prototype chain, not a dictionary: what graphql-js wants of Object.create(null) is that a
 * response key never meets an inherited property (an alias `__proto__`, `constructor`, `toString`). An object
 * whose prototype is an empty object without a prototype has the same property: nothing to inherit, `__proto__`
 * an ordinary own property (its accessor lives on Object.prototype), and it stays a fast object with a hidden
 * class, so stores and JSON.stringify take their fast paths.
 *
 * graphql-js calls executeFields inside its own module, so there is no export to replace. This compiles a copy of
 * graphql-js's execution/execute.js (the installed file, read at start-up) with that one allocation changed and
 * swaps its `execute`/`executeSync` into the original module's exports, through which every caller (Apollo's
 * `graphql.execute`, subscriptions) reaches them; everything else it requires (errors, types, values) is the one
 * shared instance. It applies only to graphql 16 and only when the line is found exactly once; otherwise nothing
 * changes. Re-check on every graphql upgrade (fast-result-objects.spec.ts compares answers with graphql-js's).
 */

/** The result objects' prototype: an empty object without a prototype, so nothing is inherited. */
const RESULT_PROTOTYPE: object = Object.freeze(Object.create(null) as object);

/** executeFields' allocation in graphql 16 (execution/execute.js), and what replaces it. */
const ORIGINAL = 'const results = Object.create(null);\n  let containsPromise = false;';
const REPLACEMENT = 'const results = Object.create(RESULT_PROTOTYPE);\n  let containsPromise = false;';

type ExecuteExports = Pick<typeof executeModule, 'execute' | 'executeSync'>;

let installed: ExecuteExports | undefined;

type ModuleBody = (
  exports: object,
  require: (request: string) => unknown,
  module: { exports: object },
  filename: string,
  dirname: string,
  resultPrototype: object,
) => void;

/** The patched module's exports, or undefined when this graphql's source is not the one expected. */
function compilePatched(): ExecuteExports | undefined {
  const filename = require.resolve('graphql/execution/execute.js');
  const source = readFileSync(filename, 'utf8');
  if (source.split(ORIGINAL).length !== 2) return undefined;
  // The Function constructor of this realm, so the copy's arrays and objects are those of the code around it
  // (vm would compile into Node's main context, which differs under jest). `sourceURL` names graphql's file in
  // stack traces. The text is graphql-js's own installed source with one line changed, never request input.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const body = new Function(
    'exports',
    'require',
    'module',
    '__filename',
    '__dirname',
    'RESULT_PROTOTYPE',
    `${source.replace(ORIGINAL, REPLACEMENT)}\n//# sourceURL=${filename}`,
  ) as ModuleBody;
  // Its requires (all relative: ../jsutils, ../error, ./values.js ...) resolve to the modules already loaded, the
  // ones the rest of graphql-js shares, through this module's own require (jest's registry under jest).
  const dir = dirname(filename);
  const requireBeside = (request: string): unknown =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(request.startsWith('.') ? join(dir, request) : request);
  const module = { exports: {} as ExecuteExports };
  body(module.exports, requireBeside, module, filename, dir, RESULT_PROTOTYPE);
  return module.exports;
}

/** Installs the fast result objects (idempotent). Returns whether they are in place. */
export function useFastResultObjects(): boolean {
  if (!version.startsWith('16.')) return false;
  installed ??= compilePatched();
  if (!installed) return false;
  const exportsOfExecute: ExecuteExports = executeModule;
  exportsOfExecute.execute = installed.execute;
  exportsOfExecute.executeSync = installed.executeSync;
  return executeModule.execute === installed.execute;
}
