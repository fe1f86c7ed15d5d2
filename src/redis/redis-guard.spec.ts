import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { ReplyError } from 'ioredis';
import {
  attachRedisBudget,
  RedisBudget,
  RedisGuard,
  RedisUnavailableError,
  redisBudgetOf,
  type BreakerState,
  type GuardedClient,
} from './redis-guard';

/** A client whose PING answers or hangs on demand, and which emits ioredis' connection events. */
class FakeClient extends EventEmitter implements GuardedClient {
  answers = true;
  pings = 0;
  ping(): Promise<unknown> {
    this.pings++;
    return this.answers ? Promise.resolve('PONG') : new Promise(() => undefined);
  }
}

const hang = () => new Promise<never>(() => undefined);

async function until(what: string, cond: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof RedisUnavailableError ? e.reason : `other: ${String(e)}`;
  }
}

describe('RedisGuard', () => {
  beforeAll(() => Logger.overrideLogger(false));

  let client: FakeClient;
  let guard: RedisGuard;
  let states: BreakerState[];
  beforeEach(() => {
    client = new FakeClient();
    guard = new RedisGuard(client, {
      commandTimeoutMs: 20,
      requestBudgetMs: 20,
      breakerThreshold: 2,
      probeIntervalMs: 20,
    });
    states = [];
    guard.onStateChange((s) => states.push(s));
  });
  afterEach(() => guard.shutdown());

  it('opens after consecutive timeouts, then skips Redis without calling it until a PING answers', async () => {
    client.answers = false;
    expect(await reason(guard.run('a', hang))).toBe('timeout');
    expect(guard.state).toBe('closed');
    expect(await reason(guard.run('b', hang))).toBe('timeout');
    expect(guard.state).toBe('open');

    const command = jest.fn(() => Promise.resolve('x'));
    expect(await reason(guard.run('c', command))).toBe('breaker_open');
    expect(command).not.toHaveBeenCalled();

    await until('a probe', () => client.pings > 0);
    expect(guard.available).toBe(false);
    client.answers = true;
    await until('the breaker to close', () => guard.state === 'closed');
    expect(states).toContain('half_open');
    expect(states.at(-1)).toBe('closed');
    expect(await guard.run('d', command)).toBe('x');
  });

  it('a success in between resets the count', async () => {
    await reason(guard.run('a', hang));
    await guard.run('b', () => Promise.resolve(1));
    await reason(guard.run('c', hang));
    expect(guard.state).toBe('closed');
  });

  it('counts connection errors, but not errors Redis answered with or a library verdict', async () => {
    const verdict = { remainingPoints: 0 };
    const Reply = ReplyError as typeof Error; // ioredis types it as any
    for (let i = 0; i < 3; i++) {
      await expect(guard.run('script', () => Promise.reject(new Reply('NOSCRIPT')))).rejects.toThrow(
        'NOSCRIPT',
      );
      // rate-limiter-flexible rejects with a plain RateLimiterRes, not an Error: the guard must pass it on.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      await expect(guard.run('limit', () => Promise.reject(verdict))).rejects.toBe(verdict);
    }
    expect(guard.state).toBe('closed');
    const lost = () => Promise.reject(new Error('Connection is closed.'));
    expect(await reason(guard.run('x', lost))).toBe('error');
    expect(await reason(guard.run('y', lost))).toBe('error');
    expect(guard.state).toBe('open');
  });

  it('opens at once when the connection is lost, and probes as soon as the client is ready again', async () => {
    client.answers = false;
    client.emit('reconnecting');
    expect(guard.state).toBe('open');
    client.answers = true;
    client.emit('ready');
    await until('the breaker to close', () => guard.state === 'closed');
  });

  it('spends one request budget over all its commands: later commands fail at once, uncounted', async () => {
    const second = jest.fn(() => Promise.resolve('x'));
    const budget = new RedisBudget(20);
    const first = await reason(guard.run('first', hang, budget));
    const outcome = { first, second: await reason(guard.run('second', second, budget)) };
    expect(outcome).toEqual({ first: 'timeout', second: 'budget_spent' });
    expect(second).not.toHaveBeenCalled();
    // Budget-limited refusals say nothing about Redis: one real timeout, below the threshold of two.
    expect(guard.state).toBe('closed');
    // Commands that answer cost nothing, however many: a request polling Redis never runs out.
    const patient = new RedisGuard(client, {
      commandTimeoutMs: 2_000,
      requestBudgetMs: 2_000,
      breakerThreshold: 2,
      probeIntervalMs: 20,
    });
    const slowish = () => new Promise<string>((r) => setTimeout(() => r('ok'), 40));
    const polling = new RedisBudget(150);
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) answers.push(await patient.run('poll', slowish, polling));
    patient.shutdown();
    expect(answers).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(polling.remainingMs).toBe(150);
    // Another request has its own budget.
    expect(await guard.run('other', second, new RedisBudget(20))).toBe('x');
  });

  it("takes the client's own command timeout for what it is: an unanswered wait, charged to the budget", async () => {
    const budget = new RedisBudget(20);
    const clientTimeout = () => Promise.reject(new Error('Command timed out'));
    expect(await reason(guard.run('first', clientTimeout, budget))).toBe('timeout');
    expect(budget.remainingMs).toBe(0);
    expect(await reason(guard.run('second', () => Promise.resolve('x'), budget))).toBe('budget_spent');
  });

  it('bounds a command of no request (no budget) by one command timeout, whatever was spent elsewhere', async () => {
    const spent = new RedisBudget(20);
    expect(await reason(guard.run('first', hang, spent))).toBe('timeout');
    expect(await reason(guard.run('second', hang, spent))).toBe('budget_spent');
    // An answer resets the failure count, so the next timeout does not open the breaker (threshold 2).
    expect(await guard.run('answered', () => Promise.resolve('y'))).toBe('y');
    expect(await reason(guard.run('background', hang))).toBe('timeout');
    expect(guard.state).toBe('closed');
  });

  it('a command that fails after its deadline settles nothing twice and leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      let failLate: (e: Error) => void = () => undefined;
      const late = () => new Promise<never>((_, reject) => (failLate = reject));
      const answered = jest.fn(() => Promise.resolve('x'));
      // Many commands in flight share the guard's one deadline timer; the hung one still times out alone.
      const others = Array.from({ length: 10 }, () => guard.run('ok', answered));
      expect(await reason(guard.run('late', late))).toBe('timeout');
      expect(await Promise.all(others)).toEqual(Array(10).fill('x'));
      failLate(new Error('Connection is closed.'));
      await new Promise((r) => setTimeout(r, 10));
      expect(unhandled).toEqual([]);
      // The late failure was not counted: one timeout, below the threshold of two.
      expect(guard.state).toBe('closed');
      expect(guard.deadlines.size).toBe(0);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('runWith hands the command its arguments, under the same budget and breaker as run', async () => {
    const budget = new RedisBudget(20);
    const mget = jest.fn((a: string, b: string) => Promise.resolve([a, b]));
    expect(await guard.runWith('peek', mget, 'e:k', 'g', budget)).toEqual(['e:k', 'g']);
    expect(await reason(guard.runWith('peek', (_a: string, _b: string) => hang(), 'e:k', 'g', budget))).toBe(
      'timeout',
    );
    expect(await reason(guard.runWith('peek', mget, 'e:k', 'g', budget))).toBe('budget_spent');
    expect(mget).toHaveBeenCalledTimes(1);
  });
});

describe("a request's budget", () => {
  it('is attached once: every layer that serves the request gets the same budget', () => {
    const req = {};
    const budget = attachRedisBudget(req, 100);
    budget.charge(30);
    expect(attachRedisBudget(req, 100)).toBe(budget);
    expect(redisBudgetOf(req)?.remainingMs).toBe(70);
    // Another request (or a WebSocket operation's context, which no middleware saw) has none of it.
    expect(redisBudgetOf({})).toBeUndefined();
    expect(redisBudgetOf(undefined)).toBeUndefined();
  });
});

describe('RedisBudget', () => {
  it('is spent only by waits that got no answer', () => {
    const b = new RedisBudget(100);
    expect(b.remainingMs).toBe(100);
    b.charge(60);
    expect(b.remainingMs).toBe(40);
  });
});
