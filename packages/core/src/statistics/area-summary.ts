import { BUILTIN_CATALOGUES, findCatalogue, getCatalogueForYear } from '../catalogue/catalogue.js';
import type { Catalogue } from '../catalogue/catalogue.schema.js';
import { type Grade } from '../grading/grading.schema.js';
import { toVietnamDate } from '../periods/dates.js';
import { DEFAULT_REPORTING_SETTINGS, quarterPeriod, type Quarter, type ReportingSettings } from '../periods/periods.js';
import type { RecognitionResult } from '../recognition/recognition.engine.js';
import { type AreaKind, type UnitType } from '../units.js';
import type { AwardStatistics, GradeDistribution, ModelStatistics, UnitStatistics } from './statistics.js';

import {
  type AreaReportCompleteness,
  type UnitResultCount,
  type AwardCount,
  type QuarterReportCount,
  unitStatisticsFromCounts,
  gradeDistributionFromCounts,
  awardStatisticsFromCounts,
  reportCompletenessFromCounts,
  dueQuarters,
} from './summary-counts.js';

export * from './summary-counts.js';

// The area summary (the seed article's table) assembled from counts. A store of per-unit results can answer
// "how many units of each type have each result" with one GROUP BY, so an area's figures never need its
// units evaluated again; these functions turn such counts into the same figures `computeStatistics` gives
// from one record per unit (a property test checks the two agree).

/**
 * The version of the rules that stored results are computed with: the engines, the catalogues, the grading
 * sheets and the rules of this file. Whoever changes any of them bumps it; a store whose results carry
 * another version recomputes them all (see `catalogueForUnitYear` for the catalogue a result uses).
 *
 * @example
 * ```ts
 * if (storedVersion !== ENGINE_VERSION) recomputeEverything();
 * ```
 */
export const ENGINE_VERSION = 3;

/**
 * THE rule for the catalogue a unit is evaluated with in a year, the same in every scope (a commune, its
 * province, the country): the catalogue its own file of that year names (a unit registers under the
 * catalogue in force, or one an administrator chose, e.g. to assess 2021 with 124/2021 and say so); a unit
 * with no file of that year (not registered, or excluded) is taken under the catalogue in force that year.
 * A file naming an unknown catalogue falls back to the one in force too.
 *
 * @example
 * ```ts
 * catalogueForUnitYear('tt124-2021', 2021).id; // 'tt124-2021' (the file chose it)
 * catalogueForUnitYear(undefined, 2021).id;    // 'tt23-2012' (in force in 2021)
 * catalogueForUnitYear(null, 2023).id;         // 'tt124-2021'
 * ```
 */
export function catalogueForUnitYear(
  fileCatalogueId: string | null | undefined,
  year: number,
  catalogues: readonly Catalogue[] = BUILTIN_CATALOGUES,
): Catalogue {
  return (
    (fileCatalogueId !== null && fileCatalogueId !== undefined
      ? findCatalogue(fileCatalogueId, catalogues)
      : undefined) ?? getCatalogueForYear(year, catalogues)
  );
}

/**
 * The catalogue an area's summary names: the one most of the area's registered units were evaluated with
 * (ties: the smaller id), else the one in force that year. It only labels the summary; each unit's result
 * uses its own catalogue ({@link catalogueForUnitYear}).
 *
 * @example
 * ```ts
 * summaryCatalogue([{ catalogueId: 'tt124-2021', count: 9 }, { catalogueId: 'tt23-2012', count: 2 }], 2021).id; // 'tt124-2021'
 * summaryCatalogue([], 2021).id; // 'tt23-2012'
 * ```
 */
export function summaryCatalogue(
  counts: readonly { catalogueId: string; count: number }[],
  year: number,
  catalogues: readonly Catalogue[] = BUILTIN_CATALOGUES,
): Catalogue {
  let best: { catalogueId: string; count: number } | undefined;
  for (const c of counts) {
    if (c.count <= 0 || !findCatalogue(c.catalogueId, catalogues)) continue;
    if (!best || c.count > best.count || (c.count === best.count && c.catalogueId < best.catalogueId)) best = c;
  }
  return (best && findCatalogue(best.catalogueId, catalogues)) ?? getCatalogueForYear(year, catalogues);
}

/**
 * The seed article's table for an area and a year: per unit type the units that met the standard over the
 * eligible ones, models, awards, the grade distribution and quarterly-report completeness.
 *
 * @example
 * ```ts
 * const s: AreaSummary = summarizeArea(input);
 * s.units.byType.KDC.recognitionRate?.text; // '92/95'
 * ```
 */
export interface AreaSummary {
  areaId: number | null;
  year: number;
  catalogue: { id: string; title: Catalogue['title'] };
  units: UnitStatistics;
  models: Omit<ModelStatistics, 'byCategory'>;
  awards: AwardStatistics;
  grades: GradeDistribution;
  reports: AreaReportCompleteness;
  /**
   * Present when the area did not exist yet at the end of `year` (a commune made by a later reorganisation):
   * the areas its figures of that year are taken from, with the day they ended ("gồm xã A, xã B trước
   * 1/7/2025").
   */
  composedOf?: { areaId: number; name: string; kind: AreaKind; validTo: string | null }[];
}

