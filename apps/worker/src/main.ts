import { startDatabase } from '@antoan/db/client';
import { EnvError } from '@antoan/db/env';
import { createClock } from './clock.js';
import { reminderJobOptions, snapshotJobOptions, workerId } from './config.js';
import { parseEnv } from './env.js';
import { heartbeatJob } from './jobs/heartbeat.job.js';
import { mailOutboxJob } from './jobs/mail-outbox.job.js';
import { quarterlyReminderJob } from './jobs/quarterly-reminder.job.js';
import { resultsVerifyJob } from './jobs/results-verify.job.js';
import { snapshotJob } from './jobs/snapshot.job.js';
import { createSmtpMailer } from './mail/mailer.js';
import { recoverInterruptedRuns } from './recovery.js';
import { startScheduler } from './scheduler.js';

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const clock = createClock(env.WORKER_FAKE_NOW);
  const owner = workerId(env);
  const handle = await startDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolSize: env.PG_POOL_SIZE,
    migrate: env.MIGRATE === 'auto',
    log,
  });
  const mailer = env.SMTP_URL ? createSmtpMailer(env.SMTP_URL) : undefined;
  if (env.WORKER_FAKE_NOW)
    log(`[worker] WORKER_FAKE_NOW: the clock starts at ${clock().toISOString()} (tests and drills only)`);
  log(`[worker] ${owner}: mail ${mailer ? 'over SMTP' : 'to the log and the outbox (no SMTP_URL)'}`);

  const jobs = [
    heartbeatJob(env.HEARTBEAT_CRON),
    quarterlyReminderJob(env.WORKER_TICK_CRON, reminderJobOptions(env, owner)),
    snapshotJob(env.WORKER_TICK_CRON, snapshotJobOptions(env, owner)),
    resultsVerifyJob(env.RESULTS_VERIFY_CRON, { owner, leaseMs: env.JOB_LEASE_SECONDS * 1000 }),
    mailOutboxJob(env.MAIL_DISPATCH_CRON, {
      mailer,
      from: env.MAIL_FROM,
      owner,
      clock,
      maxAttempts: env.MAIL_MAX_ATTEMPTS,
      retryBaseMs: env.MAIL_RETRY_BASE_SECONDS * 1000,
      batchSize: env.MAIL_BATCH_SIZE,
      claimMs: env.MAIL_CLAIM_SECONDS * 1000,
    }),
  ];
  // Runs left `running` by a worker that was killed (this one's previous life, or a dead process of this host)
  // are freed now, so the catch-up below redoes them instead of waiting for their lease to expire.
  await recoverInterruptedRuns(handle.db, { me: owner, explicitId: env.WORKER_ID !== undefined, now: clock(), log });
  const scheduler = startScheduler(jobs, { db: handle.db, log, clock });
  log('[worker] started');

  // Catch up what was missed while no worker ran, then send what that queued.
  const catchUp = (async () => {
    await scheduler.runNow('reminders');
    await scheduler.runNow('snapshots');
    await scheduler.runNow('mail-outbox');
    log('[worker] catch-up done');
  })();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`[worker] ${signal} received: waiting for running jobs`);
    void scheduler
      .stop()
      .then(() => catchUp)
      .then(() => mailer?.close())
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
