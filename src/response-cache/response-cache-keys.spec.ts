import { createHash } from 'node:crypto';
import type { AppConfig } from '../config/app-config';
import type { Principal } from '../common/context/principal';
import { ResponseCacheKeys, type CacheablePolicy } from './response-cache-keys';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const policy = (scope: CacheablePolicy['scope'], variableNames: string[] = []): CacheablePolicy => ({
  cacheable: true,
  scope,
  ttlS: 30,
  kinds: [],
  listTypes: [],
  variableNames,
});

const principal = (tenantId: string, subject: string, scopes: Principal['scopes']): Principal => ({
  tenantId,
  kind: 'api_key',
  subject,
  scopes,
});

describe('ResponseCacheKeys.addressOf', () => {
  const keys = new ResponseCacheKeys({} as AppConfig);
  const hash = 'a'.repeat(64);

  it('is the sha256 of version | scopes | document | operation | declared variables, remembered or not', () => {
    const p = principal('t1', 'k1', ['write', 'read']);
    const text = `v1|read,write|${hash}|Op|{"id":"x"}`;
    const first = keys.addressOf('v1', policy('tenant', ['id']), p, hash, 'Op', { id: 'x', other: 1 });
    const again = keys.addressOf('v1', policy('tenant', ['id']), p, hash, 'Op', { id: 'x', other: 2 });
    expect(first).toEqual({ slot: 't:t1', key: sha256(text) });
    expect(again).toEqual(first);
    // Another tenant with the same scopes: the same key, in its own slot.
    expect(
      keys.addressOf('v1', policy('tenant', ['id']), principal('t2', 'k9', ['read', 'write']), hash, 'Op', {
        id: 'x',
      }),
    ).toEqual({
      slot: 't:t2',
      key: first.key,
    });
  });

  it('gives every different text its own key: variables, scopes, principal, operation name', () => {
    const p = principal('t1', 'k1', ['read']);
    const seen = new Set<string>();
    const add = (a: { key: string }) => seen.add(a.key);
    add(keys.addressOf('v1', policy('tenant', ['id']), p, hash, 'Op', { id: 'x' }));
    add(keys.addressOf('v1', policy('tenant', ['id']), p, hash, 'Op', { id: 'y' }));
    add(
      keys.addressOf('v1', policy('tenant', ['id']), principal('t1', 'k1', ['read', 'ai']), hash, 'Op', {
        id: 'x',
      }),
    );
    add(keys.addressOf('v1', policy('principal', ['id']), p, hash, 'Op', { id: 'x' }));
    add(
      keys.addressOf('v1', policy('principal', ['id']), principal('t1', 'k2', ['read']), hash, 'Op', {
        id: 'x',
      }),
    );
    add(keys.addressOf('v1', policy('tenant', ['id']), p, hash, undefined, { id: 'x' }));
    add(keys.addressOf('v2', policy('tenant', ['id']), p, hash, 'Op', { id: 'x' }));
    expect(seen.size).toBe(7);
    expect(keys.addressOf('v1', policy('principal', ['id']), p, hash, 'Op', { id: 'x' }).key).toBe(
      sha256(`v1|api_key:k1:read|${hash}|Op|{"id":"x"}`),
    );
  });

  it('hashes a key text too long to remember every time, to the same key', () => {
    const p = principal('t1', 'k1', ['read']);
    const big = 'z'.repeat(5_000);
    const text = `v1|read|${hash}|Op|{"q":"${big}"}`;
    for (let i = 0; i < 2; i++)
      expect(keys.addressOf('v1', policy('public', ['q']), p, hash, 'Op', { q: big })).toEqual({
        slot: 'pub',
        key: sha256(text),
      });
  });
});
