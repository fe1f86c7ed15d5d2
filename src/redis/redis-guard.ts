import { Logger } from '@nestjs/common';
import { ReplyError } from 'ioredis';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { AppConfig } from '../config/app-config';
import { Deadline, DeadlineQueue } from './deadlines';
import { inSpan, SpanKind, tracingEnabled } from '../tracing/tracing';

/*
 * Every Redis command a feature sends goes through one RedisGuard, which gives Redis trouble a bounded,
 * known cost:
 *
 * - Breaker. REDIS_BREAKER_THRESHOLD consecutive failures (a command that used its whole allowance without an
 *   answer, or a connection error) open it. While open, run() refuses at once (RedisUnavailableError
 *   'breaker_open') and each feature takes its documented fallback without touching Redis. Every
 *   REDIS_BREAKER_PROBE_MS a background PING (never a user request) probes Redis: an answer closes the breaker.
 *   A lost connection opens it at once, and the client's 'ready' after a reconnect probes at once.
 * - Per-request budget. One request may lose REDIS_REQUEST_BUDGET_MS in total (default: one command timeout)
 *   waiting on Redis commands that do not answer. Each command may wait min(REDIS_COMMAND_TIMEOUT_MS, what is
 *   left); a timeout charges its wait; once nothing is left the request's further commands fail at once
 *   ('budget_spent'). Answered commands are not charged (see RedisBudget). The budget is passed explicitly:
 *   each HTTP GraphQL request gets its own on the request object (attachRedisBudget: by Apollo's context
 *   function, see AppModule, or by any layer before it that uses Redis), every layer that serves the request
 *   reads it from there (redisBudgetOf(ctx.req)) and hands it to run(). Work outside an HTTP request
 *   (WebSocket operations, background refreshes, probes) passes none: one command timeout per command. No AsyncLocalStorage: on Node 20 one enabled storage turns on promise hooks for every
 *   promise of the process, a fixed cost on every request (bench/PROFILE.md, "Lean pipeline").
 *
 * A command given up on may still be executed later by Redis (it was written to the socket before Redis
 * hung). That is harmless for reads, counters and cache writes; idempotency claims clean up after themselves
 * (see RedisIdempotencyStore.abandon). The client never re-sends a command after a reconnect
 * (autoResendUnfulfilledCommands: false in redis.module.ts).
 */

export type RedisSkipReason = 'breaker_open' | 'budget_spent' | 'timeout' | 'error';

export class RedisUnavailableError extends Error {
  constructor(
    readonly reason: RedisSkipReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RedisUnavailableError';
  }

  /** False when the command was never handed to the client (nothing can land in Redis later). */
  get maySendLate(): boolean {
    return this.reason === 'timeout' || this.reason === 'error';
  }
}

export type BreakerState = 'closed' | 'open' | 'half_open';

/**
 * The Redis time one request may still lose. Only waits that ended without an answer (timeouts) are charged:
 * a command that answers, however slowly, costs nothing, so a busy event loop or a request that polls Redis
 * (an idempotent repeat waiting for the first run, a cache fill waiting for another replica) never runs out.
 */
export class RedisBudget {
  private spentMs = 0;

  constructor(readonly limitMs: number) {}

  get remainingMs(): number {
    return this.limitMs - this.spentMs;
  }

  /** A command waited `ms` and got no answer. */
  charge(ms: number): void {
    this.spentMs += ms;
  }
}

/** Where an HTTP request carries its Redis budget (set once by attachRedisBudget). */
const REDIS_BUDGET = Symbol('redisBudget');
type RequestWithBudget = { [REDIS_BUDGET]?: RedisBudget };

/**
 * The Redis budget of one HTTP request, created on the first call and the same object on every later one, so
 * whichever layer sees the request first (Apollo's context function, or a layer before it) gives it its
 * budget and every later layer shares it.
 */
export function attachRedisBudget(req: object, limitMs: number): RedisBudget {
  const carrier = req as RequestWithBudget;
  return (carrier[REDIS_BUDGET] ??= new RedisBudget(limitMs));
}

/**
 * The budget an HTTP request was given, for RedisGuard.run; undefined for anything else (a WebSocket
 * operation's context, no request at all), whose commands each get one command timeout.
 */
