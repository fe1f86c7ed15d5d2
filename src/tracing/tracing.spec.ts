import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { loadConfig } from '../config/app-config';
import {
  activeSpanContext,
  inRootSpan,
  inSpan,
  parseHeaders,
  SpanKind,
  startTracing,
  tracingEnabled,
} from './tracing';

const env = { NODE_ENV: 'test' } as const;

describe('startTracing', () => {
  it('is off by default: no provider registered, spans are not even started', async () => {
    const handle = startTracing(loadConfig(env));
    expect(handle.enabled).toBe(false);
    expect(tracingEnabled()).toBe(false);
    let seen: unknown = 'not called';
    await inSpan('x', SpanKind.INTERNAL, {}, (span) => Promise.resolve((seen = span)));
    expect(seen).toBeUndefined();
  });

  it('stays off with OTEL_SDK_DISABLED even when an exporter is configured', () => {
    const handle = startTracing(
      loadConfig({ ...env, OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' }),
    );
    expect(handle.enabled).toBe(false);
  });

  it('records child spans with error.type (never the message) and stops cleanly', async () => {
    const exporter = new InMemorySpanExporter();
    const handle = startTracing(loadConfig(env), exporter);
    expect(tracingEnabled()).toBe(true);
    await inSpan('outer', SpanKind.INTERNAL, {}, () =>
      inSpan('inner', SpanKind.CLIENT, { a: 1 }, () =>
        Promise.reject(new TypeError('secret upstream text')),
      ).catch(() => undefined),
    );
    const [inner, outer] = exporter.getFinishedSpans();
    await handle.shutdown();
    expect(tracingEnabled()).toBe(false);
    expect(inner?.name).toBe('inner');
    expect(inner?.parentSpanContext?.spanId).toBe(outer?.spanContext().spanId);
    expect(inner?.attributes).toEqual({ a: 1, 'error.type': 'TypeError' });
    expect(JSON.stringify(inner?.events ?? [])).not.toContain('secret');
    // The globals are released: the api is back to its no-op tracer.
    expect(trace.getTracer('t').startSpan('after').isRecording()).toBe(false);
  });
});

describe('inRootSpan (a shared poll)', () => {
  it('off: runs the work with no span and links nothing', async () => {
    startTracing(loadConfig(env));
    expect(activeSpanContext()).toBeUndefined();
    let seen: unknown = 'not called';
    await inRootSpan('poll', {}, [], (span) => Promise.resolve((seen = span)));
    expect(seen).toBeUndefined();
  });

  it('on: starts a new trace even inside an active span, linked to the given spans', async () => {
    const exporter = new InMemorySpanExporter();
    const handle = startTracing(loadConfig(env), exporter);
    await inSpan('subscriber', SpanKind.SERVER, {}, async () => {
      const subscriber = activeSpanContext();
      expect(subscriber).toBeDefined();
      await inRootSpan('poll', { 'tenant.id': 't1' }, [subscriber!], () =>
        inSpan('barrack GET', SpanKind.CLIENT, {}, () => Promise.resolve()),
      );
    });
    const spans = exporter.getFinishedSpans();
    await handle.shutdown();
    const [barrack, poll, subscriber] = spans;
    expect(poll?.name).toBe('poll');
    expect(poll?.parentSpanContext).toBeUndefined();
    expect(poll?.spanContext().traceId).not.toBe(subscriber?.spanContext().traceId);
    expect(poll?.links.map((l) => l.context.spanId)).toEqual([subscriber?.spanContext().spanId]);
    expect(barrack?.parentSpanContext?.spanId).toBe(poll?.spanContext().spanId);
  });
});

describe('parseHeaders (OTEL_EXPORTER_OTLP_HEADERS)', () => {
  it('reads key=value pairs, percent-decoded, and skips junk', () => {
    expect(parseHeaders('api-key=a%20b, x=1,junk,=v')).toEqual({ 'api-key': 'a b', x: '1' });
    expect(parseHeaders(undefined)).toEqual({});
  });
});
