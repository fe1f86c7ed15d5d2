import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { RedisGuard, runWithRedisBudget } from './redis-guard';

/**
 * Gives each HTTP GraphQL request one Redis budget (REDIS_REQUEST_BUDGET_MS) for all its Redis work (rate
 * limits, cache, idempotency and audit together): the time it may lose to commands that do not answer. Registered as Nest middleware, i.e. after the body parser,
 * so the AsyncLocalStorage context reaches Apollo and every resolver of the request.
 */
@Injectable()
export class RedisBudgetMiddleware implements NestMiddleware {
  constructor(private readonly guard: RedisGuard) {}

  use(_req: Request, _res: Response, next: NextFunction): void {
    runWithRedisBudget(this.guard.options.requestBudgetMs, next);
  }
}
