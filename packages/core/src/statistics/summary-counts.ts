// Figures from counts: what computeStatistics gives from one record per unit, computed from the rows of a
// GROUP BY instead (units by type and result, grades, awards, reports per quarter), so a stored area's
// figures never need its units again. A property test checks the two agree.
import { DomainError } from '../errors.js';
import { GRADES, type Grade } from '../grading/grading.schema.js';
import { toVietnamDate } from '../periods/dates.js';
import { DEFAULT_REPORTING_SETTINGS, quarterPeriod, type Quarter, type ReportingSettings } from '../periods/periods.js';
import type { RecognitionResult } from '../recognition/recognition.engine.js';
import { AWARD_KINDS, type AwardKind, type AwardRecord } from '../records.schema.js';
import { UNIT_TYPES, type UnitType } from '../units.js';
import { makeRate } from './rate.js';
import type {
  AwardStatistics,
  GradeDistribution,
  ReportCompleteness,
  UnitStatistics,
  UnitTypeStatistics,
} from './statistics.js';

/**
 * Units of one type with one result (a row of `GROUP BY unit_type, result`).
 *
 * @example
 * ```ts
 * const row: UnitResultCount = { unitType: 'KDC', result: 'DAT', count: 92 };
 * ```
 */
export interface UnitResultCount {
  unitType: UnitType;
  result: RecognitionResult;
  count: number;
}

function finishCounter(total: number, excluded: number, registered: number, recognised: number): UnitTypeStatistics {
  const eligible = total - excluded;
  return {
    total,
    excluded,
    eligible,
    registered,
    notRegistered: eligible - registered,
    recognised,
    notRecognised: registered - recognised,
    recognitionRate: makeRate(recognised, eligible),
    registrationRate: makeRate(registered, eligible),
  };
}

/**
 * The unit figures of an area from counts by type and result: what `computeUnitStatistics` gives for the
 * same units, one record each.
 *
 * @example
 * ```ts
 * unitStatisticsFromCounts([
 *   { unitType: 'XA', result: 'DAT', count: 15 },
 *   { unitType: 'XA', result: 'CHUA_DAT', count: 1 },
 * ]).byType.XA.recognitionRate?.text; // '15/16'
 * ```
 */
export function unitStatisticsFromCounts(counts: readonly UnitResultCount[]): UnitStatistics {
  const tally = new Map<UnitType, [number, number, number, number]>(UNIT_TYPES.map((t) => [t, [0, 0, 0, 0]]));
  for (const c of counts) {
    const t = tally.get(c.unitType);
    if (!t)
      throw new DomainError('INVALID', {
        vi: `Loại đơn vị không hợp lệ: ${String(c.unitType)}`,
        en: `Invalid unit type: ${String(c.unitType)}`,
      });
    t[0] += c.count;
    if (c.result === 'EXCLUDED') t[1] += c.count;
    else if (c.result === 'DAT') {
      t[2] += c.count;
      t[3] += c.count;
    } else if (c.result === 'CHUA_DAT') t[2] += c.count;
  }
  const all: [number, number, number, number] = [0, 0, 0, 0];
  const byType = {} as Record<UnitType, UnitTypeStatistics>;
  for (const type of UNIT_TYPES) {
    const t = tally.get(type) ?? [0, 0, 0, 0];
    all[0] += t[0];
    all[1] += t[1];
    all[2] += t[2];
    all[3] += t[3];
    byType[type] = finishCounter(...t);
  }
  return { byType, all: finishCounter(...all) };
}

/**
 * The grade distribution from counts by type and grade (what `computeGradeDistribution` gives).
 *
 * @example
 * ```ts
 * gradeDistributionFromCounts([{ unitType: 'KDC', grade: 'XUAT_SAC', count: 3 }]).all.XUAT_SAC; // 3
 * ```
 */
export function gradeDistributionFromCounts(
  counts: readonly { unitType: UnitType; grade: Grade; count: number }[],
): GradeDistribution {
  const zero = () => Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  const byType = Object.fromEntries(UNIT_TYPES.map((t) => [t, zero()])) as Record<UnitType, Record<Grade, number>>;
  const all = zero();
  let total = 0;
  for (const c of counts) {
    byType[c.unitType][c.grade] += c.count;
    all[c.grade] += c.count;
    total += c.count;
  }
  return { total, all, byType };
}

/**
 * Awards of one kind, recipient kind and issuer (a row of a GROUP BY over the year's awards).
 *
 * @example
 * ```ts
 * const row: AwardCount = { kind: 'giay_khen', recipientKind: 'collective', issuer: 'Chủ tịch UBND thị xã', count: 3 };
 * ```
 */
export type AwardCount = Pick<AwardRecord, 'kind' | 'recipientKind' | 'issuer'> & { count: number };

/**
 * The award figures from counts (what `computeAwardStatistics` gives for the same year's awards): issuers
 * are compared trimmed, listed by count then name.
 *
 * @example
 * ```ts
 * awardStatisticsFromCounts([{ kind: 'giay_khen', recipientKind: 'collective', issuer: 'Giám đốc Công an tỉnh', count: 2 }]).total; // 2
 * ```
 */
