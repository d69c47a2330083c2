import type { Kysely, Selectable } from 'kysely';
import { chunk } from '../chunk.js';
import type { Database, MailOutboxTable } from '../schema.js';

// The mail outbox. Every mail is first a row here (written in the same transaction as its notification), then
// sent by whichever worker claims it: a claim is one conditional UPDATE … RETURNING, so two workers never
// hold the same mail. What happened stays visible: status, attempts, last error, next attempt.
//
// pending ─claim→ sending ─→ sent
//                        ├─→ pending (transient error: attempts + 1, next_attempt_at later)
//                        ├─→ failed  (permanent error, or attempts used up)
//                        └─→ logged  (no SMTP configured: written to the log instead; final)
// A `sending` row whose claim expired (its worker died) is claimed again.

export type MailStatus = MailOutboxTable['status'];

export interface OutboxMail {
  id: number;
  notificationId: number | null;
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  claimedBy: string | null;
  createdAt: string;
  sentAt: string | null;
  messageId: string | null;
}

export interface NewOutboxMail {
  notificationId: number | null;
  /** Unique: the same mail is never queued twice. */
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
}

export function toOutboxMail(row: Selectable<MailOutboxTable>): OutboxMail {
  return {
    id: row.id,
    notificationId: row.notification_id,
    dedupeKey: row.dedupe_key,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    claimedBy: row.claimed_by,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    messageId: row.message_id,
  };
}

/** Queues mails (a dedupe key already queued is left alone). Returns how many were queued now. */
export async function enqueueMails(db: Kysely<Database>, mails: readonly NewOutboxMail[], now: Date): Promise<number> {
  let queued = 0;
  for (const part of chunk(mails, 200)) {
    const rows = await db
      .insertInto('mail_outbox')
      .values(
        part.map((m) => ({
          notification_id: m.notificationId,
          dedupe_key: m.dedupeKey,
          to_address: m.to,
          subject: m.subject,
          text_body: m.text,
          status: 'pending' as const,
          attempts: 0,
          next_attempt_at: now.toISOString(),
          created_at: now.toISOString(),
        })),
      )
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .execute();
    queued += rows.length;
  }
  return queued;
}

/**
 * Claims up to `limit` mails that are due (pending and due, or sending with an expired claim) for `owner`, in
 * one conditional UPDATE … RETURNING. Attempts count from here. A mail another worker claimed meanwhile is
 * not returned (PostgreSQL re-checks the condition on the locked row; SQLite runs the statement alone).
 */
export async function claimMails(
  db: Kysely<Database>,
  options: { owner: string; now: Date; leaseMs?: number; limit?: number },
): Promise<OutboxMail[]> {
  const now = options.now.toISOString();
  const until = new Date(options.now.getTime() + (options.leaseMs ?? 5 * 60_000)).toISOString();
  const rows = await db
    .updateTable('mail_outbox')
    .set((eb) => ({
      status: 'sending',
      claimed_by: options.owner,
      claimed_until: until,
      attempts: eb('attempts', '+', 1),
    }))
    .where(
      'id',
      'in',
      db
        .selectFrom('mail_outbox')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)]),
          ]),
        )
        .orderBy('id')
        .limit(options.limit ?? 50),
    )
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)]),
      ]),
    )
    .returningAll()
    .execute();
  return rows.map(toOutboxMail).sort((a, b) => a.id - b.id);
}

async function settle(
  db: Kysely<Database>,
  id: number,
  owner: string,
  values: Partial<
    Pick<Selectable<MailOutboxTable>, 'status' | 'last_error' | 'next_attempt_at' | 'sent_at' | 'message_id'>
  >,
): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ ...values, claimed_by: null, claimed_until: null })
    .where('id', '=', id)
    .where('claimed_by', '=', owner)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The SMTP server accepted the mail. */
export function markMailSent(
  db: Kysely<Database>,
  id: number,
  owner: string,
  now: Date,
  messageId: string | null,
): Promise<boolean> {
  return settle(db, id, owner, { status: 'sent', sent_at: now.toISOString(), message_id: messageId, last_error: null });
}

/** A transient failure: try again at `nextAttemptAt`. */
export function markMailRetry(
  db: Kysely<Database>,
  id: number,
  owner: string,
  error: string,
  nextAttemptAt: Date,
): Promise<boolean> {
  return settle(db, id, owner, {
    status: 'pending',
    last_error: error.slice(0, 2000),
    next_attempt_at: nextAttemptAt.toISOString(),
  });
}

/** A permanent failure (address refused, attempts used up): stays visible as failed. */
export function markMailFailed(db: Kysely<Database>, id: number, owner: string, error: string): Promise<boolean> {
  return settle(db, id, owner, { status: 'failed', last_error: error.slice(0, 2000) });
}

/** No SMTP is configured: the mail went to the log. Final; the notification is in the inbox anyway. */
export function markMailLogged(db: Kysely<Database>, id: number, owner: string, now: Date): Promise<boolean> {
  return settle(db, id, owner, { status: 'logged', sent_at: now.toISOString() });
}

/** The outbox for an administrator's view, newest first. */
export async function listOutbox(
  db: Kysely<Database>,
  filter: { status?: MailStatus; limit?: number } = {},
): Promise<OutboxMail[]> {
  let query = db.selectFrom('mail_outbox').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 200)
    .execute();
  return rows.map(toOutboxMail);
}

/** How many mails are in each status. */
export async function countOutbox(db: Kysely<Database>): Promise<Record<MailStatus, number>> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<MailStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, logged: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}
