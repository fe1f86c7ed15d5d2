import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';

/** sha256 hex of a document's text: the hash @graphql-codegen/client-preset and Apollo's APQ both use. */
export function documentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The ids a client may send for a document: the bare hash, or `sha256:<hash>` (GraphQL-over-HTTP draft). */
export function normaliseDocumentId(id: string): string {
  return id.startsWith('sha256:') ? id.slice('sha256:'.length) : id;
}

const HASH = /^[0-9a-f]{64}$/;

export class TrustedManifestError extends Error {}

/**
 * Parses a trusted-documents manifest in the format @graphql-codegen/client-preset writes with
 * `persistedDocuments: true` (`persisted-documents.json`: `{ "<sha256>": "<document text>" }`).
 * Every entry's key must be the sha256 of its text: a manifest that does not match its documents is a build
 * mix-up, and loading it would make ids run documents other than the ones the frontend was built with.
 */
export function parseManifest(text: string, source: string): Map<string, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new TrustedManifestError(`${source}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new TrustedManifestError(`${source}: expected an object of hash -> document`);
  }
  const docs = new Map<string, string>();
  const problems: string[] = [];
  for (const [id, doc] of Object.entries(raw as Record<string, unknown>)) {
    const hash = normaliseDocumentId(id).toLowerCase();
    if (typeof doc !== 'string' || doc.trim() === '') problems.push(`${id}: document is not a string`);
    else if (!HASH.test(hash)) problems.push(`${id}: not a sha256 hex hash`);
    else if (documentHash(doc) !== hash) problems.push(`${id}: is not the sha256 of its document`);
    else docs.set(hash, doc);
  }
  if (problems.length) {
    throw new TrustedManifestError(
      `${source}: ${problems.length} bad entries: ${problems.slice(0, 5).join('; ')}`,
    );
  }
  return docs;
}

/**
 * The trusted documents of this gateway: loaded from PERSISTED_DOCUMENTS_FILE and reloaded when the file
 * changes (a watch on its directory, since builds and Kubernetes ConfigMaps replace files by rename). A broken
 * new manifest keeps the previous one, as the tenants file does.
 */
export class TrustedDocuments {
  private docs = new Map<string, string>();
  private watcher: FSWatcher | null = null;
  private reloading: Promise<void> | null = null;

  constructor(
    private readonly path: string | undefined,
    private readonly onProblem: (message: string) => void = () => undefined,
  ) {}

  /** Loads the manifest; throws at start so a broken manifest stops the start. */
  async load(): Promise<void> {
    if (!this.path) return;
    this.docs = parseManifest(await readFile(this.path, 'utf8'), this.path);
  }

  get size(): number {
    return this.docs.size;
  }

  get configured(): boolean {
    return this.path !== undefined;
  }

  /** The document text for a hash or document id, or undefined. */
  get(id: string): string | undefined {
    return this.docs.get(normaliseDocumentId(id).toLowerCase());
  }

  has(hash: string): boolean {
    return this.docs.has(hash);
  }

  watch(): void {
    if (!this.path || this.watcher) return;
    const file = resolve(this.path);
    this.watcher = watch(dirname(file), (_event, name) => {
      // Kubernetes swaps a `..data` symlink in the directory; any change there may be our file.
      if (name === null || name === basename(file) || name.startsWith('..')) void this.reload();
    });
    this.watcher.unref();
    this.watcher.on('error', (e) => this.onProblem(`watching ${file} failed: ${e.message}`));
  }

  /** Re-reads the file; keeps the previous manifest when the new one is broken. Resolves when done. */
  reload(): Promise<void> {
    this.reloading ??= (async () => {
      try {
        const next = parseManifest(await readFile(this.path!, 'utf8'), this.path!);
        this.docs = next;
      } catch (e) {
        this.onProblem(`kept the previous trusted documents: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        this.reloading = null;
      }
    })();
    return this.reloading;
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
  }
}
