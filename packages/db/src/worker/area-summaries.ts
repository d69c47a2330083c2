import {
  comparedMetrics,
  comparisonQuarters,
  computeModelStatistics,
  computeStatistics,
  DEFAULT_REPORTING_SETTINGS,
  evaluateArea,
  quarterPeriod,
  QUARTERLY_METRICS,
  toVietnamDate,
  type AssessedUnit,
  type AwardRecord,
  type Catalogue,
  type CriterionAnswer,
  type IncidentException,
  type IncidentRecord,
  type Grade,
  type MovementModelRecord,
  type Quarter,
  type QuarterlyMetric,
  type QuarterlyReport,
  type QuarterRef,
  type ReportCounts,
  type UnitEvaluation,
  type UnitEvaluationInput,
  type UnitType,
  yearEvaluationSpan,
} from '@antoan/core';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { listAreasOn } from '../area.repository.js';
import { catalogueOfYear, gradeSheetsOfScope, type AreaSummary } from '../evaluation.js';
import { listAssessedUnits, type UnitScope } from '../evaluation.loader.js';
import { listAwards, listModels } from '../records.repository.js';
import type { Database } from '../schema.js';

// The statistics of EVERY area (and of the whole set) at once, for snapshots. It composes the same core
// functions as `computeAreaSummary` (evaluation.ts) and gives the same figures (a test compares them area by
// area on the demo), but evaluates each unit once and loads each table once instead of once per area: the
// national tree has ~3,400 areas and ~100,000 units, and per-area calls would also hit SQLite's limit on
// bound parameters for the province-wide IN lists.

/** One scope of a snapshot: the whole set (`areaId` null) or an area with the membership it had on `asOf`. */
export interface ScopeSummary {
  scopeKey: string;
  areaId: number | null;
  areaName: string | null;
  parentId: number | null;
  /** The areas of the subtree on the membership date (empty for the whole set). */
  areaIds: number[];
  /** The units counted. */
  unitIds: number[];
  summary: AreaSummary;
}

export interface AreaSummariesOptions {
  year: number;
  /** The day the figures are taken on: quarterly reports due before it count; models operating on it. */
  today: string;
  /** The date of the tree (membership) and of the areas listed (default 31 December of `year`, as computeAreaSummary). */
  membershipDate?: string;
  /** Called with the time each phase took (for the benchmark). */
  onPhase?: (phase: string, ms: number) => void;
}

interface Bucket {
  evaluations: UnitEvaluation[];
  grades: { unitType: UnitType; grade: Grade }[];
  awards: AwardRecord[];
  models: MovementModelRecord[];
  reports: Pick<QuarterlyReport, 'unitId' | 'year' | 'quarter' | 'submittedAt'>[];
  areaIds: number[];
}

const emptyBucket = (): Bucket => ({ evaluations: [], grades: [], awards: [], models: [], reports: [], areaIds: [] });