export function awardStatisticsFromCounts(counts: readonly AwardCount[]): AwardStatistics {
  const zero = () => Object.fromEntries(AWARD_KINDS.map((k) => [k, 0])) as Record<AwardKind, number>;
  const out: AwardStatistics = { total: 0, collective: 0, individual: 0, byKind: zero(), byIssuer: [] };
  const issuers = new Map<string, AwardStatistics['byIssuer'][number]>();
  for (const c of counts) {
    out.total += c.count;
    if (c.recipientKind === 'collective') out.collective += c.count;
    else out.individual += c.count;
    out.byKind[c.kind] += c.count;
    const key = c.issuer.trim();
    let issuer = issuers.get(key);
    if (!issuer) issuers.set(key, (issuer = { issuer: key, total: 0, byKind: zero() }));
    issuer.total += c.count;
    issuer.byKind[c.kind] += c.count;
  }
  out.byIssuer = [...issuers.values()].sort(
    (a, b) => b.total - a.total || (a.issuer < b.issuer ? -1 : a.issuer > b.issuer ? 1 : 0),
  );
  return out;
}

/**
 * The quarters of `year` whose report is already due on `today` (a report is expected only once its due
 * date has passed).
 *
 * @example
 * ```ts
 * dueQuarters(2021, '2022-01-05').map((q) => q.quarter); // [1, 2, 3, 4]
 * dueQuarters(2021, '2021-07-01').map((q) => q.quarter); // [1, 2]
 * ```
 */
export function dueQuarters(
  year: number,
  today: string,
  settings: ReportingSettings = DEFAULT_REPORTING_SETTINGS,
): { year: number; quarter: Quarter }[] {
  return ([1, 2, 3, 4] as Quarter[])
    .map((quarter) => ({ year, quarter }))
    .filter((q) => quarterPeriod(q.year, q.quarter, settings).dueDate < today);
}

/**
 * Whether a quarterly report submitted at `submittedAt` (an ISO instant, or a Vietnam date) was on time:
 * its date in Vietnam is on or before the quarter's due date. Stored with the report when it is written.
 *
 * @example
 * ```ts
 * isReportOnTime('2021-04-20T16:59:00Z', 2021, 1); // true  (23:59 on 20/04 in Vietnam)
 * isReportOnTime('2021-04-20T17:00:00Z', 2021, 1); // false (00:00 on 21/04 in Vietnam)
 * ```
 */
export function isReportOnTime(
  submittedAt: string,
  year: number,
  quarter: Quarter,
  settings: ReportingSettings = DEFAULT_REPORTING_SETTINGS,
): boolean {
  return toVietnamDate(submittedAt) <= quarterPeriod(year, quarter, settings).dueDate;
}

/**
 * One due quarter's reports in an area: how many of the expected units filed, and how many on time.
 *
 * @example
 * ```ts
 * const q: QuarterReportCount = { year: 2021, quarter: 1, submitted: 180, onTime: 171 };
 * ```
 */
export interface QuarterReportCount {
  year: number;
  quarter: Quarter;
  submitted: number;
  onTime: number;
}

/**
 * How many missing reports a summary lists (all are counted in `missingCount`).
 *
 * @example
 * ```ts
 * summary.reports.missing.length <= MISSING_REPORTS_LISTED; // true
 * ```
 */
export const MISSING_REPORTS_LISTED = 200;

/**
 * Report completeness as a summary gives it: the first {@link MISSING_REPORTS_LISTED} missing reports, and their count.
 *
 * @example
 * ```ts
 * const r: AreaReportCompleteness = summary.reports;
 * r.missingCount >= r.missing.length; // true
 * ```
 */
export type AreaReportCompleteness = ReportCompleteness & { missingCount: number };

/**
 * Report completeness from per-quarter counts (what `computeReportCompleteness` gives): `reportingUnits`
 * units are expected to file each due quarter; `missing` is the caller's first page of missing reports
 * (sorted by quarter then unit), `missingCount` comes from the counts.
 *
 * @example
 * ```ts
 * const r = reportCompletenessFromCounts({ reportingUnits: 10, quarters: [{ year: 2021, quarter: 1, submitted: 9, onTime: 8 }], missing: [] });
 * r.submissionRate?.text; // '9/10'
 * r.missingCount;         // 1
 * ```
 */
export function reportCompletenessFromCounts(input: {
  reportingUnits: number;
  quarters: readonly QuarterReportCount[];
  missing: readonly { unitId: number; year: number; quarter: Quarter }[];
  settings?: ReportingSettings;
}): AreaReportCompleteness {
  const settings = input.settings ?? DEFAULT_REPORTING_SETTINGS;
  const byQuarter = [...input.quarters]
    .sort((a, b) => a.year * 10 + a.quarter - (b.year * 10 + b.quarter))
    .map((q) => ({
      year: q.year,
      quarter: q.quarter,
      dueDate: quarterPeriod(q.year, q.quarter, settings).dueDate,
      expected: input.reportingUnits,
      submitted: q.submitted,
      onTime: q.onTime,
    }));
  const expected = byQuarter.reduce((n, q) => n + q.expected, 0);
  const submitted = byQuarter.reduce((n, q) => n + q.submitted, 0);
  const onTime = byQuarter.reduce((n, q) => n + q.onTime, 0);
  return {
    expected,
    submitted,
    onTime,
    late: submitted - onTime,
    missing: input.missing.slice(0, MISSING_REPORTS_LISTED),
    submissionRate: makeRate(submitted, expected),
    onTimeRate: makeRate(onTime, expected),
    byQuarter,
    missingCount: expected - submitted,
  };
}
