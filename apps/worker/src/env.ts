import { databaseEnvShape, emptyAsUndefined, parseEnvironment } from '@antoan/db/env';
import cron from 'node-cron';
import { z } from 'zod';

// Configuration is read here, once. No other file of the worker reads process.env.

const cronExpression = (fallback: string) =>
  z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default(fallback)
      .refine((value) => cron.validate(value), 'must be a cron expression'),
  );

const integer = (fallback: number, min: number, max: number) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number()
      .int(`must be an integer ${min}–${max}`)
      .min(min, `must be an integer ${min}–${max}`)
      .max(max, `must be an integer ${min}–${max}`)
      .default(fallback),
  );

export const envSchema = z.object({
  ...databaseEnvShape,
  HEARTBEAT_CRON: cronExpression('*/5 * * * *'),
  /** When the periodic jobs (reminders, snapshots, snapshot requests) look for work; each run is also done on start. */
  WORKER_TICK_CRON: cronExpression('*/10 * * * *'),
  /** When the mail outbox is worked through (new mails and retries). */
  MAIL_DISPATCH_CRON: cronExpression('* * * * *'),
  /** `smtp://user:pass@host:587` or `smtps://…`. Unset: mails are written to the log and kept in the outbox as `logged`. */
  SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^smtps?:\/\/[^/]/i, 'must be an smtp:// or smtps:// URL')
      .optional(),
  ),
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().min(3).default('An Toàn <no-reply@antoan.local>')),
  /** Days before a deadline at which reminders go out, e.g. `7,3,1`. */
  REMINDER_OFFSETS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default('7,3,1')
      .refine(
        (value) => /^\s*\d{1,2}(\s*,\s*\d{1,2})*\s*$/.test(value),
        'must be a comma-separated list of days, e.g. 7,3,1',
      )
      .transform((value) => value.split(',').map((d) => Number(d.trim())))
      .refine(
        (days) => days.every((d) => d >= 1 && d <= 90) && new Set(days).size === days.length,
        'must list distinct days 1–90',
      ),
  ),
  /** The overdue reminder goes out this many days after the deadline. */
  REMINDER_OVERDUE_DAYS: integer(1, 1, 90),
  /** What is still missing this many days after the deadline is escalated to the level above. */
  ESCALATION_GRACE_DAYS: integer(5, 1, 90),
  /** Quarterly reports are due this many days after the cut-off on the 14th (default 6: the 20th). */
  REPORT_DUE_DAYS_AFTER_CUTOFF: integer(6, 0, 60),
  /** The hour (Vietnam time) from which a day's reminders go out. */
  REMINDER_HOUR: integer(7, 0, 23),
  /** How many past days a (re)started worker checks for reminder runs it missed. */
  REMINDER_CATCH_UP_DAYS: integer(7, 0, 60),
  /** When the stored results are checked against a full recompute from raw data, and repaired (nightly). */
  RESULTS_VERIFY_CRON: cronExpression('30 2 * * *'),
  /** How many ended quarters a (re)started worker checks for snapshots it missed. */
  SNAPSHOT_CATCH_UP_QUARTERS: integer(2, 1, 8),
  /** A claimed job run not finished within this time may be taken over by another worker. */
  JOB_LEASE_SECONDS: integer(600, 10, 86_400),
  /** Attempts of a mail before it is marked failed; retries back off from MAIL_RETRY_BASE_SECONDS, doubling. */
  MAIL_MAX_ATTEMPTS: integer(6, 1, 50),
  MAIL_RETRY_BASE_SECONDS: integer(60, 1, 86_400),
  /** Mails a worker claims at once; a claim not settled within MAIL_CLAIM_SECONDS may be taken by another worker. */
  MAIL_BATCH_SIZE: integer(50, 1, 1000),
  /** Longer than sending a whole batch takes, or a slow batch's mails could be sent twice. */
  MAIL_CLAIM_SECONDS: integer(300, 30, 86_400),
  /** The name of this worker in job runs and claims (default host:pid:random). */
  WORKER_ID: z.preprocess(emptyAsUndefined, z.string().min(1).max(200).optional()),
  /**
   * For crash tests and drills only (0, the default, is off): a snapshot pauses this long once its figures are
   * computed (before its transaction) and after each batch of rows written inside its open transaction, and says
   * so in the log, so that a drill can kill the worker at exactly those points.
   */
  WORKER_DRILL_PAUSE_MS: integer(0, 0, 600_000),
  /**
   * For tests and drills only: the worker believes it is this instant when it starts (ISO 8601 with a zone),
   * and time runs on from there.
   */
  WORKER_FAKE_NOW: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
        'must be an ISO 8601 instant with a zone, e.g. 2023-03-17T08:00:00+07:00',
      )
      .refine((value) => Number.isFinite(Date.parse(value)), 'must be a valid instant')
      .optional(),
  ),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseEnvironment(envSchema, source);
}
