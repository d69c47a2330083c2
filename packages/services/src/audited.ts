import { DomainError, type LocalizedText, type User } from '@antoan/core';
import { isFileLocked, writeAudit, writeTransaction, type Database } from '@antoan/db';
import type { Kysely } from 'kysely';

/** Who makes a change, on which database, and the clock (the API's context of a signed-in user fits). */
export interface Actor {
  db: Kysely<Database>;
  user: User;
  now: () => Date;
}

/**
 * The message of a change refused because it feeds a recognised, locked year (answers, incidents in its
 * window, the reports of its window, its grading sheet): recognised data stays as it was recognised until an
 * audited unlock.
 */
export const LOCKED: LocalizedText = {
  vi: 'Hồ sơ năm này đã được công nhận nên bị khóa. Cần mở khóa (có ghi nhật ký) trước khi sửa.',
  en: "This year's file is recognised and therefore locked. It must be unlocked (an audited act) before any change.",
};

/** What an audited change is: its audit action and entity, and the files whose lock refuses it. */
export interface AuditedChange {
  action: string;
  entity: string;
  /** The (unit, year) files that must be open: re-checked inside the transaction, before the write. */
  openFiles?: readonly { unitId: number; year: number }[];
}

/** What the write of an audited change gives back: its result, and the audit row's record and states. */
export interface AuditedWrite<T> {
  result: T;
  entityId: string | number;
  before: unknown;
  after: unknown;
}

/**
 * Runs a change as one audited transaction: opens it (on SQLite holding the write lock from the start),
 * refuses it (CONFLICT) when one of `change.openFiles` is locked now — a file locked by someone else after
 * the caller's own checks and before this transaction is refused here, inside it — runs `write` (with the
 * transaction and the time of the change) and records the audit row of what it returns. All commit or none.
 */
export async function audited<T>(
  actor: Actor,
  change: AuditedChange,
  write: (trx: Kysely<Database>, at: Date) => Promise<AuditedWrite<T>>,
): Promise<T> {
  const at = actor.now();
  return writeTransaction(actor.db, async (trx) => {
    for (const { unitId, year } of change.openFiles ?? []) {
      if (await isFileLocked(trx, unitId, year)) throw new DomainError('CONFLICT', LOCKED);
    }
    const { result, entityId, before, after } = await write(trx, at);
    await writeAudit(trx, {
      userId: actor.user.id,
      action: change.action,
      entity: change.entity,
      entityId,
      before,
      after,
      at,
    });
    return result;
  });
}
