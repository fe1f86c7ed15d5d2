import { AsyncLocalStorage } from 'node:async_hooks';

type Run = AsyncLocalStorage<unknown>['run'];
type EnterWith = AsyncLocalStorage<unknown>['enterWith'];

/**
 * Records every AsyncLocalStorage entered (`run`, `enterWith`) in this process while it watches, with the stack
 * of the entry. On Node 20 entering a storage enables it, and an enabled storage keeps async_hooks' promise hooks
 * on for every promise of the process until it is disabled (bench/PROFILE.md, "No AsyncLocalStorage"). The
 * methods are patched on the class's prototype, so every storage is seen, whoever made it and whenever it was
 * imported; stop() puts them back (jest runs later files of the worker in the same process).
 */
export class AsyncLocalStorageWatch {
  /** One line per entry: the method and the first frames of its caller. */
  readonly entered: string[] = [];
  private readonly run: Run = AsyncLocalStorage.prototype.run;
  private readonly enterWith: EnterWith = AsyncLocalStorage.prototype.enterWith;

  start(): this {
    const { run, enterWith } = this;
    const note = (method: string): void => {
      const frames = (new Error().stack ?? '').split('\n').slice(3, 7);
      this.entered.push(`${method} ${frames.map((f) => f.trim()).join(' < ')}`);
    };
    AsyncLocalStorage.prototype.run = function <R>(
      this: AsyncLocalStorage<unknown>,
      store: unknown,
      callback: (...args: unknown[]) => R,
      ...args: unknown[]
    ): R {
      note('run');
      return run.call(this, store, callback, ...args) as R;
    };
    AsyncLocalStorage.prototype.enterWith = function (
      this: AsyncLocalStorage<unknown>,
      store: unknown,
    ): void {
      note('enterWith');
      enterWith.call(this, store);
    };
    return this;
  }

  stop(): void {
    AsyncLocalStorage.prototype.run = this.run;
    AsyncLocalStorage.prototype.enterWith = this.enterWith;
  }
}
