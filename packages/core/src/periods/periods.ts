import { DomainError, type LocalizedText } from '../errors.js';
import { isUnitType, UNIT_TYPES, type UnitType } from '../units.js';
import { addDays, assertIsoDate, assertYear, isoDate, vietnamDate, type DateRange } from './dates.js';

// ── Evaluation windows ──────────────────────────────────────────────────────────────────────────────

/**
 * Where each unit type's yearly evaluation window starts, in the previous calendar year (month 1–12, day).
 * The window of year `Y` runs from that day of `Y − 1` to the day before it in `Y`, both inclusive:
 *
 * | type                       | window of year Y              |
 * |----------------------------|-------------------------------|
 * | `KDC`                      | 1 Nov (Y − 1) → 31 Oct Y      |
 * | `XA`, `CQ`, `DN`, `CSGD`   | 16 Nov (Y − 1) → 15 Nov Y     |
 *
 * @example
 * ```ts
 * WINDOW_STARTS.KDC; // { month: 11, day: 1 }
 * ```
 */
export const WINDOW_STARTS: Readonly<Record<UnitType, Readonly<{ month: number; day: number }>>> = {
  KDC: { month: 11, day: 1 },
  XA: { month: 11, day: 16 },
  CQ: { month: 11, day: 16 },
  DN: { month: 11, day: 16 },
  CSGD: { month: 11, day: 16 },
};

/**
 * The evaluation window of one unit type for one year: an inclusive range of ISO dates. An incident counts
 * toward the year whose window holds its date.
 *
 * @example
 * ```ts
 * const w: EvaluationWindow = { unitType: 'KDC', year: 2021, from: '2020-11-01', to: '2021-10-31' };
 * ```
 */
export interface EvaluationWindow extends DateRange {
  unitType: UnitType;
  year: number;
}

const windowCache: Record<UnitType, Map<number, EvaluationWindow>> = {
  KDC: new Map(),
  XA: new Map(),
  CQ: new Map(),
  DN: new Map(),
  CSGD: new Map(),
};

function assertUnitType(type: UnitType): void {
  if (!isUnitType(type)) {
    throw new DomainError('INVALID', {
      vi: `Loại đơn vị không hợp lệ: ${String(type)}`,
      en: `Invalid unit type: ${String(type)}`,
    });
  }
}

/**
 * The evaluation window of a unit type for a year (Vietnam calendar dates, inclusive). The result is
 * frozen and shared: do not mutate it.
 *
 * @example
 * ```ts
 * evaluationWindow('KDC', 2021);  // { unitType: 'KDC', year: 2021, from: '2020-11-01', to: '2021-10-31' }
 * evaluationWindow('XA', 2022);   // { unitType: 'XA', year: 2022, from: '2021-11-16', to: '2022-11-15' }
 * ```
 */
export function evaluationWindow(type: UnitType, year: number): EvaluationWindow {
  const cached = windowCache[type]?.get(year);
  if (cached) return cached;
  assertUnitType(type);
  assertYear(year);
  const start = WINDOW_STARTS[type];
  const from = isoDate(year - 1, start.month, start.day);
  const window = Object.freeze({ unitType: type, year, from, to: addDays(isoDate(year, start.month, start.day), -1) });
  windowCache[type].set(year, window);
  return window;
}

/**
 * The dates every unit type's window of a year lies within: from the earliest start to the latest end
 * (for loading the incidents of a year once, before the engine keeps each unit's own window).
 *
 * @example
 * ```ts
 * yearEvaluationSpan(2021); // { from: '2020-11-01', to: '2021-11-15' }
 * ```
 */
export function yearEvaluationSpan(year: number): DateRange {
  const windows = UNIT_TYPES.map((type) => evaluationWindow(type, year));
  return {
    from: windows.reduce((min, w) => (w.from < min ? w.from : min), windows[0]!.from),
    to: windows.reduce((max, w) => (w.to > max ? w.to : max), windows[0]!.to),
  };
}

