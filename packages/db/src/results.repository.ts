import type {
  AwardCount,
  Grade,
  Quarter,
  QuarterReportCount,
  RecognitionResult,
  StoredUnitResult,
  UnitResultCount,
  UnitType,
} from '@antoan/core';
import { sql, type Kysely } from 'kysely';
import { subtreeAreaIds } from './area.repository.js';
import { chunk } from './chunk.js';
import type { Database, UnitResultTable } from './schema.js';

// Rows of the stored results (migration 0006) as core's StoredUnitResult, and the GROUP BYs a summary reads.
// Nothing here computes a result: the results service (packages/services) does, with core's engine, and is the
// only writer of these tables.

function toStored(row: UnitResultTable): StoredUnitResult {
  return {
    unitId: row.unit_id,
    year: row.year,
    unitType: row.unit_type,
    areaId: row.area_id,
    catalogueId: row.catalogue_id,
    result: row.result as RecognitionResult,
    status: row.status,
    grade: row.grade as Grade | null,
    engineVersion: row.engine_version,
  };
}

/** Writes results (insert, or replace the stored one of the same unit and year). */
export async function upsertUnitResults(db: Kysely<Database>, results: readonly StoredUnitResult[]): Promise<void> {
  for (const part of chunk(results, 500)) {
    await db
      .insertInto('unit_results')
      .values(
        part.map((r) => ({
          unit_id: r.unitId,
          year: r.year,
          unit_type: r.unitType,
          area_id: r.areaId,
          catalogue_id: r.catalogueId,
          result: r.result,
          status: r.status,
          grade: r.grade,
          engine_version: r.engineVersion,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['unit_id', 'year']).doUpdateSet((eb) => ({
          unit_type: eb.ref('excluded.unit_type'),
          area_id: eb.ref('excluded.area_id'),
          catalogue_id: eb.ref('excluded.catalogue_id'),
          result: eb.ref('excluded.result'),
          status: eb.ref('excluded.status'),
          grade: eb.ref('excluded.grade'),
          engine_version: eb.ref('excluded.engine_version'),
        })),
      )
      .execute();
  }
}

/** Removes the stored results of units that no longer exist in a year (e.g. after a unit was deleted). */
export async function deleteUnitResults(db: Kysely<Database>, year: number, unitIds: readonly number[]): Promise<void> {
  for (const part of chunk(unitIds, 500))
    await db.deleteFrom('unit_results').where('year', '=', year).where('unit_id', 'in', part).execute();
}

/** Stored results of a year: all, or those of the given units, by unit id. */
export async function listUnitResults(
  db: Kysely<Database>,
  year: number,
  unitIds?: readonly number[],
): Promise<StoredUnitResult[]> {
  if (unitIds === undefined) {
    return (await db.selectFrom('unit_results').selectAll().where('year', '=', year).orderBy('unit_id').execute()).map(
      toStored,
    );
  }
  const out: StoredUnitResult[] = [];
  for (const part of chunk(unitIds, 500)) {
    out.push(
      ...(
        await db.selectFrom('unit_results').selectAll().where('year', '=', year).where('unit_id', 'in', part).execute()
      ).map(toStored),
    );
  }
  return out.sort((a, b) => a.unitId - b.unitId);
}

/** The years whose results are all stored, with the engine version they were computed with. */
export async function listResultYears(db: Kysely<Database>): Promise<{ year: number; engineVersion: number }[]> {
  const rows = await db.selectFrom('result_years').select(['year', 'engine_version']).orderBy('year').execute();
  return rows.map((r) => ({ year: r.year, engineVersion: r.engine_version }));
}

/** Records that every result of `year` is stored with `engineVersion`. */
export async function markResultYear(
  db: Kysely<Database>,
  year: number,
  engineVersion: number,
  at: Date,
): Promise<void> {
  await db
    .insertInto('result_years')
    .values({ year, engine_version: engineVersion, computed_at: at.toISOString() })
    .onConflict((oc) => oc.column('year').doUpdateSet({ engine_version: engineVersion, computed_at: at.toISOString() }))
    .execute();
}

/** The years that have data a result depends on (files, grading sheets, reports), and the unit count. */
export async function listDataYears(db: Kysely<Database>): Promise<number[]> {
  const rows = await sql<{ year: number }>`select distinct year from assessments
    union select distinct year from grading_sheets
    union select distinct year from quarterly_reports`.execute(db);
  return rows.rows.map((r) => Number(r.year)).sort((a, b) => a - b);
}

/**
 * The ids of an area's subtree as it was on `date`, resolved once (a list the planner counts exactly, rather
 * than a recursive subquery it has to guess the size of).
 */
export async function resolveSubtree(db: Kysely<Database>, areaId: number, date: string): Promise<number[]> {
  return (await subtreeAreaIds(db, areaId, date).execute()).map((r) => r.id);
}

/** An area's subtree resolved (or `undefined`: the whole set) for the GROUP BYs below. */
export interface ResultScope {
  year: number;
  areaIds: readonly number[] | undefined;
}

/** The subtree's ids for an `in` list (never empty: `in ()` is not SQL). */
const ids = (areaIds: readonly number[]) => (areaIds.length > 0 ? [...areaIds] : [-1]);

/** Stored results of a scope counted by unit type, result and catalogue. */
export async function countUnitResults(
  db: Kysely<Database>,
  scope: ResultScope,
): Promise<(UnitResultCount & { catalogueId: string })[]> {
  const rows = await db
    .selectFrom('unit_results')
    .select(['unit_type', 'result', 'catalogue_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('year', '=', scope.year)
    .$if(scope.areaIds !== undefined, (qb) => qb.where('area_id', 'in', ids(scope.areaIds!)))
    .groupBy(['unit_type', 'result', 'catalogue_id'])
    .execute();
  return rows.map((r) => ({
    unitType: r.unit_type,
    result: r.result as RecognitionResult,
    catalogueId: r.catalogue_id,
    count: Number(r.n),
  }));
}

/** Stored grades of a scope counted by unit type and grade. */
export async function countGrades(
  db: Kysely<Database>,
  scope: ResultScope,
): Promise<{ unitType: UnitType; grade: Grade; count: number }[]> {
  const rows = await db
    .selectFrom('unit_results')
    .select(['unit_type', 'grade', (eb) => eb.fn.countAll<number>().as('n')])
    .where('year', '=', scope.year)
    .where('grade', 'is not', null)
    .$if(scope.areaIds !== undefined, (qb) => qb.where('area_id', 'in', ids(scope.areaIds!)))
    .groupBy(['unit_type', 'grade'])
    .execute();
  return rows.map((r) => ({ unitType: r.unit_type, grade: r.grade as Grade, count: Number(r.n) }));
}

/** The year's awards of a scope counted by kind, recipient kind and issuer. */
export async function countAwards(db: Kysely<Database>, scope: ResultScope): Promise<AwardCount[]> {
  const rows = await db
    .selectFrom('awards')
    .select(['kind', 'recipient_kind', 'issuer', (eb) => eb.fn.countAll<number>().as('n')])
    .where('year', '=', scope.year)
    .$if(scope.areaIds !== undefined, (qb) => qb.where('area_id', 'in', ids(scope.areaIds!)))
    .groupBy(['kind', 'recipient_kind', 'issuer'])
    .execute();
  return rows.map(
    (r) => ({ kind: r.kind, recipientKind: r.recipient_kind, issuer: r.issuer, count: Number(r.n) }) as AwardCount,
  );
}

/**
 * The reports of the given quarters of the scope's year filed by units that are not excluded, counted by
 * quarter (filed, and filed on time), through the stored results.
 */
export async function countReports(
  db: Kysely<Database>,
  scope: ResultScope,
  quarters: readonly Quarter[],
): Promise<QuarterReportCount[]> {
  if (quarters.length === 0) return [];
  const rows = await db
    .selectFrom('quarterly_reports as r')
    .innerJoin('unit_results as u', (join) => join.onRef('u.unit_id', '=', 'r.unit_id').on('u.year', '=', scope.year))
    .select([
      'r.quarter',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`sum(case when r.on_time = 1 then 1 else 0 end)`.as('on_time'),
    ])
    .where('r.year', '=', scope.year)
    .where('r.quarter', 'in', [...quarters])
    .where('u.result', '!=', 'EXCLUDED')
    .$if(scope.areaIds !== undefined, (qb) => qb.where('u.area_id', 'in', ids(scope.areaIds!)))
    .groupBy('r.quarter')
    .execute();
  const byQuarter = new Map(rows.map((r) => [Number(r.quarter), r]));
  return quarters.map((quarter) => {
    const row = byQuarter.get(quarter);
    return { year: scope.year, quarter, submitted: Number(row?.n ?? 0), onTime: Number(row?.on_time ?? 0) };
  });
}

/** The first `limit` missing reports of the scope (units not excluded, due quarters in order, then unit id). */
export async function listMissingReports(
  db: Kysely<Database>,
  scope: ResultScope,
  quarters: readonly Quarter[],
  limit: number,
): Promise<{ unitId: number; year: number; quarter: Quarter }[]> {
  const out: { unitId: number; year: number; quarter: Quarter }[] = [];
  for (const quarter of [...quarters].sort()) {
    if (out.length >= limit) break;
    const rows = await db
      .selectFrom('unit_results as u')
      .select('u.unit_id')
      .where('u.year', '=', scope.year)
      .where('u.result', '!=', 'EXCLUDED')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('quarterly_reports as r')
              .select(sql`1`.as('one'))
              .whereRef('r.unit_id', '=', 'u.unit_id')
              .where('r.year', '=', scope.year)
              .where('r.quarter', '=', quarter),
          ),
        ),
      )
      .$if(scope.areaIds !== undefined, (qb) => qb.where('u.area_id', 'in', ids(scope.areaIds!)))
      .orderBy('u.unit_id')
      .limit(limit - out.length)
      .execute();
    out.push(...rows.map((r) => ({ unitId: r.unit_id, year: scope.year, quarter })));
  }
  return out;
}

/** Quarterly reports whose stored `on_time` is missing or differs from `isOnTime` (for a recompute). */
export async function listReportTimes(
  db: Kysely<Database>,
): Promise<{ id: number; year: number; quarter: number; submittedAt: string; onTime: number | null }[]> {
  const rows = await db
    .selectFrom('quarterly_reports')
    .select(['id', 'year', 'quarter', 'submitted_at', 'on_time'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    quarter: r.quarter,
    submittedAt: r.submitted_at,
    onTime: r.on_time,
  }));
}

/** Sets the stored `on_time` of reports. */
export async function setReportTimes(
  db: Kysely<Database>,
  updates: readonly { id: number; onTime: boolean }[],
): Promise<void> {
  for (const flag of [0, 1]) {
    const ids = updates.filter((u) => (u.onTime ? 1 : 0) === flag).map((u) => u.id);
    for (const part of chunk(ids, 500))
      await db.updateTable('quarterly_reports').set({ on_time: flag }).where('id', 'in', part).execute();
  }
}
