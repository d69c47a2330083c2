import type {
  AwardCount,
  Grade,
  Incident,
  Quarter,
  RecognitionResult,
  ResultTotal,
  StoredUnitResult,
  UnitResultCount,
  UnitType,
} from '@antoan/core';
import { sql, type Kysely } from 'kysely';
import { subtreeAreaIds } from './area.repository.js';
import { chunk } from './chunk.js';
import { hasUnitPeriodsOn, unitsOn } from './evaluation.loader.js';
import { toIncident } from './records.repository.js';
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
    computedResult: row.computed_result as RecognitionResult | null,
    status: row.status,
    grade: row.grade as Grade | null,
    reportsFiled: row.reports_filed,
    reportsOnTime: row.reports_on_time,
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
          computed_result: r.computedResult,
          status: r.status,
          grade: r.grade,
          reports_filed: r.reportsFiled,
          reports_on_time: r.reportsOnTime,
          engine_version: r.engineVersion,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['unit_id', 'year']).doUpdateSet((eb) => ({
          unit_type: eb.ref('excluded.unit_type'),
          area_id: eb.ref('excluded.area_id'),
          catalogue_id: eb.ref('excluded.catalogue_id'),
          result: eb.ref('excluded.result'),
          computed_result: eb.ref('excluded.computed_result'),
          status: eb.ref('excluded.status'),
          grade: eb.ref('excluded.grade'),
          reports_filed: eb.ref('excluded.reports_filed'),
          reports_on_time: eb.ref('excluded.reports_on_time'),
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
    .$call((qb) => (scope.areaIds === undefined ? qb : qb.where('area_id', 'in', ids(scope.areaIds))))
    .groupBy(['unit_type', 'result', 'catalogue_id'])
    .execute();
  return rows.map((r) => ({
    unitType: r.unit_type,
    result: r.result as RecognitionResult,
    catalogueId: r.catalogue_id,
    count: Number(r.n),
  }));
}

/** The year's awards of a scope counted by kind, recipient kind and issuer. */
export async function countAwards(db: Kysely<Database>, scope: ResultScope): Promise<AwardCount[]> {
  const rows = await db
    .selectFrom('awards')
    .select(['kind', 'recipient_kind', 'issuer', (eb) => eb.fn.countAll<number>().as('n')])
    .where('year', '=', scope.year)
    .$call((qb) => (scope.areaIds === undefined ? qb : qb.where('area_id', 'in', ids(scope.areaIds))))
    .groupBy(['kind', 'recipient_kind', 'issuer'])
    .execute();
  return rows.map(
    (r) => ({ kind: r.kind, recipientKind: r.recipient_kind, issuer: r.issuer, count: Number(r.n) }) as AwardCount,
  );
}

/**
 * The first `limit` missing reports of the scope (units not excluded, due quarters in order, then unit id).
 * The whole set walks the partial index of units that miss a report, in unit order; an area reads its own
 * such units through the scope index and orders them here.
 */
export async function listMissingReports(
  db: Kysely<Database>,
  scope: ResultScope,
  quarters: readonly Quarter[],
  limit: number,
): Promise<{ unitId: number; year: number; quarter: Quarter }[]> {
  const out: { unitId: number; year: number; quarter: Quarter }[] = [];
  const due = [...quarters].sort();
  if (due.length === 0) return out;
  // the same terms as the partial index unit_results_missing_idx (migration 0006), so that it serves
  const missing = db
    .selectFrom('unit_results')
    .select(['unit_id', 'reports_filed'])
    .where('year', '=', scope.year)
    .where('reports_filed', '<>', 15)
    .where('result', '<>', 'EXCLUDED');
  if (scope.areaIds !== undefined) {
    const rows = await missing.where('area_id', 'in', ids(scope.areaIds)).execute();
    rows.sort((a, b) => a.unit_id - b.unit_id);
    for (const quarter of due) {
      const bit = 1 << (quarter - 1);
      for (const r of rows) {
        if (out.length >= limit) return out;
        if (!(r.reports_filed & bit)) out.push({ unitId: r.unit_id, year: scope.year, quarter });
      }
    }
    return out;
  }
  for (const quarter of due) {
    if (out.length >= limit) break;
    const rows = await missing
      .where(sql<boolean>`(reports_filed & ${1 << (quarter - 1)}) = 0`)
      .orderBy('unit_id')
      .limit(limit - out.length)
      .execute();
    out.push(...rows.map((r) => ({ unitId: r.unit_id, year: scope.year, quarter })));
  }
  return out;
}

const QUARTER_COLUMNS = [
  'filed_q1',
  'filed_q2',
  'filed_q3',
  'filed_q4',
  'on_time_q1',
  'on_time_q2',
  'on_time_q3',
  'on_time_q4',
] as const;
const TOTAL_KEYS = ['unit_type', 'result', 'catalogue_id', 'grade'] as const;

/** `sum` of one quarter's bit of a flags column: how many units filed (on time) that quarter. */
const quarterSums = () =>
  QUARTER_COLUMNS.map((column, i) =>
    sql<number>`sum((${sql.ref(i < 4 ? 'reports_filed' : 'reports_on_time')} >> ${i % 4}) & 1)`.as(column),
  );

/**
 * Counts the stored results of a year per area into `area_result_totals`: for the given areas (their rows
 * replaced), or for every area of the year. Called by the results service after it writes results.
 */
export async function rebuildAreaTotals(
  db: Kysely<Database>,
  year: number,
  areaIds?: readonly number[],
): Promise<void> {
  if (areaIds !== undefined && areaIds.length === 0) return;
  const parts = areaIds === undefined ? [undefined] : chunk([...new Set(areaIds)], 500);
  for (const part of parts) {
    await db
      .deleteFrom('area_result_totals')
      .where('year', '=', year)
      .$call((qb) => (part === undefined ? qb : qb.where('area_id', 'in', part)))
      .execute();
    await db
      .insertInto('area_result_totals')
      .columns(['year', 'area_id', ...TOTAL_KEYS, 'units', ...QUARTER_COLUMNS])
      .expression(
        db
          .selectFrom('unit_results')
          .select(['year', 'area_id', ...TOTAL_KEYS, (eb) => eb.fn.countAll<number>().as('units'), ...quarterSums()])
          .where('year', '=', year)
          .$call((qb) => (part === undefined ? qb : qb.where('area_id', 'in', part)))
          .groupBy(['year', 'area_id', ...TOTAL_KEYS]),
      )
      .execute();
  }
}

type TotalRow = {
  unit_type: string;
  result: string;
  catalogue_id: string;
  grade: string | null;
  units: number | string;
} & Record<(typeof QUARTER_COLUMNS)[number], number | string>;

function toTotal(r: TotalRow): ResultTotal {
  const q = (i: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7) => Number(r[QUARTER_COLUMNS[i]]);
  return {
    unitType: r.unit_type as ResultTotal['unitType'],
    result: r.result as RecognitionResult,
    catalogueId: r.catalogue_id,
    grade: r.grade as Grade | null,
    units: Number(r.units),
    filed: [q(0), q(1), q(2), q(3)],
    onTime: [q(4), q(5), q(6), q(7)],
  };
}

/** The result totals of a scope (its areas' rows summed). */
export async function sumAreaTotals(db: Kysely<Database>, scope: ResultScope): Promise<ResultTotal[]> {
  const rows = await db
    .selectFrom('area_result_totals')
    .select([
      ...TOTAL_KEYS,
      (eb) => eb.fn.sum<number>('units').as('units'),
      ...QUARTER_COLUMNS.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c)),
    ])
    .where('year', '=', scope.year)
    .$call((qb) => (scope.areaIds === undefined ? qb : qb.where('area_id', 'in', ids(scope.areaIds))))
    .groupBy([...TOTAL_KEYS])
    .execute();
  return rows.map((r) => toTotal(r as TotalRow));
}