/** The statistics of the whole set and of each area that exists on the membership date. */
export async function computeAreaSummaries(db: Kysely<Database>, options: AreaSummariesOptions): Promise<ScopeSummary[]> {
  const { year, today } = options;
  const membershipDate = options.membershipDate ?? `${year}-12-31`;
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    options.onPhase?.(name, now - mark);
    mark = now;
  };
  const areas = await listAreasOn(db, membershipDate);
  const areaById = new Map(areas.map((a) => [a.id, a]));

  // The scopes an area's data counts toward: itself and its ancestors, following parents that exist on the
  // membership date (what subtreeAreaIds does from the top).
  const chains = new Map<number, number[]>();
  const chainOf = (areaId: number): number[] => {
    const cached = chains.get(areaId);
    if (cached) return cached;
    const chain: number[] = [];
    const seen = new Set<number>();
    let current: number | null = areaById.has(areaId) ? areaId : null;
    while (current !== null && !seen.has(current)) {
      seen.add(current);
      chain.push(current);
      const parent: number | null = areaById.get(current)?.parentId ?? null;
      current = parent !== null && areaById.has(parent) ? parent : null;
    }
    chains.set(areaId, chain);
    return chain;
  };

  const all = emptyBucket();
  const buckets = new Map<number, Bucket>(areas.map((a) => [a.id, emptyBucket()]));
  const each = (areaId: number, put: (b: Bucket) => void) => {
    put(all);
    for (const id of chainOf(areaId)) put(buckets.get(id)!);
  };
  for (const area of areas) for (const id of chainOf(area.id)) buckets.get(id)!.areaIds.push(area.id);

  // Every unit, evaluated once, bottom-up, with the catalogue most of the year's assessments name. (Per area,
  // computeAreaSummary picks the catalogue most of THAT area's assessments name: the same unless one year's
  // units were assessed with different catalogues.)
  const wholeSet: UnitScope = { areaId: undefined, date: membershipDate };
  const catalogue = await catalogueOfYear(db, year);
  const units = await listAssessedUnits(db, undefined, membershipDate);
  const inputs = await loadWholeSetInputs(db, units, year, catalogue);
  phase('load units and evaluation inputs');
  const evaluations = evaluateArea(inputs, { catalogue });
  phase('evaluate every unit (core)');
  const unitById = new Map(units.map((u) => [u.id, u]));
  const evaluationOf = new Map(evaluations.map((e) => [e.unitId, e]));
  for (const evaluation of evaluations) each(unitById.get(evaluation.unitId)!.areaId, (b) => b.evaluations.push(evaluation));

  const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
  for (const model of await listModels(db, { date: membershipDate })) each(model.areaId, (b) => b.models.push(model));
  for (const award of await listAwards(db, { date: membershipDate, year })) each(award.areaId, (b) => b.awards.push(award));

  phase('load models and awards');
  // Grades: each sheet graded once with the incidents of its unit's window (the same function as the API's).
  for (const { unitId, unitType, grade } of await gradeSheetsOfScope(db, wholeSet, year, evaluationOf)) {
    each(unitById.get(unitId)!.areaId, (b) => b.grades.push({ unitType, grade }));
  }

  phase('grade the sheets');
  // Quarterly reports of the year for the quarters already due on `today`: one query, no IN list. The
  // submission instant becomes its Vietnam date once here (core reads a date as already Vietnamese).
  const dueQuarters = ([1, 2, 3, 4] as Quarter[])
    .map((quarter) => ({ year, quarter }))
    .filter((q) => quarterPeriod(q.year, q.quarter, DEFAULT_REPORTING_SETTINGS).dueDate < today);
  if (dueQuarters.length > 0) {
    const rows = await db.selectFrom('quarterly_reports').select(['unit_id', 'year', 'quarter', 'submitted_at']).where('year', '=', year).execute();
    // The Vietnam date of a UTC instant depends only on its date and hour: convert each hour once.
    const byHour = new Map<string, string>();
    const vietnamDateOf = (instant: string): string => {
      if (!UTC_INSTANT.test(instant)) return toVietnamDate(instant);
      const hour = instant.slice(0, 13);
      let date = byHour.get(hour);
      if (date === undefined) byHour.set(hour, (date = toVietnamDate(`${hour}:00:00Z`)));
      return date;
    };
    for (const row of rows) {
      const unit = unitById.get(row.unit_id);
      if (!unit) continue;
      const report = { unitId: row.unit_id, year: row.year, quarter: row.quarter, submittedAt: vietnamDateOf(row.submitted_at) };
      each(unit.areaId, (b) => b.reports.push(report));
    }
  }

  phase('load the reports of the year');
  const summarize = (bucket: Bucket, areaId: number | null): AreaSummary => {
    const { byCategory: _byCategory, ...models } = computeModelStatistics(bucket.models, year, asOf);
    const reportingUnits = bucket.evaluations.filter((e) => e.result !== 'EXCLUDED').map((e) => ({ unitId: e.unitId }));
    const statistics = computeStatistics({
      year,
      units: bucket.evaluations.map((e) => ({ unitId: e.unitId, unitType: e.unitType, result: e.result })),
      awards: bucket.awards,
      grades: bucket.grades,
      reports: { units: reportingUnits, quarters: dueQuarters, reports: dueQuarters.length > 0 ? bucket.reports : [] },
    });
    const completeness = statistics.reports!;
    return {
      areaId,
      year,
      catalogue: { id: catalogue.id, title: catalogue.title },
      units: statistics.units!,
      models,
      awards: statistics.awards!,
      grades: statistics.grades!,
      reports: { ...completeness, missing: completeness.missing.slice(0, 200), missingCount: completeness.missing.length },
    };
  };

  const scopes: ScopeSummary[] = [
    { scopeKey: 'all', areaId: null, areaName: null, parentId: null, areaIds: [], unitIds: all.evaluations.map((e) => e.unitId).sort((a, b) => a - b), summary: summarize(all, null) },
  ];
  for (const area of areas) {
    const bucket = buckets.get(area.id)!;
    scopes.push({
      scopeKey: `area:${area.id}`,
      areaId: area.id,
      areaName: area.name,
      parentId: area.parentId,
      areaIds: bucket.areaIds.sort((a, b) => a - b),
      unitIds: bucket.evaluations.map((e) => e.unitId).sort((a, b) => a - b),
      summary: summarize(bucket, area.id),
    });
  }
  phase('statistics of each scope (core)');
  return scopes;
}

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

