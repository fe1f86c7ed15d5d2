import { Injectable } from '@nestjs/common';

/**
 * The one deadline of a shutdown (SIGTERM + SHUTDOWN_GRACE_MS). Bootstrap starts it when the drain begins;
 * every shutdown hook (the Barrack pool, ...) spends only what is left of it instead of a grace of its own,
 * so the process exits within the grace period plus a small constant.
 */
@Injectable()
export class ShutdownDeadline {
  private at: number | undefined;

  /** Starts the clock (once: a second signal keeps the first deadline). Returns the deadline (epoch ms). */
  start(graceMs: number): number {
    this.at ??= Date.now() + graceMs;
    return this.at;
  }

  /** Milliseconds left before the deadline (0 once passed); `whenNotStarted` when no shutdown has begun. */
  remainingMs(whenNotStarted: number): number {
    return this.at === undefined ? whenNotStarted : Math.max(0, this.at - Date.now());
  }
}
