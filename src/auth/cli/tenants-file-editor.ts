import { rename, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isMap, isSeq, parseDocument, type Document, YAMLMap, YAMLSeq } from 'yaml';
import { SCOPES, type Scope } from '../../common/context/principal';
import { validateTenantsFile } from '../../tenancy/tenants-file.schema';
import { generateApiKey } from '../api-key';

/**
 * Edits of the tenants file that keep everything else in it as it was (comments and order, for YAML).
 * The result is validated before it is returned, so the CLI never writes a file the gateway would reject.
 */
export class TenantsFileEditError extends Error {}

export interface NewKeyOptions {
  tenantId: string;
  scopes: Scope[];
  expiresAt?: string;
  label?: string;
}

export function parseScopes(csv: string): Scope[] {
  const list = csv
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (bad.length || !list.length)
    throw new TenantsFileEditError(`scopes must be a comma list of ${SCOPES.join(', ')}`);
  return [...new Set(list)] as Scope[];
}

/** Adds a new key's hash to the tenant; returns the new text and the key (to print once). */
export function addApiKey(
  text: string,
  path: string,
  opts: NewKeyOptions,
): { text: string; key: string; keyId: string } {
  const generated = generateApiKey();
  const entry: Record<string, unknown> = { id: generated.id, hash: generated.hash, scopes: opts.scopes };
  if (opts.expiresAt !== undefined) {
    const d = new Date(opts.expiresAt);
    if (Number.isNaN(d.getTime()))
      throw new TenantsFileEditError('--expires must be a date (e.g. 2027-01-01)');
    if (d.getTime() <= Date.now()) throw new TenantsFileEditError('--expires must be in the future');
    entry.expiresAt = d.toISOString();
  }
  if (opts.label !== undefined) entry.label = opts.label;
  const next = edit(text, path, (tenants) => {
    const tenant = tenants.find((t) => t.get('id') === opts.tenantId);
    if (!tenant) throw new TenantsFileEditError(`tenant ${opts.tenantId} is not in the file`);
    tenant.get('apiKeys').push(entry);
  });
  return { text: next, key: generated.key, keyId: generated.id };
}

/** Marks a key revoked (kept in the file, so its id stays taken and the revocation is visible). */
export function revokeApiKey(text: string, path: string, keyId: string): string {
  return edit(text, path, (tenants) => {
    for (const t of tenants) {
      const key = t
        .get('apiKeys')
        .items()
        .find((k) => k.get('id') === keyId);
      if (key) {
        key.set('revoked', true);
        return;
      }
    }
    throw new TenantsFileEditError(`api key ${keyId} is not in the file`);
  });
}

/** Writes via a temporary file and rename, so the watching gateway never reads half a file. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, path);
}

/** A minimal common view over a YAML node or a plain JSON object. */
interface Node {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}
interface TenantNode extends Node {
  get(key: 'apiKeys'): { push(v: unknown): void; items(): Node[] };
  get(key: string): unknown;
}

function edit(text: string, path: string, change: (tenants: TenantNode[]) => void): string {
  const json = extname(path).toLowerCase() === '.json';
  let out: string;
  if (json) {
    let data: { tenants?: unknown };
    try {
      data = JSON.parse(text) as { tenants?: unknown };
    } catch {
      throw new TenantsFileEditError('the file is not valid JSON');
    }
    if (!Array.isArray(data.tenants)) throw new TenantsFileEditError('the file has no tenants list');
    change((data.tenants as Record<string, unknown>[]).map(jsonNode));
    out = `${JSON.stringify(data, null, 2)}\n`;
  } else {
    const doc = parseDocument(text);
    if (doc.errors.length)
      throw new TenantsFileEditError(`the file is not valid YAML: ${doc.errors[0]?.message ?? ''}`);
    const seq = doc.get('tenants');
    if (!isSeq(seq)) throw new TenantsFileEditError('the file has no tenants list');
    change(seq.items.filter(isMap).map((m) => yamlNode(doc, m)));
    out = doc.toString();
  }
  const check = validateTenantsFile(json ? JSON.parse(out) : parseDocument(out).toJS());
  if ('problems' in check)
    throw new TenantsFileEditError(`the result would be invalid:\n  ${check.problems.join('\n  ')}`);
  return out;
}

function jsonNode(o: Record<string, unknown>): TenantNode {
  return {
    get: ((key: string) => {
      if (key !== 'apiKeys') return o[key];
      if (!Array.isArray(o.apiKeys)) o.apiKeys = [];
      const list = o.apiKeys as Record<string, unknown>[];
      return {
        push: (v: unknown) => list.push(v as Record<string, unknown>),
        items: () => list.map(jsonNode),
      };
    }) as TenantNode['get'],
    set: (key, value) => {
      o[key] = value;
    },
  };
}

function yamlNode(doc: Document, m: YAMLMap): TenantNode {
  return {
    get: ((key: string) => {
      if (key !== 'apiKeys') return m.get(key);
      let seq = m.get('apiKeys');
      if (!isSeq(seq)) {
        seq = new YAMLSeq();
        m.set('apiKeys', seq);
      }
      const s = seq as YAMLSeq;
      return {
        push: (v: unknown) => s.add(doc.createNode(v)),
        items: () => s.items.filter(isMap).map((k) => yamlNode(doc, k)),
      };
    }) as TenantNode['get'],
    set: (key, value) => m.set(key, value),
  };
}
