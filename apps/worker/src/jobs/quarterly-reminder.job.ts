import {
  addDays,
  outstandingReminderOccasions,
  planReminders,
  reminderOccasionsOn,
  VIETNAM_UTC_OFFSET_MINUTES,
  vietnamDate,
  type ReminderSettings,
} from '@antoan/core';
import type { Database } from '@antoan/db';
import {
  claimJobRun,
  failJobRun,
  finishJobRun,
  hasAnyUnit,
  listDonePeriods,
  loadReminderDeliveries,
  loadReminderInputs,
  saveReminderRun,
  type ReminderRunSummary,
} from '@antoan/db/worker';
import type { Kysely } from 'kysely';
import type { JobDefinition } from '../job.js';

/** The job name of reminder runs in `job_runs`; the period key is the Vietnam date of the run. */
export const REMINDER_JOB = 'reminders';

export interface ReminderJobOptions {
  settings: ReminderSettings;
  /** The hour (Vietnam time) from which a day's reminders are due. */
  hour: number;
  /** How many past days are checked for a run that was missed. */
  catchUpDays: number;
  owner: string;
  leaseMs: number;
}

/**
 * The Vietnam dates whose reminder run is due at `now`, oldest first: the latest day whose `hour` has come in
 * Vietnam, and the `catchUpDays` days before it.
 */
export function dueReminderDays(now: Date, options: Pick<ReminderJobOptions, 'hour' | 'catchUpDays'>): string[] {
  const today = vietnamDate(now);
  const vietnamHour = new Date(now.getTime() + VIETNAM_UTC_OFFSET_MINUTES * 60_000).getUTCHours();
  const last = vietnamHour >= options.hour ? today : addDays(today, -1);
  const days: string[] = [];
  for (let back = options.catchUpDays; back >= 0; back--) days.push(addDays(last, -back));
  return days;
}

export type ReminderDayOutcome =
  | ({ day: string; status: 'done' } & ReminderRunSummary)
  | { day: string; status: 'skipped' }
  | { day: string; status: 'failed'; error: string };

/**
 * Runs every due reminder day that is not done yet, each exactly once across all workers: claims the run
 * (job `reminders`, the day), plans the day's occasions with core (stages that a later stage has replaced by
 * today are left out), and stores the digests, notifications and queued mails in one transaction under the
 * run's fence. A day another worker holds is skipped; a failure is recorded and tried again on a later tick.
 *
 * The latest day's run also tells everyone of the stages still outstanding that they have not heard of (core's
 * `outstandingReminderOccasions`): a fresh install, a user created since, a worker down for weeks. Stage days
 * only fall on one date each; without this, an install after them told nobody of the reports overdue. Each
 * person hears of each stage once (`reminder_deliveries`), in the in-app inbox, and by mail when they have an
 * address.
 */
export async function runReminders(
  db: Kysely<Database>,
  now: Date,
  options: ReminderJobOptions,
  log: (line: string) => void = () => {},
): Promise<ReminderDayOutcome[]> {
  // Nothing loaded yet (a server may be seeding right now): a day run on an empty database would be done
  // with nobody told, and its outstanding reminders never go out. Wait for the units, as the snapshots do.
  if (!(await hasAnyUnit(db))) {
    log('[worker] reminders wait: the database has no unit yet (not seeded)');
    return [];
  }
  const today = vietnamDate(now);
  const days = dueReminderDays(now, options);
  const done = await listDonePeriods(db, REMINDER_JOB, days);
  const outcomes: ReminderDayOutcome[] = [];
  for (const day of days) {
    if (done.has(day)) continue;
    const run = await claimJobRun(db, {
      job: REMINDER_JOB,
      periodKey: day,
      owner: options.owner,
      now,
      leaseMs: options.leaseMs,
    });
    if (!run) {
      outcomes.push({ day, status: 'skipped' });
      continue;
    }
    try {
      const staged = reminderOccasionsOn(day, options.settings, { asOf: today });
      const stagedKeys = new Set(staged.map((o) => o.key));
      const outstanding =
        day === days[days.length - 1]
          ? outstandingReminderOccasions(day, options.settings).filter((o) => !stagedKeys.has(o.key))
          : [];
      const occasions = [...staged, ...outstanding];
      let summary: ReminderRunSummary;
      if (occasions.length === 0) {
        summary = {
          day,
          occasions: [],
          missing: 0,
          digests: 0,
          notifications: 0,
          mailsQueued: 0,
          withoutEmail: 0,
          unaddressed: 0,
        };
        await db.transaction().execute((trx) => finishJobRun(trx, run, now, summary));
      } else {
        const inputs = await loadReminderInputs(db, occasions, today);
        const alreadyTold = await loadReminderDeliveries(
          db,
          occasions.map((o) => o.key),
        );
        const plan = planReminders({ day, today, occasions, ...inputs, alreadyTold });
        summary = await saveReminderRun(db, run, plan, staged, now, outstanding);
        for (const item of plan.unaddressed) {
          log(
            `[worker] reminders ${day}: nobody to tell about ${item.occasionKey} for ${item.unitIds.length} unit(s) (ids ${item.unitIds.slice(0, 20).join(', ')}${item.unitIds.length > 20 ? ', …' : ''}); add a reporter or officer`,
          );
        }
      }
      if (summary.occasions.length > 0 || (summary.outstanding?.length ?? 0) > 0) {
        log(
          `[worker] reminders ${day}: ${[...summary.occasions, ...(summary.outstanding ?? []).map((k) => `${k} (outstanding)`)].join(', ')}: ${summary.missing} missing, ${summary.digests} digest(s), ${summary.mailsQueued} mail(s) queued, ${summary.withoutEmail} without e-mail`,
        );
      }
      outcomes.push({ status: 'done', ...summary });
    } catch (error) {
      await failJobRun(db, run, now, error);
      const message = error instanceof Error ? error.message : String(error);
      log(`[worker] reminders ${day} failed: ${message}`);
      outcomes.push({ day, status: 'failed', error: message });
    }
  }
  return outcomes;
}

/** The reminders as a scheduled job. */
export function quarterlyReminderJob(cron: string, options: ReminderJobOptions): JobDefinition {
  return {
    name: REMINDER_JOB,
    cron,
    async run({ db, now, log }) {
      await runReminders(db, now, options, log);
    },
  };
}