export function redisBudgetOf(req: object | null | undefined): RedisBudget | undefined {
  return req ? (req as RequestWithBudget)[REDIS_BUDGET] : undefined;
}

export interface RedisGuardOptions {
  commandTimeoutMs: number;
  /** Per-request budget (REDIS_REQUEST_BUDGET_MS), for layers that attach a request's budget. */
  requestBudgetMs: number;
  breakerThreshold: number;
  probeIntervalMs: number;
}

type StateListener = (state: BreakerState) => void;

/** What the guard needs of a client: an ioredis Redis or Cluster (or a fake in unit specs). */
export interface GuardedClient {
  on(event: 'ready' | 'reconnecting', listener: () => void): unknown;
  ping(): Promise<unknown>;
}

export class RedisGuard {
  private readonly log = new Logger('Redis');
  private stateValue: BreakerState = 'closed';
  private failures = 0;
  private probeTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly listeners: StateListener[] = [];
  /** Every pending command's deadline, under one timer. */
  readonly deadlines = new DeadlineQueue();
  private readonly metrics: {
    open: Gauge;
    skipped: Counter<'reason'>;
    failures: Counter<'kind'>;
  } | null;

  constructor(
    private readonly client: GuardedClient | null,
    readonly options: RedisGuardOptions,
    registry?: Registry | null,
  ) {
    this.metrics = registry ? makeMetrics(registry) : null;
    this.metrics?.open.set(0);
    if (!client) return;
    // 'reconnecting' (not 'close'): a connection lost, never our own quit() or disconnect().
    client.on('reconnecting', () => {
      if (!this.closed && this.stateValue === 'closed') this.open('connection lost');
    });
    client.on('ready', () => {
      if (this.stateValue === 'open') this.probeNow();
    });
  }

  /** A guard with the default breaker settings, for code that runs outside the Nest app (CLI, tests). */
  static standalone(client: GuardedClient, commandTimeoutMs: number): RedisGuard {
    return new RedisGuard(client, {
      commandTimeoutMs,
      requestBudgetMs: commandTimeoutMs,
      breakerThreshold: 3,
      probeIntervalMs: 1_000,
    });
  }

  get state(): BreakerState {
    return this.stateValue;
  }

  /** True while features should use Redis (breaker closed). */
  get available(): boolean {
    return this.client !== null && this.stateValue === 'closed';
  }

  onStateChange(listener: StateListener): void {
    this.listeners.push(listener);
  }

  /**
   * Runs one Redis command (or one library call that sends a few, such as a rate-limiter decision) within the
   * breaker and `budget`, the budget of the request it serves (redisBudgetOf(req); none outside an HTTP
   * request: one command timeout). Rejects with RedisUnavailableError when Redis is skipped, slow
   * or unreachable; an error Redis itself answered with (ReplyError) or a non-Error rejection (a library's
   * verdict, such as RateLimiterRes) passes through unchanged and counts as Redis being up.
   */
  run<T>(op: string, command: () => Promise<T>, budget?: RedisBudget): Promise<T> {
    return this.runWith(op, command, undefined, undefined, budget);
  }

  /**
   * run() for a command that takes its arguments (`command(a, b)`, a function made once by its caller), so a
   * hot path (the response cache's fast-path probe) hands the guard no closure built per request.
   */
  runWith<A, B, T>(
    op: string,
    command: (a: A, b: B) => Promise<T>,
    a: A,
    b: B,
    budget?: RedisBudget,
  ): Promise<T> {
    if (!tracingEnabled()) return this.guarded(op, command, a, b, budget);
    // One span per guarded call, named by its purpose ('cache get'): never the key or the value.
    return inSpan(
      `redis ${op}`,
      SpanKind.CLIENT,
      { 'db.system.name': 'redis', 'db.operation.name': op },
      () => this.guarded(op, command, a, b, budget),
      (e) => (e instanceof RedisUnavailableError ? e.reason : e instanceof Error ? e.name : 'rejected'),
    );
  }

