// Reporting periods in Vietnam time: quarters (the government cut-off, the 15th of the month before to the
// 14th of the last month), six months, the year, and their due dates from a province's settings.
import { DomainError } from '../errors.js';
import { addDays, assertIsoDate, assertYear, isoDate, vietnamDate, type DateRange } from './dates.js';

// ── Reporting periods (quarters, six months, year) ──────────────────────────────────────────────────

/**
 * Settings of periodic reporting, one set per province. Defaults in {@link DEFAULT_REPORTING_SETTINGS}.
 *
 * - `dueDaysAfterCutoff`: a report is due this many days after its period's cut-off (the 14th). The default
 *   6 puts the due date on the **20th** of the period's last month, the usual deadline for periodic reports
 *   to the level above (our choice, a setting per province: domain.md leaves it open).
 * - `reminderDaysBefore`: reminders start this many days before the due date.
 * - `escalationGraceDays`: a report still missing this many days after the due date is escalated to the
 *   level above.
 *
 * @example
 * ```ts
 * const quangBinh: ReportingSettings = { dueDaysAfterCutoff: 4, reminderDaysBefore: 3, escalationGraceDays: 5 };
 * ```
 */
export interface ReportingSettings {
  dueDaysAfterCutoff: number;
  reminderDaysBefore: number;
  escalationGraceDays: number;
}

/**
 * The default {@link ReportingSettings}: due 6 days after the cut-off (the 20th), reminders from 3 days
 * before, escalation 5 days after the due date.
 *
 * @example
 * ```ts
 * quarterPeriod(2022, 1, DEFAULT_REPORTING_SETTINGS).dueDate; // '2022-03-20'
 * ```
 */
export const DEFAULT_REPORTING_SETTINGS: Readonly<ReportingSettings> = Object.freeze({
  dueDaysAfterCutoff: 6,
  reminderDaysBefore: 3,
  escalationGraceDays: 5,
});

/** A quarter number. @example `const q: Quarter = 4;` */
export type Quarter = 1 | 2 | 3 | 4;

/**
 * A reporting period with the usual government cut-off: from the 15th of the month before the period
 * starts to the 14th of the period's last month (inclusive), with its due, reminder and escalation dates.
 *
 * @example
 * ```ts
 * const q1: ReportingPeriod = {
 *   kind: 'quarter', year: 2022, quarter: 1, from: '2021-12-15', to: '2022-03-14',
 *   dueDate: '2022-03-20', remindFrom: '2022-03-17', escalateOn: '2022-03-25',
 * };
 * ```
 */
export interface ReportingPeriod extends DateRange {
  kind: 'quarter' | 'half-year' | 'year';
  year: number;
  /** The quarter, for `kind: 'quarter'`; the last quarter covered otherwise (2 for the half year, 4 for the year). */
  quarter: Quarter;
  dueDate: string;
  remindFrom: string;
  escalateOn: string;
}

function assertQuarter(quarter: number): asserts quarter is Quarter {
  if (quarter !== 1 && quarter !== 2 && quarter !== 3 && quarter !== 4) {
    throw new DomainError('INVALID', { vi: `Quý không hợp lệ: ${quarter}`, en: `Invalid quarter: ${quarter}` });
  }
}

function assertSettings(settings: ReportingSettings): void {
  for (const key of ['dueDaysAfterCutoff', 'reminderDaysBefore', 'escalationGraceDays'] as const) {
    const value = settings[key];
    if (!Number.isInteger(value) || value < 0 || value > 366) {
      throw new DomainError('INVALID', {
        vi: `Cài đặt báo cáo không hợp lệ: ${key} = ${value}; cần số nguyên 0–366`,
        en: `Invalid reporting setting: ${key} = ${value}; expected an integer 0–366`,
      });
    }
  }
}

function period(
  kind: ReportingPeriod['kind'],
  year: number,
  firstQuarter: Quarter,
  lastQuarter: Quarter,
  settings: ReportingSettings,
): ReportingPeriod {
  assertYear(year);
  assertSettings(settings);
  const startMonth = (firstQuarter - 1) * 3 + 1; // 1, 4, 7, 10
  const from = startMonth === 1 ? isoDate(year - 1, 12, 15) : isoDate(year, startMonth - 1, 15);
  const to = isoDate(year, lastQuarter * 3, 14);
  const dueDate = addDays(to, settings.dueDaysAfterCutoff);
  return {
    kind,
    year,
    quarter: kind === 'quarter' ? firstQuarter : lastQuarter,
    from,
    to,
    dueDate,
    remindFrom: addDays(dueDate, -settings.reminderDaysBefore),
    escalateOn: addDays(dueDate, settings.escalationGraceDays),
  };
}

