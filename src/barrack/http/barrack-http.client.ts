import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { BrokenCircuitError, CircuitState } from 'cockatiel';
import { Counter, Gauge, Histogram } from 'prom-client';
import { setTimeout as delay } from 'node:timers/promises';
import type { Readable } from 'node:stream';
import { Pool } from 'undici';
import type { IncomingHttpHeaders } from 'undici/types/header';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { toGatewayError } from '../../common/errors/upstream-error.map';
import { ShutdownDeadline } from '../../common/lifecycle/shutdown-deadline';
import { MetricsRegistry } from '../../metrics/metrics.module';
import { inSpan, injectTraceHeaders, SpanKind, tracingEnabled } from '../../tracing/tracing';
import { BarrackEndpoint } from '../barrack-endpoint';
import type { BarrackCall, BarrackResult, UpstreamContext } from './barrack-call';
import { BarrackBreakers, operationGroup } from './barrack-breakers';
import { parseEnvelope } from './barrack-envelope';
import { renderPath, renderQuery, splitBaseUrl } from './barrack-path';
import { BarrackUpstreamError } from '../../common/errors/barrack-upstream.error';

/** A wait Barrack asks for longer than this is not waited out: the client gets RATE_LIMITED + retryAfter. */
const MAX_RETRY_AFTER_MS = 5_000;
/** Responses larger than this are refused rather than buffered. */
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
const RETRIABLE_STATUSES = new Set([429, 502, 503, 504]);
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const TIMEOUT_ERROR_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

interface Upstream {
  origin: string;
  prefix: string;
  pool: Pool;
  breakers: BarrackBreakers;
}

const BREAKER_STATE_VALUE: Record<CircuitState, number> = {
  [CircuitState.Closed]: 0,
  [CircuitState.HalfOpen]: 1,
  [CircuitState.Open]: 2,
  [CircuitState.Isolated]: 2,
};

function errorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  const cause = (e as { cause?: unknown }).cause;
  return cause && cause !== e ? errorCode(cause) : undefined;
}

