import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { attachRedisBudget, RedisGuard } from './redis-guard';

/**
 * Gives each HTTP GraphQL request one Redis budget (REDIS_REQUEST_BUDGET_MS) for all its Redis work (rate
 * limits, cache, idempotency and audit together): the time it may lose to commands that do not answer. The
 * budget travels on the request object; each layer passes redisBudgetOf(req) to RedisGuard.run.
 */
@Injectable()
export class RedisBudgetMiddleware implements NestMiddleware {
  constructor(private readonly guard: RedisGuard) {}

  use(req: Request, _res: Response, next: NextFunction): void {
    attachRedisBudget(req, this.guard.options.requestBudgetMs);
    next();
  }
}
