import { Deadline, DeadlineQueue } from './deadlines';

class Wait extends Deadline {
  expiredAt: number | undefined;
  constructor(
    readonly name: string,
    private readonly log: string[],
  ) {
    super();
  }
  expire(): void {
    this.expiredAt = performance.now();
    this.log.push(this.name);
  }
}

describe('DeadlineQueue', () => {
  let queue: DeadlineQueue;
  let log: string[];
  let t0: number;
  beforeEach(() => {
    jest.useFakeTimers();
    queue = new DeadlineQueue();
    log = [];
    t0 = performance.now();
  });
  afterEach(() => jest.useRealTimers());

  const wait = (name: string) => new Wait(name, log);

  it('expires each entry at its own deadline, in deadline order, whatever order they were added in', () => {
    const a = wait('a');
    const b = wait('b');
    const c = wait('c');
    queue.add(a, 100);
    jest.advanceTimersByTime(10);
    queue.add(b, 100); // due at 110
    queue.add(c, 30); // due at 40: shorter (a budget partly spent), so it goes first
    jest.advanceTimersByTime(29);
    expect(log).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(log).toEqual(['c']);
    expect(c.expiredAt! - t0).toBe(40);
    jest.advanceTimersByTime(59);
    expect(log).toEqual(['c']);
    jest.advanceTimersByTime(1);
    expect(log).toEqual(['c', 'a']);
    expect(a.expiredAt! - t0).toBe(100);
    jest.advanceTimersByTime(10);
    expect(log).toEqual(['c', 'a', 'b']);
    expect(b.expiredAt! - t0).toBe(110);
    expect(queue.size).toBe(0);
  });

  it('never expires an entry removed in time, and keeps one timer for all of them', () => {
    const waits = Array.from({ length: 50 }, (_, i) => wait(`w${i}`));
    for (const w of waits) queue.add(w, 1_000);
    expect(jest.getTimerCount()).toBe(1);
    for (const w of waits.slice(0, 49)) queue.remove(w);
    queue.remove(waits[0]!); // twice: a no-op
    expect(queue.size).toBe(1);
    jest.advanceTimersByTime(1_000);
    expect(log).toEqual(['w49']);
    // Nothing pending: no timer left armed.
    expect(jest.getTimerCount()).toBe(0);
  });

  it('re-arms for what is still pending when the timer fires for an entry that already ended', () => {
    const early = wait('early');
    const late = wait('late');
    queue.add(early, 100);
    jest.advanceTimersByTime(50);
    queue.add(late, 100); // due at 150
    queue.remove(early);
    jest.advanceTimersByTime(50); // the timer armed for `early` fires with nothing due
    expect(log).toEqual([]);
    expect(jest.getTimerCount()).toBe(1);
    jest.advanceTimersByTime(49);
    expect(log).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(log).toEqual(['late']);
    expect(late.expiredAt! - t0).toBe(150);
  });

  it('takes entries added while it expires others (an expiry that starts another wait)', () => {
    const second = wait('second');
    const first = new (class extends Wait {
      override expire(): void {
        super.expire();
        queue.add(second, 20);
      }
    })('first', log);
    queue.add(first, 10);
    jest.advanceTimersByTime(10);
    expect(log).toEqual(['first']);
    jest.advanceTimersByTime(20);
    expect(log).toEqual(['first', 'second']);
    expect(second.expiredAt! - t0).toBe(30);
  });
});
