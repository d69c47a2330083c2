import cron, { type ScheduledTask } from 'node-cron';
import type { JobContext, JobDefinition } from './job.js';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface Scheduler {
  tasks: ScheduledTask[];
  /** Stops every schedule and waits for the runs in progress. */
  stop(): Promise<void>;
}

/**
 * Registers each job with node-cron in Vietnam's time zone. A run never overlaps the previous run of the
 * same job, and a failing run is logged without stopping the worker.
 */
export function startScheduler(jobs: readonly JobDefinition[], context: Omit<JobContext, 'now'>): Scheduler {
  const running = new Set<Promise<void>>();
  const tasks = jobs.map((job) => {
    const task = cron.createTask(
      job.cron,
      (tick) => {
        const run = job
          .run({ ...context, now: tick.date })
          .catch((error: unknown) => context.log(`[worker] job ${job.name} failed: ${error instanceof Error ? error.message : String(error)}`))
          .finally(() => running.delete(run));
        running.add(run);
        return run;
      },
      { timezone: TIME_ZONE, name: job.name, noOverlap: true },
    );
    void task.start();
    context.log(`[worker] job ${job.name} scheduled (${job.cron}, ${TIME_ZONE})`);
    return task;
  });
  return {
    tasks,
    async stop() {
      for (const task of tasks) await task.stop();
      await Promise.all([...running]);
    },
  };
}
