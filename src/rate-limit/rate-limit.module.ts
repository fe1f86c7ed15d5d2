import {
  Inject,
  Module,
  RequestMethod,
  type MiddlewareConsumer,
  type NestModule,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TenantRegistry } from '../tenancy/tenant-registry.service';
import { DEFAULT_RATE_LIMIT_PLAN, RateLimitPlanSource } from './rate-limit-plan';
import { RateLimiterService } from './rate-limiter.service';
import { RateLimitMetrics } from './rate-limit.metrics';
import { RateLimitPlugin } from './rate-limit.plugin';
import { OperationLimits } from './operation-limits';
import { bodyErrorHandler, RequestLimitsMiddleware } from './request-limits.middleware';

/**
 * Per-tenant rate limits, query cost and structural limits. Plans come from the TenantRegistry (global,
 * from TenancyModule); without it every tenant gets the default plan.
 */
@Module({
  providers: [
    {
      provide: RateLimitPlanSource,
      inject: [{ token: TenantRegistry, optional: true }],
      useFactory: (registry?: TenantRegistry): RateLimitPlanSource =>
        registry ?? { planFor: () => DEFAULT_RATE_LIMIT_PLAN },
    },
    RateLimitMetrics,
    RateLimiterService,
    OperationLimits,
    RateLimitPlugin,
  ],
  exports: [RateLimiterService, OperationLimits],
})
export class RateLimitModule implements NestModule, OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLimitsMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.ALL });
  }

  onModuleInit(): void {
    // Added during init, i.e. after the body parser and before Nest's own error handler, so body-parser
    // failures reach it first.
    const app = this.adapterHost.httpAdapter?.getInstance<{ use(fn: unknown): void }>();
    app?.use(bodyErrorHandler(this.config.MAX_BODY_BYTES));
  }
}