/** Every area's result totals of a year (for the snapshots of every scope). */
export async function listAreaTotals(
  db: Kysely<Database>,
  year: number,
): Promise<(ResultTotal & { areaId: number })[]> {
  const rows = await db.selectFrom('area_result_totals').selectAll().where('year', '=', year).execute();
  return rows.map((r) => ({ ...toTotal(r), areaId: r.area_id }));
}

/** The same totals counted afresh from the stored results (what `area_result_totals` must equal). */
export async function countAreaTotals(
  db: Kysely<Database>,
  year: number,
): Promise<(ResultTotal & { areaId: number })[]> {
  const rows = await db
    .selectFrom('unit_results')
    .select(['area_id', ...TOTAL_KEYS, (eb) => eb.fn.countAll<number>().as('units'), ...quarterSums()])
    .where('year', '=', year)
    .groupBy(['area_id', ...TOTAL_KEYS])
    .execute();
  return rows.map((r) => ({ ...toTotal(r as unknown as TotalRow), areaId: r.area_id }));
}

/** Every unit's area and result of a year, by unit id (for the snapshots' member lists and missing reports). */
export async function listResultMembers(
  db: Kysely<Database>,
  year: number,
): Promise<{ unitId: number; areaId: number; excluded: boolean; reportsFiled: number }[]> {
  const rows = await db
    .selectFrom('unit_results')
    .select(['unit_id', 'area_id', 'result', 'reports_filed'])
    .where('year', '=', year)
    .orderBy('unit_id')
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    areaId: r.area_id,
    excluded: r.result === 'EXCLUDED',
    reportsFiled: r.reports_filed,
  }));
}

