import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { GatewayError } from '../common/errors/gateway-error';
import { generateApiKey } from '../auth/api-key';
import { SCOPES } from '../common/context/principal';
import type { SecretEnv } from './secret-ref';
import { TenantCredentials } from './tenant-credentials';
import {
  parseTenantsFile,
  resolveTenants,
  TenantSnapshot,
  TenantsFileError,
  type ResolvedIssuer,
  type ResolvedTenant,
} from './tenant-snapshot';
import { planSchema, type ApiKeyEntry, type RateLimitPlan } from './tenants-file.schema';

const DEFAULT_PLAN_VALUE: RateLimitPlan = planSchema.parse({});
const RELOAD_DEBOUNCE_MS = 50;

interface FileSource {
  path: string;
  env: SecretEnv;
  lastDigest: string;
}

/**
 * The tenants known to this gateway: from the tenants file (watched, reloaded on change or SIGHUP) or the
 * embedded demo tenant. Lookups read one immutable snapshot; a reload builds a new snapshot and swaps the
 * reference, so in-flight requests keep what they already resolved and a broken file changes nothing.
 */
@Injectable()
export class TenantRegistry extends TenantCredentials implements OnModuleDestroy {
  private readonly log = new Logger('TenantRegistry');
  private snapshot: TenantSnapshot;
  private watcher: FSWatcher | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private reloading: Promise<boolean> | null = null;
  private reloadAgain = false;
  private readonly onSighup = (): void => void this.reload();
  private readonly listeners = new Set<(s: TenantSnapshot) => void>();

  private constructor(
    initial: TenantSnapshot,
    private readonly source: FileSource | null,
    private readonly embeddedKey?: string,
  ) {
    super();
    this.snapshot = initial;
  }

  /** Loads and validates the file; throws TenantsFileError listing every problem (the gateway must not start). */
  static async fromFile(path: string, env: SecretEnv): Promise<TenantRegistry> {
    const abs = resolve(path);
    let text: string;
    try {
      text = await readFile(abs, 'utf8');
    } catch {
      throw new TenantsFileError(path, ['file cannot be read']);
    }
    const tenants = resolveTenants(parseTenantsFile(text, abs), abs, dirname(abs), env);
    return new TenantRegistry(new TenantSnapshot(tenants, 1, new Date()), {
      path: abs,
      env,
      lastDigest: digest(text),
    });
  }

  /**
   * The embedded default: one demo tenant with every scope, whose Barrack key is the simulator's, and a
   * fresh API key made at start. The key is returned once (for the start log) and only its hash is kept.
   */
  static createEmbedded(opts: { barrackKey: string; tenantId?: string; name?: string }): {
    registry: TenantRegistry;
    apiKey: string;
  } {
    const { key, id, hash } = generateApiKey();
    const tenant: ResolvedTenant = {
      id: opts.tenantId ?? 'demo',
      name: opts.name ?? 'Demo tenant',
      status: 'active',
      plan: DEFAULT_PLAN_VALUE,
      scopes: [...SCOPES],
      documents: 'any',
      barrackKey: opts.barrackKey,
      apiKeys: [{ id, hash, scopes: [...SCOPES], revoked: false, label: 'embedded demo key' }],
      jwtIssuers: [],
    };
    return {
      registry: new TenantRegistry(new TenantSnapshot([tenant], 1, new Date()), null, key),
      apiKey: key,
    };
  }

  /** The demo API key of an embedded registry (for the start log), undefined otherwise. */
  embeddedApiKey(): string | undefined {
    return this.embeddedKey;
  }

  current(): TenantSnapshot {
    return this.snapshot;
  }

  tenant(tenantId: string): ResolvedTenant | undefined {
    return this.snapshot.tenants.get(tenantId);
  }

  findApiKey(keyId: string): { tenant: ResolvedTenant; key: ApiKeyEntry } | undefined {
    return this.snapshot.keysById.get(keyId);
  }

  issuerConfigs(issuer: string): readonly ResolvedIssuer[] {
    return this.snapshot.issuers.get(issuer) ?? [];
  }

  /** Called with each new snapshot (e.g. to drop JWT verifiers of issuers that went away). */
  onChange(listener: (s: TenantSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  override barrackCredential(tenantId: string): string {
    const t = this.snapshot.tenants.get(tenantId);
    if (!t) throw new GatewayError('UNAUTHENTICATED', 'Invalid credential');
    if (t.status === 'suspended') throw new GatewayError('FORBIDDEN', `Tenant ${t.id} is suspended`);
    return t.barrackKey;
  }

  /** The tenant's rate-limit plan, with defaults for what the file leaves out (or for an unknown tenant). */
  planFor(tenantId: string): RateLimitPlan {
    return this.snapshot.tenants.get(tenantId)?.plan ?? DEFAULT_PLAN_VALUE;
  }

  /** Starts watching the file (and SIGHUP). No-op for the embedded registry. */
  watch(): void {
    if (!this.source || this.watcher) return;
    const name = basename(this.source.path);
    // The directory, not the file: editors and the keys CLI replace the file by rename, which a file watch loses.
    // A Kubernetes ConfigMap/Secret mount never touches the file's own name: kubelet renames a new `..data`
    // symlink into place (tenants.yaml -> ..data/tenants.yaml), so a change of `..data` reloads too.
    this.watcher = watch(dirname(this.source.path), (_event, file) => {
      const changed = file?.toString();
      if (changed === undefined || changed === name || changed === '..data') this.scheduleReload();
    });
    // Never the reason a process stays alive (e.g. a test whose app failed to start and was not closed).
    this.watcher.unref();
    this.watcher.on('error', (e) =>
      this.log.error(`tenants file watch failed: ${e.message}; SIGHUP still reloads`),
    );
    process.on('SIGHUP', this.onSighup);
  }

  /**
   * Re-reads the file. Returns true when a new snapshot is in force. A broken file is logged with every
   * problem and the previous snapshot stays. Concurrent calls coalesce into one more pass.
   */
  reload(): Promise<boolean> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      let changed = false;
      do {
        this.reloadAgain = false;
        changed = (await this.reloadOnce()) || changed;
      } while (this.reloadAgain);
      return changed;
    })().finally(() => {
      this.reloading = null;
    });
    return this.reloading;
  }

  onModuleDestroy(): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.debounce) clearTimeout(this.debounce);
    process.off('SIGHUP', this.onSighup);
  }

  private scheduleReload(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.reload();
    }, RELOAD_DEBOUNCE_MS);
    this.debounce.unref();
  }

  private async reloadOnce(): Promise<boolean> {
    const src = this.source;
    if (!src) return false;
    let text: string;
    try {
      text = await readFile(src.path, 'utf8');
    } catch {
      this.log.error('tenants file cannot be read; keeping the previous tenants');
      return false;
    }
    const d = digest(text);
    if (d === src.lastDigest) return false;
    try {
      const tenants = resolveTenants(parseTenantsFile(text, src.path), src.path, dirname(src.path), src.env);
      const next = new TenantSnapshot(tenants, this.snapshot.version + 1, new Date());
      this.snapshot = next;
      src.lastDigest = d;
      this.log.log(`tenants file reloaded: version ${next.version}, ${next.tenants.size} tenants`);
      for (const l of this.listeners) l(next);
      return true;
    } catch (e) {
      const problems = e instanceof TenantsFileError ? e.problems : ['unexpected error'];
      this.log.error(
        `tenants file rejected, keeping version ${this.snapshot.version}: ${problems.join('; ')}`,
      );
      return false;
    }
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
