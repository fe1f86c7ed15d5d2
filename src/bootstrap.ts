import { type DynamicModule, Global, Logger as NestLogger, Module, type Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { GraphqlWsServer } from './subscriptions/graphql-ws.server';
import { BARRACK_BASE_URL_OVERRIDE } from './barrack/barrack-endpoint';
import type { AppConfig } from './config/app-config';
import { ShutdownDeadline } from './common/lifecycle/shutdown-deadline';
import { GatewayLifecycle } from './health/gateway-lifecycle';
import { LOG_DESTINATION } from './logging/logging.module';
import { PinoNestLogger } from './logging/nest-logger';
import { REQUEST_LOGGER, requestLogging } from './logging/request-log';
import { mountGraphiql } from './graphiql/graphiql';
import { csrfGuard } from './common/graphql/graphql-http';
import { installCors } from './common/http/cors';
import { etagsOnReads } from './common/http/read-etags';
import { installRequestShapes } from './common/http/request-shape';
import { MetricsRegistry } from './metrics/metrics.module';
import { PRE_READ_BODY_ERROR, ResponseCachePreRouter } from './response-cache/pre-router';
import { type MetricsListener, startMetricsListener } from './metrics/metrics-server';
import { TENANT_REGISTRY_OVERRIDE } from './tenancy/tenancy.module';
import type { TenantRegistry } from './tenancy/tenant-registry.service';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTracing } from './tracing/tracing';
import { TRACING, TracingShutdown } from './tracing/tracing.module';

export interface RunningGateway {
  app: NestExpressApplication;
  url: string;
  /** The metrics-only listener's /metrics URL (METRICS_HOST:METRICS_PORT), or null with METRICS_PORT=off. */
  metricsUrl: string | null;
  /**
   * Graceful stop against one deadline (now + SHUTDOWN_GRACE_MS): refuse new connections, drain in-flight
   * requests, close WebSockets with 1001, then the Barrack pool and Redis; resolves by the deadline plus
   * SHUTDOWN_CLOSE_MARGIN_MS whatever a hook is still waiting for.
   */
  close(): Promise<void>;
}

/** Things only known (or only wanted) at start-up, beside the validated config. */
export interface GatewayAppOptions {
  /** Barrack's URL when bootstrap chose it (embedded simulator); wins over BARRACK_BASE_URL. */
  barrackBaseUrl?: string;
  /** Where JSON log lines go instead of stdout (tests capture them). */
  logDestination?: DestinationStream;
  /** A tenant registry built at start-up (the embedded demo tenant); TENANTS_FILE wins over it. */
  tenantRegistry?: TenantRegistry;
  /** Where spans go instead of OTEL_TRACES_EXPORTER's exporter; turns tracing on (tests, the bench). */
  spanExporter?: SpanExporter;
}

export interface StartGatewayOptions extends GatewayAppOptions {
  /** Install SIGTERM/SIGINT handlers that drain and then exit the process (main.ts does; tests do not). */
  handleSignals?: boolean;
}

/** Global providers made from start-up options, visible to every module of the app. */
@Global()
@Module({})
class GatewayRuntimeModule {
  static forRoot(options: GatewayAppOptions, tracing: Provider): DynamicModule {
    const providers: Provider[] = [ShutdownDeadline, tracing, TracingShutdown];
    if (options.barrackBaseUrl)
      providers.push({ provide: BARRACK_BASE_URL_OVERRIDE, useValue: options.barrackBaseUrl });
    if (options.logDestination)
      providers.push({ provide: LOG_DESTINATION, useValue: options.logDestination });
    if (options.tenantRegistry)
      providers.push({ provide: TENANT_REGISTRY_OVERRIDE, useValue: options.tenantRegistry });
    return { module: GatewayRuntimeModule, providers, exports: providers };
  }
}

@Module({})
class GatewayRootModule {}