/**
 * The year whose evaluation window (for this unit type) holds an ISO date.
 *
 * @example
 * ```ts
 * windowYearOf('KDC', '2021-10-31'); // 2021
 * windowYearOf('KDC', '2021-11-01'); // 2022
 * windowYearOf('XA', '2021-11-15');  // 2021
 * windowYearOf('XA', '2021-11-16');  // 2022
 * ```
 */
export function windowYearOf(type: UnitType, date: string): number {
  assertUnitType(type);
  assertIsoDate(date);
  const year = Number(date.slice(0, 4));
  const start = WINDOW_STARTS[type];
  return date >= isoDate(year, start.month, start.day) ? year + 1 : year;
}

/**
 * The evaluation window that holds the Vietnam date of the instant `now`, for a unit type.
 *
 * @example
 * ```ts
 * currentWindow('KDC', new Date('2021-10-31T17:30:00Z')).year; // 2022 (1 Nov 2021 in Vietnam)
 * ```
 */
export function currentWindow(type: UnitType, now: Date): EvaluationWindow {
  return evaluationWindow(type, windowYearOf(type, vietnamDate(now)));
}

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

// ── The deadline calendar ───────────────────────────────────────────────────────────────────────────

/**
 * The kinds of deadline in a year of the movement.
 *
 * @example
 * ```ts
 * DEADLINE_CODES.includes('FESTIVAL_DAY'); // true
 * ```
 */
export const DEADLINE_CODES = [
  'Q1_REGISTRATION',
  'QUARTERLY_REPORT_DUE',
  'SIX_MONTH_REVIEW',
  'FESTIVAL_DAY',
  'KDC_WINDOW_CLOSES',
  'WINDOW_CLOSES',
  'KDC_GRADING_DEADLINE',
  'GRADING_DEADLINE',
  'KDC_RECOGNITION_DEADLINE',
  'RECOGNITION_DEADLINE',
  'ANNUAL_REVIEW',
] as const;

/** One of {@link DEADLINE_CODES}. @example `const c: DeadlineCode = 'KDC_WINDOW_CLOSES';` */
export type DeadlineCode = (typeof DEADLINE_CODES)[number];

/**
 * A fixed yearly date of the movement's calendar, as data. `verified: false` marks a date we chose because the
 * sources give only a month.
 *
 * @example
 * ```ts
 * const festival: DeadlineTemplate = {
 *   code: 'FESTIVAL_DAY', month: 8, day: 19, unitTypes: ['KDC', 'XA', 'CQ', 'DN', 'CSGD'], verified: true,
 *   label: { vi: 'Ngày hội toàn dân bảo vệ an ninh Tổ quốc', en: 'National security protection festival day' },
 * };
 * ```
 */
export interface DeadlineTemplate {
  code: Exclude<DeadlineCode, 'QUARTERLY_REPORT_DUE'>;
  month: number;
  day: number;
  unitTypes: readonly UnitType[];
  label: LocalizedText;
  verified: boolean;
  /** Where the legal text sets it (`Điều 9 khoản 1 Thông tư 124/2021/TT-BCA`), when it does. */
  source?: string;
  /** The first year it applies to (the rule that sets it came into force then). */
  fromYear?: number;
}

const OTHERS: readonly UnitType[] = ['XA', 'CQ', 'DN', 'CSGD'];

/**
 * The fixed dates of a year (quarterly report due dates are added by {@link deadlineCalendar} from the
 * reporting settings).
 *
 * @example
 * ```ts
 * DEADLINE_TEMPLATES.find((d) => d.code === 'KDC_GRADING_DEADLINE'); // { month: 11, day: 20, … }
 * ```
 */
