import { collectIds, MAX_TARGET_IDS } from './audit-entry';
import { MemoryAuditStore } from './memory-audit.store';
import type { AuditEntry } from './audit-entry';

describe('collectIds', () => {
  it('takes id, …Id and …Ids values from arguments and results, but not request ids', () => {
    const ids = new Set<string>();
    collectIds({ input: { instanceId: 'i-1', volumeIds: ['v-1', 'v-2'], name: 'x' } }, ids);
    collectIds({ instance: { id: 'i-9', createdAt: new Date() }, requestId: 'req-1' }, ids);
    expect([...ids]).toEqual(['i-1', 'v-1', 'v-2', 'i-9']);
  });

  it('stops at the bound', () => {
    const ids = new Set<string>();
    collectIds({ volumeIds: Array.from({ length: 50 }, (_, i) => `v${i}`) }, ids);
    expect(ids.size).toBe(MAX_TARGET_IDS);
  });
});

describe('MemoryAuditStore', () => {
  const entry = (op: string): AuditEntry => ({
    at: new Date().toISOString(),
    tenantId: 't',
    principal: null,
    operation: op,
    targetIds: [],
    outcome: 'OK',
    latencyMs: 1,
    requestId: op,
  });

  it('keeps a bounded ring per tenant, newest first, read from either end of a range', async () => {
    const store = new MemoryAuditStore(3);
    for (const op of ['a', 'b', 'c', 'd']) await store.append('t', entry(op));
    await store.append('u', entry('other'));
    const all = await store.range('t', { count: 10, from: 'newest' });
    expect(all.map((e) => e.operation)).toEqual(['d', 'c', 'b']);
    expect(await store.count('t')).toBe(3);
    const older = await store.range('t', { olderThan: all[0]?.id, count: 10, from: 'newest' });
    expect(older.map((e) => e.operation)).toEqual(['c', 'b']);
    const oldestOne = await store.range('t', { count: 1, from: 'oldest' });
    expect(oldestOne.map((e) => e.operation)).toEqual(['b']);
    const newer = await store.range('t', { newerThan: all[2]?.id, count: 1, from: 'oldest' });
    expect(newer.map((e) => e.operation)).toEqual(['c']);
    expect(await store.range('t', { count: 0, from: 'newest' })).toEqual([]);
  });
});