  private guarded<A, B, T>(
    op: string,
    command: (a: A, b: B) => Promise<T>,
    a: A,
    b: B,
    budget?: RedisBudget,
  ): Promise<T> {
    if (!this.client) return Promise.reject(new RedisUnavailableError('error', 'no Redis configured'));
    if (this.stateValue !== 'closed') {
      this.metrics?.skipped.inc({ reason: 'breaker_open' });
      return Promise.reject(new RedisUnavailableError('breaker_open', `Redis breaker open; ${op} skipped`));
    }
    const ceiling = Math.min(this.options.commandTimeoutMs, budget?.limitMs ?? Infinity);
    const allowance = Math.min(ceiling, budget?.remainingMs ?? Infinity);
    if (allowance <= 0) {
      this.metrics?.skipped.inc({ reason: 'budget_spent' });
      return Promise.reject(
        new RedisUnavailableError('budget_spent', `request's Redis budget spent; ${op} skipped`),
      );
    }
    // A deferred settled by whichever comes first, the command or its deadline (one shared timer for every
    // command: DeadlineQueue), instead of a Promise.race against a timer of its own per command.
    return new Promise<T>((resolve, reject) => {
      const wait = new GuardedWait(this, op, allowance, ceiling, budget, resolve, reject);
      let pending: Promise<T>;
      try {
        pending = command(a, b);
      } catch (e) {
        wait.failed(e);
        return;
      }
      this.deadlines.add(wait, allowance);
      // Both outcomes are handled, so a command that fails after its deadline never leaves a rejection unhandled.
      pending.then(
        (v) => wait.answered(v),
        (e: unknown) => wait.failed(e),
      );
    });
  }

  /**
   * The outcome of a guarded command that did not answer (GuardedWait): the breaker and the budget take note,
   * and the error to reject with. `e` is the guard's own timeout, or whatever the command rejected with.
   */
  settleFailure(
    e: unknown,
    op: string,
    allowance: number,
    ceiling: number,
    budget: RedisBudget | undefined,
  ): unknown {
    // The client's own commandTimeout is the same REDIS_COMMAND_TIMEOUT_MS, so it may fire just before our
    // deadline: the same unanswered wait, charged and counted the same way.
    if (e instanceof RedisUnavailableError || isClientTimeout(e)) {
      const timedOut =
        e instanceof RedisUnavailableError
          ? e
          : new RedisUnavailableError('timeout', `Redis did not answer ${op} within ${allowance} ms`, {
              cause: e,
            });
      budget?.charge(allowance);
      // Only a command that had the longest wait it could ever get says something about Redis.
      if (allowance >= ceiling) this.failed('timeout', timedOut.message);
      else this.metrics?.skipped.inc({ reason: 'budget_spent' });
      return timedOut;
    }
    if (!(e instanceof Error) || isReplyError(e)) {
      this.succeeded();
      return e;
    }
    this.failed('error', e.message);
    return new RedisUnavailableError('error', `Redis ${op} failed: ${e.message}`, { cause: e });
  }

  /** Stops probing (application shutdown). */
  shutdown(): void {
    this.closed = true;
    clearTimeout(this.probeTimer);
  }

  /** Redis answered (GuardedWait, probes). */
  succeeded(): void {
    this.failures = 0;
  }

  private failed(kind: 'timeout' | 'error', detail: string): void {
    this.metrics?.failures.inc({ kind });
    if (++this.failures >= this.options.breakerThreshold && this.stateValue === 'closed')
      this.open(`${this.failures} consecutive failures (last: ${detail})`);
  }

  private open(why: string): void {
    this.setState('open');
    this.log.warn(
      `Redis breaker open: ${why}; every feature uses its fallback, probing every ${this.options.probeIntervalMs} ms`,
    );
    this.scheduleProbe();
  }

  private scheduleProbe(): void {
    clearTimeout(this.probeTimer);
    if (this.closed) return;
    this.probeTimer = setTimeout(() => this.probeNow(), this.options.probeIntervalMs);
    this.probeTimer.unref();
  }

  private probeNow(): void {
    if (this.closed || this.stateValue === 'half_open' || !this.client) return;
    clearTimeout(this.probeTimer);
    this.setState('half_open');
    let timer: NodeJS.Timeout | undefined;
    const ping = this.client.ping();
    ping.catch(() => undefined);
    Promise.race([
      ping,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('probe timed out')), this.options.commandTimeoutMs);
      }),
    ])
      .then(
        () => {
          if (this.closed) return;
          this.failures = 0;
          this.setState('closed');
          this.log.log('Redis answers again: breaker closed, features use Redis');
        },
        () => {
          if (this.closed) return;
          this.setState('open');
          this.scheduleProbe();
        },
      )
      .finally(() => clearTimeout(timer));
  }

  private setState(state: BreakerState): void {
    if (state === this.stateValue) return;
    this.stateValue = state;
    this.metrics?.open.set(state === 'closed' ? 0 : 1);
    for (const l of this.listeners) l(state);
  }
}

