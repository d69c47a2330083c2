import { DomainError, type LocalizedText } from '@antoan/core';
import { findAssessmentState, type Database } from '@antoan/db';
import type { Kysely } from 'kysely';

export const LOCKED: LocalizedText = {
  vi: 'Hồ sơ năm này đã được công nhận nên bị khóa. Cần mở khóa (có ghi nhật ký) trước khi sửa.',
  en: "This year's file is recognised and therefore locked. It must be unlocked (an audited act) before any change.",
};

/**
 * Refuses a change to data that feeds a recognised, locked year of a unit (answers, incidents in its window,
 * the reports of its window, its grading sheet): recognised data stays as it was recognised until an
 * audited unlock.
 */
export async function assertYearOpen(db: Kysely<Database>, unitId: number, year: number): Promise<void> {
  if ((await findAssessmentState(db, unitId, year))?.isLocked) throw new DomainError('CONFLICT', LOCKED);
}
