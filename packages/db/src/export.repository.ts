import {
  type Area,
  type AssessedUnit,
  type AwardRecord,
  type CycleStatus,
  type MovementModelRecord,
} from '@antoan/core';
import type { Kysely } from 'kysely';
import { subtreeAreaIds, toArea } from './area.repository.js';
import { hasUnitPeriodsOn, toAssessedUnit, unitExistsOn, unitsOn, type UnitOnDate } from './evaluation.loader.js';
import { required } from './required.js';
import { listAreaIdsUnder } from './import.repository.js';
import { toAward, toModel } from './records.repository.js';
import type { Database } from './schema.js';

// Readers for the spreadsheet exports: every list is read in keyset-paginated batches, so an export of the
// whole country never holds more than one batch of rows (and the areas) in memory, on SQLite and PostgreSQL.

/** A unit of an export batch: what the engine needs, plus its code and name. */
export type ExportUnit = AssessedUnit & { code: string; name: string };

/** One batch of units: whole areas (every unit attached to them), in (area id, unit id) order. */
export interface UnitBatch {
  units: ExportUnit[];
  areaIds: number[];
}

/**
 * The units of an area's subtree as it was on `date` (all units when `areaId` is undefined), in batches of
 * about `batchSize` that always hold whole areas: keyset pagination on (area_id, id), the last area of a full
 * batch completed by a second query. A commune is thus evaluated with every unit it manages.
 */
export async function* iterateUnitBatches(
  db: Kysely<Database>,
  filter: { areaId: number | undefined; date: string; batchSize?: number },
): AsyncGenerator<UnitBatch> {
  const size = filter.batchSize ?? 2000;
  const areaIds = filter.areaId === undefined ? undefined : subtreeAreaIds(db, filter.areaId, filter.date);
  // each unit in the area it was in on the date (dated membership, migration 2001); `units` alone when no unit
  // had other values then, which keeps the keyset on its (area_id, id) index
  const dated = await hasUnitPeriodsOn(db, filter.date);
  const source = () =>
    dated
      ? db.selectFrom(unitsOn(db, filter.date, areaIds).as('units')).selectAll()
      : db
          .selectFrom('units')
          .selectAll()
          .where(unitExistsOn(filter.date))
          .$if(areaIds !== undefined, (qb) => qb.where('area_id', 'in', required(areaIds, 'the subtree')));
  let afterAreaId = -1;
  for (;;) {
    const rows: UnitOnDate[] = await source()
      .where('area_id', '>', afterAreaId)
      .orderBy('area_id')
      .orderBy('id')
      .limit(size)
      .execute();
    const last = rows.at(-1);
    if (!last) return;
    if (rows.length === size) {
      const rest = await source().where('area_id', '=', last.area_id).where('id', '>', last.id).orderBy('id').execute();
      rows.push(...rest);
    }
    afterAreaId = last.area_id;
    yield {
      units: rows.map((row) => ({ ...toAssessedUnit(row), code: row.code, name: row.name })),
      areaIds: [...new Set(rows.map((r) => r.area_id))],
    };
    if (rows.length < size) return;
  }
}

/** A unit's stored cycle state for a year, as exports show it. */
export interface ExportAssessmentState {
  status: CycleStatus;
  isLocked: boolean;
  decisionNumber: string | null;
  decisionDate: string | null;
  decisionAuthority: string | null;
  certificateNumber: string | null;
}

/** The stored cycle states of a batch's units for a year (their files' status, lock and decision). */
export async function listAssessmentStates(
  db: Kysely<Database>,
  unitIds: readonly number[],
  year: number,
): Promise<Map<number, ExportAssessmentState>> {
  const rows = await db
    .selectFrom('assessments')
    .select([
      'unit_id',
      'status',
      'is_locked',
      'decision_number',
      'decision_date',
      'decision_authority',
      'certificate_number',
    ])
    .where('year', '=', year)
    .where('unit_id', 'in', unitIds.length > 0 ? [...unitIds] : [-1])
    .execute();
  return new Map(
    rows.map((r) => [
      r.unit_id,
      {
        status: r.status as CycleStatus,
        isLocked: r.is_locked === 1,
        decisionNumber: r.decision_number,
        decisionDate: r.decision_date,
        decisionAuthority: r.decision_authority,
        certificateNumber: r.certificate_number,
      },
    ]),
  );
}

