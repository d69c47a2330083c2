import {
  catalogueForUnitYear,
  recordedResultOf,
  type CycleStatus,
  windowCountsFromReports,
  type AssessedUnit,
  type CriterionAnswer,
  type IncidentException,
  type IncidentRecord,
  type ReportCountsRecord,
  type EnterpriseSize,
  type ManagingLevel,
  type UnitType,
  type SchoolLevel,
  type UnitEvaluationInput,
  type WindowCounts,
  yearEvaluationSpan,
} from '@antoan/core';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { subtreeAreaIds } from './area.repository.js';
import { chunk } from './chunk.js';
import { loadInheritedReports, windowQuarters } from './lineage-reports.loader.js';
import { QUARTERLY_COUNT_COLUMNS, toQuarterlyCounts } from './records.repository.js';
import type { Database, UnitTable } from './schema.js';

// Loads what the recognition engine needs to evaluate units for a year: the units with their eligibility
// attributes, their assessments' answers, the incidents around the year's windows, and the quarterly
// reports of this window and the previous one. No result is stored: callers run core's evaluateArea.

/** A unit as read for a date: its row, with the dated values (area, attributes) in force that day. */
export type UnitOnDate = Omit<Selectable<UnitTable>, 'search_key' | 'sort_key'>;

export function toAssessedUnit(row: UnitOnDate): AssessedUnit {
  return {
    id: row.id,
    type: row.type,
    areaId: row.area_id,
    managingLevel: row.managing_level,
    name: row.name,
    isArmedForces: row.is_armed_forces === 1,
    enterpriseSize: row.enterprise_size as EnterpriseSize | null,
    schoolLevel: row.school_level as SchoolLevel | null,
    isMinistryMonitored: row.is_ministry_monitored === 1,
    isRecognitionDelegated: row.is_recognition_delegated === 1,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

/** A where-clause: the unit exists on `date` (dated units, migration 1502; `valid_to` is exclusive). */
export const unitExistsOn =
  (date: string) =>
  (eb: ExpressionBuilder<Database, 'units'>): Expression<SqlBool> =>
    eb.and([
      eb('units.valid_from', '<=', date),
      eb.or([eb('units.valid_to', 'is', null), eb('units.valid_to', '>', date)]),
    ]);

/** The dated columns of `units` (migration 2001): read from the period of `unit_versions` in force, if any. */
type DatedColumn =
  | 'area_id'
  | 'type'
  | 'managing_level'
  | 'is_armed_forces'
  | 'enterprise_size'
  | 'school_level'
  | 'is_ministry_monitored'
  | 'is_recognition_delegated';

/**
 * The units that exist on `date`, each with the area and attributes in force that day (migration 2001: the
 * period of `unit_versions` holding the date, else the `units` row), as a subquery to select from
 * (`db.selectFrom(unitsOn(db, date).as('units'))`). With `areaIds`, only the units that were in one of those areas
 * then, filtered first through the indexes of both tables.
 */
export function unitsOn(db: Kysely<Database>, date: string, areaIds?: AreaIds) {
  let query = datedUnits(db, date)
    .where('u.valid_from', '<=', date)
    .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>', date)]));
  if (areaIds !== undefined)
    query = query
      // through the indexes: the unit's current area, or one of its earlier periods', is one of them
      .where((eb) =>
        eb.or([
          eb('u.area_id', 'in', areaIds),
          eb(
            'u.id',
            'in',
            eb.selectFrom('unit_versions').select('unit_versions.unit_id').where('area_id', 'in', areaIds),
          ),
        ]),
      )
      // exactly: the area it was in on the date
      .where(datedColumn('area_id'), 'in', areaIds);
  return query;
}

/**
 * Whether some unit had, on `date`, other values than its `units` row (a period of `unit_versions` holds the
 * date): when none did, a reader of that date may read `units` alone, with its indexes and order.
 */
export async function hasUnitPeriodsOn(db: Kysely<Database>, date: string): Promise<boolean> {
  const row = await db
    .selectFrom('unit_versions')
    .select('unit_id')
    .where('valid_to', '>', date)
    .where('valid_from', '<=', date)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Area ids to filter by: a list, or a subquery such as `subtreeAreaIds`. */
export type AreaIds = readonly number[] | ReturnType<typeof subtreeAreaIds>;

/**
 * The units in an area's subtree as it was on `date` (every unit when `areaId` is undefined) that exist on
 * `date` (dated units: core's unitExistsInYear with the year's 31 December), each with the area and attributes in
 * force on `date`.
 */
export async function listAssessedUnits(
  db: Kysely<Database>,
  areaId: number | undefined,
  date: string,
): Promise<AssessedUnit[]> {
  const source = unitsOn(db, date, areaId === undefined ? undefined : subtreeAreaIds(db, areaId, date));
  return (await db.selectFrom(source.as('units')).selectAll().orderBy('id').execute()).map(toAssessedUnit);
}

/**
 * Units by id, with their eligibility attributes: those in force on `date` when given (the end of the year a
 * result is computed for), else the current ones.
 */
export async function listAssessedUnitsByIds(
  db: Kysely<Database>,
  ids: readonly number[],
  date?: string,
): Promise<AssessedUnit[]> {
  const result: AssessedUnit[] = [];
  for (const part of chunk(ids, 500)) {
    const rows =
      date === undefined
        ? await db.selectFrom('units').selectAll().where('id', 'in', part).execute()
        : await db.selectFrom(datedUnits(db, date).as('units')).selectAll().where('units.id', 'in', part).execute();
    result.push(...rows.map(toAssessedUnit));
  }
  return result;
}

/** A dated column of `units as u` left-joined to its period `v` of `unit_versions`: the period's value, if any. */
const datedColumn = (column: DatedColumn) =>
  sql.raw(`case when v.unit_id is null then u.${column} else v.${column} end`);

/** Every unit (whether it exists on `date` or not) with the values in force on `date`, to select by id from. */
function datedUnits(db: Kysely<Database>, date: string) {
  const dated = datedColumn;
  return db
    .selectFrom('units as u')
    .leftJoin('unit_versions as v', (join) =>
      join.onRef('v.unit_id', '=', 'u.id').on('v.valid_from', '<=', date).on('v.valid_to', '>', date),
    )
    .select([
      'u.id',
      'u.code',
      'u.name',
      'u.valid_from',
      'u.valid_to',
      dated('area_id').$castTo<number>().as('area_id'),
      dated('type').$castTo<UnitType>().as('type'),
      dated('managing_level').$castTo<ManagingLevel>().as('managing_level'),
      dated('is_armed_forces').$castTo<number>().as('is_armed_forces'),
      dated('enterprise_size').$castTo<string | null>().as('enterprise_size'),
      dated('school_level').$castTo<string | null>().as('school_level'),
      dated('is_ministry_monitored').$castTo<number>().as('is_ministry_monitored'),
      dated('is_recognition_delegated').$castTo<number>().as('is_recognition_delegated'),
    ]);
}

/**
 * Which units to load: those of an area's subtree as it was on `date`, or (areaId undefined) all; with
 * `unitIds`, exactly those units (a batch of an export, given as whole areas so that a commune is evaluated
 * with every unit it manages), filtered by id so the per-unit indexes serve each query.
 */
export interface UnitScope {
  areaId: number | undefined;
  date: string;
  unitIds?: readonly number[] | undefined;
}

/** The ids of the units in scope, as a subquery (one round trip whatever the size). */
export function unitsInScope(db: Kysely<Database>, scope: UnitScope) {
  if (scope.unitIds !== undefined)
    return db
      .selectFrom('units')
      .select('units.id')
      .where(unitExistsOn(scope.date))
      .where('units.id', 'in', scope.unitIds.length > 0 ? [...scope.unitIds] : [-1]);
  // the units in the subtree on the date, by the area each was in then (dated membership, migration 2001)
  const areaIds = scope.areaId === undefined ? undefined : subtreeAreaIds(db, scope.areaId, scope.date);
  return unitsOn(db, scope.date, areaIds).clearSelect().select('u.id');
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The engine's inputs for the units of a scope in `year`, in a fixed number of queries (each filtered by
 * the scope as a subquery, never by long id lists): assessments and their answers; incidents from
 * 1 November of the year before (the earliest window start) to 15 November of the year (the latest window
 * end), which the engine narrows to each unit's own window; the quarterly reports that feed the comparison
 * of this window's counts with the previous window's (core's comparisonQuarters of the year and of the year
 * before: Q4 of year−2, the four quarters of year−1, Q1–Q3 of the year).
 */
export async function loadEvaluationInputs(
  db: Kysely<Database>,
  units: readonly AssessedUnit[],
  year: number,
  scope: UnitScope,
): Promise<UnitEvaluationInput[]> {
  // A batch names its units; otherwise the scope is a subquery (one round trip whatever the size).
  const inScope = () =>
    scope.unitIds !== undefined ? (scope.unitIds.length > 0 ? [...scope.unitIds] : [-1]) : unitsInScope(db, scope);
  // The whole country needs no filter, and SQLite plans a plain scan better without one.
  const scoped = scope.areaId !== undefined || scope.unitIds !== undefined;
  const [assessmentRows, answerRows, incidentRows, reportRows] = await Promise.all([
    db
      .selectFrom('assessments')
      .select(['id', 'unit_id', 'catalogue_id', 'status', 'is_locked'])
      .where('year', '=', year)
      .$if(scoped, (qb) => qb.where('unit_id', 'in', inScope()))
      .execute(),
    db
      .selectFrom('assessment_answers')
      .innerJoin('assessments', 'assessments.id', 'assessment_answers.assessment_id')
      .select(['assessments.unit_id', 'assessment_answers.criterion_code', 'assessment_answers.value'])
      .where('assessments.year', '=', year)
      .$if(scoped, (qb) => qb.where('assessments.unit_id', 'in', inScope()))
      .execute(),
    db
      .selectFrom('incidents')
      .select(['unit_id', 'criterion_code', 'item', 'occurred_on', 'exception'])
      .where('occurred_on', '>=', yearEvaluationSpan(year).from)
      .where('occurred_on', '<=', yearEvaluationSpan(year).to)
      .$if(scoped, (qb) => qb.where('unit_id', 'in', inScope()))
      .execute(),
    db
      .selectFrom('quarterly_reports')
      .select(['unit_id', 'year', 'quarter', ...QUARTERLY_COUNT_COLUMNS])
      .where((eb) =>
        eb.or([
          eb.and([eb('year', '=', year - 2), eb('quarter', '=', 4)]),
          eb('year', '=', year - 1),
          eb.and([eb('year', '=', year), eb('quarter', '<=', 3)]),
        ]),
      )
      .$if(scoped, (qb) => qb.where('unit_id', 'in', inScope()))
      .execute(),
  ]);
  const fileCatalogue = new Map(assessmentRows.map((r) => [r.unit_id, r.catalogue_id]));
  const recorded = recordedResults(assessmentRows);
  const answers = new Map<number, Record<string, CriterionAnswer>>();
  for (const row of answerRows) {
    const own = answers.get(row.unit_id) ?? {};
    own[row.criterion_code] = JSON.parse(row.value) as CriterionAnswer;
    answers.set(row.unit_id, own);
  }
  const incidents = new Map<number, IncidentRecord[]>();
  for (const row of incidentRows)
    push(incidents, row.unit_id, {
      criterionCode: row.criterion_code,
      item: row.item,
      occurredOn: row.occurred_on,
      exception: row.exception as IncidentException | null,
    });
  const reports = new Map<number, ReportCountsRecord[]>();
  for (const row of reportRows) {
    push(reports, row.unit_id, { year: row.year, quarter: row.quarter, counts: toQuarterlyCounts(row) });
  }
  // a unit born of a reorganisation: its predecessors' reports of the quarters before it began
  for (const [unitId, records] of await loadInheritedReports(
    db,
    windowQuarters(year),
    units.map((u) => u.id),
  ))
    for (const record of records) push(reports, unitId, record);
  return toEvaluationInputs(units, year, { fileCatalogue, recorded, answers, incidents }, (id) =>
    windowCountsFromReports(reports.get(id) ?? [], year),
  );
}

/** The results locked files keep (core's `recordedResultOf`), by unit id, from their assessment rows. */
export function recordedResults(
  rows: readonly { unit_id: number; status: string; is_locked: number }[],
): Map<number, 'DAT' | 'CHUA_DAT'> {
  const recorded = new Map<number, 'DAT' | 'CHUA_DAT'>();
  for (const row of rows) {
    const result = recordedResultOf({ status: row.status as CycleStatus, isLocked: row.is_locked === 1 });
    if (result) recorded.set(row.unit_id, result);
  }
  return recorded;
}

/**
 * The engine's input of each unit from what a loader read: its file's catalogue (registered when it has a file),
 * answers, incidents, and the window counts `countsOf` gives. Shared by this loader and the whole-set loader.
 */
export function toEvaluationInputs(
  units: readonly AssessedUnit[],
  year: number,
  read: {
    fileCatalogue: ReadonlyMap<number, string>;
    /** The results locked files keep (see {@link recordedResults}). */
    recorded: ReadonlyMap<number, 'DAT' | 'CHUA_DAT'>;
    answers: ReadonlyMap<number, Record<string, CriterionAnswer>>;
    incidents: ReadonlyMap<number, IncidentRecord[]>;
  },
  countsOf: (unitId: number) => WindowCounts,
): UnitEvaluationInput[] {
  return units.map((unit) => {
    const input: UnitEvaluationInput = {
      unit,
      year,
      registered: read.fileCatalogue.has(unit.id),
      answers: read.answers.get(unit.id) ?? {},
      incidents: read.incidents.get(unit.id) ?? [],
      counts: countsOf(unit.id),
      catalogue: catalogueForUnitYear(read.fileCatalogue.get(unit.id), year),
    };
    const recorded = read.recorded.get(unit.id);
    if (recorded) input.recordedResult = recorded;
    return input;
  });
}