/**
 * A quarter's reporting period: 15th of the month before the quarter → 14th of its last month. Q1 of a year
 * starts on 15 December of the year before.
 *
 * @example
 * ```ts
 * quarterPeriod(2022, 1); // { from: '2021-12-15', to: '2022-03-14', dueDate: '2022-03-20', … }
 * quarterPeriod(2022, 4); // { from: '2022-09-15', to: '2022-12-14', dueDate: '2022-12-20', … }
 * quarterPeriod(2022, 1, { ...DEFAULT_REPORTING_SETTINGS, dueDaysAfterCutoff: 1 }).dueDate; // '2022-03-15'
 * ```
 */
export function quarterPeriod(
  year: number,
  quarter: number,
  settings: ReportingSettings = DEFAULT_REPORTING_SETTINGS,
): ReportingPeriod {
  assertQuarter(quarter);
  return period('quarter', year, quarter, quarter, settings);
}

/**
 * The six-month ("sơ kết") reporting period: 15 December of the year before → 14 June.
 *
 * @example
 * ```ts
 * halfYearPeriod(2022); // { kind: 'half-year', from: '2021-12-15', to: '2022-06-14', dueDate: '2022-06-20', … }
 * ```
 */
export function halfYearPeriod(
  year: number,
  settings: ReportingSettings = DEFAULT_REPORTING_SETTINGS,
): ReportingPeriod {
  return period('half-year', year, 1, 2, settings);
}

/**
 * The annual ("tổng kết") reporting period: 15 December of the year before → 14 December.
 *
 * @example
 * ```ts
 * annualPeriod(2022); // { kind: 'year', from: '2021-12-15', to: '2022-12-14', dueDate: '2022-12-20', … }
 * ```
 */
export function annualPeriod(year: number, settings: ReportingSettings = DEFAULT_REPORTING_SETTINGS): ReportingPeriod {
  return period('year', year, 1, 4, settings);
}

/**
 * A quarter of a year, as reports and statistics name it.
 *
 * @example
 * ```ts
 * const ref: QuarterRef = { year: 2022, quarter: 1 };
 * ```
 */
export interface QuarterRef {
  year: number;
  quarter: Quarter;
}

/**
 * The reporting quarter whose cut-off range holds an ISO date. From 15 December a date belongs to Q1 of the
 * next year.
 *
 * @example
 * ```ts
 * quarterOf('2022-03-14'); // { year: 2022, quarter: 1 }
 * quarterOf('2022-03-15'); // { year: 2022, quarter: 2 }
 * quarterOf('2021-12-15'); // { year: 2022, quarter: 1 }
 * ```
 */
export function quarterOf(date: string): QuarterRef {
  assertIsoDate(date);
  const year = Number(date.slice(0, 4));
  const monthDay = date.slice(5);
  if (monthDay >= '12-15') return { year: year + 1, quarter: 1 };
  if (monthDay < '03-15') return { year, quarter: 1 };
  if (monthDay < '06-15') return { year, quarter: 2 };
  if (monthDay < '09-15') return { year, quarter: 3 };
  return { year, quarter: 4 };
}

/**
 * The reporting quarter in progress at the instant `now`, in Vietnam time, with its dates.
 *
 * @example
 * ```ts
 * currentQuarter(new Date('2022-03-14T16:59:59Z')).quarter; // 1 (23:59 on 14 March in Vietnam)
 * currentQuarter(new Date('2022-03-14T17:00:00Z')).quarter; // 2 (00:00 on 15 March in Vietnam)
 * ```
 */
export function currentQuarter(now: Date, settings: ReportingSettings = DEFAULT_REPORTING_SETTINGS): ReportingPeriod {
  const ref = quarterOf(vietnamDate(now));
  return quarterPeriod(ref.year, ref.quarter, settings);
}

/**
 * The quarters whose reports feed a year's comparison criterion (KDC-4): the four quarters that have closed
 * by the time the year's windows close, i.e. Q4 of the year before and Q1–Q3 of the year (15 Sep of `Y − 1`
 * → 14 Sep of `Y`). The reporting quarters and the evaluation windows do not line up; these four overlap
 * the windows by 10½ months and are all due before the KDC window closes on 31 October.
 *
 * @example
 * ```ts
 * comparisonQuarters(2022);
 * // [{ year: 2021, quarter: 4 }, { year: 2022, quarter: 1 }, { year: 2022, quarter: 2 }, { year: 2022, quarter: 3 }]
 * ```
 */
export function comparisonQuarters(year: number): QuarterRef[] {
  assertYear(year);
  return [
    { year: year - 1, quarter: 4 },
    { year, quarter: 1 },
    { year, quarter: 2 },
    { year, quarter: 3 },
  ];
}
