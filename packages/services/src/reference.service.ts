import {
  computeStatistics,
  DEFAULT_REPORTING_SETTINGS,
  evaluateArea,
  findCatalogue,
  getCatalogueForYear,
  getSheetTemplate,
  gradeSheet,
  incidentsInWindow,
  quarterPeriod,
  type AreaSummary,
  type AssessedUnit,
  type Catalogue,
  type Grade,
  type Quarter,
  type UnitEvaluation,
  type UnitEvaluationInput,
  type UnitType,
  yearEvaluationSpan,
} from '@antoan/core';
import {
  aggregateModelFigures,
  listAssessedUnits,
  listAssessedUnitsByIds,
  listAwards,
  listGradingSheetsInScope,
  loadEvaluationInputs,
  unitsInScope,
  type Database,
  type UnitScope,
} from '@antoan/db';
import type { Kysely } from 'kysely';
import { inheritedReportsOfYear } from './results.service.js';

// The reference computation: a year's figures of an area recomputed from raw data (answers, incidents, reports)
// with core's engine, nothing stored read. It is the oracle the stored results are checked against
// (results:verify, the equality tests), the fallback for a year that has no stored results, and what a single
// file's page evaluates its commune group with (the per-criterion detail is not stored).

/**
 * The catalogue a year is evaluated with: the one most of the year's stored assessments name (a year may
 * be assessed with a later catalogue, as the demo assesses 2021 with 124/2021 and says so), else the one
 * in force that year.
 */
