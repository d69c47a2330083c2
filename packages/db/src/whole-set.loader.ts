import {
  BUILTIN_CATALOGUES,
  comparedMetrics,
  comparisonQuarters,
  QUARTERLY_METRICS,
  type AssessedUnit,
  type Catalogue,
  type CriterionAnswer,
  type IncidentException,
  type IncidentRecord,
  type QuarterlyMetric,
  type QuarterRef,
  type ReportCounts,
  type ReportCountsRecord,
  type UnitEvaluationInput,
  windowCountsFromReports,
  yearEvaluationSpan,
} from '@antoan/core';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { chunk } from './chunk.js';
import { recordedResults, toEvaluationInputs } from './evaluation.loader.js';
import { loadInheritedReports, windowQuarters } from './lineage-reports.loader.js';
import { toQuarterlyCounts } from './records.repository.js';
import type { Database } from './schema.js';

// The engine's inputs of EVERY unit of a year in four whole-table queries (the full recompute of stored results
// and results:verify). The same inputs as `loadEvaluationInputs`, except that the window counts (KDC-4) are
// summed by SQL, one row per unit instead of ~11 report rows per unit.

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
export async function loadWholeSetInputs(
  db: Kysely<Database>,
  units: readonly AssessedUnit[],
  year: number,
  options: { catalogues?: readonly Catalogue[]; onlyTheseUnits?: boolean } = {},
): Promise<UnitEvaluationInput[]> {
  const catalogues = options.catalogues ?? BUILTIN_CATALOGUES;
  // a chunk of the whole set (whole commune groups, a few thousand units): each query filtered by their ids
  const ids = options.onlyTheseUnits ? units.map((u) => u.id) : undefined;
  const metrics = [...new Set(catalogues.flatMap((catalogue) => comparedMetrics(catalogue)))].sort(
    (a, b) => QUARTERLY_METRICS.indexOf(a) - QUARTERLY_METRICS.indexOf(b),
  );
  const side = (refs: readonly QuarterRef[]): RawBuilder<boolean> =>
    sql<boolean>`(${sql.join(
      refs.map((q) => sql`(year = ${q.year} and quarter = ${q.quarter})`),
      sql` or `,
    )})`;
  const sums = (name: string, condition: RawBuilder<boolean>) => [
    sql`sum(case when ${condition} then 1 else 0 end) as ${sql.ref(`${name}_n`)}`,
    ...metrics.map(
      (m) =>
        sql`sum(case when ${condition} then ${sql.ref(METRIC_COLUMNS[m])} else 0 end) as ${sql.ref(`${name}_${m}`)}`,
    ),
  ];
  const current = side(comparisonQuarters(year));
  const previous = side(comparisonQuarters(year - 1));

  const [assessments, answerRows, incidentRows, countRows] = await Promise.all([
    db
      .selectFrom('assessments')
      .select(['unit_id', 'catalogue_id', 'status', 'is_locked'])
      .where('year', '=', year)
      .$call((qb) => (ids === undefined ? qb : qb.where('unit_id', 'in', ids)))
      .execute(),
    db
      .selectFrom('assessment_answers')
      .innerJoin('assessments', 'assessments.id', 'assessment_answers.assessment_id')
      .select(['assessments.unit_id', 'assessment_answers.criterion_code', 'assessment_answers.value'])
      .where('assessments.year', '=', year)
      .$call((qb) => (ids === undefined ? qb : qb.where('assessments.unit_id', 'in', ids)))
      .execute(),
    db
      .selectFrom('incidents')
      .select(['unit_id', 'criterion_code', 'item', 'occurred_on', 'exception'])
      .where('occurred_on', '>=', yearEvaluationSpan(year).from)
      .where('occurred_on', '<=', yearEvaluationSpan(year).to)
      .$call((qb) => (ids === undefined ? qb : qb.where('unit_id', 'in', ids)))
      .execute(),
    sql<Record<string, number>>`select unit_id, ${sql.join([...sums('cur', current), ...sums('prev', previous)])}
      from quarterly_reports where (${current} or ${previous})${ids ? sql` and unit_id in (${sql.join(ids)})` : sql``} group by unit_id`.execute(
      db,
    ),
  ]);

  const fileCatalogue = new Map(assessments.map((r) => [r.unit_id, r.catalogue_id]));
  const recorded = recordedResults(assessments);
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
    list.push({
      criterionCode: row.criterion_code,
      item: row.item,
      occurredOn: row.occurred_on,
      exception: row.exception as IncidentException | null,
    });
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
  // a unit born of a reorganisation: its own reports with those it inherits, counted by core (few units, and
  // only in the years whose windows reach back before a reorganisation)
  const inherited = await loadInheritedReports(db, windowQuarters(year), ids);
  if (inherited.size > 0) {
    const heirs = [...inherited.keys()];
    const own = new Map<number, ReportCountsRecord[]>();
    for (const part of chunk(heirs, 500))
      for (const row of await db
        .selectFrom('quarterly_reports')
        .selectAll()
        .where('unit_id', 'in', part)
        // a range of years on the (unit, year, quarter) key (a list of quarters leads SQLite to the period index);
        // windowCountsFromReports reads only the window's quarters of what it is given
        .where('year', '>=', year - 2)
        .where('year', '<=', year)
        .execute()) {
        const list = own.get(row.unit_id) ?? [];
        list.push({ year: row.year, quarter: row.quarter, counts: toQuarterlyCounts(row) });
        own.set(row.unit_id, list);
      }
    for (const [id, records] of inherited)
      counts.set(id, windowCountsFromReports([...(own.get(id) ?? []), ...records], year));
  }
  return toEvaluationInputs(units, year, { fileCatalogue, recorded, answers, incidents }, (id) => counts.get(id) ?? {});
}
