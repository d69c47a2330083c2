import type { Database } from '@antoan/db';
import type { Kysely } from 'kysely';

export interface JobContext {
  db: Kysely<Database>;
  /** The time of the run (the worker's clock at the tick), not read from the clock by the job. */
  now: Date;
  log: (line: string) => void;
}

/** A scheduled job: a name, a cron expression in Asia/Ho_Chi_Minh, and what one run does. */
export interface JobDefinition {
  name: string;
  cron: string;
  run(context: JobContext): Promise<void>;
}
