/**
 * One entry of a DeadlineQueue: a wait that must end by a deadline. The queue links its entries through these
 * fields (an intrusive list), so adding and removing one allocates nothing and hashes nothing.
 */
export abstract class Deadline {
  /** performance.now() by which the entry expires (set by DeadlineQueue.add). */
  at = 0;
  prev: Deadline | null = null;
  next: Deadline | null = null;
  queued = false;

  /** Called once, when the deadline has passed and the entry was not removed before. */
  abstract expire(): void;
}

/**
 * Deadlines of many concurrent waits under one timer (RedisGuard: every Redis command's allowance). A timer per
 * wait (setTimeout, then clearTimeout when it answers, in ~every case) cost a Timeout object, Node's timer
 * list bookkeeping and often a libuv timer re-arm per command (bench/PROFILE.md, "S1: the guard's deadline").
 * Here, a wait that ends in time only unlinks itself; the one timer stays armed for the earliest deadline it
 * was set for, and when it fires it expires what is due and re-arms for the next pending deadline, if any.
 * Under steady load that is one timer per allowance period instead of one per command.
 *
 * Kept sorted by deadline: waits mostly share one allowance, so a new one is appended; a shorter one (a
 * request's Redis budget partly spent) is placed by a scan from the tail. The timer is unref'd: a pending
 * wait never keeps the process alive by itself (the connection it waits on does, as long as it is open).
 * Expiry is exact to the timer's resolution: an entry is expired once performance.now() reaches its `at`, and
 * a timer that fires early (Node's timers run on the loop's cached clock) re-arms for the rest.
 */
export class DeadlineQueue {
  private head: Deadline | null = null;
  private tail: Deadline | null = null;
  private timer: NodeJS.Timeout | undefined;
  /** When the armed timer is due (performance.now()); Infinity when none is armed. */
  private armedFor = Infinity;

  /** How many entries are pending (tests, diagnostics). */
  get size(): number {
    let n = 0;
    for (let e = this.head; e; e = e.next) n++;
    return n;
  }

  /** Expires `entry` in `ms` unless it is removed before. */
  add(entry: Deadline, ms: number): void {
    if (entry.queued) this.remove(entry);
    const at = performance.now() + ms;
    entry.at = at;
    let after = this.tail;
    while (after && after.at > at) after = after.prev;
    entry.prev = after;
    entry.next = after ? after.next : this.head;
    if (entry.next) entry.next.prev = entry;
    else this.tail = entry;
    if (after) after.next = entry;
    else this.head = entry;
    entry.queued = true;
    if (at < this.armedFor) this.arm(at);
  }

  /** The entry ended in time (no-op when it already expired or was removed). The timer is left as it is. */
  remove(entry: Deadline): void {
    if (!entry.queued) return;
    if (entry.prev) entry.prev.next = entry.next;
    else this.head = entry.next;
    if (entry.next) entry.next.prev = entry.prev;
    else this.tail = entry.prev;
    entry.prev = entry.next = null;
    entry.queued = false;
  }

  private arm(at: number): void {
    clearTimeout(this.timer);
    this.armedFor = at;
    this.timer = setTimeout(this.sweep, Math.max(1, Math.ceil(at - performance.now())));
    this.timer.unref();
  }

  private readonly sweep = (): void => {
    this.timer = undefined;
    this.armedFor = Infinity;
    const now = performance.now();
    for (let e = this.head; e && e.at <= now; e = this.head) {
      this.remove(e);
      e.expire();
    }
    if (this.head && this.head.at < this.armedFor) this.arm(this.head.at);
  };
}
