import type { LocalizedText } from '@antoan/core';
import type { Kysely, Selectable } from 'kysely';
import { chunk } from '../chunk.js';
import type { Database, NotificationTable } from '../schema.js';

// In-app notifications: the reminder digests as the SPA's inbox shows them, in both languages.

export interface AppNotification {
  id: number;
  userId: number;
  kind: string;
  title: LocalizedText;
  body: LocalizedText;
  data: unknown;
  dedupeKey: string;
  jobRunId: number | null;
  createdAt: string;
  readAt: string | null;
}

export interface NewNotification {
  userId: number;
  kind: string;
  title: LocalizedText;
  body: LocalizedText;
  data: unknown;
  /** Unique: a second insert with the same key changes nothing. */
  dedupeKey: string;
  jobRunId: number | null;
}

export function toNotification(row: Selectable<NotificationTable>): AppNotification {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    title: { vi: row.title_vi, en: row.title_en },
    body: { vi: row.body_vi, en: row.body_en },
    data: JSON.parse(row.data) as unknown,
    dedupeKey: row.dedupe_key,
    jobRunId: row.job_run_id,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/**
 * Inserts notifications; one whose dedupe key exists already is left alone. Returns the ids of those inserted
 * now, by dedupe key.
 */
export async function insertNotifications(
  db: Kysely<Database>,
  notifications: readonly NewNotification[],
  now: Date,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const part of chunk(notifications, 200)) {
    const rows = await db
      .insertInto('notifications')
      .values(
        part.map((n) => ({
          user_id: n.userId,
          kind: n.kind,
          title_vi: n.title.vi,
          title_en: n.title.en,
          body_vi: n.body.vi,
          body_en: n.body.en,
          data: JSON.stringify(n.data ?? {}),
          dedupe_key: n.dedupeKey,
          job_run_id: n.jobRunId,
          created_at: now.toISOString(),
        })),
      )
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning(['id', 'dedupe_key'])
      .execute();
    for (const row of rows) ids.set(row.dedupe_key, row.id);
  }
  return ids;
}

/** A user's notifications, newest first. */
export async function listNotifications(
  db: Kysely<Database>,
  userId: number,
  options: { unreadOnly?: boolean; limit?: number } = {},
): Promise<AppNotification[]> {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (options.unreadOnly) query = query.where('read_at', 'is', null);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit ?? 50)
    .execute();
  return rows.map(toNotification);
}

export async function countUnreadNotifications(db: Kysely<Database>, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks a notification of the user read (once: a second call keeps the first time). Returns whether it changed. */
export async function markNotificationRead(
  db: Kysely<Database>,
  userId: number,
  id: number,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: now.toISOString() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
