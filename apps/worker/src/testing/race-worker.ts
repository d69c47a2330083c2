// A worker process for the race tests: node --import tsx src/testing/race-worker.ts '<json>'.
// Opens the shared database, waits until the agreed instant (so two processes really start together), then
// runs what a worker's tick runs (reminders, snapshots, the mail outbox) with the given fake `now` and prints
// what it did as one JSON line. With `barrierDir`, the first claim of a job run (an INSERT into job_runs) of
// each process, once executed, waits until the other process executed its own: both were inside the claim of
// the same first reminder day at once, and the line says whether this process's claim won (`firstClaimWon`).
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_REMINDER_SETTINGS } from '@antoan/core';
import { openDatabase } from '@antoan/db/client';
import {
  InsertQueryNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
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
  /** A folder shared by the two processes, for the barrier inside the first claim. */
  barrierDir?: string;
  /** The other process's owner name (its mark in `barrierDir`). */
  other?: string;
}

const config = JSON.parse(process.argv[2] ?? '{}') as RaceConfig;
const handle = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: 4 });

let firstClaimWon: boolean | undefined;
/** Holds this process's first claim, executed, until the other process has executed its own. */
class ClaimBarrier implements KyselyPlugin {
  #claim: QueryId | undefined;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const { node } = args;
    if (
      this.#claim === undefined &&
      firstClaimWon === undefined &&
      InsertQueryNode.is(node) &&
      node.into?.table.identifier.name === 'job_runs'
    )
      this.#claim = args.queryId;
    return node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (args.queryId !== this.#claim || firstClaimWon !== undefined || !config.barrierDir || !config.other)
      return args.result;
    firstClaimWon = args.result.rows.length > 0;
    writeFileSync(path.join(config.barrierDir, config.owner), String(firstClaimWon));
    const deadline = Date.now() + 60_000;
    while (!existsSync(path.join(config.barrierDir, config.other))) {
      if (Date.now() > deadline) throw new Error('the other worker never reached its first claim');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return args.result;
  }
}
const db = config.barrierDir ? handle.db.withPlugin(new ClaimBarrier()) : handle.db;
const now = new Date(config.now);
const mailer = createSmtpMailer(config.smtpUrl);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, config.startAt - Date.now())));
const reminders = await runReminders(db, now, {
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
console.log(JSON.stringify({ owner: config.owner, firstClaimWon, reminders, snapshots, mail }));
