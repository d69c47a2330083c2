import { DomainError } from '../errors.js';
import { GRADES, type Grade } from '../grading/grading.schema.js';
import { isModelOperating } from '../movement/movement-model.js';
import { AWARD_KINDS, type AwardKind, type AwardRecord, type MovementModelRecord, type QuarterlyReport } from '../records.schema.js';
import { assertIsoDate, assertYear, isoDate, toVietnamDate } from '../periods/dates.js';
import { DEFAULT_REPORTING_SETTINGS, quarterPeriod, type Quarter, type QuarterRef, type ReportingSettings } from '../periods/periods.js';
import type { RecognitionResult } from '../recognition/recognition.engine.js';
import { UNIT_TYPES, type UnitType } from '../units.js';
import { makeRate, type Rate } from './rate.js';

// ── Units ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * A unit's result for the year, as statistics need it (a {@link UnitEvaluation} fits).
 *
 * @example
 * ```ts
 * const r: UnitResultRecord = { unitId: 101, unitType: 'KDC', result: 'DAT' };
 * ```
 */
export interface UnitResultRecord {
  unitId: number;
  unitType: UnitType;
  result: RecognitionResult;
}

/**
 * Counts of one unit type (or all): `total` units, `excluded` by eligibility, `eligible` (= total −
 * excluded), `registered` (eligible units that registered), `recognised` (Đạt), and the rates over the
 * **eligible** units — `recognitionRate` = recognised / eligible (the "15/16" of reports), `registrationRate`
 * = registered / eligible. A rate is `null` when there is no eligible unit.
 *
 * @example
 * ```ts
 * const communes: UnitTypeStatistics = {
 *   total: 16, excluded: 0, eligible: 16, registered: 16, notRegistered: 0, recognised: 15, notRecognised: 1,
 *   recognitionRate: { numerator: 15, denominator: 16, text: '15/16', value: 0.9375, percentage: 93.75 },
 *   registrationRate: { numerator: 16, denominator: 16, text: '16/16', value: 1, percentage: 100 },
 * };
 * ```
 */
export interface UnitTypeStatistics {
  total: number;
  excluded: number;
  eligible: number;
  registered: number;
  notRegistered: number;
  recognised: number;
  notRecognised: number;
  recognitionRate: Rate | null;
  registrationRate: Rate | null;
}

/**
 * Unit counts per type and over all types.
 *
 * @example
 * ```ts
 * const s: UnitStatistics = computeUnitStatistics(results);
 * s.byType.XA.recognitionRate?.text; // '15/16'
 * ```
 */
export interface UnitStatistics {
  byType: Record<UnitType, UnitTypeStatistics>;
  all: UnitTypeStatistics;
}

interface Counter {
  total: number;
  excluded: number;
  registered: number;
  recognised: number;
}

function finish(c: Counter): UnitTypeStatistics {
  const eligible = c.total - c.excluded;
  return {
    total: c.total,
    excluded: c.excluded,
    eligible,
    registered: c.registered,
    notRegistered: eligible - c.registered,
    recognised: c.recognised,
    notRecognised: c.registered - c.recognised,
    recognitionRate: makeRate(c.recognised, eligible),
    registrationRate: makeRate(c.registered, eligible),
  };
}

/**
 * Counts units by type and result. Throws `DomainError('INVALID')` when a unit id appears twice.
 *
 * @example
 * ```ts
 * computeUnitStatistics([
 *   { unitId: 1, unitType: 'XA', result: 'DAT' },
 *   { unitId: 2, unitType: 'XA', result: 'CHUA_DAT' },
 *   { unitId: 3, unitType: 'DN', result: 'EXCLUDED' },
 * ]).byType.XA.recognitionRate?.text; // '1/2'
 * ```
 */
export function computeUnitStatistics(results: readonly UnitResultRecord[]): UnitStatistics {
  const counters = new Map<UnitType, Counter>(UNIT_TYPES.map((t) => [t, { total: 0, excluded: 0, registered: 0, recognised: 0 }]));
  const seen = new Set<number>();
  for (const r of results) {
    if (seen.has(r.unitId)) {
      throw new DomainError('INVALID', { vi: `Đơn vị ${r.unitId} được tính hai lần`, en: `Unit ${r.unitId} is counted twice` });
    }
    seen.add(r.unitId);
    const c = counters.get(r.unitType);
    if (!c) {
      throw new DomainError('INVALID', { vi: `Loại đơn vị không hợp lệ: ${String(r.unitType)}`, en: `Invalid unit type: ${String(r.unitType)}` });
    }
    c.total++;
    if (r.result === 'EXCLUDED') c.excluded++;
    else if (r.result === 'DAT') {
      c.registered++;
      c.recognised++;
    } else if (r.result === 'CHUA_DAT') c.registered++;
  }
  const all: Counter = { total: 0, excluded: 0, registered: 0, recognised: 0 };
  const byType = {} as Record<UnitType, UnitTypeStatistics>;
  for (const type of UNIT_TYPES) {
    const c = counters.get(type)!;
    all.total += c.total;
    all.excluded += c.excluded;
    all.registered += c.registered;
    all.recognised += c.recognised;
    byType[type] = finish(c);
  }
  return { byType, all: finish(all) };
}

