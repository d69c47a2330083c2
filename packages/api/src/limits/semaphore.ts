/**
 * At most `max` tasks at a time, at most `maxQueued` waiting (first come, first served); beyond that `run`
 * refuses at once with the caller's error, so expensive work (scrypt, spreadsheet parsing) can neither starve
 * the rest of the process nor pile up without bound.
 */
export class Semaphore {
  readonly #max: number;
  readonly #maxQueued: number;
  readonly #busy: () => Error;
  readonly #waiting: (() => void)[] = [];
  #running = 0;

  constructor(options: { max: number; maxQueued: number; busy: () => Error }) {
    this.#max = options.max;
    this.#maxQueued = options.maxQueued;
    this.#busy = options.busy;
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