export const DEADLINE_TEMPLATES: readonly DeadlineTemplate[] = [
  {
    code: 'Q1_REGISTRATION',
    month: 3,
    day: 31,
    unitTypes: UNIT_TYPES,
    label: {
      vi: 'Hạn quý I: nghị quyết, kế hoạch, đăng ký xây dựng "An toàn về an ninh, trật tự" và ký cam kết của hộ gia đình',
      en: 'End of Q1: resolutions, plans, registration for the standard and household pledges',
    },
    verified: true,
  },
  {
    code: 'SIX_MONTH_REVIEW',
    month: 6,
    day: 30,
    unitTypes: UNIT_TYPES,
    label: { vi: 'Sơ kết 6 tháng phong trào', en: 'Six-month review of the movement' },
    verified: false,
  },
  {
    code: 'FESTIVAL_DAY',
    month: 8,
    day: 19,
    unitTypes: UNIT_TYPES,
    label: { vi: 'Ngày hội toàn dân bảo vệ an ninh Tổ quốc', en: 'National security protection festival day' },
    verified: true,
  },
  {
    code: 'KDC_WINDOW_CLOSES',
    month: 10,
    day: 31,
    unitTypes: ['KDC'],
    label: { vi: 'Khép lại kỳ đánh giá của khu dân cư', en: 'Evaluation window of residential areas closes' },
    verified: true,
  },
  {
    code: 'WINDOW_CLOSES',
    month: 11,
    day: 15,
    unitTypes: OTHERS,
    label: {
      vi: 'Khép lại kỳ đánh giá của xã, cơ quan, doanh nghiệp, cơ sở giáo dục',
      en: 'Evaluation window of communes, agencies, enterprises and schools closes',
    },
    verified: true,
  },
  {
    code: 'KDC_GRADING_DEADLINE',
    month: 11,
    day: 20,
    unitTypes: ['KDC'],
    label: {
      vi: 'Hạn chấm điểm, xếp loại phong trào ở khu dân cư',
      en: 'Movement grading deadline for residential areas',
    },
    verified: true,
  },
  {
    code: 'GRADING_DEADLINE',
    month: 11,
    day: 30,
    unitTypes: OTHERS,
    label: {
      vi: 'Hạn chấm điểm, xếp loại phong trào ở xã, cơ quan, doanh nghiệp, cơ sở giáo dục',
      en: 'Movement grading deadline for communes, agencies, enterprises and schools',
    },
    verified: true,
  },
  {
    // "trước ngày 15 tháng 11": the last day is the 14th
    code: 'KDC_RECOGNITION_DEADLINE',
    month: 11,
    day: 14,
    unitTypes: ['KDC'],
    label: {
      vi: 'Hạn quyết định công nhận khu dân cư đạt tiêu chuẩn "An toàn về an ninh, trật tự" (trước ngày 15/11)',
      en: 'Recognition decisions on residential areas are due (before 15 November)',
    },
    verified: true,
    source: 'Điều 9 khoản 1 Thông tư 124/2021/TT-BCA',
    fromYear: 2022,
  },
  {
    code: 'RECOGNITION_DEADLINE',
    month: 11,
    day: 19,
    unitTypes: OTHERS,
    label: {
      vi: 'Hạn quyết định công nhận xã, cơ quan, doanh nghiệp, cơ sở giáo dục đạt tiêu chuẩn (trước ngày 20/11)',
      en: 'Recognition decisions on communes, agencies, enterprises and schools are due (before 20 November)',
    },
    verified: true,
    source: 'Điều 9 khoản 1 Thông tư 124/2021/TT-BCA',
    fromYear: 2022,
  },
  {
    code: 'ANNUAL_REVIEW',
    month: 12,
    day: 31,
    unitTypes: UNIT_TYPES,
    label: {
      vi: 'Tổng kết năm và khen thưởng (trong tháng 12)',
      en: 'Annual review and awards (during December)',
    },
    verified: false,
  },
];

