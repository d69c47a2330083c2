// A worker process for the race tests: node --import tsx src/testing/race-worker.ts '<json>'.
// Opens the shared database, waits until the agreed instant (so two processes really start together), then
// runs what a worker's tick runs (reminders, snapshots, the mail outbox) with the given fake `now` and prints
// what it did as one JSON line.
import { DEFAULT_REMINDER_SETTINGS } from '@antoan/core';
import { openDatabase } from '@antoan/db/client';
import { runReminders } from '../jobs/quarterly-reminder.job.js';
import { runSnapshots } from '../jobs/snapshot.job.js';
import { dispatchOutbox } from '../mail/dispatch.js';
import { createSmtpMailer } from '../mail/mailer.js';

interface RaceConfig {
  dataDir?: string;
  databaseUrl?: string;
  smtpUrl: string;
  now: string;
  owner: string;
  startAt: number;
  catchUpDays: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as RaceConfig;
const handle = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: 4 });
const now = new Date(config.now);
const mailer = createSmtpMailer(config.smtpUrl);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, config.startAt - Date.now())));
const reminders = await runReminders(handle.db, now, {
  settings: DEFAULT_REMINDER_SETTINGS,
  hour: 7,
  catchUpDays: config.catchUpDays,
  owner: config.owner,
  leaseMs: 60_000,
});
const snapshots = await runSnapshots(handle.db, now, { catchUpQuarters: 2, owner: config.owner, leaseMs: 60_000 });
const mail = await dispatchOutbox(handle.db, {
  mailer,
  from: 'An Toàn <no-reply@antoan.test>',
  owner: config.owner,
  clock: () => now,
  log: () => {},
  batchSize: 5,
});
mailer.close();
await handle.destroy();
console.log(JSON.stringify({ owner: config.owner, reminders, snapshots, mail }));