const METRIC_COLUMNS: Readonly<Record<QuarterlyMetric, string>> = {
  crimes: 'crimes',
  socialEvils: 'social_evils',
  firesExplosionsAccidents: 'fires_explosions_accidents',
  propagandaSessions: 'propaganda_sessions',
  peopleReached: 'people_reached',
  tipOffs: 'tip_offs',
  newModels: 'new_models',
  meetings: 'meetings',
};


/**
 * The engine's inputs for every unit of the database, in four whole-table queries. The same inputs as
 * `loadEvaluationInputs` for what the engine reads (a test compares the resulting figures), except that the
 * window counts (KDC-4) are summed by SQL, one row per unit instead of ~11 report rows per unit, and only for
 * the metrics the catalogue's comparison criteria compare: that is what makes the national case fast. The
 * counts follow core's `windowCountsFromReports`: a side sums the reports of `comparisonQuarters(year)` (or of
 * `year − 1`) and is absent when none of its quarters has a report.
 */
async function loadWholeSetInputs(db: Kysely<Database>, units: readonly AssessedUnit[], year: number, catalogue: Catalogue): Promise<UnitEvaluationInput[]> {
  const metrics = comparedMetrics(catalogue).sort(
    (a, b) => QUARTERLY_METRICS.indexOf(a) - QUARTERLY_METRICS.indexOf(b),
  );
  const side = (refs: readonly QuarterRef[]): RawBuilder<boolean> =>
    sql<boolean>`(${sql.join(refs.map((q) => sql`(year = ${q.year} and quarter = ${q.quarter})`), sql` or `)})`;
  const sums = (name: string, condition: RawBuilder<boolean>) => [
    sql`sum(case when ${condition} then 1 else 0 end) as ${sql.ref(`${name}_n`)}`,
    ...metrics.map((m) => sql`sum(case when ${condition} then ${sql.ref(METRIC_COLUMNS[m])} else 0 end) as ${sql.ref(`${name}_${m}`)}`),
  ];
  const current = side(comparisonQuarters(year));
  const previous = side(comparisonQuarters(year - 1));

  const [assessments, answerRows, incidentRows, countRows] = await Promise.all([
    db.selectFrom('assessments').select('unit_id').where('year', '=', year).execute(),
    db
      .selectFrom('assessment_answers')
      .innerJoin('assessments', 'assessments.id', 'assessment_answers.assessment_id')
      .select(['assessments.unit_id', 'assessment_answers.criterion_code', 'assessment_answers.value'])
      .where('assessments.year', '=', year)
      .execute(),
    db
      .selectFrom('incidents')
      .select(['unit_id', 'criterion_code', 'item', 'occurred_on', 'exception'])
      .where('occurred_on', '>=', yearEvaluationSpan(year).from)
      .where('occurred_on', '<=', yearEvaluationSpan(year).to)
      .execute(),
    sql<Record<string, number>>`select unit_id, ${sql.join([...sums('cur', current), ...sums('prev', previous)])}
      from quarterly_reports where ${current} or ${previous} group by unit_id`.execute(db),
  ]);

  const registered = new Set(assessments.map((r) => r.unit_id));
  const answers = new Map<number, Record<string, CriterionAnswer>>();
  const parsed = new Map<string, CriterionAnswer>(); // many units give the very same answer: parse it once
  for (const row of answerRows) {
    let own = answers.get(row.unit_id);
    if (!own) answers.set(row.unit_id, (own = {}));
    let answer = parsed.get(row.value);
    if (!answer) parsed.set(row.value, (answer = JSON.parse(row.value) as CriterionAnswer));
    own[row.criterion_code] = answer;
  }
  const incidents = new Map<number, IncidentRecord[]>();
  for (const row of incidentRows) {
    const list = incidents.get(row.unit_id) ?? [];
    list.push({ criterionCode: row.criterion_code, item: row.item, occurredOn: row.occurred_on, exception: row.exception as IncidentException | null });
    incidents.set(row.unit_id, list);
  }
  const counts = new Map<number, { current?: ReportCounts; previous?: ReportCounts }>();
  const sideOf = (row: Record<string, number>, name: string): ReportCounts | undefined => {
    if (Number(row[`${name}_n`]) === 0) return undefined;
    return Object.fromEntries(metrics.map((m) => [m, Number(row[`${name}_${m}`])]));
  };
  for (const row of countRows.rows) {
    const current = sideOf(row, 'cur');
    const previous = sideOf(row, 'prev');
    counts.set(Number(row.unit_id), { ...(current ? { current } : {}), ...(previous ? { previous } : {}) });
  }
  return units.map((unit) => ({
    unit,
    year,
    registered: registered.has(unit.id),
    answers: answers.get(unit.id) ?? {},
    incidents: incidents.get(unit.id) ?? [],
    counts: counts.get(unit.id) ?? {},
  }));
}