/** Builds the Nest app for a validated config (used by main.ts and by the e2e tests). */
export async function createGatewayApp(
  config: AppConfig,
  options: GatewayAppOptions = {},
): Promise<NestExpressApplication> {
  // Before the app is built, so every span of the app finds the provider; stopped by TracingShutdown.
  const tracing = startTracing(config, options.spanExporter);
  const root: DynamicModule = {
    module: GatewayRootModule,
    imports: [
      GatewayRuntimeModule.forRoot(options, { provide: TRACING, useValue: tracing }),
      AppModule.forRoot(config),
    ],
  };
  let app: NestExpressApplication;
  try {
    // Buffer Nest's own start-up logs until the pino logger exists, so every line is JSON.
    app = await NestFactory.create<NestExpressApplication>(root, { bufferLogs: true, bodyParser: true });
  } catch (e) {
    await tracing.shutdown();
    throw e;
  }
  app.useLogger(app.get(PinoNestLogger));
  app.flushLogs();
  // First middleware: request id, the request's child logger and its one completion line (logging/request-log.ts).
  app.use(requestLogging(app.get(REQUEST_LOGGER)));
  app.useBodyParser('json', { limit: config.MAX_BODY_BYTES });
  // A body the response-cache pre-router read and found malformed: the same error body-parser would pass on.
  app.use(
    (req: IncomingMessage & { [PRE_READ_BODY_ERROR]?: Error }, _res: unknown, next: (e?: Error) => void) =>
      next(req[PRE_READ_BODY_ERROR]),
  );
  app.disable('x-powered-by');
  // Express' weak ETag for GET and HEAD answers only: on a POST it is a sha1 of every body that nothing can
  // revalidate (src/common/http/read-etags.ts).
  app.set('etag', false);
  app.use(etagsOnReads());
  if (config.graphqlIde) mountGraphiql(app);
  // Ahead of authentication and Apollo: a possible CSRF is refused before any credential is looked at.
  app.use('/graphql', csrfGuard());
  // First request listener: response-cache hits answered before Express (src/response-cache/pre-router.ts).
  app.get(ResponseCachePreRouter).install(app.getHttpServer());
  // Ahead of all of it: CORS headers on every answer, preflights answered first (src/common/http/cors.ts).
  if (config.CORS_ORIGINS)
    installCors(app.getHttpServer(), { origins: config.CORS_ORIGINS, maxAgeS: config.CORS_MAX_AGE_S });
  // Outermost: every request and response gets its properties before Express swaps their prototypes
  // (src/common/http/request-shape.ts).
  installRequestShapes(app.getHttpServer());
  return app;
}

/** What the close hooks get beyond the deadline (ws close handshakes, Redis QUIT) before the process moves on. */
export const SHUTDOWN_CLOSE_MARGIN_MS = 500;

/**
 * Tracks connections and in-flight requests of a listening server so a shutdown can drain exactly the
 * requests that are running, then cut idle keep-alive connections. Upgraded (WebSocket) connections are
 * left to graphql-ws, which closes them with 1001 "Going away" when the app closes; whatever is left at the
 * end is destroyed.
 */
class HttpDrain {
  private readonly sockets = new Set<Socket>();
  private readonly upgraded = new Set<Socket>();
  private inFlight = 0;
  private draining = false;

  constructor(private readonly server: Server) {
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.once('close', () => {
        this.sockets.delete(s);
        this.upgraded.delete(s);
      });
    });
    server.on('upgrade', (_req: IncomingMessage, s: Socket) => this.upgraded.add(s));
    server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
      this.inFlight++;
      // Ask keep-alive clients to reconnect elsewhere once we are going away.
      if (this.draining && !res.headersSent) res.setHeader('connection', 'close');
      res.once('close', () => this.inFlight--);
    });
  }

  /** Resolves when no request is running or the deadline has passed; then every HTTP connection is closed. */
  async drain(deadline: number): Promise<{ abandoned: number }> {
    this.draining = true;
    this.server.close();
    while (this.inFlight > 0 && Date.now() < deadline) {
      this.server.closeIdleConnections();
      await delay(Math.min(25, Math.max(1, deadline - Date.now())));
    }
    const abandoned = this.inFlight;
    this.server.closeAllConnections();
    for (const s of this.sockets) if (!this.upgraded.has(s)) s.destroy();
    return { abandoned };
  }

  /** Cuts every connection still open (WebSocket clients that did not complete the close handshake). */
  destroyAll(): number {
    const left = this.sockets.size;
    for (const s of this.sockets) s.destroy();
    return left;
  }
}

