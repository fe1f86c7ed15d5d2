import { createHash } from 'node:crypto';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  trace,
  SpanKind,
  SpanStatusCode,
  type Attributes,
  type Context,
  type Link,
  type Span,
  type SpanContext,
  type TextMapGetter,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  ParentBasedSampler,
  type Sampler,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { AppConfig } from '../config/app-config';

/*
 * OpenTelemetry tracing, off by default (OTEL_TRACES_EXPORTER=none). The pieces of the SDK we need, not
 * sdk-node: one BasicTracerProvider, the W3C trace-context propagator, AsyncLocalStorage for the active span,
 * and the OTLP/HTTP exporter. No auto-instrumentation (module patching): the gateway makes its spans itself in
 * one place each, so they stay the same under jest, ts-node and the build:
 *
 *   graphql operation  HTTP: TracingMiddleware (span) + TracingPlugin (name, type, document hash, tenant);
 *                      graphql-ws: GraphqlWsOptions, one per operation id; graphql-sse: TracingMiddleware on
 *                      /graphql/stream + GraphqlWsOptions.admit (the one admission both transports share)
 *   └ redis <op>       RedisGuard.run, every Redis command of every feature
 *   └ barrack <route>  BarrackHttpClient.request, one per Barrack call (retries included); sends traceparent
 *   live poll          InstanceEventsService: a root span per poll of a shared feed (not any subscriber's)
 *
 * Off costs one boolean check per would-be span: no provider, no context manager, no propagator registered.
 * Never recorded: query text, variables, credentials, upstream bodies or error messages, full URLs.
 */

const TRACER_NAME = 'barrack-gateway';

let enabled = false;

/** True when a tracer provider of ours is registered (checked before any span work). */
export function tracingEnabled(): boolean {
  return enabled;
}

export interface TracingHandle {
  readonly enabled: boolean;
  /** Flushes and stops the provider; unregisters the globals. */
  shutdown(): Promise<void>;
}

const OFF: TracingHandle = { enabled: false, shutdown: () => Promise.resolve() };

export type TracingConfig = Pick<
  AppConfig,
  | 'OTEL_SDK_DISABLED'
  | 'OTEL_TRACES_EXPORTER'
  | 'OTEL_EXPORTER_OTLP_ENDPOINT'
  | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'
  | 'OTEL_EXPORTER_OTLP_HEADERS'
  | 'OTEL_SERVICE_NAME'
  | 'OTEL_TRACES_SAMPLER'
  | 'OTEL_TRACES_SAMPLER_ARG'
>;

/**
 * Starts tracing when the config asks for it (or when `exporter` is given: tests and the bench pass an
 * in-memory one, exported span by span). Registers the globals of @opentelemetry/api, so one gateway per
 * process traces; a second start while one runs is refused.
 */
export function startTracing(config: TracingConfig, exporter?: SpanExporter): TracingHandle {
  if (config.OTEL_SDK_DISABLED) return OFF;
  const processor = exporter ? new SimpleSpanProcessor(exporter) : processorFor(config);
  if (!processor) return OFF;
  if (enabled) throw new Error('tracing is already started in this process');
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: config.OTEL_SERVICE_NAME,
    }),
    sampler: samplerFor(config),
    spanProcessors: [processor],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  enabled = true;
  let stopped: Promise<void> | undefined;
  return {
    enabled: true,
    shutdown: () =>
      (stopped ??= (async () => {
        enabled = false;
        try {
          await provider.shutdown();
        } finally {
          trace.disable();
          propagation.disable();
          context.disable();
        }
      })()),
  };
}

