import { z } from 'zod';

/*
 * The one schema for every environment variable the gateway reads. Only this folder reads process.env.
 * Each entry documents itself; the README's configuration table lists the same names.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const url = z.string().url();

/** An origin as browsers send it: scheme, host and optional port, nothing else (no path, no trailing slash). */
function isOrigin(o: string): boolean {
  try {
    const u = new URL(o);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === o;
  } catch {
    return false;
  }
}

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: int(0, 65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty`: coloured one-line logs; `json`: one JSON object a line; `auto`: pretty in development on a terminal. */
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  /** Drain in-flight requests for at most this long on SIGTERM. */
  SHUTDOWN_GRACE_MS: int(0, 120_000).default(10_000),
  /** GraphiQL at GET /graphql: on by default outside production. */
  GRAPHQL_IDE: bool.optional(),
  /**
   * Who may introspect the schema (see src/common/graphql/introspection.ts): any valid credential, also
   * anonymous clients, or nobody. Introspection never spends the data budgets.
   */
  INTROSPECTION: z.enum(['authenticated', 'public', 'off']).default('authenticated'),
  /** Largest accepted request body. */
  MAX_BODY_BYTES: int(1024, 10 * 1024 * 1024).default(100 * 1024),
  /**
   * Browser origins that may call the gateway from another origin (CORS; src/common/http/cors.ts): a comma-separated
   * list of exact origins (`https://console.example.com,http://localhost:5173`), or `*` for any. Unset: no CORS
   * headers, so only same-origin pages (and non-browser clients) call it.
   */
  CORS_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== ''),
    )
    .refine((list) => (list.length === 1 && list[0] === '*') || list.every(isOrigin), {
      message: "must be '*' or a comma-separated list of origins such as https://console.example.com",
    })
    .optional(),
  /** How long a browser may reuse a CORS preflight answer (Access-Control-Max-Age). */
  CORS_MAX_AGE_S: int(0, 86_400).default(600),

  // Barrack upstream. Unset BARRACK_BASE_URL = embedded default: start the simulator in-process.
  BARRACK_BASE_URL: url.optional(),
  /** How the tenant's Barrack key is sent: `Authorization: Bearer`, `X-API-Key`, or Hyperstack's `api_key`. */
  BARRACK_AUTH_SCHEME: z.enum(['bearer', 'x-api-key', 'api_key']).default('bearer'),
  BARRACK_CONNECT_TIMEOUT_MS: int(1, 60_000).default(2_000),
  BARRACK_HEADERS_TIMEOUT_MS: int(1, 120_000).default(10_000),
  BARRACK_TIMEOUT_MS: int(1, 300_000).default(15_000),
  BARRACK_POOL_CONNECTIONS: int(1, 1024).default(64),
  BARRACK_RETRY_MAX: int(0, 10).default(2),
  BARRACK_RETRY_BASE_MS: int(1, 10_000).default(100),
  BARRACK_BREAKER_THRESHOLD: int(1, 1000).default(5),
  BARRACK_BREAKER_HALF_OPEN_MS: int(10, 600_000).default(10_000),

  // Redis. Unset = in-process stores (single replica only); set = required, never a silent fallback.
  /** redis://, rediss://, redis-sentinel://h1,h2/master or redis-cluster://h1,h2 (see src/redis/redis-url.ts). */
  REDIS_URL: z
    .string()
    .regex(
      /^(redis|rediss|redis-sentinel|redis-cluster):\/\//,
      'must start with redis://, rediss://, redis-sentinel:// or redis-cluster://',
    )
    .optional(),
  REDIS_KEY_PREFIX: z.string().default('bgw:'),
  REDIS_COMMAND_TIMEOUT_MS: int(10, 10_000).default(1_000),
  /**
   * The Redis commands of one event-loop turn go out in one socket write (src/redis/write-coalescer.ts; standalone
   * and Sentinel). `false`: one write per command.
   */
  REDIS_COALESCE_WRITES: bool.default('true'),
  /** Total time one request may lose to Redis commands that do not answer (all together); unset = REDIS_COMMAND_TIMEOUT_MS. */
  REDIS_REQUEST_BUDGET_MS: int(10, 60_000).optional(),
  /** Consecutive Redis failures (timeouts, connection errors) that open the Redis breaker. */
  REDIS_BREAKER_THRESHOLD: int(1, 1000).default(3),
  /** While the Redis breaker is open, a background PING probes Redis this often. */
  REDIS_BREAKER_PROBE_MS: int(50, 600_000).default(1_000),

  // Tenants. Unset = the embedded demo tenant (only with the embedded simulator).
  TENANTS_FILE: z.string().optional(),

  // Cache TTLs (seconds) and stale windows.
  CACHE_ENABLED: bool.default('true'),
  CACHE_TTL_STOCK_S: int(1, 86_400).default(15),
  CACHE_TTL_PRICING_S: int(1, 86_400).default(300),
  CACHE_TTL_REGIONS_S: int(1, 86_400).default(3_600),
  CACHE_TTL_CATALOG_S: int(1, 86_400).default(3_600),
  CACHE_MAX_STALE_S: int(0, 7 * 86_400).default(3_600),
  /** How long a cache fill/refresh lock lives in Redis (covers one Barrack call; another replica takes over after). */
  CACHE_LOCK_TTL_MS: int(100, 120_000).default(10_000),
  /** How long a request waits for another replica's fill of the same key before loading itself. */
  CACHE_LOCK_WAIT_MS: int(0, 30_000).default(2_500),
  /** Entry bound of the in-process cache store used when REDIS_URL is unset. */
  CACHE_MEMORY_MAX_ENTRIES: int(10, 1_000_000).default(5_000),

  // Rate limits and query limits.
  RATE_LIMIT_ENABLED: bool.default('true'),
  RATE_LIMIT_FAIL_MODE: z.enum(['open', 'closed']).default('open'),
  /** Length of the requests/cost window (plans are quoted per 60 s; tests shorten it). Mutations: 60 windows. */
  RATE_LIMIT_WINDOW_S: int(1, 3600).default(60),
  QUERY_MAX_COST: int(1, 1_000_000).default(5_000),
  QUERY_MAX_DEPTH: int(1, 100).default(10),
  QUERY_MAX_ALIASES: int(1, 1000).default(30),
  QUERY_MAX_ROOT_FIELDS: int(1, 1000).default(20),
  QUERY_MAX_TOKENS: int(10, 100_000).default(2_000),
  QUERY_MAX_BATCH: int(1, 100).default(10),

  // Idempotency and audit.
  IDEMPOTENCY_TTL_S: int(60, 30 * 86_400).default(86_400),
  /**
   * After an OUTCOME_UNKNOWN create, retries with the same key only reconcile (look the resource up by name)
   * for this long; after it, a resource still absent is taken as never created and the create is sent again.
   */
  IDEMPOTENCY_UNKNOWN_SETTLE_S: int(0, 86_400).default(60),
  AUDIT_STREAM_MAXLEN: int(100, 10_000_000).default(100_000),

  // Persisted documents (see src/persisted-documents/).
  /** Trusted documents manifest (`persisted-documents.json` as @graphql-codegen/client-preset writes it); reloaded on change. */
  PERSISTED_DOCUMENTS_FILE: z.string().optional(),
  /** Apollo's automatic persisted queries (extensions.persistedQuery.sha256Hash), stored in Redis when configured. */
  APQ_ENABLED: bool.default('true'),
  /** How long an automatically persisted query is kept after its last registration. */
  APQ_TTL_S: int(60, 30 * 86_400).default(86_400),

  /** Whole-response cache in front of execution (see src/response-cache/field-policy.ts for what it stores). */
  RESPONSE_CACHE_ENABLED: bool.default('true'),
  /**
   * The hot path before Apollo (src/response-cache/fast-path.ts): a repeated document whose cost is
   * known draws its budgets in one round trip, and a fresh stored answer is written from its bytes without
   * running Apollo. `false`: every request goes through Apollo's pipeline (the cache plugin still answers hits).
   */
  RESPONSE_CACHE_FAST_PATH: bool.default('true'),
  /**
   * The fast path's common requests taken before Express (src/response-cache/pre-router.ts), so a hit skips
   * Express' router, body parser and per-request logger. `false`: the fast path runs as Express middleware
   * only (as it always does with tracing on).
   */
  RESPONSE_CACHE_PRE_ROUTER: bool.default('true'),
  /**
   * A tenant-scoped hit on the fast path is one Redis command: the budget script also returns the entry and
   * the tenant's generation (they share the budgets' hash tag). `false`: two commands (the script, then an MGET)
   * sent in the same turn, as public answers and per-principal budgets always are.
   */
  RESPONSE_CACHE_ONE_COMMAND: bool.default('true'),
  // Metrics (Prometheus). Never on the public port unless METRICS_TOKEN is set.
  /**
   * Port of the metrics-only listener (GET /metrics), or `off` for none. Unset = 9464, or 0 (a free port)
   * when NODE_ENV=test so parallel test gateways never collide; see metricsPort in app-config.ts.
   */
  METRICS_PORT: z.union([z.literal('off'), int(0, 65535)]).optional(),
  /** Interface of the metrics listener: loopback by default, so only the host (or a sidecar) can scrape it. */
  METRICS_HOST: z.string().default('127.0.0.1'),
  /**
   * Bearer token for /metrics. When set, /metrics is also served on the main port (to callers sending
   * `Authorization: Bearer <token>`) and the metrics listener asks for it too. Unset: the main port answers 404.
   */
  METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  /** Add a `tenant` label to per-tenant metrics. Off: tenant ids are private and unbounded in number. */
  METRICS_TENANT_LABELS: bool.default('false'),

  // Tracing (OpenTelemetry), standard OTEL_* names; see src/tracing/tracing.ts and the README's Tracing section.
  /** `true` turns tracing off whatever else is set (the SDK's kill switch). */
  OTEL_SDK_DISABLED: bool.default('false'),
  /** `none` (default): no tracing, no cost; `otlp`: OTLP/HTTP (protobuf-free JSON) to the collector; `console`: stdout. */
  OTEL_TRACES_EXPORTER: z.enum(['none', 'otlp', 'console']).default('none'),
  /** The collector's base URL; traces go to `<endpoint>/v1/traces`. */
  OTEL_EXPORTER_OTLP_ENDPOINT: url.default('http://localhost:4318'),
  /** The full traces URL, when it is not `<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces`. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: url.optional(),
  /** Headers for the collector, `key1=value1,key2=value2` (e.g. an ingest token). */
  OTEL_EXPORTER_OTLP_HEADERS: z.string().optional(),
  OTEL_SERVICE_NAME: z.string().default('barrack-gateway'),
  /** Which requests are traced; the default follows the client's sampled flag and traces the rest. */
  OTEL_TRACES_SAMPLER: z
    .enum([
      'always_on',
      'always_off',
      'traceidratio',
      'parentbased_always_on',
      'parentbased_always_off',
      'parentbased_traceidratio',
    ])
    .default('parentbased_always_on'),
  /** The ratio (0..1) for the *traceidratio samplers. */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).optional(),

  // Subscriptions (GraphQL over WebSocket).
  /** How often one gateway process reads a watched instance from Barrack (one poller per tenant and instance). */
  SUBSCRIPTION_POLL_MS: int(50, 600_000).default(2_000),
  /** Open WebSocket connections one tenant may hold on one replica; past it the socket closes with 4429. */
  WS_MAX_SOCKETS_PER_TENANT: int(1, 100_000).default(20),
  /** Operations (subscriptions, queries) one WebSocket may run at once; past it the subscribe gets RATE_LIMITED. */
  WS_MAX_SUBSCRIPTIONS_PER_SOCKET: int(1, 10_000).default(20),
});

export type Env = z.infer<typeof envSchema>;
