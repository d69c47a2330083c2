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
  type SchoolLevel,
  type UnitEvaluationInput,
  type WindowCounts,
  yearEvaluationSpan,
} from '@antoan/core';
import type { Expression, ExpressionBuilder, Kysely, Selectable, SqlBool } from 'kysely';
import { subtreeAreaIds } from './area.repository.js';
import { chunk } from './chunk.js';
import { toQuarterlyCounts } from './records.repository.js';
import type { Database, UnitTable } from './schema.js';

// Loads what the recognition engine needs to evaluate units for a year: the units with their eligibility
// attributes, their assessments' answers, the incidents around the year's windows, and the quarterly
// reports of this window and the previous one. No result is stored: callers run core's evaluateArea.

export function toAssessedUnit(row: Selectable<UnitTable>): AssessedUnit {
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

/**
 * The units in an area's subtree as it was on `date` (every unit when `areaId` is undefined) that exist on
 * `date` (dated units: core's unitExistsInYear with the year's 31 December).
 */
export async function listAssessedUnits(
  db: Kysely<Database>,
  areaId: number | undefined,
  date: string,
): Promise<AssessedUnit[]> {
  let query = db.selectFrom('units').selectAll().where(unitExistsOn(date));
  if (areaId !== undefined) query = query.where('area_id', 'in', subtreeAreaIds(db, areaId, date));
  return (await query.orderBy('id').execute()).map(toAssessedUnit);
}

/** Units by id, with their eligibility attributes. */
export async function listAssessedUnitsByIds(db: Kysely<Database>, ids: readonly number[]): Promise<AssessedUnit[]> {
  const result: AssessedUnit[] = [];
  for (const part of chunk(ids, 500)) {
    result.push(...(await db.selectFrom('units').selectAll().where('id', 'in', part).execute()).map(toAssessedUnit));
  }
  return result;
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
  let query = db.selectFrom('units').select('units.id').where(unitExistsOn(scope.date));
  if (scope.unitIds !== undefined)
    query = query.where('units.id', 'in', scope.unitIds.length > 0 ? [...scope.unitIds] : [-1]);
  else if (scope.areaId !== undefined)
    query = query.where('units.area_id', 'in', subtreeAreaIds(db, scope.areaId, scope.date));
  return query;
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
      .select([
        'unit_id',
        'year',
        'quarter',
        'crimes',
        'social_evils',
        'fires_explosions_accidents',
        'propaganda_sessions',
        'people_reached',
        'tip_offs',
        'new_models',
        'meetings',
      ])
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