function processorFor(config: TracingConfig): SpanProcessor | null {
  switch (config.OTEL_TRACES_EXPORTER) {
    case 'none':
      return null;
    case 'console':
      return new SimpleSpanProcessor(new ConsoleSpanExporter());
    case 'otlp': {
      const url =
        config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
        `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
      return new BatchSpanProcessor(
        new OTLPTraceExporter({ url, headers: parseHeaders(config.OTEL_EXPORTER_OTLP_HEADERS) }),
      );
    }
  }
}

function samplerFor(config: TracingConfig): Sampler {
  const ratio = config.OTEL_TRACES_SAMPLER_ARG ?? 1;
  switch (config.OTEL_TRACES_SAMPLER) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratio);
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) });
  }
}

/** OTEL_EXPORTER_OTLP_HEADERS: `k1=v1,k2=v2`, values percent-encoded (the spec's format). */
export function parseHeaders(raw: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (raw ?? '').split(',')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    out[decodeURIComponent(part.slice(0, i).trim())] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

function tracer() {
  return trace.getTracer(TRACER_NAME);
}

/**
 * Runs `fn` inside a new child span of the active one (when tracing is on; otherwise just runs it). A
 * failure marks the span as an error with `error.type` = `errorType(e)`: a class name or a reason, never the
 * message (it may hold upstream text).
 */
export function inSpan<T>(
  name: string,
  kind: SpanKind,
  attributes: Attributes,
  fn: (span: Span | undefined) => Promise<T>,
  errorType: (e: unknown) => string = defaultErrorType,
): Promise<T> {
  if (!enabled) return fn(undefined);
  return tracer().startActiveSpan(name, { kind, attributes }, (span) => runSpan(span, fn, errorType));
}

/** Runs `fn` with `span`, marks a failure with `errorType(e)`, and ends the span either way. */
async function runSpan<T>(
  span: Span,
  fn: (span: Span) => Promise<T>,
  errorType: (e: unknown) => string,
): Promise<T> {
  try {
    return await fn(span);
  } catch (e) {
    markError(span, errorType(e));
    throw e;
  } finally {
    span.end();
  }
}

export function markError(span: Span, type: string): void {
  span.setStatus({ code: SpanStatusCode.ERROR });
  span.setAttribute('error.type', type);
}

function defaultErrorType(e: unknown): string {
  return e instanceof Error ? e.name : typeof e;
}

const headerGetter: TextMapGetter<Record<string, string | string[] | undefined>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};

/** An operation's server span and the context to run its work in. */
export interface ServerSpan {
  span: Span;
  ctx: Context;
}

/**
 * Starts the server span of one incoming request: its parent is the client's `traceparent` when it sent a
 * valid one. Returns the span and the context to run the request in. `base`: the context to continue when
 * the carrier has none (a WebSocket message handler passes ROOT_CONTEXT, whatever its socket's context is).
 */
export function startServerSpan(
  name: string,
  headers: Record<string, string | string[] | undefined>,
  attributes: Attributes,
  base: Context = context.active(),
): ServerSpan {
  const parent = propagation.extract(base, headers, headerGetter);
  const span = tracer().startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  return { span, ctx: trace.setSpan(parent, span) };
}

/** What identifies a GraphQL operation on its span, never its content (the same on every transport). */
export interface OperationDescription {
  type: string;
  name?: string | null;
  /** sha256 (hex) of the document text, as Apollo's queryHash. */
  hash: string;
  tenantId?: string;
}

/** Names the operation span (`query InstanceById`) and sets graphql.operation.*, graphql.document.hash, tenant.id. */
export function describeOperation(span: Span, op: OperationDescription): void {
  span.setAttributes({
    'graphql.operation.type': op.type,
    'graphql.document.hash': op.hash,
    ...(op.name ? { 'graphql.operation.name': op.name } : {}),
    ...(op.tenantId ? { 'tenant.id': op.tenantId } : {}),
  });
  span.updateName(op.name ? `${op.type} ${op.name}` : op.type);
}

/** sha256 (hex) of a document's text: the same value Apollo reports as queryHash over HTTP. */
export function documentHash(query: string): string {
  return createHash('sha256').update(query).digest('hex');
}

/** Runs `fn` with `ctx` as the active context (an operation's span, for work a library starts later). */
export function withContext<T>(ctx: Context | undefined, fn: () => T): T {
  return ctx ? context.with(ctx, fn) : fn();
}

/** The active span's context, to link to later (undefined when tracing is off or nothing is active). */
export function activeSpanContext(): SpanContext | undefined {
  return enabled ? trace.getActiveSpan()?.spanContext() : undefined;
}

/**
 * Runs `fn` in a new ROOT span (a trace of its own whatever is active), linked to `links`: for background
 * work that serves many operations at once and belongs to none of them (a shared poll).
 */
export function inRootSpan<T>(
  name: string,
  attributes: Attributes,
  links: readonly SpanContext[],
  fn: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!enabled) return fn(undefined);
  const span = tracer().startSpan(
    name,
    { kind: SpanKind.INTERNAL, attributes, links: links.map((c): Link => ({ context: c })), root: true },
    ROOT_CONTEXT,
  );
  return context.with(trace.setSpan(ROOT_CONTEXT, span), () => runSpan(span, fn, defaultErrorType));
}

/** Writes `traceparent` (and `tracestate`) of the active span into outgoing headers. */
export function injectTraceHeaders(headers: Record<string, string>): void {
  if (enabled) propagation.inject(context.active(), headers);
}

export { ROOT_CONTEXT, SpanKind, type Span, type SpanContext };
