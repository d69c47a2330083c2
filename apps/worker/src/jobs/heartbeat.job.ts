import { sql } from 'kysely';
import type { JobDefinition } from '../job.js';

/** Logs that the worker is alive and can reach the database. */
export function heartbeatJob(cron: string): JobDefinition {
  return {
    name: 'heartbeat',
    cron,
    async run({ db, now, log }) {
      await sql`select 1`.execute(db);
      log(`[worker] heartbeat ${now.toISOString()}: database reachable`);
    },
  };
}
