// The deadline calendar of a year of the movement: the fixed dates (registration, festival day, windows,
// recognition and grading deadlines) and the quarterly report due dates.
import type { LocalizedText } from '../errors.js';
import { UNIT_TYPES, type UnitType } from '../units.js';
import { addDays, assertYear, isoDate, vietnamDate } from './dates.js';
import {
  DEFAULT_REPORTING_SETTINGS,
  quarterPeriod,
  type Quarter,
  type ReportingSettings,
} from './reporting-periods.js';

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
