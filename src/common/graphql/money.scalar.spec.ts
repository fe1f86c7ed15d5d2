import { toDecimalString } from './money.scalar';

/** The definition: toFixed(10) without trailing zeros (what toDecimalString returned before its short cut). */
function reference(n: number): string {
  if (Number.isSafeInteger(n)) return String(n);
  return n.toFixed(10).replace(/\.?0+$/, '') || '0';
}

describe('toDecimalString', () => {
  it('gives the shortest exact text of usual amounts', () => {
    expect(toDecimalString(1.55)).toBe('1.55');
    expect(toDecimalString(0.0448)).toBe('0.0448');
    expect(toDecimalString(-2.5)).toBe('-2.5');
    expect(toDecimalString(0)).toBe('0');
    expect(toDecimalString(12)).toBe('12');
  });

  it('cuts float noise at 10 decimals and never uses an exponent', () => {
    expect(toDecimalString(0.1 + 0.2)).toBe('0.3');
    expect(toDecimalString(1e-7)).toBe('0.0000001');
    expect(toDecimalString(1e-11)).toBe('0');
    expect(toDecimalString(123456.789)).toBe('123456.789');
    expect(toDecimalString(1e21 + 0.5)).toBe(reference(1e21 + 0.5));
  });

  it('agrees with toFixed(10) trimmed on many amounts, whichever path it takes', () => {
    // A fixed pseudo-random sequence (no Math.random: the same values every run).
    let x = 0x2545f491;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const values: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const scale = 10 ** Math.floor(next() * 16 - 8);
      const decimals = Math.floor(next() * 13);
      const v = Math.round(next() * 2e5 * scale * 10 ** decimals) / 10 ** decimals;
      values.push(v, -v, v / 3, 99_999.99 + v / 1e6);
    }
    const differing = values.filter((v) => toDecimalString(v) !== reference(v));
    expect(differing).toEqual([]);
  });

  it('refuses what is not a finite number', () => {
    expect(() => toDecimalString(Number.NaN)).toThrow();
    expect(() => toDecimalString(Infinity)).toThrow();
  });
});
