/** Where the worker reads the time: the system clock, or (for tests and drills) a clock started at a fake instant. */
export type Clock = () => Date;

/**
 * The system clock, or with `fakeStart` a clock that reads `fakeStart` at creation and runs on at the real
 * pace from there (so schedules, leases and backoffs still advance).
 */
export function createClock(fakeStart?: string | Date, real: Clock = () => new Date()): Clock {
  if (fakeStart === undefined) return real;
  const offset = new Date(fakeStart).getTime() - real().getTime();
  return () => new Date(real().getTime() + offset);
}
