import {
  type DynamicModule,
  Inject,
  Injectable,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  type OnApplicationShutdown,
  RequestMethod,
} from '@nestjs/common';
import { tracingEnabled, type TracingHandle } from './tracing';
import { GRAPHQL_PATH, SSE_PATH } from '../common/graphql/paths';
import { TracingMiddleware } from './tracing.middleware';
import { TracingPlugin } from './tracing.plugin';

/**
 * The operation span of HTTP GraphQL requests (and of graphql-sse streams). Imported first in AppModule so its middleware runs before
 * every other /graphql middleware (authentication, limits and their Redis commands are inside the span).
 * The provider itself is started by bootstrap (startTracing), before the app is built: with tracing off
 * (the default) neither the middleware nor the Apollo plugin is installed, so requests pay for neither.
 */
@Module({})
export class TracingModule implements NestModule {
  static forRoot(): DynamicModule {
    return { module: TracingModule, providers: tracingEnabled() ? [TracingPlugin] : [] };
  }

  configure(consumer: MiddlewareConsumer): void {
    if (!tracingEnabled()) return;
    consumer
      .apply(TracingMiddleware)
      .forRoutes(
        { path: GRAPHQL_PATH, method: RequestMethod.ALL },
        { path: SSE_PATH, method: RequestMethod.ALL },
      );
  }
}

/** The running tracing (bootstrap's startTracing), flushed and stopped when the app shuts down. */
export const TRACING = Symbol('TRACING');

@Injectable()
export class TracingShutdown implements OnApplicationShutdown {
  constructor(@Inject(TRACING) private readonly handle: TracingHandle) {}

  async onApplicationShutdown(): Promise<void> {
    await this.handle.shutdown();
  }
}
