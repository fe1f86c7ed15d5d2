import { type DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { SecretEnv } from './secret-ref';
import { TenantCredentials } from './tenant-credentials';
import { TenantRegistry } from './tenant-registry.service';

/**
 * Optional token: a registry bootstrap built (the embedded demo tenant, see TenantRegistry.createEmbedded).
 * Used when TENANTS_FILE is unset; provide it globally (e.g. from bootstrap's runtime module).
 */
export const TENANT_REGISTRY_OVERRIDE = Symbol('TENANT_REGISTRY_OVERRIDE');

export interface TenancyOptions {
  /** A registry built by bootstrap (the embedded demo tenant, see TenantRegistry.createEmbedded). */
  registry?: TenantRegistry;
  /**
   * Where `{ env: NAME }` references in the tenants file are looked up. Defaults to the process environment:
   * those names come from the tenants file, so the config schema cannot list them.
   */
  secretEnv?: SecretEnv;
}

/**
 * Provides the TenantRegistry and, through it, TenantCredentials for every upstream call.
 * TENANTS_FILE wins; without it the embedded default needs a registry from bootstrap.
 */
@Global()
@Module({})
export class TenancyModule {
  static forRoot(options: TenancyOptions = {}): DynamicModule {
    return {
      module: TenancyModule,
      providers: [
        {
          provide: TenantRegistry,
          inject: [APP_CONFIG, { token: TENANT_REGISTRY_OVERRIDE, optional: true }],
          useFactory: async (cfg: AppConfig, override?: TenantRegistry): Promise<TenantRegistry> => {
            if (cfg.TENANTS_FILE) {
              const registry = await TenantRegistry.fromFile(
                cfg.TENANTS_FILE,
                options.secretEnv ?? process.env,
              );
              registry.watch();
              return registry;
            }
            const preset = options.registry ?? override;
            if (preset) return preset;
            if (!cfg.embedded) throw new Error('TENANTS_FILE is required when BARRACK_BASE_URL is set');
            // Embedded without a registry from bootstrap: a demo tenant whose key nobody printed is useless,
            // so say so instead of starting silently.
            new Logger('TenantRegistry').warn(
              'embedded mode without a demo tenant from bootstrap: using barrack key "demo"; call TenantRegistry.createEmbedded',
            );
            return TenantRegistry.createEmbedded({ barrackKey: 'demo' }).registry;
          },
        },
        { provide: TenantCredentials, useExisting: TenantRegistry },
      ],
      exports: [TenantRegistry, TenantCredentials],
    };
  }
}