function retryAfterMs(headers: IncomingHttpHeaders): number | undefined {
  const raw = headers['retry-after'];
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * The only code that speaks HTTP to Barrack: one keep-alive pool, the tenant's credential on every call,
 * retries for safe reads only, and breakers (per tenant and operation group, plus a global one: see
 * barrack-breakers.ts) so a dead Barrack fails fast without one tenant's failures cutting off the others. Every failure leaves as a
 * GatewayError made by the one error map (its `cause` is the typed BarrackUpstreamError).
 */
@Injectable()
export class BarrackHttpClient implements OnApplicationShutdown {
  private readonly log = new Logger(BarrackHttpClient.name);
  private upstream?: Upstream;
  private closed = false;
  private readonly duration: Histogram<'operation_id' | 'status'>;
  private readonly retries: Counter<'operation_id' | 'reason'>;
  private readonly breakerState: Gauge<'upstream'>;
  private readonly openScopes: Gauge;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly endpoint: BarrackEndpoint,
    metrics: MetricsRegistry,
    @Optional() private readonly shutdownDeadline?: ShutdownDeadline,
  ) {
    this.duration = metricOnce(
      metrics,
      'barrack_upstream_request_duration_seconds',
      () =>
        new Histogram({
          name: 'barrack_upstream_request_duration_seconds',
          help: 'Duration of each Barrack HTTP attempt, by operation and status (or failure kind)',
          labelNames: ['operation_id', 'status'],
          buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
          registers: [metrics],
        }),
    );
    this.retries = metricOnce(
      metrics,
      'barrack_upstream_retries_total',
      () =>
        new Counter({
          name: 'barrack_upstream_retries_total',
          help: 'Barrack GET attempts that were retried, by operation and reason',
          labelNames: ['operation_id', 'reason'],
          registers: [metrics],
        }),
    );
    this.breakerState = metricOnce(
      metrics,
      'barrack_upstream_breaker_state',
      () =>
        new Gauge({
          name: 'barrack_upstream_breaker_state',
          help: 'Global circuit breaker state per upstream: 0 closed, 1 half-open, 2 open',
          labelNames: ['upstream'],
          registers: [metrics],
        }),
    );
    this.openScopes = metricOnce(
      metrics,
      'barrack_upstream_breaker_open_scopes',
      () =>
        new Gauge({
          name: 'barrack_upstream_breaker_open_scopes',
          help: 'Scoped (tenant x operation group) circuit breakers open now',
          registers: [metrics],
        }),
    );
  }

  /** Performs one Barrack call for one tenant. Throws GatewayError (BAD_USER_INPUT before any network I/O). */
  async request<T>(call: BarrackCall, ctx: UpstreamContext): Promise<BarrackResult<T>> {
    // Validation first: an unsafe id must never cost an upstream call, even when Barrack is unconfigured.
    const relPath = renderPath(call) + renderQuery(call.query);
    // Tracing off: no span, so none of its name, attributes and closures are built per call.
    if (!tracingEnabled()) return this.requestOnce<T>(call, ctx, relPath);
    // One span per call (its retries inside), named by the route template: never the ids or the query string.
    return inSpan(
      `barrack ${call.method} ${call.path}`,
      SpanKind.CLIENT,
      {
        'http.request.method': call.method,
        'url.template': call.path,
        'barrack.operation_id': call.operationId,
        'tenant.id': ctx.tenantId,
      },
      async (span) => {
        const result = await this.requestOnce<T>(call, ctx, relPath);
        span?.setAttribute('http.response.status_code', result.status);
        return result;
      },
      (e) => {
        const cause = e instanceof Error ? e.cause : undefined;
        if (!(cause instanceof BarrackUpstreamError)) return e instanceof Error ? e.name : 'error';
        return cause.status ? String(cause.status) : cause.kind;
      },
    );
  }

  private async requestOnce<T>(
    call: BarrackCall,
    ctx: UpstreamContext,
    relPath: string,
  ): Promise<BarrackResult<T>> {
    try {
      return await this.perform<T>(call, ctx, relPath);
    } catch (e) {
      if (!(e instanceof BarrackUpstreamError)) throw e;
      this.log.warn(
        {
          msg: 'barrack call failed',
          operationId: call.operationId,
          kind: e.kind,
          status: e.status,
          upstreamCode: e.upstreamCode,
          upstreamRequestId: e.upstreamRequestId,
          reason: e.reason,
          requestId: ctx.requestId,
          tenantId: ctx.tenantId,
        },
        BarrackHttpClient.name,
      );
      throw toGatewayError(e);
    }
  }

  /**
   * Whether Barrack answers at all: GET <base>/regions/ with no credential, any HTTP status counts (a 401 is
   * an answer). Bypasses the breaker so readiness reports what is true now.
   */
  async probe(timeoutMs: number): Promise<{ reachable: boolean; status?: number; reason?: string }> {
    const up = this.getUpstream();
    if (!up) return { reachable: false, reason: 'not configured' };
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), timeoutMs);
    try {
      const res = await up.pool.request({
        method: 'GET',
        path: `${up.prefix}/regions/`,
        headers: { accept: 'application/json', 'user-agent': 'barrack-gateway/health' },
        signal: ac.signal,
      });
      await res.body.dump();
      return { reachable: true, status: res.statusCode };
    } catch (e) {
      return { reachable: false, reason: errorCode(e) ?? (e instanceof Error ? e.name : 'error') };
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const up = this.upstream;
    if (!up) return;
    this.upstream = undefined;
    // close() lets calls still running finish, but only until the shutdown's one deadline (bootstrap drained
    // HTTP requests against the same clock): then destroy() cuts them. Never a second grace period.
    const remaining =
      this.shutdownDeadline?.remainingMs(this.config.SHUTDOWN_GRACE_MS) ?? this.config.SHUTDOWN_GRACE_MS;
    const timer = setTimeout(() => void up.pool.destroy().catch(() => undefined), remaining);
    try {
      await up.pool.close();
    } catch {
      /* destroyed at the deadline */
    } finally {
      clearTimeout(timer);
    }
  }

  private getUpstream(): Upstream | undefined {
    if (this.upstream) return this.upstream;
    if (this.closed) return undefined;
    const baseUrl = this.endpoint.baseUrl;
    if (!baseUrl) return undefined;
    const { origin, prefix } = splitBaseUrl(baseUrl);
    const c = this.config;
    const pool = new Pool(origin, {
      connections: c.BARRACK_POOL_CONNECTIONS,
      connect: { timeout: c.BARRACK_CONNECT_TIMEOUT_MS },
      headersTimeout: c.BARRACK_HEADERS_TIMEOUT_MS,
      bodyTimeout: c.BARRACK_TIMEOUT_MS,
      keepAliveTimeout: 30_000,
    });
    this.breakerState.set({ upstream: 'barrack' }, 0);
    this.openScopes.set(0);
    const breakers = new BarrackBreakers({
      threshold: c.BARRACK_BREAKER_THRESHOLD,
      halfOpenAfterMs: c.BARRACK_BREAKER_HALF_OPEN_MS,
      onGlobalState: (s) => this.breakerState.set({ upstream: 'barrack' }, BREAKER_STATE_VALUE[s]),
      onOpenScopes: (n) => this.openScopes.set(n),
    });
    this.upstream = { origin, prefix, pool, breakers };
    return this.upstream;
  }

  private async perform<T>(
    call: BarrackCall,
    ctx: UpstreamContext,
    relPath: string,
  ): Promise<BarrackResult<T>> {
    const up = this.getUpstream();
    if (!up) throw new BarrackUpstreamError('not_configured', call.operationId);
    // One budget for the whole call, retries included: the client waits at most BARRACK_TIMEOUT_MS.
    const deadline = Date.now() + this.config.BARRACK_TIMEOUT_MS;
    const budget = new AbortController();
    const timer = setTimeout(
      () => budget.abort(new DOMException('Barrack call timed out', 'TimeoutError')),
      this.config.BARRACK_TIMEOUT_MS,
    );
    const signal = ctx.signal ? AbortSignal.any([budget.signal, ctx.signal]) : budget.signal;
    try {
      return await this.attempts<T>(up, call, ctx, relPath, signal, deadline);
    } finally {
      clearTimeout(timer);
    }
  }

  private async attempts<T>(
    up: Upstream,
    call: BarrackCall,
    ctx: UpstreamContext,
    relPath: string,
    signal: AbortSignal,
    deadline: number,
  ): Promise<BarrackResult<T>> {
    // Only reads are safe to repeat; a write that may have reached Barrack is never sent twice blindly.
    const maxRetries = call.method === 'GET' ? this.config.BARRACK_RETRY_MAX : 0;
    for (let attempt = 0; ; attempt++) {
      let failure: BarrackUpstreamError;
      let waitMs: number | undefined;
      try {
        const raw = await this.attemptThroughBreaker(up, call, ctx, relPath, signal);
        const outcome = this.interpret<T>(call, ctx, raw);
        if (!(outcome instanceof BarrackUpstreamError)) return outcome;
        failure = outcome;
        if (raw.status === 429) waitMs = retryAfterMs(raw.headers);
      } catch (e) {
        failure = this.classify(e, call, ctx, signal);
      }
      if (attempt >= maxRetries || !this.isRetriable(failure)) throw failure;
      if (waitMs === undefined && failure.retryAfterS !== undefined) waitMs = failure.retryAfterS * 1000;
      if (waitMs !== undefined && waitMs > MAX_RETRY_AFTER_MS) throw failure;
      // Full jitter spreads replicas' retries apart; an explicit Retry-After is a floor, not a suggestion.
      const backoff = Math.random() * this.config.BARRACK_RETRY_BASE_MS * 2 ** attempt;
      const wait = Math.max(waitMs ?? 0, backoff);
      if (Date.now() + wait >= deadline) throw failure;
      this.retries.inc({
        operation_id: call.operationId,
        reason: failure.status ? String(failure.status) : failure.kind,
      });
      try {
        await delay(wait, undefined, { signal });
      } catch {
        throw this.classify(signal.reason, call, ctx, signal);
      }
    }
  }

  private isRetriable(f: BarrackUpstreamError): boolean {
    if (f.kind === 'connection') return true;
    return f.kind === 'http' && f.status !== undefined && RETRIABLE_STATUSES.has(f.status);
  }

  private async attemptThroughBreaker(
    up: Upstream,
    call: BarrackCall,
    ctx: UpstreamContext,
    relPath: string,
    signal: AbortSignal,
  ): Promise<RawAnswer> {
    const started = performance.now();
    let label = 'error';
    try {
      const scope = { tenantId: ctx.tenantId, group: operationGroup(call.path) };
      const raw = await up.breakers.execute(scope, () => this.attempt(up, call, ctx, relPath, signal));
      label = String(raw.status);
      return raw;
    } catch (e) {
      label =
        e instanceof BarrackUpstreamError
          ? e.status
            ? String(e.status)
            : e.kind
          : e instanceof BrokenCircuitError
            ? 'breaker_open'
            : 'error';
      throw e;
    } finally {
      if (label !== 'breaker_open') {
        this.duration.observe(
          { operation_id: call.operationId, status: label },
          (performance.now() - started) / 1000,
        );
      }
    }
  }

  /** One HTTP exchange. Resolves for every answer below 500; throws for 5xx and transport failures (breaker food). */
  private async attempt(
    up: Upstream,
    call: BarrackCall,
    ctx: UpstreamContext,
    relPath: string,
    signal: AbortSignal,
  ): Promise<RawAnswer> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': 'barrack-gateway',
      'x-request-id': ctx.requestId,
      ...this.authHeader(ctx.credential),
    };
    injectTraceHeaders(headers);
    let body: string | undefined;
    if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers['content-type'] = 'application/json';
    }
    let raw: RawAnswer;
    try {
      const res = await up.pool.request({
        method: call.method,
        path: up.prefix + relPath,
        headers,
        body,
        signal,
      });
      const text = await readText(res.body, () => {
        res.body.destroy();
        return new BarrackUpstreamError('bad_response', call.operationId, {
          status: res.statusCode,
          reason: 'too large',
        });
      });
      raw = { status: res.statusCode, headers: res.headers, text };
    } catch (e) {
      throw this.classify(e, call, ctx, signal);
    }
    if (raw.status >= 500) {
      const failure = this.interpret(call, ctx, raw);
      throw failure instanceof BarrackUpstreamError
        ? failure
        : new BarrackUpstreamError('http', call.operationId, { status: raw.status });
    }
    return raw;
  }

  private authHeader(credential: string): Record<string, string> {
    switch (this.config.BARRACK_AUTH_SCHEME) {
      case 'bearer':
        return { authorization: `Bearer ${credential}` };
      case 'x-api-key':
        return { 'x-api-key': credential };
      case 'api_key':
        return { api_key: credential };
    }
  }

  /** Takes an answer apart: a BarrackResult on success, otherwise the typed failure (returned, not thrown). */
  private interpret<T>(
    call: BarrackCall,
    ctx: UpstreamContext,
    raw: RawAnswer,
  ): BarrackResult<T> | BarrackUpstreamError {
    const parsed = parseEnvelope(raw.text, call.dataKey);
    const ok = raw.status >= 200 && raw.status < 300;
    if (!parsed) {
      return new BarrackUpstreamError(ok ? 'bad_response' : 'http', call.operationId, {
        status: raw.status,
        reason: 'body is not JSON',
        retryAfterS: this.retryAfterSeconds(raw),
      });
    }
    if (ok && parsed.success !== false) {
      return {
        status: raw.status,
        data: parsed.data as T,
        message: parsed.message,
        requestId: parsed.requestId,
        envelope: parsed.envelope,
      };
    }
    const message =
      parsed.message && ctx.credential && parsed.message.includes(ctx.credential)
        ? undefined
        : parsed.message;
    return new BarrackUpstreamError('http', call.operationId, {
      status: raw.status,
      upstreamCode: parsed.errorCode,
      upstreamRequestId: parsed.requestId,
      upstreamMessage: message,
      upstreamDetails: withoutSecret(parsed.errorDetails, ctx.credential),
      retryAfterS: this.retryAfterSeconds(raw),
    });
  }

  private retryAfterSeconds(raw: RawAnswer): number | undefined {
    const ms = retryAfterMs(raw.headers);
    return ms === undefined ? undefined : Math.ceil(ms / 1000);
  }

  private classify(
    e: unknown,
    call: BarrackCall,
    ctx: UpstreamContext,
    signal: AbortSignal,
  ): BarrackUpstreamError {
    if (e instanceof BarrackUpstreamError) return e;
    if (e instanceof BrokenCircuitError) return new BarrackUpstreamError('breaker_open', call.operationId);
    if (signal.aborted) {
      const byCaller = ctx.signal?.aborted === true;
      return new BarrackUpstreamError(byCaller ? 'aborted' : 'timeout', call.operationId, {
        reason: byCaller ? 'caller aborted' : 'total timeout',
      });
    }
    const code = errorCode(e);
    if (code && TIMEOUT_ERROR_CODES.has(code))
      return new BarrackUpstreamError('timeout', call.operationId, { reason: code });
    if (code && CONNECTION_ERROR_CODES.has(code)) {
      return new BarrackUpstreamError('connection', call.operationId, { reason: code });
    }
    // Unknown transport trouble: say "unavailable" to the client, keep the class name (never the text) for logs.
    return new BarrackUpstreamError('connection', call.operationId, {
      reason: code ?? (e instanceof Error ? e.name : 'unknown'),
    });
  }
}

/** Barrack echoing the key back (some do, in validation errors) must not carry it further. */
function withoutSecret(
  details: Record<string, unknown> | undefined,
  secret: string,
): Record<string, unknown> | undefined {
  if (!details || !secret) return details;
  return Object.fromEntries(
    Object.entries(details).filter(([, v]) => !JSON.stringify(v ?? null).includes(secret)),
  );
}

/**
 * A response body as utf-8 text, refused (the error `tooLarge` makes) once it passes MAX_RESPONSE_BYTES. Read
 * with 'data' listeners rather than `for await`: the stream's async iterator costs a generator and promises per
 * chunk and at the end, on every Barrack call. Stream errors (timeouts, aborts, resets) reject as they did.
 */
function readText(body: Readable, tooLarge: () => Error): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    body.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size <= MAX_RESPONSE_BYTES) return void chunks.push(chunk);
      refused = true;
      chunks.length = 0;
      reject(tooLarge());
    });
    body.on('error', reject);
    body.on('end', () =>
      resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')),
    );
  });
}

/** prom-client refuses a second registration of a name; several clients may share one registry in tests. */
function metricOnce<M>(registry: MetricsRegistry, name: string, create: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? create();
}