/** The evidence notes of a batch's answers for a year: unit id → criterion code → note. */
export async function listEvidenceNotes(
  db: Kysely<Database>,
  batch: UnitBatch,
  year: number,
): Promise<Map<number, Map<string, string>>> {
  const ids = batch.units.map((u) => u.id);
  const rows = await db
    .selectFrom('assessment_answers')
    .innerJoin('assessments', 'assessments.id', 'assessment_answers.assessment_id')
    .select(['assessments.unit_id', 'assessment_answers.criterion_code', 'assessment_answers.evidence_note'])
    .where('assessments.year', '=', year)
    .where('assessments.unit_id', 'in', ids.length > 0 ? ids : [-1])
    .where('assessment_answers.evidence_note', 'is not', null)
    .execute();
  const notes = new Map<number, Map<string, string>>();
  for (const r of rows) {
    if (!r.evidence_note) continue;
    const own = notes.get(r.unit_id) ?? new Map<string, string>();
    own.set(r.criterion_code, r.evidence_note);
    notes.set(r.unit_id, own);
  }
  return notes;
}

/**
 * The movement models of an area's subtree (as it was on `date`), optionally only those that operated at some
 * time in `year`, in batches of `batchSize` (keyset on id).
 */
export async function* iterateModelBatches(
  db: Kysely<Database>,
  filter: { areaId: number | undefined; date: string; year?: number | undefined; batchSize?: number },
): AsyncGenerator<MovementModelRecord[]> {
  const size = filter.batchSize ?? 2000;
  let afterId = 0;
  for (;;) {
    let query = db.selectFrom('models').selectAll().where('id', '>', afterId);
    if (filter.areaId !== undefined)
      query = query.where('area_id', 'in', subtreeAreaIds(db, filter.areaId, filter.date));
    if (filter.year !== undefined) {
      const { year } = filter;
      query = query
        .where('started_on', '<=', `${year}-12-31`)
        .where((eb) => eb.or([eb('stopped_on', 'is', null), eb('stopped_on', '>=', `${year}-01-01`)]));
    }
    const rows = await query.orderBy('id').limit(size).execute();
    const last = rows.at(-1);
    if (!last) return;
    afterId = last.id;
    yield rows.map(toModel);
    if (rows.length < size) return;
  }
}

/** The awards of an area's subtree (as it was on `date`), optionally of one year, in batches (keyset on id). */
export async function* iterateAwardBatches(
  db: Kysely<Database>,
  filter: { areaId: number | undefined; date: string; year?: number | undefined; batchSize?: number },
): AsyncGenerator<AwardRecord[]> {
  const size = filter.batchSize ?? 2000;
  let afterId = 0;
  for (;;) {
    let query = db.selectFrom('awards').selectAll().where('id', '>', afterId);
    if (filter.areaId !== undefined)
      query = query.where('area_id', 'in', subtreeAreaIds(db, filter.areaId, filter.date));
    if (filter.year !== undefined) query = query.where('year', '=', filter.year);
    const rows = await query.orderBy('id').limit(size).execute();
    const last = rows.at(-1);
    if (!last) return;
    afterId = last.id;
    yield rows.map(toAward);
    if (rows.length < size) return;
  }
}

/** Unit codes and names by id (the hosts of models, the recipients of awards). */
export async function listUnitNames(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, { code: string; name: string }>> {
  const out = new Map<number, { code: string; name: string }>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('units')
      .select(['id', 'code', 'name'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, { code: r.code, name: r.name });
  }
  return out;
}

/**
 * The areas an export names: every area below `rootId` whatever its date, and the root's ancestors (all
 * areas when `rootId` is undefined). A few thousand rows at the size of the country.
 */
export async function listAreasForExport(db: Kysely<Database>, rootId: number | undefined): Promise<Map<number, Area>> {
  const out = new Map<number, Area>();
  if (rootId === undefined) {
    for (const row of await db.selectFrom('areas').selectAll().execute()) out.set(row.id, toArea(row));
    return out;
  }
  const ids = [...(await listAreaIdsUnder(db, rootId))];
  for (let i = 0; i < ids.length; i += 500) {
    for (const row of await db
      .selectFrom('areas')
      .selectAll()
      .where('id', 'in', ids.slice(i, i + 500))
      .execute())
      out.set(row.id, toArea(row));
  }
  let parentId = out.get(rootId)?.parentId ?? null;
  while (parentId !== null && !out.has(parentId)) {
    const row = await db.selectFrom('areas').selectAll().where('id', '=', parentId).executeTakeFirst();
    if (!row) break;
    out.set(row.id, toArea(row));
    parentId = row.parent_id;
  }
  return out;
}
