import { DomainError, STALE_FILE, type AssessmentRecord, type CycleStamp, type Evidence } from '@antoan/core';
import { SqliteAdapter, type Kysely, type Selectable, type Updateable } from 'kysely';
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

/**
 * A change of a file: what a step of the cycle records (core's `CycleStamp`), its lock, or the criteria left to
 * review. Only the fields given change.
 */
export interface AssessmentPatch extends Partial<CycleStamp> {
  criteriaToReview?: readonly string[];
}

/** The columns of an {@link AssessmentPatch}. */
function columnsOf(patch: AssessmentPatch): Omit<Updateable<AssessmentTable>, 'id' | 'version'> {
  const { status, selfAssessed, submitted, appraised, appraisalNote, decided, revoked, isLocked } = patch;
  return {
    ...(status !== undefined && { status }),
    ...(selfAssessed && { self_assessed_at: selfAssessed.at, self_assessed_by: selfAssessed.by }),
    ...(submitted && { submitted_at: submitted.at, submitted_by: submitted.by }),
    ...(appraised && { appraised_at: appraised.at, appraised_by: appraised.by }),
    ...(appraisalNote !== undefined && { appraisal_note: appraisalNote }),
    ...(decided === null && {
      decided_at: null,
      decided_by: null,
      decision_number: null,
      decision_date: null,
      decision_authority: null,
      certificate_number: null,
    }),
    ...(decided && {
      decided_at: decided.at,
      decided_by: decided.by,
      decision_number: decided.number,
      decision_date: decided.date,
      decision_authority: decided.authority,
      certificate_number: decided.certificateNumber,
    }),
    ...(revoked && {
      revoked_at: revoked.at,
      revoked_by: revoked.by,
      revoke_reason: revoked.reason,
      revoke_document: revoked.document,
    }),
    ...(isLocked !== undefined && { is_locked: isLocked ? 1 : 0 }),
    ...(patch.criteriaToReview && { criteria_to_review: JSON.stringify(patch.criteriaToReview) }),
  };
}

/**
 * Bumps the version if it is still `expectedVersion` and applies `patch`; otherwise CONFLICT (a concurrent
 * edit is never silently overwritten). Call inside the transaction of the change.
 */
export async function updateAssessment(
  db: Kysely<Database>,
  id: number,
  expectedVersion: number,
  patch: AssessmentPatch,
): Promise<void> {
  const result = await db
    .updateTable('assessments')
    .set((eb) => ({ ...columnsOf(patch), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new DomainError('CONFLICT', STALE_FILE);
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
  for (const part of chunk(Object.entries(answers), 200)) {
    await db
      .insertInto('assessment_answers')
      .values(
        part.map(([code, { answer, evidence }]) => ({
          assessment_id: assessmentId,
          criterion_code: code,
          value: JSON.stringify(answer),
          evidence_note: evidence.note,
          evidence_links: JSON.stringify(evidence.links),
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

/**
 * Whether a unit's file of a year is locked, read in the transaction of a write that its lock refuses. On
 * PostgreSQL the row is share-locked until that transaction ends: a concurrent lock (or unlock) of the file waits
 * for the write to commit, and a write that comes after an uncommitted lock waits for it and reads it. On SQLite
 * a transaction that writes holds the database's one write lock, which orders it the same way.
 */
export async function isFileLocked(trx: Kysely<Database>, unitId: number, year: number): Promise<boolean> {
  const query = trx
    .selectFrom('assessments')
    .select('is_locked')
    .where('unit_id', '=', unitId)
    .where('year', '=', year);
  const row = await (trx.getExecutor().adapter instanceof SqliteAdapter ? query : query.forShare()).executeTakeFirst();
  return row?.is_locked === 1;
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

/** The years that have at least one file, newest first. */
export async function listFileYears(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom('assessments').select('year').distinct().orderBy('year', 'desc').execute();
  return rows.map((r) => r.year);
}
