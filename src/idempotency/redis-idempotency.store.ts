import type Redis from 'ioredis';
import { RedisUnavailableError, type RedisBudget, type RedisGuard } from '../redis/redis-guard';
import { parseRecord, type IdempotencyRecord } from './idempotency-record';
import type { ClaimRequest, ClaimResult, IdempotencyStore } from './idempotency-store';

/*
 * The claim must be one atomic step (20 concurrent requests, several replicas): a Lua script that mirrors
 * decideClaim() in idempotency-store.ts. Keep the two in step.
 */
const CLAIM = `
local cur = redis.call('GET', KEYS[1])
if not cur then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return {'claimed', ''}
end
local ok, rec = pcall(cjson.decode, cur)
if not ok or type(rec) ~= 'table' then return {'mismatch', ''} end
if rec.state == 'in_progress' and rec.token == ARGV[6] then return {'claimed', ''} end
if rec.fp ~= ARGV[3] then return {'mismatch', ''} end
if rec.state == 'completed' then return {'completed', cur} end
local now = tonumber(ARGV[4])
local takeover = false
if rec.state == 'unknown' then
  if ARGV[5] ~= '1' then return {'busy', cur} end
  takeover = true
elseif (tonumber(rec.leaseUntil) or 0) <= now then
  takeover = true
end
if not takeover then return {'busy', cur} end
local nrec = cjson.decode(ARGV[1])
nrec.unknownSince = rec.unknownSince or now
redis.call('SET', KEYS[1], cjson.encode(nrec), 'PX', ARGV[2])
return {'claimed', cur}
`;

const FINISH = `
local cur = redis.call('GET', KEYS[1])
if cur then
  local ok, rec = pcall(cjson.decode, cur)
  if ok and type(rec) == 'table' and rec.token ~= ARGV[2] then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return 1
`;

const RELEASE = `
local cur = redis.call('GET', KEYS[1])
if not cur then return 0 end
local ok, rec = pcall(cjson.decode, cur)
if ok and type(rec) == 'table' and rec.token == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** Abandoned claims whose release could not be sent: bounded, and retried until this old. */
const PENDING_MAX = 10_000;
const PENDING_MAX_AGE_MS = 10 * 60_000;
const PENDING_RETRY_MS = 1_000;

/**
 * Claims, results and releases go through the RedisGuard (request budget, breaker): while Redis is known to
 * be down a claim fails at once and the service refuses the mutation (fail closed).
 *
 * Late claims. A claim written into a hung Redis (CLIENT PAUSE, SIGSTOP, a long fork) times out here, but
 * Redis still executes it when it resumes, leaving an in-progress record with a full lease that would make
 * every retry wait (IDEMPOTENCY_IN_PROGRESS) and then reconcile (OUTCOME_UNKNOWN) although nothing was sent
 * upstream. So a caller that gives up calls abandon(): a compare-and-delete by the claim's token, sent at
 * once on the same connection, which Redis executes in order right after the late claim. If it cannot be
 * sent (connection down), it is kept and re-sent once Redis answers again (harmless if the claim never
 * landed: the token is unique to that attempt). ioredis never re-sends the claim itself after a reconnect
 * (autoResendUnfulfilledCommands: false), and a claim refused by the guard before it was sent (breaker open,
 * budget spent) needs no release at all.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  /** Tokens whose claim may have reached Redis without us seeing the answer. */
  private readonly unanswered = new Map<string, string>();
  private readonly pending = new Map<string, { key: string; since: number }>();
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly guard: RedisGuard,
  ) {
    guard.onStateChange((state) => {
      if (state === 'closed') this.retryPending();
    });
  }

  async claim(req: ClaimRequest): Promise<ClaimResult> {
    const token = req.record.token ?? '';
    let reply: [string, string];
    try {
      reply = (await this.guard.run(
        'idempotency claim',
        () =>
          this.redis.eval(
            CLAIM,
            1,
            req.key,
            JSON.stringify(req.record),
            String(req.ttlMs),
            req.fp,
            String(req.nowMs),
            req.claimUnknown ? '1' : '0',
            token,
          ),
        req.budget,
      )) as [string, string];
    } catch (e) {
      if (!isSkipped(e)) this.remember(token, req.key);
      throw e;
    }
    this.unanswered.delete(token);
    const [kind, raw] = reply;
    const record = raw ? parseRecord(raw) : undefined;
    switch (kind) {
      case 'claimed':
        return record ? { kind, previous: record } : { kind };
      case 'completed':
      case 'busy':
        if (!record) throw new Error('idempotency record unreadable');
        return { kind, record };
      default:
        return { kind: 'mismatch' };
    }
  }

  async finish(
    key: string,
    token: string,
    record: IdempotencyRecord,
    ttlMs: number,
    budget?: RedisBudget,
  ): Promise<boolean> {
    const r = await this.guard.run(
      'idempotency finish',
      () => this.redis.eval(FINISH, 1, key, JSON.stringify(record), token, String(ttlMs)),
      budget,
    );
    return r === 1;
  }

  async release(key: string, token: string, budget?: RedisBudget): Promise<void> {
    try {
      await this.guard.run('idempotency release', () => this.redis.eval(RELEASE, 1, key, token), budget);
    } catch (e) {
      // Our claim stands (it was answered): abandon() must free it, whether or not this release was sent.
      this.remember(token, key);
      throw e;
    }
  }

  abandon(key: string, token: string): void {
    const claimKey = this.unanswered.get(token);
    if (claimKey === undefined) return; // nothing of ours can be in Redis
    this.unanswered.delete(token);
    this.send(claimKey, token, Date.now());
  }

  async get(key: string, budget?: RedisBudget): Promise<IdempotencyRecord | undefined> {
    const raw = await this.guard.run('idempotency get', () => this.redis.get(key), budget);
    return raw ? parseRecord(raw) : undefined;
  }

  private remember(token: string, key: string): void {
    if (this.unanswered.size < PENDING_MAX) this.unanswered.set(token, key);
  }

  /** Straight to the client, past the breaker: it must follow the claim on the same connection. */
  private send(key: string, token: string, since: number): void {
    this.redis.eval(RELEASE, 1, key, token).then(
      () => this.pending.delete(token),
      () => this.keep(key, token, since),
    );
  }

  private keep(key: string, token: string, since: number): void {
    if (Date.now() - since > PENDING_MAX_AGE_MS) {
      // Past any lease: a takeover has reconciled the key by now.
      this.pending.delete(token);
      return;
    }
    if (!this.pending.has(token) && this.pending.size >= PENDING_MAX) return;
    this.pending.set(token, { key, since });
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.pending.size === 0) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.retryPending();
    }, PENDING_RETRY_MS);
    this.retryTimer.unref();
  }

  private retryPending(): void {
    // While Redis is known to be down, wait: the breaker closing calls this again.
    if (!this.guard.available) return this.scheduleRetry();
    for (const [token, p] of [...this.pending]) this.send(p.key, token, p.since);
  }
}

/** The guard refused before sending anything: no claim can land later. */
function isSkipped(e: unknown): boolean {
  return e instanceof RedisUnavailableError && !e.maySendLate;
}
