// Report completeness: which quarterly reports were expected of which units, which came, on time or late,
// and which are missing.
import {
  DEFAULT_REPORTING_SETTINGS,
  quarterPeriod,
  type Quarter,
  type QuarterRef,
  type ReportingSettings,
} from '../periods/periods.js';
import type { QuarterlyReport } from '../records.schema.js';
import { toVietnamDate } from '../periods/dates.js';
import { makeRate, type Rate } from './rate.js';

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
  const periods = new Map(
    input.quarters.map((q) => [quarterKey(q.year, q.quarter), quarterPeriod(q.year, q.quarter, settings)]),
  );
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
    expected: 0,
    submitted: 0,
    onTime: 0,
    late: 0,
    missing: [],
    submissionRate: null,
    onTimeRate: null,
    byQuarter: [],
  };
  for (const [key, period] of periods) {
    const byUnit = firstSubmission.get(key);
    const row = {
      year: period.year,
      quarter: period.quarter,
      dueDate: period.dueDate,
      expected: unitIds.size,
      submitted: 0,
      onTime: 0,
    };
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