/** The quarterly reports of a year (or, with `missingOnly`, of every year, those whose `on_time` is not set yet). */
export async function listReportTimes(
  db: Kysely<Database>,
  filter: { year: number } | { missingOnly: true },
): Promise<{ id: number; year: number; quarter: number; submittedAt: string; onTime: number | null }[]> {
  const rows = await db
    .selectFrom('quarterly_reports')
    .select(['id', 'year', 'quarter', 'submitted_at', 'on_time'])
    .$if('year' in filter, (qb) => qb.where('year', '=', (filter as { year: number }).year))
    .$if('missingOnly' in filter, (qb) => qb.where('on_time', 'is', null))
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

/** The year's awards counted by area, kind, recipient kind and issuer (for the snapshots of every scope). */
export async function countAwardsByArea(
  db: Kysely<Database>,
  year: number,
): Promise<(AwardCount & { areaId: number })[]> {
  const rows = await db
    .selectFrom('awards')
    .select(['area_id', 'kind', 'recipient_kind', 'issuer', (eb) => eb.fn.countAll<number>().as('n')])
    .where('year', '=', year)
    .groupBy(['area_id', 'kind', 'recipient_kind', 'issuer'])
    .execute();
  return rows.map(
    (r) =>
      ({
        areaId: r.area_id,
        kind: r.kind,
        recipientKind: r.recipient_kind,
        issuer: r.issuer,
        count: Number(r.n),
      }) as AwardCount & { areaId: number },
  );
}

/** A stored result as a list of a report shows it: the unit, its area, result, cycle status and grade. */
export interface ListedUnitResult {
  unitId: number;
  code: string;
  name: string;
  unitType: UnitType;
  areaId: number;
  result: RecognitionResult;
  status: string;
  grade: Grade | null;
}

/**
 * The stored results of a scope that are one of `results` (the units that failed, say), the first `limit` by
 * area, unit type and name, and how many there are in all. Reads only what is stored: nothing is evaluated.
 */
export async function listUnitResultsOf(
  db: Kysely<Database>,
  scope: ResultScope,
  filter: { results: readonly RecognitionResult[]; limit: number },
): Promise<{ items: ListedUnitResult[]; total: number }> {
  if (filter.results.length === 0) return { items: [], total: 0 };
  const base = db
    .selectFrom('unit_results')
    .innerJoin('units', 'units.id', 'unit_results.unit_id')
    .where('unit_results.year', '=', scope.year)
    .where('unit_results.result', 'in', [...filter.results])
    .$call((qb) => (scope.areaIds === undefined ? qb : qb.where('unit_results.area_id', 'in', ids(scope.areaIds))));
  const [rows, count] = await Promise.all([
    base
      .select([
        'unit_results.unit_id',
        'units.code',
        'units.name',
        'unit_results.unit_type',
        'unit_results.area_id',
        'unit_results.result',
        'unit_results.status',
        'unit_results.grade',
      ])
      .orderBy('unit_results.area_id')
      .orderBy('unit_results.unit_type')
      .orderBy('units.sort_key')
      .orderBy('unit_results.unit_id')
      .limit(filter.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      unitId: r.unit_id,
      code: r.code,
      name: r.name,
      unitType: r.unit_type,
      areaId: r.area_id,
      result: r.result as RecognitionResult,
      status: r.status,
      grade: r.grade as Grade | null,
    })),
    total: Number(count.n),
  };
}

