import { DomainError, type AssessmentRecord, type Evidence } from '@antoan/core';
import type { Kysely, Selectable, Updateable } from 'kysely';
import { chunk } from './chunk.js';
import type { AssessmentAnswerTable, AssessmentTable, Database } from './schema.js';

type StoredStatus = AssessmentRecord['status'];

const step = (at: string | null, by: number | null) => (at === null ? null : { at, by });

function toRecord(row: Selectable<AssessmentTable>, answers: Selectable<AssessmentAnswerTable>[]): AssessmentRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    year: row.year,
    catalogueId: row.catalogue_id,
    status: row.status as StoredStatus,
    version: row.version,
    isLocked: row.is_locked === 1,
    registered: { at: row.registered_at, by: row.registered_by },
    selfAssessed: step(row.self_assessed_at, row.self_assessed_by),
    submitted: step(row.submitted_at, row.submitted_by),
    appraised:
      row.appraised_at === null ? null : { at: row.appraised_at, by: row.appraised_by, note: row.appraisal_note },
    decided:
      row.decided_at === null
        ? null
        : {
            at: row.decided_at,
            by: row.decided_by,
            number: row.decision_number ?? '',
            date: row.decision_date ?? '',
            authority: row.decision_authority ?? '',
            certificateNumber: row.certificate_number,
          },
    revoked:
      row.revoked_at === null
        ? null
        : {
            at: row.revoked_at,
            by: row.revoked_by,
            reason: row.revoke_reason ?? '',
            document: row.revoke_document ?? '',
          },
    answers: Object.fromEntries(
      answers.map((a) => [
        a.criterion_code,
        {
          answer: JSON.parse(a.value) as unknown,
          evidence: { note: a.evidence_note, links: JSON.parse(a.evidence_links) as string[] },
          ...(a.legacy_value ? { legacy: JSON.parse(a.legacy_value) as unknown } : {}),
        },
      ]),
    ),
    criteriaToReview: JSON.parse(row.criteria_to_review) as string[],
  };
}

export async function findAssessment(
  db: Kysely<Database>,
  unitId: number,
  year: number,
): Promise<AssessmentRecord | undefined> {
  const row = await db
    .selectFrom('assessments')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .executeTakeFirst();
  if (!row) return undefined;
  const answers = await db.selectFrom('assessment_answers').selectAll().where('assessment_id', '=', row.id).execute();
  return toRecord(row, answers);
}

export async function insertAssessment(
  db: Kysely<Database>,
  input: { unitId: number; year: number; catalogueId: string; by: number | null; now: Date },
): Promise<AssessmentRecord> {
  const existing = await db
    .selectFrom('assessments')
    .select('id')
    .where('unit_id', '=', input.unitId)
    .where('year', '=', input.year)
    .executeTakeFirst();
  if (existing) {
    throw new DomainError('CONFLICT', {
      vi: `Đơn vị đã đăng ký năm ${input.year}.`,
      en: `The unit is already registered for ${input.year}.`,
    });
  }
  const row = await db
    .insertInto('assessments')
    .values({
      unit_id: input.unitId,
      year: input.year,
      catalogue_id: input.catalogueId,
      status: 'registered',
      registered_at: input.now.toISOString(),
      registered_by: input.by,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecord(row, []);
}

const STALE = {
  vi: 'Hồ sơ vừa được người khác thay đổi. Tải lại để xem bản mới nhất rồi nhập lại thay đổi của bạn.',
  en: 'Someone else changed this file meanwhile. Reload to see the latest version, then make your change again.',
};

/**
 * Bumps the version if it is still `expectedVersion` and applies `patch`; otherwise CONFLICT (a concurrent
 * edit is never silently overwritten). Call inside the transaction of the change.
 */
export async function updateAssessment(
  db: Kysely<Database>,
  id: number,
  expectedVersion: number,
  patch: Omit<Updateable<AssessmentTable>, 'id' | 'version'>,
): Promise<void> {
  const result = await db
    .updateTable('assessments')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new DomainError('CONFLICT', STALE);
}

/** Replaces the answers of the given criteria (others stay). Call with the version bump, in one transaction. */
export async function upsertAnswers(
  db: Kysely<Database>,
  assessmentId: number,
  answers: Readonly<Record<string, { answer: unknown; evidence: Evidence }>>,
): Promise<void> {
  const codes = Object.keys(answers);
  if (codes.length === 0) return;
  await db
    .deleteFrom('assessment_answers')
    .where('assessment_id', '=', assessmentId)
    .where('criterion_code', 'in', codes)
    .execute();
  for (const part of chunk(codes, 200)) {
    await db
      .insertInto('assessment_answers')
      .values(
        part.map((code) => ({
          assessment_id: assessmentId,
          criterion_code: code,
          value: JSON.stringify(answers[code]!.answer),
          evidence_note: answers[code]!.evidence.note,
          evidence_links: JSON.stringify(answers[code]!.evidence.links),
        })),
      )
      .execute();
  }
}

/** The catalogue and the lock of a unit's file for a year, without its answers (undefined: not registered). */
export async function findAssessmentState(
  db: Kysely<Database>,
  unitId: number,
  year: number,
): Promise<{ catalogueId: string; isLocked: boolean } | undefined> {
  const row = await db
    .selectFrom('assessments')
    .select(['catalogue_id', 'is_locked'])
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row && { catalogueId: row.catalogue_id, isLocked: row.is_locked === 1 };
}

/** The years a unit has a file for, oldest first, with the cycle state and the decision (a unit page's history). */
export async function listUnitAssessmentYears(db: Kysely<Database>, unitId: number) {
  const rows = await db
    .selectFrom('assessments')
    .select([
      'year',
      'status',
      'catalogue_id',
      'is_locked',
      'decision_number',
      'decision_date',
      'decision_authority',
      'certificate_number',
    ])
    .where('unit_id', '=', unitId)
    .orderBy('year')
    .execute();
  return rows.map((r) => ({
    year: r.year,
    status: r.status as StoredStatus,
    catalogueId: r.catalogue_id,
    isLocked: r.is_locked === 1,
    decision:
      r.decision_number === null
        ? null
        : {
            number: r.decision_number,
            date: r.decision_date ?? '',
            authority: r.decision_authority ?? '',
            certificateNumber: r.certificate_number,
          },
  }));
}