// ── Models ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * What model statistics read of a movement model (a stored `MovementModelRecord` fits).
 *
 * @example
 * ```ts
 * const m: ModelFigures = { category: 'tu-quan', startedOn: '2021-03-26', stoppedOn: null, sites: 3, teams: 3, isAdvancedExample: false };
 * ```
 */
export type ModelFigures = Pick<MovementModelRecord, 'category' | 'startedOn' | 'stoppedOn' | 'sites' | 'teams' | 'isAdvancedExample'>;

/**
 * Movement-model figures on a date (`asOf`): models operating, started in the year up to that date, stopped in
 * the year, sites and teams of the operating ones, advanced examples among them, and the same per category
 * (sorted by category).
 *
 * @example
 * ```ts
 * const m: ModelStatistics = computeModelStatistics(models, 2021);
 * m.operating; // 21
 * m.newInYear; // 4
 * ```
 */
export interface ModelStatistics {
  asOf: string;
  operating: number;
  newInYear: number;
  stoppedInYear: number;
  sites: number;
  teams: number;
  advancedExamples: number;
  byCategory: { category: string; operating: number; newInYear: number; sites: number; teams: number }[];
}

/**
 * Computes {@link ModelStatistics} for a year, on `asOf` (default 31 December of the year; pass a quarter's
 * end to freeze a snapshot). "New in the year" = started between 1 January and `asOf`.
 *
 * @example
 * ```ts
 * computeModelStatistics(models, 2021).operating;               // on 2021-12-31
 * computeModelStatistics(models, 2022, '2022-03-14').newInYear; // Q1 2022 snapshot
 * ```
 */
export function computeModelStatistics(models: readonly ModelFigures[], year: number, asOf?: string): ModelStatistics {
  assertYear(year);
  const date = asOf === undefined ? isoDate(year, 12, 31) : assertIsoDate(asOf, 'asOf');
  const yearStart = isoDate(year, 1, 1);
  const out: ModelStatistics = { asOf: date, operating: 0, newInYear: 0, stoppedInYear: 0, sites: 0, teams: 0, advancedExamples: 0, byCategory: [] };
  const categories = new Map<string, ModelStatistics['byCategory'][number]>();
  for (const model of models) {
    let cat = categories.get(model.category);
    if (!cat) categories.set(model.category, (cat = { category: model.category, operating: 0, newInYear: 0, sites: 0, teams: 0 }));
    const isNew = model.startedOn >= yearStart && model.startedOn <= date;
    if (isNew) {
      out.newInYear++;
      cat.newInYear++;
    }
    if (model.stoppedOn !== null && model.stoppedOn >= yearStart && model.stoppedOn <= date) out.stoppedInYear++;
    if (!isModelOperating(model, date)) continue;
    out.operating++;
    out.sites += model.sites;
    out.teams += model.teams;
    if (model.isAdvancedExample) out.advancedExamples++;
    cat.operating++;
    cat.sites += model.sites;
    cat.teams += model.teams;
  }
  out.byCategory = [...categories.values()].sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
  return out;
}

// ── Awards ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * Award figures for a year: total, collective / individual, per kind, and per issuer (most awards first,
 * then by issuer name) with its kinds.
 *
 * @example
 * ```ts
 * const a: AwardStatistics = computeAwardStatistics(awards, 2021);
 * a.byIssuer[0]; // { issuer: 'Giám đốc Công an tỉnh Quảng Bình', total: 3, byKind: { giay_khen: 3, bang_khen: 0 } }
 * ```
 */
export interface AwardStatistics {
  total: number;
  collective: number;
  individual: number;
  byKind: Record<AwardKind, number>;
  byIssuer: { issuer: string; total: number; byKind: Record<AwardKind, number> }[];
}

function zeroKinds(): Record<AwardKind, number> {
  return Object.fromEntries(AWARD_KINDS.map((k) => [k, 0])) as Record<AwardKind, number>;
}

/**
 * Counts the awards of a year by kind, recipient kind and issuer (awards of other years are ignored).
 *
 * @example
 * ```ts
 * computeAwardStatistics(awards, 2021).byKind.giay_khen; // 5
 * ```
 */
