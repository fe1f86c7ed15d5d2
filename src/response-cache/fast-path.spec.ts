import { hitExtensions } from './fast-path';

describe('hitExtensions', () => {
  const asJson = (requested: number, limit: number, remaining: number | undefined, storedAt: number) => {
    const cost: Record<string, number> = { requested, limit };
    if (remaining !== undefined) cost.remaining = remaining;
    const responseCache = { hit: true, asOf: new Date(storedAt).toISOString(), stale: false };
    return JSON.stringify({ cost, responseCache }).slice(1, -1);
  };

  it.each([
    [12, 1000, 4988, 1_764_620_000_123],
    [12, 1000, undefined, 1_764_620_000_123],
    [0, 1000, 0, 0],
    [1.5, 1000, Number.NaN, 1_764_620_001_000],
  ])('writes what JSON.stringify writes (%p, %p, %p, %p)', (requested, limit, remaining, storedAt) => {
    expect(hitExtensions(requested, limit, remaining, storedAt)).toBe(
      asJson(requested, limit, remaining, storedAt),
    );
    // Twice: the second reuses the remembered asOf.
    expect(hitExtensions(requested, limit, remaining, storedAt)).toBe(
      asJson(requested, limit, remaining, storedAt),
    );
  });
});
