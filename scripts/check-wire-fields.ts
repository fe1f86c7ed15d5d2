/*
 * The second half of `npm run check:layers` (STYLE.md "Layering": a feature's mapper is the only feature code
 * that touches wire fields). dependency-cruiser sees imports, not property names, so this reads every feature's
 * *.service.ts and *.resolver.ts with the TypeScript parser and reports each snake_case name it finds there: a
 * property read (`res.data.volume_id`, `d['ssh_keys']`), a key of an object literal (a request body or query
 * such as `{ instance_id: id }`), a destructured field (`const { key_id } = res.data`) or a member of an inline
 * type (`{ public_key?: string }`). Barrack's wire fields are snake_case and the gateway's own names are
 * camelCase, so such a name in a service or resolver is a wire field that belongs in the feature's mapper.
 * test/layers/wire-fields.spec.ts shows it failing on a violating file and passing on the real tree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as ts from 'typescript';

/** Barrack's wire style: lower case words joined by underscores (`volume_id`, `page_size`, `gpu_specs`). */
const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;

/** The files the rule applies to: the resolvers and services of a feature (mappers and api classes may). */
const CHECKED_FILE = /\.(service|resolver)\.ts$/;

export interface WireFieldUse {
  file: string;
  line: number;
  name: string;
  /** What kind of use: read, key, destructure or type. */
  kind: 'read' | 'key' | 'destructure' | 'type';
}

function nameText(name: ts.Node | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

/** The snake_case names a source file reads, writes, destructures or declares as members. */
export function wireFieldUses(text: string, file: string): WireFieldUse[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: WireFieldUse[] = [];
  const report = (node: ts.Node, name: string | undefined, kind: WireFieldUse['kind']) => {
    if (name === undefined || !SNAKE_CASE.test(name)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push({ file, line: line + 1, name, kind });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) report(node.name, node.name.text, 'read');
    else if (ts.isElementAccessExpression(node)) report(node, nameText(node.argumentExpression), 'read');
    else if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
      if (ts.isObjectLiteralExpression(node.parent)) report(node.name, nameText(node.name), 'key');
    } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
      report(node, nameText(node.propertyName ?? node.name), 'destructure');
    } else if (ts.isPropertySignature(node)) report(node.name, nameText(node.name), 'type');
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return filesUnder(path);
    return CHECKED_FILE.test(e.name) ? [path] : [];
  });
}

/** The feature folders, as .dependency-cruiser.cjs lists them. */
export function featureFolders(root: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(join(root, '.dependency-cruiser.cjs')) as {
    layers: { FEATURES: Record<string, string> };
  };
  return Object.keys(config.layers.FEATURES);
}

/** Every wire field used by a feature's service or resolver under `root`/src (paths relative to root, with /). */
export function checkTree(root: string, features: readonly string[] = featureFolders(root)): WireFieldUse[] {
  return features.flatMap((feature) => {
    let files: string[];
    try {
      files = filesUnder(join(root, 'src', feature));
    } catch {
      return [];
    }
    return files.flatMap((path) =>
      wireFieldUses(readFileSync(path, 'utf8'), relative(root, path).split(sep).join('/')),
    );
  });
}

/** `ts-node scripts/check-wire-fields.ts [root]`: exits 1 when a service or resolver under root uses one. */
function main(): void {
  const root = process.argv[2] ?? join(__dirname, '..');
  const uses = checkTree(root);
  for (const u of uses) {
    console.error(
      `${u.file}:${u.line}: wire field '${u.name}' (${u.kind}) in a service or resolver; move it into the feature's mapper`,
    );
  }
  if (uses.length > 0) {
    console.error(`\nwire fields: ${uses.length} use(s) outside the mappers (STYLE.md "Layering")`);
    process.exit(1);
  }
  console.log('✔ no wire field in a feature service or resolver');
}

if (require.main === module) main();