export function computeAwardStatistics(awards: readonly Pick<AwardRecord, 'kind' | 'recipientKind' | 'issuer' | 'year'>[], year: number): AwardStatistics {
  const out: AwardStatistics = { total: 0, collective: 0, individual: 0, byKind: zeroKinds(), byIssuer: [] };
  const issuers = new Map<string, AwardStatistics['byIssuer'][number]>();
  for (const award of awards) {
    if (award.year !== year) continue;
    out.total++;
    if (award.recipientKind === 'collective') out.collective++;
    else out.individual++;
    out.byKind[award.kind]++;
    const key = award.issuer.trim();
    let issuer = issuers.get(key);
    if (!issuer) issuers.set(key, (issuer = { issuer: key, total: 0, byKind: zeroKinds() }));
    issuer.total++;
    issuer.byKind[award.kind]++;
  }
  out.byIssuer = [...issuers.values()].sort((a, b) => b.total - a.total || (a.issuer < b.issuer ? -1 : a.issuer > b.issuer ? 1 : 0));
  return out;
}

// ── Grades ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * How many sheets got each grade, per unit type and over all.
 *
 * @example
 * ```ts
 * const d: GradeDistribution = computeGradeDistribution(grades);
 * d.all.XUAT_SAC; // 12
 * ```
 */
export interface GradeDistribution {
  total: number;
  all: Record<Grade, number>;
  byType: Record<UnitType, Record<Grade, number>>;
}

function zeroGrades(): Record<Grade, number> {
  return Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
}

/**
 * Counts grades per unit type and over all.
 *
 * @example
 * ```ts
 * computeGradeDistribution([{ unitType: 'KDC', grade: 'KHA' }, { unitType: 'XA', grade: 'KHA' }]).all.KHA; // 2
 * ```
 */
export function computeGradeDistribution(grades: readonly { unitType: UnitType; grade: Grade }[]): GradeDistribution {
  const byType = Object.fromEntries(UNIT_TYPES.map((t) => [t, zeroGrades()])) as Record<UnitType, Record<Grade, number>>;
  const all = zeroGrades();
  for (const g of grades) {
    byType[g.unitType][g.grade]++;
    all[g.grade]++;
  }
  return { total: grades.length, all, byType };
}

// ── Report completeness ─────────────────────────────────────────────────────────────────────────────

/**
 * What report completeness is computed from: the units expected to report (one report per unit per quarter),
 * the quarters, the reports filed, and the reporting settings (for due dates).
 *
 * @example
 * ```ts
 * const input: ReportCompletenessInput = {
 *   units: [{ unitId: 101 }, { unitId: 102 }],
 *   quarters: [{ year: 2022, quarter: 1 }],
 *   reports: [{ unitId: 101, year: 2022, quarter: 1, submittedAt: '2022-03-18T02:00:00Z' }],
 * };
 * ```
 */
export interface ReportCompletenessInput {
  units: readonly { unitId: number }[];
  quarters: readonly QuarterRef[];
  reports: readonly Pick<QuarterlyReport, 'unitId' | 'year' | 'quarter' | 'submittedAt'>[];
  settings?: ReportingSettings;
}

/**
 * Report completeness: expected = units × quarters; submitted; on time (submitted, in Vietnam time, on or
 * before the quarter's due date); late; the missing ones by unit; rates (null when nothing is expected) and
 * the same per quarter.
 *
 * @example
 * ```ts
 * const c: ReportCompleteness = computeReportCompleteness(input);
 * c.submissionRate?.text; // '1/2'
 * c.missing;              // [{ unitId: 102, year: 2022, quarter: 1 }]
 * ```
 */
export interface ReportCompleteness {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: { unitId: number; year: number; quarter: Quarter }[];
  submissionRate: Rate | null;
  onTimeRate: Rate | null;
  byQuarter: { year: number; quarter: Quarter; dueDate: string; expected: number; submitted: number; onTime: number }[];
}

/**
 * Computes {@link ReportCompleteness}. Reports of units or quarters not expected are ignored; two reports of
 * the same unit and quarter count once (the earliest). Submission timestamps are ISO dates (taken as Vietnam
 * dates) or ISO instants with a zone.
 *
 * @example
 * ```ts
 * computeReportCompleteness({
 *   units: [{ unitId: 101 }, { unitId: 102 }],
 *   quarters: [{ year: 2022, quarter: 1 }],
 *   reports: [{ unitId: 101, year: 2022, quarter: 1, submittedAt: '2022-03-20T16:59:00Z' }], // 23:59 on the due date
 * }); // { expected: 2, submitted: 1, onTime: 1, late: 0, missing: [{ unitId: 102, year: 2022, quarter: 1 }], … }
 * ```
 */
