import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type Redis from 'ioredis';
import { Public } from '../auth/scopes.decorator';
import { BarrackHttpClient } from '../barrack/http/barrack-http.client';
import { REDIS_CLIENT } from '../redis/redis.tokens';
import { GatewayLifecycle } from './gateway-lifecycle';

/** Each check is bounded so a hung dependency makes readiness fail, not hang. */
const CHECK_TIMEOUT_MS = 2_000;

export type CheckStatus = 'ok' | 'fail' | 'skipped';
export interface CheckResult {
  status: CheckStatus;
  detail?: string;
}
export interface ReadyBody {
  status: 'ok' | 'unavailable';
  /** Names of the checks that failed (empty when ready). */
  failed: string[];
  checks: Record<'redis' | 'barrack' | 'lifecycle', CheckResult>;
}

/*
 * Liveness says the process runs; readiness says this replica can serve: Redis answers PING (when one is
 * configured) and Barrack answers HTTP at all. Bodies name what failed but never URLs, hosts or error text.
 */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
    private readonly barrack: BarrackHttpClient,
    private readonly lifecycle: GatewayLifecycle,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadyBody> {
    const [redis, barrack] = await Promise.all([this.checkRedis(), this.checkBarrack()]);
    const lifecycle: CheckResult = this.lifecycle.draining
      ? { status: 'fail', detail: 'shutting down' }
      : { status: 'ok' };
    const checks = { redis, barrack, lifecycle };
    const failed = Object.entries(checks)
      .filter(([, c]) => c.status === 'fail')
      .map(([name]) => name);
    res.status(failed.length ? 503 : 200);
    res.setHeader('cache-control', 'no-store');
    return { status: failed.length ? 'unavailable' : 'ok', failed, checks };
  }

  private async checkRedis(): Promise<CheckResult> {
    if (!this.redis) return { status: 'skipped', detail: 'REDIS_URL unset: in-process stores' };
    let timer: NodeJS.Timeout | undefined;
    try {
      const pong = await Promise.race([
        this.redis.ping(),
        new Promise<never>((_r, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
        }),
      ]);
      return pong === 'PONG' ? { status: 'ok' } : { status: 'fail', detail: 'unexpected PING reply' };
    } catch {
      return { status: 'fail', detail: 'Redis did not answer PING' };
    } finally {
      clearTimeout(timer);
    }
  }

  private async checkBarrack(): Promise<CheckResult> {
    const probe = await this.barrack.probe(CHECK_TIMEOUT_MS);
    if (probe.reachable) return { status: 'ok', detail: `HTTP ${probe.status}` };
    return {
      status: 'fail',
      detail: probe.reason === 'not configured' ? 'no Barrack URL configured' : 'Barrack did not answer',
    };
  }
}