/**
 * What {@link summarizeArea} reads: counts of an area's stored results and records.
 *
 * @example
 * ```ts
 * const input: AreaSummaryInput = { areaId: null, year: 2021, units: [], catalogues: [], grades: [], awards: [],
 *   models: { asOf: '2021-12-31', operating: 0, newInYear: 0, stoppedInYear: 0, sites: 0, teams: 0, advancedExamples: 0 },
 *   reports: { quarters: [], missing: [] } };
 * ```
 */
export interface AreaSummaryInput {
  areaId: number | null;
  year: number;
  units: readonly UnitResultCount[];
  /** Registered units by the catalogue their result used (labels the summary, see {@link summaryCatalogue}). */
  catalogues: readonly { catalogueId: string; count: number }[];
  grades: readonly { unitType: UnitType; grade: Grade; count: number }[];
  awards: readonly AwardCount[];
  models: Omit<ModelStatistics, 'byCategory'>;
  /** Every due quarter (see {@link dueQuarters}) with its counts over the units that are not excluded; `missing` the first page of missing reports. */
  reports: {
    quarters: readonly QuarterReportCount[];
    missing: readonly { unitId: number; year: number; quarter: Quarter }[];
  };
  /** The catalogues to choose among (default the built-in ones). */
  catalogueSet?: readonly Catalogue[];
  settings?: ReportingSettings;
}

/**
 * THE summary builder: the area's figures from its counts. Every reader of figures (the API, the worker's
 * snapshots, exports, the printed report) goes through it, whatever counted.
 *
 * @example
 * ```ts
 * const summary = summarizeArea({
 *   areaId: 7, year: 2021,
 *   units: [{ unitType: 'XA', result: 'DAT', count: 15 }, { unitType: 'XA', result: 'CHUA_DAT', count: 1 }],
 *   catalogues: [{ catalogueId: 'tt124-2021', count: 16 }],
 *   grades: [], awards: [], reports: { quarters: [], missing: [] },
 *   models: { asOf: '2021-12-31', operating: 21, newInYear: 4, stoppedInYear: 0, sites: 0, teams: 0, advancedExamples: 0 },
 * });
 * summary.units.byType.XA.recognitionRate?.text; // '15/16'
 * ```
 */
export function summarizeArea(input: AreaSummaryInput): AreaSummary {
  const catalogue = summaryCatalogue(input.catalogues, input.year, input.catalogueSet);
  const units = unitStatisticsFromCounts(input.units);
  return {
    areaId: input.areaId,
    year: input.year,
    catalogue: { id: catalogue.id, title: catalogue.title },
    units,
    models: input.models,
    awards: awardStatisticsFromCounts(input.awards),
    grades: gradeDistributionFromCounts(input.grades),
    reports: reportCompletenessFromCounts({
      reportingUnits: units.all.total - units.all.excluded,
      quarters: input.reports.quarters,
      missing: input.reports.missing,
      ...(input.settings && { settings: input.settings }),
    }),
  };
}

/**
 * A (unit, year)'s result as a store keeps it: what the engine found, the file's cycle status
 * (`'not_registered'` without a file), the 100-point grade when a sheet exists, the catalogue used
 * ({@link catalogueForUnitYear}), the unit's type and area when computed, and {@link ENGINE_VERSION}.
 *
 * @example
 * ```ts
 * const r: StoredUnitResult = {
 *   unitId: 101, year: 2021, unitType: 'KDC', areaId: 7, catalogueId: 'tt124-2021',
 *   result: 'DAT', status: 'recognised', grade: null, reportsFiled: 0b1111, reportsOnTime: 0b1111, engineVersion: ENGINE_VERSION,
 * };
 * ```
 */
export interface StoredUnitResult {
  unitId: number;
  year: number;
  unitType: UnitType;
  areaId: number;
  catalogueId: string;
  /** The result the totals count: a locked file's recorded result (see `recordedResultOf`), else the computed one. */
  result: RecognitionResult;
  /** A locked file's result on today's data where it differs from `result` (the engine's `computedResult`); else null. */
  computedResult: RecognitionResult | null;
  status: string;
  grade: Grade | null;
  /** The year's quarterly reports of the unit as bits: bit `q − 1` set when quarter `q` was filed ({@link reportFlags}). */
  reportsFiled: number;
  /** Likewise, for the quarters filed on time. */
  reportsOnTime: number;
  engineVersion: number;
}

