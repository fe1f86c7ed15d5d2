/**
 * The simulated clock: the wall clock (or the injected `now`) plus an offset that tests advance. Everything
 * time-dependent (transitions, billing, timestamps) reads this clock, so advancing it is the only way to age state.
 */
export class SimClock {
  private offsetMs = 0;

  constructor(private readonly base: () => Date = () => new Date()) {}

  nowMs(): number {
    return this.base().getTime() + this.offsetMs;
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advanceClock(ms) needs a finite ms >= 0');
    this.offsetMs += ms;
    return this.nowMs();
  }
}

let lastSecond = NaN;
let lastIso = '';

/**
 * ISO-8601 UTC without milliseconds, e.g. 2025-12-11T16:00:00Z (the seed page's form).
 * Memoised per second because every reply carries one.
 */
export function iso(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastIso = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastIso;
}
