import { describe, expect, it } from 'vitest';
import { Semaphore } from './semaphore.js';

/** A task that runs until `release()` is called. */
function held() {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { task: () => done, release };
}

describe('Semaphore', () => {
  it('runs at most `max` tasks, queues at most `maxQueued`, refuses the rest at once', async () => {
    const semaphore = new Semaphore({ max: 1, maxQueued: 1, busy: () => new Error('busy') });
    const first = held();
    const running = semaphore.run(first.task);
    const second = semaphore.run(() => Promise.resolve('second'));
    await expect(semaphore.run(() => Promise.resolve('third'))).rejects.toThrow('busy');
    expect([semaphore.running, semaphore.queued]).toEqual([1, 1]);
    first.release();
    await expect(Promise.all([running, second])).resolves.toEqual([undefined, 'second']);
    expect([semaphore.running, semaphore.queued]).toEqual([0, 0]);
  });

  it('gives one key at most `maxPerKey` places, running or waiting, and frees them when done or failed', async () => {
    const semaphore = new Semaphore({
      max: 4,
      maxQueued: 4,
      busy: () => new Error('busy'),
      maxPerKey: 2,
      keyBusy: () => new Error('yours are busy'),
    });
    const a = held();
    const b = held();
    const tasks = [semaphore.runFor(7, a.task), semaphore.runFor(7, b.task)];
    await expect(semaphore.runFor(7, () => Promise.resolve())).rejects.toThrow('yours are busy');
    // Another user is not held up.
    await expect(semaphore.runFor(8, () => Promise.resolve('other'))).resolves.toBe('other');
    a.release();
    await tasks[0];
    await expect(semaphore.runFor(7, () => Promise.reject(new Error('failed')))).rejects.toThrow('failed');
    await expect(semaphore.runFor(7, () => Promise.resolve('again'))).resolves.toBe('again');
    b.release();
    await tasks[1];
    expect([semaphore.running, semaphore.queued]).toEqual([0, 0]);
  });
});
