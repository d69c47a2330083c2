import { startDatabase } from '@antoan/db/client';
import { EnvError } from '@antoan/db/env';
import { parseEnv } from './env.js';
import { heartbeatJob } from './jobs/heartbeat.job.js';
import { startScheduler } from './scheduler.js';

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const handle = await startDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, log });
  const scheduler = startScheduler([heartbeatJob(env.HEARTBEAT_CRON)], { db: handle.db, log });
  log('[worker] started');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`[worker] ${signal} received: waiting for running jobs`);
    void scheduler
      .stop()
      .then(() => handle.destroy())
      .then(() => {
        log('[worker] stopped cleanly');
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error('[worker] shutdown failed', error);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