export function computeReportCompleteness(input: ReportCompletenessInput): ReportCompleteness {
  const settings = input.settings ?? DEFAULT_REPORTING_SETTINGS;
  const unitIds = new Set(input.units.map((u) => u.unitId));
  const quarterKey = (year: number, quarter: number) => year * 10 + quarter;
  const periods = new Map(input.quarters.map((q) => [quarterKey(q.year, q.quarter), quarterPeriod(q.year, q.quarter, settings)]));
  // earliest Vietnam submission date per (quarter, unit)
  const firstSubmission = new Map<number, Map<number, string>>();
  for (const report of input.reports) {
    const key = quarterKey(report.year, report.quarter);
    if (!periods.has(key) || !unitIds.has(report.unitId)) continue;
    const date = toVietnamDate(report.submittedAt);
    let byUnit = firstSubmission.get(key);
    if (!byUnit) firstSubmission.set(key, (byUnit = new Map<number, string>()));
    const previous = byUnit.get(report.unitId);
    if (previous === undefined || date < previous) byUnit.set(report.unitId, date);
  }
  const out: ReportCompleteness = {
    expected: 0, submitted: 0, onTime: 0, late: 0, missing: [], submissionRate: null, onTimeRate: null, byQuarter: [],
  };
  for (const [key, period] of periods) {
    const byUnit = firstSubmission.get(key);
    const row = { year: period.year, quarter: period.quarter, dueDate: period.dueDate, expected: unitIds.size, submitted: 0, onTime: 0 };
    for (const unitId of unitIds) {
      const date = byUnit?.get(unitId);
      if (date === undefined) {
        out.missing.push({ unitId, year: period.year, quarter: period.quarter });
        continue;
      }
      row.submitted++;
      if (date <= period.dueDate) row.onTime++;
    }
    out.expected += row.expected;
    out.submitted += row.submitted;
    out.onTime += row.onTime;
    out.byQuarter.push(row);
  }
  out.late = out.submitted - out.onTime;
  out.submissionRate = makeRate(out.submitted, out.expected);
  out.onTimeRate = makeRate(out.onTime, out.expected);
  out.byQuarter.sort((a, b) => quarterKey(a.year, a.quarter) - quarterKey(b.year, b.quarter));
  out.missing.sort((a, b) => quarterKey(a.year, a.quarter) - quarterKey(b.year, b.quarter) || a.unitId - b.unitId);
  return out;
}

// ── Everything at once ──────────────────────────────────────────────────────────────────────────────

/**
 * Input of {@link computeStatistics}: the year and whatever data is at hand; each missing part leaves its
 * section `undefined`.
 *
 * @example
 * ```ts
 * const input: StatisticsInput = { year: 2021, units: evaluations, models, awards, grades, reports };
 * ```
 */
export interface StatisticsInput {
  year: number;
  units?: readonly UnitResultRecord[];
  models?: readonly ModelFigures[];
  /** The date models are counted on (default 31 December of `year`). */
  modelsAsOf?: string;
  awards?: readonly Pick<AwardRecord, 'kind' | 'recipientKind' | 'issuer' | 'year'>[];
  grades?: readonly { unitType: UnitType; grade: Grade }[];
  reports?: ReportCompletenessInput;
}

/**
 * The statistics of a set of units for a year.
 *
 * @example
 * ```ts
 * const s: Statistics = computeStatistics({ year: 2021, units });
 * s.units?.byType.KDC.recognitionRate?.text; // '92/95'
 * ```
 */
export interface Statistics {
  year: number;
  units?: UnitStatistics;
  models?: ModelStatistics;
  awards?: AwardStatistics;
  grades?: GradeDistribution;
  reports?: ReportCompleteness;
}

/**
 * Computes the statistics of an area for a year from data the caller selected (the units of the area as it
 * was, their evaluations, models, awards, grades, reports): per type total / eligible / registered /
 * recognised with exact rates; models; awards by kind and issuer; grade distribution; report completeness.
 *
 * @example
 * ```ts
 * const stats = computeStatistics({ year: 2021, units: evaluateArea(inputs), models, awards });
 * stats.units?.byType.XA.recognitionRate;  // { numerator: 15, denominator: 16, text: '15/16', value: 0.9375, percentage: 93.75 }
 * stats.models?.operating;                 // 21
 * stats.models?.newInYear;                 // 4
 * ```
 */
export function computeStatistics(input: StatisticsInput): Statistics {
  assertYear(input.year);
  const out: Statistics = { year: input.year };
  if (input.units) out.units = computeUnitStatistics(input.units);
  if (input.models) out.models = computeModelStatistics(input.models, input.year, input.modelsAsOf);
  if (input.awards) out.awards = computeAwardStatistics(input.awards, input.year);
  if (input.grades) out.grades = computeGradeDistribution(input.grades);
  if (input.reports) out.reports = computeReportCompleteness(input.reports);
  return out;
}
