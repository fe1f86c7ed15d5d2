import { envSchema, type Env } from './config.schema';

/** Nest injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

export type AppConfig = Env & {
  /** True when no BARRACK_BASE_URL was given: the gateway runs the simulator in-process. */
  embedded: boolean;
  graphqlIde: boolean;
  /** The metrics listener's port (0 = a free one), or null for none: METRICS_PORT resolved. */
  metricsPort: number | null;
};

/** The Prometheus exporter port convention for a metrics-only listener. */
export const DEFAULT_METRICS_PORT = 9464;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates every variable at once; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // Empty strings count as unset, so `FOO= npm start` behaves like no FOO.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.TENANTS_FILE === undefined && e.BARRACK_BASE_URL !== undefined) {
    problems.push('TENANTS_FILE: required when BARRACK_BASE_URL points at a real Barrack');
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    ...e,
    embedded: e.BARRACK_BASE_URL === undefined,
    graphqlIde: e.GRAPHQL_IDE ?? e.NODE_ENV !== 'production',
    metricsPort:
      e.METRICS_PORT === 'off'
        ? null
        : (e.METRICS_PORT ?? (e.NODE_ENV === 'test' ? 0 : DEFAULT_METRICS_PORT)),
  };
}