/**
 * Quarterly reports of one year as two bit sets per unit (bit `q − 1` for quarter `q`): filed, and filed on
 * time ({@link isReportOnTime}). Stored with each unit's result, so that report completeness is counted with
 * the results. Fast on a whole year (half a million reports): each quarter's due date is computed once, and
 * the Vietnam date of a UTC instant once per hour.
 *
 * @example
 * ```ts
 * const flags = reportFlags([
 *   { unitId: 7, quarter: 1, submittedAt: '2021-04-10T02:00:00Z' },
 *   { unitId: 7, quarter: 3, submittedAt: '2021-12-01T02:00:00Z' },
 * ], 2021);
 * flags.get(7); // { filed: 0b0101, onTime: 0b0001 }
 * ```
 */
export function reportFlags(
  reports: readonly { unitId: number; quarter: number; submittedAt: string }[],
  year: number,
  settings: ReportingSettings = DEFAULT_REPORTING_SETTINGS,
): Map<number, { filed: number; onTime: number }> {
  const due = ([1, 2, 3, 4] as Quarter[]).map((q) => quarterPeriod(year, q, settings).dueDate);
  const byHour = new Map<string, string>();
  const vietnamDateOf = (instant: string): string => {
    if (!UTC_INSTANT.test(instant)) return toVietnamDate(instant);
    const hour = instant.slice(0, 13);
    let date = byHour.get(hour);
    if (date === undefined) byHour.set(hour, (date = toVietnamDate(`${hour}:00:00Z`)));
    return date;
  };
  const out = new Map<number, { filed: number; onTime: number }>();
  for (const r of reports) {
    if (r.quarter < 1 || r.quarter > 4) continue;
    const bit = 1 << (r.quarter - 1);
    let flags = out.get(r.unitId);
    if (!flags) out.set(r.unitId, (flags = { filed: 0, onTime: 0 }));
    flags.filed |= bit;
    const dueDate = due[r.quarter - 1];
    if (dueDate !== undefined && vietnamDateOf(r.submittedAt) <= dueDate) flags.onTime |= bit;
  }
  return out;
}

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/**
 * Stored results of an area counted by everything a summary reads (a row of a GROUP BY over them, or of
 * per-area totals summed): the units of one type, result, catalogue and grade, and how many of them filed
 * each quarter's report (`filed[q − 1]`), and filed it on time.
 *
 * @example
 * ```ts
 * const row: ResultTotal = { unitType: 'KDC', result: 'DAT', catalogueId: 'tt124-2021', grade: null, units: 40, filed: [40, 40, 39, 12], onTime: [38, 40, 36, 12] };
 * ```
 */
export interface ResultTotal {
  unitType: UnitType;
  result: RecognitionResult;
  catalogueId: string;
  grade: Grade | null;
  units: number;
  filed: readonly [number, number, number, number];
  onTime: readonly [number, number, number, number];
}

/**
 * The summary of an area from its result totals: unit figures, the catalogue label, grades and, for the
 * quarters due on `today`, report completeness over the units that are not excluded. Awards, models and the
 * first page of missing reports come from their own queries.
 *
 * @example
 * ```ts
 * const summary = summarizeResultTotals({ areaId: 7, year: 2021, today: '2022-01-15', totals, awards: [], models, missing: [] });
 * summary.reports.byQuarter.length; // 4
 * ```
 */
export function summarizeResultTotals(input: {
  areaId: number | null;
  year: number;
  today: string;
  totals: readonly ResultTotal[];
  awards: readonly AwardCount[];
  models: Omit<ModelStatistics, 'byCategory'>;
  missing: readonly { unitId: number; year: number; quarter: Quarter }[];
  settings?: ReportingSettings;
}): AreaSummary {
  const units = new Map<string, UnitResultCount>();
  const catalogues = new Map<string, number>();
  const grades = new Map<string, { unitType: UnitType; grade: Grade; count: number }>();
  const quarters = dueQuarters(input.year, input.today, input.settings).map((q) => ({ ...q, submitted: 0, onTime: 0 }));
  for (const t of input.totals) {
    const key = `${t.unitType}|${t.result}`;
    const u = units.get(key);
    if (u) u.count += t.units;
    else units.set(key, { unitType: t.unitType, result: t.result, count: t.units });
    if (t.result === 'DAT' || t.result === 'CHUA_DAT')
      catalogues.set(t.catalogueId, (catalogues.get(t.catalogueId) ?? 0) + t.units);
    if (t.grade !== null) {
      const g = grades.get(`${t.unitType}|${t.grade}`);
      if (g) g.count += t.units;
      else grades.set(`${t.unitType}|${t.grade}`, { unitType: t.unitType, grade: t.grade, count: t.units });
    }
    if (t.result === 'EXCLUDED') continue;
    for (const q of quarters) {
      q.submitted += t.filed[q.quarter - 1] ?? 0;
      q.onTime += t.onTime[q.quarter - 1] ?? 0;
    }
  }
  return summarizeArea({
    areaId: input.areaId,
    year: input.year,
    units: [...units.values()],
    catalogues: [...catalogues].map(([catalogueId, count]) => ({ catalogueId, count })),
    grades: [...grades.values()],
    awards: input.awards,
    models: input.models,
    reports: { quarters, missing: input.missing },
    ...(input.settings && { settings: input.settings }),
  });
}
