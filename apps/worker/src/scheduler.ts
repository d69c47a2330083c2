import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from './clock.js';
import type { JobContext, JobDefinition } from './job.js';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface Scheduler {
  tasks: ScheduledTask[];
  /** Runs a job now (on start: the catch-up), unless a run of it is in progress. Resolves when it ends. */
  runNow(name: string): Promise<void>;
  /** Stops every schedule and waits for the runs in progress. */
  stop(): Promise<void>;
}

export interface SchedulerContext extends Omit<JobContext, 'now'> {
  /** The worker's clock (default the system clock); a run's `now` is read from it when the run starts. */
  clock?: Clock;
}

/**
 * Registers each job with node-cron in Vietnam's time zone. A run never overlaps another run of the same job
 * (a tick that finds one in progress is skipped), and a failing run is logged without stopping the worker.
 */
export function startScheduler(jobs: readonly JobDefinition[], context: SchedulerContext): Scheduler {
  const clock = context.clock ?? (() => new Date());
  const running = new Set<Promise<void>>();
  const busy = new Set<string>();
  let stopped = false;
  const { clock: _clock, ...jobContext } = context;

  const run = (job: JobDefinition): Promise<void> => {
    if (stopped || busy.has(job.name)) return Promise.resolve();
    busy.add(job.name);
    const promise = job
      .run({ ...jobContext, now: clock() })
      .catch((error: unknown) =>
        context.log(`[worker] job ${job.name} failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        busy.delete(job.name);
        running.delete(promise);
      });
    running.add(promise);
    return promise;
  };

  const tasks = jobs.map((job) => {
    const task = cron.createTask(job.cron, () => run(job), { timezone: TIME_ZONE, name: job.name, noOverlap: true });
    void task.start();
    context.log(`[worker] job ${job.name} scheduled (${job.cron}, ${TIME_ZONE})`);
    return task;
  });
  return {
    tasks,
    runNow(name) {
      const job = jobs.find((j) => j.name === name);
      if (!job) return Promise.reject(new Error(`no job named ${name}`));
      return run(job);
    },
    async stop() {
      stopped = true;
      for (const task of tasks) await task.stop();
      await Promise.all([...running]);
    },
  };
}
