/**
 * At most `max` tasks at a time, at most `maxQueued` waiting (first come, first served); beyond that `run`
 * refuses at once with the caller's error, so expensive work (scrypt, spreadsheet parsing, exports) can
 * neither starve the rest of the process nor pile up without bound. With `maxPerKey`, `runFor(key, …)` also
 * refuses a key (a user) that already has that many tasks running or waiting, so one user cannot take every
 * place.
 */
export class Semaphore {
  readonly #max: number;
  readonly #maxQueued: number;
  readonly #busy: () => Error;
  readonly #waiting: (() => void)[] = [];
  readonly #perKey = new Map<string | number, number>();
  readonly #maxPerKey: number;
  readonly #keyBusy: () => Error;
  #running = 0;

  constructor(options: {
    max: number;
    maxQueued: number;
    busy: () => Error;
    maxPerKey?: number;
    keyBusy?: () => Error;
  }) {
    this.#max = options.max;
    this.#maxQueued = options.maxQueued;
    this.#busy = options.busy;
    this.#maxPerKey = options.maxPerKey ?? Infinity;
    this.#keyBusy = options.keyBusy ?? options.busy;
  }

  /** Like {@link run}, counting the task against `key` too (at most `maxPerKey` at once). */
  async runFor<T>(key: string | number, task: () => Promise<T>): Promise<T> {
    const mine = this.#perKey.get(key) ?? 0;
    if (mine >= this.#maxPerKey) throw this.#keyBusy();
    this.#perKey.set(key, mine + 1);
    try {
      return await this.run(task);
    } finally {
      const left = (this.#perKey.get(key) ?? 1) - 1;
      if (left <= 0) this.#perKey.delete(key);
      else this.#perKey.set(key, left);
    }
  }

  /** Tasks running now. */
  get running(): number {
    return this.#running;
  }

  /** Tasks waiting for a place. */
  get queued(): number {
    return this.#waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#max) {
      if (this.#waiting.length >= this.#maxQueued) throw this.#busy();
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running++;
    }
    try {
      return await task();
    } finally {
      // Hand the place straight to the next task (the count stays), or give it back.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
