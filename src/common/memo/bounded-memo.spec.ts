import { LRUCache } from 'lru-cache';
import { BoundedMemo } from './bounded-memo';

describe('BoundedMemo', () => {
  it('evicts the least recently read first, as lru-cache does (max)', () => {
    const memo = new BoundedMemo<string, number>({ max: 3 });
    const lru = new LRUCache<string, number>({ max: 3 });
    const ops: [string, string, number?][] = [
      ['set', 'a', 1],
      ['set', 'b', 2],
      ['set', 'c', 3],
      ['get', 'a'],
      ['set', 'd', 4],
      ['has', 'b'],
      ['get', 'c'],
      ['set', 'a', 5],
      ['set', 'e', 6],
      ['get', 'd'],
      ['get', 'b'],
    ];
    for (const [op, k, v] of ops) {
      if (op === 'set') {
        memo.set(k, v!);
        lru.set(k, v);
      } else if (op === 'get') expect(memo.get(k)).toBe(lru.get(k));
      else expect(memo.has(k)).toBe(lru.has(k));
    }
    for (const k of ['a', 'b', 'c', 'd', 'e']) expect(memo.get(k)).toBe(lru.get(k));
  });

  it('bounds the summed sizes and keeps nothing larger than maxSize, as lru-cache does (maxSize)', () => {
    const sizeOf = (_v: string, k: string) => k.length + 2;
    const memo = new BoundedMemo<string, string>({ maxSize: 12, sizeOf });
    const lru = new LRUCache<string, string>({ maxSize: 12, sizeCalculation: sizeOf });
    for (const k of ['aa', 'bbb', 'c', 'dddd', 'eeeeeeeeeeeeee', 'ff']) {
      memo.set(k, k.toUpperCase());
      lru.set(k, k.toUpperCase());
      memo.get('bbb');
      lru.get('bbb');
    }
    for (const k of ['aa', 'bbb', 'c', 'dddd', 'eeeeeeeeeeeeee', 'ff']) expect(memo.get(k)).toBe(lru.get(k));
    memo.clear();
    expect(memo.size).toBe(0);
  });
});