/** An incident as a report lists it, with its unit's name and type. */
export type ListedIncident = Incident & { unitCode: string; unitName: string; unitType: UnitType; areaId: number };

/**
 * The incidents of the units of a scope (units whose area is in `areaIds`, or every unit), each within the
 * window of its unit's type (`windows`: from/to inclusive, one per type), the first `limit` by date, and how
 * many there are in all. `unitIds` narrows them to those units.
 */
export async function listIncidentsOf(
  db: Kysely<Database>,
  filter: {
    areaIds: readonly number[] | undefined;
    windows: readonly { unitType: UnitType; from: string; to: string }[];
    unitIds?: readonly number[];
    /** The day whose units' types and areas count (the year's 31 December); the current ones without it. */
    date?: string;
    limit: number;
  },
): Promise<{ items: ListedIncident[]; total: number }> {
  if (filter.windows.length === 0 || filter.unitIds?.length === 0) return { items: [], total: 0 };
  const plain = db.selectFrom('incidents').innerJoin('units', 'units.id', 'incidents.unit_id');
  // each unit with the type and area it had on `date` (migration 2001), when some unit had other values then
  const base = (
    filter.date !== undefined && (await hasUnitPeriodsOn(db, filter.date))
      ? (db
          .selectFrom('incidents')
          .innerJoin(unitsOn(db, filter.date).as('units'), 'units.id', 'incidents.unit_id') as unknown as typeof plain)
      : plain
  )
    .where((eb) =>
      eb.or(
        filter.windows.map((w) =>
          eb.and([
            eb('units.type', '=', w.unitType),
            eb('incidents.occurred_on', '>=', w.from),
            eb('incidents.occurred_on', '<=', w.to),
          ]),
        ),
      ),
    )
    .$call((qb) => (filter.areaIds === undefined ? qb : qb.where('units.area_id', 'in', ids(filter.areaIds))))
    .$call((qb) => (filter.unitIds === undefined ? qb : qb.where('units.id', 'in', [...filter.unitIds])));
  const [rows, count] = await Promise.all([
    base
      .selectAll('incidents')
      .select(['units.code as unit_code', 'units.name as unit_name', 'units.type as unit_type', 'units.area_id'])
      .orderBy('incidents.occurred_on')
      .orderBy('incidents.id')
      .limit(filter.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      ...toIncident(r),
      unitCode: r.unit_code,
      unitName: r.unit_name,
      unitType: r.unit_type,
      areaId: r.area_id,
    })),
    total: Number(count.n),
  };
}
