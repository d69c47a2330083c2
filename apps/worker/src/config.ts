import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import {
  DEFAULT_REMINDER_SETTINGS,
  DEFAULT_REPORTING_SETTINGS,
  assertReminderSettings,
  type ReminderSettings,
} from '@antoan/core';
import type { Env } from './env.js';
import type { ReminderJobOptions } from './jobs/quarterly-reminder.job.js';
import type { SnapshotJobOptions } from './jobs/snapshot.job.js';

/** This worker's name in claims: host, process id and a random part (two workers never share one). */
export function workerId(env: Pick<Env, 'WORKER_ID'>): string {
  return env.WORKER_ID ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** The reminder settings of the environment, checked by core. */
export function reminderSettings(env: Env): ReminderSettings {
  return assertReminderSettings({
    ...DEFAULT_REMINDER_SETTINGS,
    daysBefore: env.REMINDER_OFFSETS,
    overdueAfterDays: env.REMINDER_OVERDUE_DAYS,
    escalationGraceDays: env.ESCALATION_GRACE_DAYS,
    reporting: {
      ...DEFAULT_REPORTING_SETTINGS,
      dueDaysAfterCutoff: env.REPORT_DUE_DAYS_AFTER_CUTOFF,
      escalationGraceDays: env.ESCALATION_GRACE_DAYS,
    },
  });
}

export function reminderJobOptions(env: Env, owner: string): ReminderJobOptions {
  return {
    settings: reminderSettings(env),
    hour: env.REMINDER_HOUR,
    catchUpDays: env.REMINDER_CATCH_UP_DAYS,
    owner,
    leaseMs: env.JOB_LEASE_SECONDS * 1000,
  };
}

export function snapshotJobOptions(env: Env, owner: string): SnapshotJobOptions {
  return {
    catchUpQuarters: env.SNAPSHOT_CATCH_UP_QUARTERS,
    owner,
    leaseMs: env.JOB_LEASE_SECONDS * 1000,
    drillPauseMs: env.WORKER_DRILL_PAUSE_MS,
  };
}