/** The time one HTTP request may lose to Redis commands that do not answer (REDIS_REQUEST_BUDGET_MS). */
export function requestBudgetMsOf(
  config: Pick<AppConfig, 'REDIS_COMMAND_TIMEOUT_MS' | 'REDIS_REQUEST_BUDGET_MS'>,
): number {
  return config.REDIS_REQUEST_BUDGET_MS ?? config.REDIS_COMMAND_TIMEOUT_MS;
}

/** The guard for a client, from the config (also used where Nest's container is not, e.g. the cache CLI). */
export function redisGuardFor(
  redis: GuardedClient | null,
  config: Pick<
    AppConfig,
    | 'REDIS_COMMAND_TIMEOUT_MS'
    | 'REDIS_REQUEST_BUDGET_MS'
    | 'REDIS_BREAKER_THRESHOLD'
    | 'REDIS_BREAKER_PROBE_MS'
  >,
  registry?: Registry | null,
): RedisGuard {
  return new RedisGuard(
    redis,
    {
      commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
      requestBudgetMs: requestBudgetMsOf(config),
      breakerThreshold: config.REDIS_BREAKER_THRESHOLD,
      probeIntervalMs: config.REDIS_BREAKER_PROBE_MS,
    },
    registry,
  );
}

/** One guarded command in flight: settled once, by its answer, its failure or its deadline. */
class GuardedWait<T> extends Deadline {
  private done = false;

  constructor(
    private readonly guard: RedisGuard,
    private readonly op: string,
    private readonly allowance: number,
    private readonly ceiling: number,
    private readonly budget: RedisBudget | undefined,
    private readonly resolve: (value: T) => void,
    private readonly reject: (reason: unknown) => void,
  ) {
    super();
  }

  answered(value: T): void {
    if (this.done) return;
    this.done = true;
    this.guard.deadlines.remove(this);
    this.guard.succeeded();
    this.resolve(value);
  }

  failed(e: unknown): void {
    if (this.done) return;
    this.done = true;
    this.guard.deadlines.remove(this);
    this.reject(this.guard.settleFailure(e, this.op, this.allowance, this.ceiling, this.budget));
  }

  expire(): void {
    this.failed(
      new RedisUnavailableError('timeout', `Redis did not answer ${this.op} within ${this.allowance} ms`),
    );
  }
}

/** ioredis' `commandTimeout` rejection (a plain Error, told apart by its message only). */
function isClientTimeout(e: unknown): boolean {
  return e instanceof Error && e.message === 'Command timed out';
}

/** Redis answered (with an error): Redis is up. Not a type guard, so `e` stays an Error afterwards. */
function isReplyError(e: Error): boolean {
  return e instanceof (ReplyError as typeof Error);
}

function makeMetrics(registry: Registry): NonNullable<RedisGuard['metrics']> {
  const reuse = <M>(name: string, make: () => M): M =>
    (registry.getSingleMetric(name) as M | undefined) ?? make();
  return {
    open: reuse(
      'gateway_redis_breaker_open',
      () =>
        new Gauge({
          name: 'gateway_redis_breaker_open',
          help: '1 while the Redis breaker is open (features skip Redis and use their fallbacks), else 0.',
          registers: [registry],
        }),
    ),
    skipped: reuse(
      'gateway_redis_skipped_total',
      () =>
        new Counter({
          name: 'gateway_redis_skipped_total',
          help: 'Redis commands not sent or not waited for: breaker_open, or budget_spent (the request used its REDIS_REQUEST_BUDGET_MS).',
          labelNames: ['reason'],
          registers: [registry],
        }),
    ),
    failures: reuse(
      'gateway_redis_failures_total',
      () =>
        new Counter({
          name: 'gateway_redis_failures_total',
          help: 'Redis commands that failed: timeout (no answer within REDIS_COMMAND_TIMEOUT_MS) or error (connection).',
          labelNames: ['kind'],
          registers: [registry],
        }),
    ),
  };
}
