import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthMiddleware } from './auth.middleware';
import { Authenticator } from './authenticator.service';
import { CredentialRecheck } from './credential-recheck';
import { ScopesGuard } from './scopes.guard';
import { ViewerResolver } from './viewer.resolver';
import { ViewerService } from './viewer.service';

/** Authentication (middleware, once per request), the global scopes guard, and the viewer query. */
@Module({
  providers: [
    Authenticator,
    CredentialRecheck,
    ViewerService,
    ViewerResolver,
    { provide: APP_GUARD, useClass: ScopesGuard },
  ],
  exports: [Authenticator, CredentialRecheck],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(AuthMiddleware)
      // GET /metrics carries the metrics token (METRICS_TOKEN), not a gateway credential: MetricsController checks it.
      .exclude({ path: 'metrics', method: RequestMethod.GET })
      .forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
