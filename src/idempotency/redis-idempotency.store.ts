import type Redis from 'ioredis';
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

export class RedisIdempotencyStore implements IdempotencyStore {
  constructor(private readonly redis: Redis) {}

  async claim(req: ClaimRequest): Promise<ClaimResult> {
    const [kind, raw] = (await this.redis.eval(
      CLAIM,
      1,
      req.key,
      JSON.stringify(req.record),
      String(req.ttlMs),
      req.fp,
      String(req.nowMs),
      req.claimUnknown ? '1' : '0',
      req.record.token ?? '',
    )) as [string, string];
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

  async finish(key: string, token: string, record: IdempotencyRecord, ttlMs: number): Promise<boolean> {
    const r = await this.redis.eval(FINISH, 1, key, JSON.stringify(record), token, String(ttlMs));
    return r === 1;
  }

  async release(key: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, key, token);
  }

  async get(key: string): Promise<IdempotencyRecord | undefined> {
    const raw = await this.redis.get(key);
    return raw ? parseRecord(raw) : undefined;
  }
}