export async function catalogueOfYear(db: Kysely<Database>, year: number, scope?: UnitScope): Promise<Catalogue> {
  let query = db
    .selectFrom('assessments')
    .select(['catalogue_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('year', '=', year)
    .groupBy('catalogue_id')
    .orderBy('n', 'desc');
  if (scope?.areaId !== undefined || scope?.unitIds !== undefined)
    query = query.where('unit_id', 'in', unitsInScope(db, scope));
  const top = await query.executeTakeFirst();
  return (top && findCatalogue(top.catalogue_id)) ?? getCatalogueForYear(year);
}

export interface AreaEvaluation {
  catalogue: Catalogue;
  units: AssessedUnit[];
  evaluations: Map<number, UnitEvaluation>;
  /** What the engine read for each unit (answers, incidents, report counts, managed units): a client can
   * re-run core's evaluateUnit on it with changed answers and get the same result the server would. */
  inputs: Map<number, UnitEvaluationInput>;
}

/**
 * Evaluates every unit of an area's subtree (as it was at the end of `year`) bottom-up with core's engine:
 * villages, agencies, enterprises and schools first, then each commune from its managed units' results.
 * With `standing` (the areas a successor stands for in a year before it existed, see `areasStandingFor`), the
 * units of those areas' subtrees taken together instead.
 */
export async function evaluateAreaYear(
  db: Kysely<Database>,
  areaId: number | undefined,
  year: number,
  standing?: readonly number[],
): Promise<AreaEvaluation> {
  const date = `${year}-12-31`;
  const units =
    standing === undefined
      ? await listAssessedUnits(db, areaId, date)
      : (await Promise.all(standing.map((id) => listAssessedUnits(db, id, date)))).flat();
  const scope: UnitScope =
    standing === undefined ? { areaId, date } : { areaId: undefined, date, unitIds: units.map((u) => u.id) };
  const catalogue = await catalogueOfYear(db, year, scope);
  const inputs = await loadEvaluationInputs(db, units, year, scope);
  const evaluations = new Map(evaluateArea(inputs, { catalogue }).map((e) => [e.unitId, e]));
  return { catalogue, units, evaluations, inputs: new Map(inputs.map((input) => [input.unit.id, input])) };
}

/**
 * The area a unit belonged to at the end of `year` (dated membership, migration 2001): the one whose evaluation
 * holds the unit's result of that year.
 */
export async function areaOfUnitInYear(db: Kysely<Database>, unit: { id: number; areaId: number }, year: number) {
  const [dated] = await listAssessedUnitsByIds(db, [unit.id], `${year}-12-31`);
  return dated?.areaId ?? unit.areaId;
}

/**
 * Grades the year's 100-point sheets of a scope's units: each sheet once, with the incidents of its unit's
 * own window as deductions and its computed result for the "must meet the standard" precondition. Used by
 * the area summary and the worker's snapshots.
 */
export async function gradeSheetsOfScope(
  db: Kysely<Database>,
  scope: UnitScope,
  year: number,
  evaluations: ReadonlyMap<number, UnitEvaluation>,
): Promise<{ unitId: number; unitType: UnitType; grade: Grade }[]> {
  const sheets = await listGradingSheetsInScope(db, scope, year);
  if (sheets.length === 0) return [];
  const graded = new Set(sheets.map((s) => s.unitId));
  const incidents = new Map<number, { criterionCode: string; item: string | null; occurredOn: string }[]>();
  const rows = await db
    .selectFrom('incidents')
    .select(['unit_id', 'criterion_code', 'item', 'occurred_on'])
    .where('occurred_on', '>=', yearEvaluationSpan(year).from)
    .where('occurred_on', '<=', yearEvaluationSpan(year).to)
    .$if(scope.areaId !== undefined || scope.unitIds !== undefined, (qb) =>
      qb.where('unit_id', 'in', unitsInScope(db, scope)),
    )
    .execute();
  for (const row of rows) {
    if (!graded.has(row.unit_id)) continue;
    const list = incidents.get(row.unit_id) ?? [];
    list.push({ criterionCode: row.criterion_code, item: row.item, occurredOn: row.occurred_on });
    incidents.set(row.unit_id, list);
  }
  const grades: { unitId: number; unitType: UnitType; grade: Grade }[] = [];
  for (const sheet of sheets) {
    const evaluation = evaluations.get(sheet.unitId);
    if (!evaluation) continue;
    const own = incidentsInWindow(incidents.get(sheet.unitId) ?? [], evaluation.unitType, year);
    const result = gradeSheet(
      getSheetTemplate(sheet.templateId),
      { scores: sheet.scores, incidents: own, standardMet: evaluation.result === 'DAT' },
      { detail: false },
    );
    grades.push({ unitId: sheet.unitId, unitType: evaluation.unitType, grade: result.grade });
  }
  return grades;
}

/**
 * The seed article's table for an area (as it was that year) and a year: per unit type the units that met
 * the standard over the eligible ones (computed now by core's engine from the stored answers, incidents and
 * reports), models operating and new (one SQL aggregate), awards by kind and issuer, the grade
 * distribution, and quarterly-report completeness for the quarters already due on `today`. Used by the
 * API's stats.summary and by the worker's snapshots.
 */
export async function computeAreaSummary(
  db: Kysely<Database>,
  areaId: number | undefined,
  year: number,
  today: string,
  standing?: readonly number[],
): Promise<AreaSummary> {
  const { catalogue, evaluations, units: evaluated } = await evaluateAreaYear(db, areaId, year, standing);
  const scope: UnitScope =
    standing === undefined
      ? { areaId, date: `${year}-12-31` }
      : { areaId: undefined, date: `${year}-12-31`, unitIds: evaluated.map((u) => u.id) };
  const scoped = scope.areaId !== undefined || scope.unitIds !== undefined;

  const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
  const models =
    standing === undefined
      ? await aggregateModelFigures(db, { areaId, year, asOf })
      : sumModelFigures(await Promise.all(standing.map((id) => aggregateModelFigures(db, { areaId: id, year, asOf }))));

  const grades = (await gradeSheetsOfScope(db, scope, year, evaluations)).map(({ unitType, grade }) => ({
    unitType,
    grade,
  }));

  const dueQuarters = ([1, 2, 3, 4] as Quarter[])
    .map((quarter) => ({ year, quarter }))
    .filter((q) => quarterPeriod(q.year, q.quarter, DEFAULT_REPORTING_SETTINGS).dueDate < today);
  const reportingUnits = [...evaluations.values()]
    .filter((e) => e.result !== 'EXCLUDED')
    .map((e) => ({ unitId: e.unitId }));
  const reports =
    dueQuarters.length > 0
      ? (
          await db
            .selectFrom('quarterly_reports')
            .select(['unit_id', 'year', 'quarter', 'submitted_at'])
            .where('year', '=', year)
            .$if(scoped, (qb) => qb.where('unit_id', 'in', unitsInScope(db, scope)))
            .execute()
        )
          .map((r) => ({ unitId: r.unit_id, year: r.year, quarter: r.quarter, submittedAt: r.submitted_at }))
          .concat(await inheritedReportsOfYear(db, year, scoped ? reportingUnits.map((u) => u.unitId) : undefined))
      : [];

  const statistics = computeStatistics({
    year,
    units: [...evaluations.values()].map((e) => ({ unitId: e.unitId, unitType: e.unitType, result: e.result })),
    awards:
      standing === undefined
        ? await listAwards(db, { areaId, date: `${year}-12-31`, year })
        : (await Promise.all(standing.map((id) => listAwards(db, { areaId: id, date: `${year}-12-31`, year })))).flat(),
    grades,
    reports: { units: reportingUnits, quarters: dueQuarters, reports },
  });
  // every part was asked for: computeStatistics returns each part it is given
  const { reports: completeness, units, awards, grades: gradeDistribution } = statistics;
  if (!completeness || !units || !awards || !gradeDistribution) throw new Error('computeStatistics left a part out');
  return {
    areaId: areaId ?? null,
    year,
    catalogue: { id: catalogue.id, title: catalogue.title },
    units,
    models,
    awards,
    grades: gradeDistribution,
    reports: {
      ...completeness,
      missing: completeness.missing.slice(0, 200),
      missingCount: completeness.missing.length,
    },
  };
}

/** The model figures of several areas taken together (each a sum over its models). */
export function sumModelFigures(
  parts: readonly Awaited<ReturnType<typeof aggregateModelFigures>>[],
): Awaited<ReturnType<typeof aggregateModelFigures>> {
  const first = parts[0];
  if (!first) throw new Error('sumModelFigures: no part');
  return parts.slice(1).reduce(
    (sum, p) => ({
      asOf: p.asOf,
      operating: sum.operating + p.operating,
      newInYear: sum.newInYear + p.newInYear,
      stoppedInYear: sum.stoppedInYear + p.stoppedInYear,
      sites: sum.sites + p.sites,
      teams: sum.teams + p.teams,
      advancedExamples: sum.advancedExamples + p.advancedExamples,
    }),
    first,
  );
}