/** Starts the gateway listening on HOST:PORT (PORT 0 = a free port). */
export async function startGateway(
  config: AppConfig,
  options: StartGatewayOptions = {},
): Promise<RunningGateway> {
  const app = await createGatewayApp(config, options);
  try {
    await app.listen(config.PORT, config.HOST);
  } catch (e) {
    // Release Redis, the Barrack pool and timers, so a failed start does not keep the process alive.
    await app.close().catch(() => undefined);
    throw e;
  }
  let metrics: MetricsListener | null = null;
  if (config.metricsPort !== null) {
    try {
      metrics = await startMetricsListener(app.get(MetricsRegistry), {
        host: config.METRICS_HOST,
        port: config.metricsPort,
        token: config.METRICS_TOKEN,
      });
    } catch (e) {
      await app.close().catch(() => undefined);
      throw e;
    }
  }
  const server: Server = app.getHttpServer();
  const drain = new HttpDrain(server);
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.PORT;
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  const log = new NestLogger('Shutdown');

  let stopping: Promise<void> | undefined;
  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];
  const onSignal = (signal: NodeJS.Signals): void => {
    log.log(`${signal} received: draining in-flight requests (up to ${config.SHUTDOWN_GRACE_MS} ms)`);
    stop().then(
      () => process.exit(0),
      (e: unknown) => {
        log.error(`shutdown failed: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
      },
    );
  };
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      for (const s of signals) process.removeListener(s, onSignal);
      // One clock for the whole shutdown: the drain and every close hook spend the same grace period.
      const deadline = app.get(ShutdownDeadline).start(config.SHUTDOWN_GRACE_MS);
      app.get(GatewayLifecycle).draining = true;
      // WebSocket clients first: a subscription never "finishes", so tell them to go away (close 1001) at once
      // and let them reconnect to another replica while the HTTP requests drain.
      await app
        .get(GraphqlWsServer, { strict: false })
        .onModuleDestroy()
        .catch((e: unknown) => log.warn(`closing WebSockets failed: ${String(e)}`));
      const { abandoned } = await drain.drain(deadline);
      if (abandoned) log.warn(`grace period over: ${abandoned} request(s) cut off`);
      // Runs every shutdown hook: graphql-ws closes its sockets with 1001, the Barrack pool is destroyed at
      // the deadline, Redis quits. A hook still waiting past deadline + margin is not waited for.
      const closing = app.close().then(
        () => true,
        (e: unknown) => {
          log.error(`closing failed: ${e instanceof Error ? e.message : String(e)}`);
          return true;
        },
      );
      const wait = Math.max(0, deadline - Date.now()) + SHUTDOWN_CLOSE_MARGIN_MS;
      let timer: NodeJS.Timeout | undefined;
      const closed = await Promise.race([
        closing,
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), wait))),
      ]);
      clearTimeout(timer);
      await metrics?.close().catch(() => undefined);
      const cut = drain.destroyAll();
      if (!closed)
        log.warn(
          `shutdown hooks still running ${SHUTDOWN_CLOSE_MARGIN_MS} ms after the deadline; not waiting`,
        );
      else if (cut) log.warn(`${cut} connection(s) still open at the end: destroyed`);
    })());
  if (options.handleSignals === true) for (const s of signals) process.once(s, onSignal);

  if (metrics) new NestLogger('Metrics').log(`metrics at ${metrics.url}`);
  return { app, url: `http://${host}:${port}`, metricsUrl: metrics?.url ?? null, close: stop };
}
