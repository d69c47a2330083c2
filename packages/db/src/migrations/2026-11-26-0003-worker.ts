import { sql, type Kysely } from 'kysely';
import { withIdColumn } from './helpers.js';

// The worker's tables: job runs (exactly once per job and period, with a lease), in-app notifications, the
// mail outbox, statistics snapshots and on-demand snapshot requests. Timestamps are ISO text in UTC, dates ISO
// text; JSON is text. Every "only once" is a unique constraint, so it holds on SQLite and PostgreSQL alike.

export async function up(db: Kysely<any>): Promise<void> {
  // One row per (job, period): the claim. A worker inserts it (or takes over a failed run or an expired
  // lease with a conditional UPDATE); only the owner of an unexpired lease may finish it.
  await withIdColumn(db, db.schema.createTable('job_runs'))
    .addColumn('job', 'text', (col) => col.notNull())
    .addColumn('period_key', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('running', 'done', 'failed')`))
    .addColumn('owner', 'text', (col) => col.notNull())
    .addColumn('lease_until', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('finished_at', 'text')
    /** JSON: what the run did (counts). */
    .addColumn('summary', 'text')
    .addColumn('last_error', 'text')
    .addUniqueConstraint('job_runs_job_period', ['job', 'period_key'])
    .execute();
  await db.schema.createIndex('job_runs_job_status_idx').on('job_runs').columns(['job', 'status']).execute();

  await withIdColumn(db, db.schema.createTable('notifications'))
    .addColumn('user_id', 'integer', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('title_vi', 'text', (col) => col.notNull())
    .addColumn('title_en', 'text', (col) => col.notNull())
    .addColumn('body_vi', 'text', (col) => col.notNull())
    .addColumn('body_en', 'text', (col) => col.notNull())
    /** JSON: the structured content (the digest's sections and units) for the SPA. */
    .addColumn('data', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('dedupe_key', 'text', (col) => col.notNull().unique())
    .addColumn('job_run_id', 'integer', (col) => col.references('job_runs.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'created_at']).execute();

  await withIdColumn(db, db.schema.createTable('mail_outbox'))
    .addColumn('notification_id', 'integer', (col) => col.references('notifications.id').onDelete('set null'))
    .addColumn('dedupe_key', 'text', (col) => col.notNull().unique())
    .addColumn('to_address', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('text_body', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('pending', 'sending', 'sent', 'failed', 'logged')`))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text', (col) => col.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('message_id', 'text')
    .execute();
  await db.schema.createIndex('mail_outbox_due_idx').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();

  // Frozen statistics: one row per scope (the whole set, or one area) and period, never rewritten.
  await withIdColumn(db, db.schema.createTable('stat_snapshots'))
    /** `all` or `area:<id>`: NULL area ids would not be unique. */
    .addColumn('scope_key', 'text', (col) => col.notNull())
    .addColumn('area_id', 'integer', (col) => col.references('areas.id'))
    /** `2022-Q4` (at the quarter's last day) or `2022-11-05` (on demand, at that day). */
    .addColumn('period_key', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('as_of', 'text', (col) => col.notNull())
    .addColumn('area_name', 'text')
    .addColumn('area_parent_id', 'integer')
    /** JSON arrays: the membership as it was (areas of the subtree, units counted). */
    .addColumn('member_area_ids', 'text', (col) => col.notNull())
    .addColumn('member_unit_ids', 'text', (col) => col.notNull())
    .addColumn('unit_count', 'integer', (col) => col.notNull())
    /** JSON: the statistics (the shape of db's AreaSummary). */
    .addColumn('statistics', 'text', (col) => col.notNull())
    .addColumn('job_run_id', 'integer', (col) => col.references('job_runs.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('stat_snapshots_scope_period', ['scope_key', 'period_key'])
    .execute();
  await db.schema.createIndex('stat_snapshots_area_idx').on('stat_snapshots').columns(['area_id', 'period_key']).execute();

  await withIdColumn(db, db.schema.createTable('snapshot_requests'))
    .addColumn('period_key', 'text', (col) => col.notNull())
    .addColumn('requested_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('requested_at', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('pending', 'done', 'failed')`))
    .addColumn('processed_at', 'text')
    .addColumn('job_run_id', 'integer', (col) => col.references('job_runs.id').onDelete('set null'))
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('snapshot_requests_status_idx').on('snapshot_requests').columns(['status', 'requested_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['snapshot_requests', 'stat_snapshots', 'mail_outbox', 'notifications', 'job_runs']) {
    await db.schema.dropTable(table).execute();
  }
}