/**
 * A dated deadline of a given year.
 *
 * @example
 * ```ts
 * const d: Deadline = {
 *   code: 'QUARTERLY_REPORT_DUE', date: '2022-03-20', quarter: 1, unitTypes: ['KDC'], verified: false,
 *   label: { vi: 'Hạn báo cáo quý I', en: 'Q1 report due' },
 * };
 * ```
 */
export interface Deadline {
  code: DeadlineCode;
  date: string;
  quarter?: Quarter;
  unitTypes: readonly UnitType[];
  label: LocalizedText;
  verified: boolean;
  /** Where the legal text sets it, when it does. */
  source?: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/**
 * The deadline calendar of a year, sorted by date: the fixed dates of {@link DEADLINE_TEMPLATES} and the
 * four quarterly report due dates from the reporting settings.
 *
 * @example
 * ```ts
 * deadlineCalendar(2022).map((d) => `${d.date} ${d.code}`);
 * // ['2022-03-20 QUARTERLY_REPORT_DUE', '2022-03-31 Q1_REGISTRATION', '2022-06-20 QUARTERLY_REPORT_DUE',
 * //  '2022-06-30 SIX_MONTH_REVIEW', '2022-08-19 FESTIVAL_DAY', '2022-09-20 QUARTERLY_REPORT_DUE',
 * //  '2022-10-31 KDC_WINDOW_CLOSES', '2022-11-14 KDC_RECOGNITION_DEADLINE', '2022-11-15 WINDOW_CLOSES',
 * //  '2022-11-19 RECOGNITION_DEADLINE', '2022-11-20 KDC_GRADING_DEADLINE', '2022-11-30 GRADING_DEADLINE',
 * //  '2022-12-20 QUARTERLY_REPORT_DUE', '2022-12-31 ANNUAL_REVIEW']
 * // recognition decisions: before 15/11 (villages) and 20/11 (the others), Art. 9(1) of 124/2021, from 2022
 * ```
 */
export function deadlineCalendar(year: number, settings: ReportingSettings = DEFAULT_REPORTING_SETTINGS): Deadline[] {
  assertYear(year);
  const deadlines: Deadline[] = DEADLINE_TEMPLATES.filter((t) => t.fromYear === undefined || year >= t.fromYear).map(
    (t) => ({
      code: t.code,
      date: isoDate(year, t.month, t.day),
      unitTypes: t.unitTypes,
      label: t.label,
      verified: t.verified,
      ...(t.source ? { source: t.source } : {}),
    }),
  );
  for (const quarter of [1, 2, 3, 4] as const) {
    const p = quarterPeriod(year, quarter, settings);
    deadlines.push({
      code: 'QUARTERLY_REPORT_DUE',
      date: p.dueDate,
      quarter,
      unitTypes: UNIT_TYPES,
      label: { vi: `Hạn gửi báo cáo quý ${ROMAN[quarter - 1]}`, en: `Q${quarter} report due` },
      verified: false,
    });
  }
  return deadlines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The deadlines of the calendar that fall on or after the Vietnam date of `now`, within `days` days
 * (default 30), for a unit type (or all types).
 *
 * @example
 * ```ts
 * upcomingDeadlines(new Date('2022-10-25T03:00:00Z'), { unitType: 'KDC', days: 10 }).map((d) => d.code);
 * // ['KDC_WINDOW_CLOSES']
 * ```
 */
export function upcomingDeadlines(
  now: Date,
  options: { unitType?: UnitType; days?: number; settings?: ReportingSettings } = {},
): Deadline[] {
  const today = vietnamDate(now);
  const until = addDays(today, options.days ?? 30);
  const year = Number(today.slice(0, 4));
  const calendar = [
    ...deadlineCalendar(year, options.settings),
    ...(year < 9999 ? deadlineCalendar(year + 1, options.settings) : []),
  ];
  return calendar.filter(
    (d) =>
      d.date >= today && d.date <= until && (options.unitType === undefined || d.unitTypes.includes(options.unitType)),
  );
}
