import { DomainError, type LocalizedText } from '../errors.js';
import { addDays, assertIsoDate } from '../periods/dates.js';
import {
  DEFAULT_REPORTING_SETTINGS,
  deadlineCalendar,
  type DeadlineCode,
  type Quarter,
  type ReportingSettings,
} from '../periods/periods.js';
import type { UnitType } from '../units.js';

// When reminders go out: each deadline of the yearly calendar that asks something of the units (a quarterly
// report, the Q1 registration, the self-assessment before a window closes, the movement grading) has stages
// at fixed offsets from its date. Everything here works on Vietnam calendar dates (`YYYY-MM-DD`): the caller
// turns its instant into one with `vietnamDate(now)`.

/**
 * What a deadline asks of a unit, and therefore what "missing" means for it:
 *
 * | obligation         | done when                                                  | expected of                 |
 * |--------------------|------------------------------------------------------------|-----------------------------|
 * | `quarterly_report` | the unit filed its report for the quarter                  | every eligible unit         |
 * | `registration`     | the unit registered for the year's standard                | every eligible unit         |
 * | `self_assessment`  | the year's assessment went past `registered`               | registered units            |
 * | `grading`          | the unit has a 100-point grading sheet for the year        | registered units            |
 * | `recognition`      | the year's file has a decision (recognised or not)         | registered units            |
 *
 * @example
 * ```ts
 * REMINDER_OBLIGATIONS.includes('grading'); // true
 * ```
 */
export const REMINDER_OBLIGATIONS = [
  'quarterly_report',
  'registration',
  'self_assessment',
  'grading',
  'recognition',
] as const;

/** One of {@link REMINDER_OBLIGATIONS}. @example `const o: ReminderObligation = 'quarterly_report';` */
export type ReminderObligation = (typeof REMINDER_OBLIGATIONS)[number];

/**
 * The deadlines of core's calendar that remind someone, with what each asks. The six-month review, the
 * festival day and the annual review ask nothing of a unit that the system could check, so they remind no one.
 *
 * @example
 * ```ts
 * DEADLINE_OBLIGATIONS.KDC_WINDOW_CLOSES; // 'self_assessment'
 * DEADLINE_OBLIGATIONS.FESTIVAL_DAY;      // undefined
 * ```
 */
export const DEADLINE_OBLIGATIONS: Readonly<Partial<Record<DeadlineCode, ReminderObligation>>> = Object.freeze({
  QUARTERLY_REPORT_DUE: 'quarterly_report',
  Q1_REGISTRATION: 'registration',
  KDC_WINDOW_CLOSES: 'self_assessment',
  WINDOW_CLOSES: 'self_assessment',
  KDC_GRADING_DEADLINE: 'grading',
  GRADING_DEADLINE: 'grading',
  KDC_RECOGNITION_DEADLINE: 'recognition',
  RECOGNITION_DEADLINE: 'recognition',
});

/**
 * The labels of the obligations, as a digest lists them.
 *
 * @example
 * ```ts
 * OBLIGATION_LABELS.quarterly_report.en; // 'quarterly report'
 * ```
 */
export const OBLIGATION_LABELS: Readonly<Record<ReminderObligation, LocalizedText>> = Object.freeze({
  quarterly_report: { vi: 'báo cáo quý', en: 'quarterly report' },
  registration: { vi: 'đăng ký xây dựng "An toàn về an ninh, trật tự"', en: 'registration for the standard' },
  self_assessment: { vi: 'tự đánh giá', en: 'self-assessment' },
  grading: { vi: 'chấm điểm phong trào', en: 'movement grading sheet' },
  recognition: { vi: 'quyết định công nhận', en: 'recognition decision' },
});

/**
 * Settings of the reminders (one set for the deployment; the worker reads them from its environment):
 *
 * - `daysBefore`: reminders this many days before a deadline (default 7, 3 and 1);
 * - `overdueAfterDays`: the overdue reminder this many days after it (default 1: the day after);
 * - `escalationGraceDays`: what is still missing this many days after the deadline is escalated to the level
 *   above (default 5, the reporting settings' own grace period);
 * - `reporting`: the reporting settings that place the quarterly due dates;
 * - `deadlines`: the deadline codes that remind (default every key of {@link DEADLINE_OBLIGATIONS}).
 *
 * @example
 * ```ts
 * const settings: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, daysBefore: [10, 2], escalationGraceDays: 7 };
 * ```
 */
export interface ReminderSettings {
  daysBefore: readonly number[];
  overdueAfterDays: number;
  escalationGraceDays: number;
  reporting: ReportingSettings;
  deadlines: readonly DeadlineCode[];
}

/**
 * The default {@link ReminderSettings}: 7, 3 and 1 days before, overdue the day after, escalation 5 days after,
 * quarterly reports due on the 20th, every deadline that asks something.
 *
 * @example
 * ```ts
 * DEFAULT_REMINDER_SETTINGS.daysBefore; // [7, 3, 1]
 * ```
 */
export const DEFAULT_REMINDER_SETTINGS: Readonly<ReminderSettings> = Object.freeze({
  daysBefore: Object.freeze([7, 3, 1]),
  overdueAfterDays: 1,
  escalationGraceDays: DEFAULT_REPORTING_SETTINGS.escalationGraceDays,
  reporting: DEFAULT_REPORTING_SETTINGS,
  deadlines: Object.freeze(Object.keys(DEADLINE_OBLIGATIONS) as DeadlineCode[]),
});

function invalid(vi: string, en: string): DomainError {
  return new DomainError('INVALID', {
    vi: `Cài đặt nhắc việc không hợp lệ: ${vi}`,
    en: `Invalid reminder settings: ${en}`,
  });
}

/**
 * Checks reminder settings and returns them: `daysBefore` distinct integers 1–90, `overdueAfterDays` and
 * `escalationGraceDays` integers 1–90, deadline codes that remind. Throws `DomainError('INVALID')` otherwise.
 *
 * @example
 * ```ts
 * assertReminderSettings({ ...DEFAULT_REMINDER_SETTINGS, daysBefore: [3, 3] }); // throws DomainError INVALID
 * ```
 */
export function assertReminderSettings(settings: ReminderSettings): ReminderSettings {
  const days = settings.daysBefore;
  if (
    !Array.isArray(days) ||
    days.some((d) => !Number.isInteger(d) || d < 1 || d > 90) ||
    new Set(days).size !== days.length
  ) {
    throw invalid(
      `số ngày nhắc trước hạn ${String(days)}; cần các số nguyên khác nhau 1–90`,
      `daysBefore ${String(days)}; expected distinct integers 1–90`,
    );
  }
  for (const key of ['overdueAfterDays', 'escalationGraceDays'] as const) {
    const value = settings[key];
    if (!Number.isInteger(value) || value < 1 || value > 90) {
      throw invalid(`${key} = ${value}; cần số nguyên 1–90`, `${key} = ${value}; expected an integer 1–90`);
    }
  }
  for (const code of settings.deadlines) {
    if (!DEADLINE_OBLIGATIONS[code]) throw invalid(`mốc ${code} không nhắc việc`, `deadline ${code} has no reminders`);
  }
  return settings;
}

/**
 * The stage of a reminder: before the deadline, overdue after it (both to the units' own reporters), or the
 * escalation to the level above.
 *
 * @example
 * ```ts
 * const s: ReminderStage = 'escalation';
 * ```
 */
export type ReminderStage = 'before' | 'overdue' | 'escalation';

/**
 * One stage of one deadline, on the day it is due to go out.
 *
 * - `deadlineKey` names the deadline (`QUARTERLY_REPORT_DUE:2022-Q4`, `Q1_REGISTRATION:2023`);
 * - `key` names the stage of it (`…:before-3`, `…:overdue`, `…:escalation`): the unit of "sent once";
 * - `offsetDays` is the day relative to the deadline (−7, −3, −1, +1, +5 by default);
 * - `track` is who it is for: `unit` (the units' reporters) or `manager` (the level above).
 *
 * @example
 * ```ts
 * const o: ReminderOccasion = {
 *   key: 'QUARTERLY_REPORT_DUE:2022-Q4:before-3', deadlineKey: 'QUARTERLY_REPORT_DUE:2022-Q4',
 *   code: 'QUARTERLY_REPORT_DUE', obligation: 'quarterly_report', year: 2022, quarter: 4, dueDate: '2022-12-20',
 *   unitTypes: ['KDC', 'XA', 'CQ', 'DN', 'CSGD'], label: { vi: 'Hạn gửi báo cáo quý IV', en: 'Q4 report due' },
 *   stage: 'before', offsetDays: -3, date: '2022-12-17', track: 'unit',
 * };
 * ```
 */
export interface ReminderOccasion {
  key: string;
  deadlineKey: string;
  code: DeadlineCode;
  obligation: ReminderObligation;
  year: number;
  quarter?: Quarter;
  dueDate: string;
  unitTypes: readonly UnitType[];
  label: LocalizedText;
  stage: ReminderStage;
  offsetDays: number;
  date: string;
  track: 'unit' | 'manager';
}

/**
 * The stages of a deadline under some settings, in order: the reminders before it (farthest first), the
 * overdue reminder, the escalation.
 *
 * @example
 * ```ts
 * reminderStages().map((s) => `${s.id} ${s.offsetDays}`);
 * // ['before-7 -7', 'before-3 -3', 'before-1 -1', 'overdue 1', 'escalation 5']
 * ```
 */
export function reminderStages(
  settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
): { id: string; stage: ReminderStage; offsetDays: number; track: 'unit' | 'manager' }[] {
  const before = [...settings.daysBefore].sort((a, b) => b - a);
  return [
    ...before.map((d) => ({ id: `before-${d}`, stage: 'before' as const, offsetDays: -d, track: 'unit' as const })),
    { id: 'overdue', stage: 'overdue', offsetDays: settings.overdueAfterDays, track: 'unit' },
    { id: 'escalation', stage: 'escalation', offsetDays: settings.escalationGraceDays, track: 'manager' },
  ];
}

/**
 * The deadline key of a deadline: the code with the quarter (`2022-Q4`) for quarterly reports, the year
 * otherwise. The year is the calendar year the deadline belongs to, even when its date falls in January of the
 * next (a Q4 report due in January with a long `dueDaysAfterCutoff`).
 *
 * @example
 * ```ts
 * deadlineKey('QUARTERLY_REPORT_DUE', 2022, 4); // 'QUARTERLY_REPORT_DUE:2022-Q4'
 * deadlineKey('Q1_REGISTRATION', 2023);          // 'Q1_REGISTRATION:2023'
 * ```
 */
export function deadlineKey(code: DeadlineCode, year: number, quarter?: Quarter): string {
  return quarter === undefined ? `${code}:${year}` : `${code}:${year}-Q${quarter}`;
}

type CalendarDeadline = ReturnType<typeof deadlineCalendar>[number];

// One stage of one deadline of year `y`, dated, as an occasion.
function occasionOf(
  deadline: CalendarDeadline,
  y: number,
  obligation: ReminderObligation,
  stage: { id: string; stage: ReminderStage; offsetDays: number; date: string; track: 'unit' | 'manager' },
): ReminderOccasion {
  const dKey = deadlineKey(deadline.code, y, deadline.quarter);
  return {
    key: `${dKey}:${stage.id}`,
    deadlineKey: dKey,
    code: deadline.code,
    obligation,
    year: y,
    ...(deadline.quarter === undefined ? {} : { quarter: deadline.quarter }),
    dueDate: deadline.date,
    unitTypes: deadline.unitTypes,
    label: deadline.label,
    stage: stage.stage,
    offsetDays: stage.offsetDays,
    date: stage.date,
    track: stage.track,
  };
}

/**
 * The reminder occasions of the Vietnam date `day`: every stage of every reminding deadline (from the
 * calendars of the year before, the year and the year after, so a Q4 deadline whose stages cross the new year
 * is found) that falls on `day`.
 *
 * With `asOf` (a later day: catching up a day the worker missed), a stage is left out when a later stage of the
 * same deadline and track has already come by `asOf`: after a downtime nobody gets "7 days left" next to
 * "3 days left". Stages of the same day are never superseded by each other.
 *
 * @example
 * ```ts
 * reminderOccasionsOn('2022-12-17').map((o) => o.key);
 * // ['QUARTERLY_REPORT_DUE:2022-Q4:before-3']
 * reminderOccasionsOn('2022-12-13', DEFAULT_REMINDER_SETTINGS, { asOf: '2022-12-18' }); // [] (before-3 came since)
 * reminderOccasionsOn('2023-01-02', { ...DEFAULT_REMINDER_SETTINGS, reporting: { ...DEFAULT_REPORTING_SETTINGS, dueDaysAfterCutoff: 20 } })
 *   .map((o) => o.key); // ['QUARTERLY_REPORT_DUE:2022-Q4:before-1'] (Q4 2022 due on 3 January 2023)
 * ```
 */
export function reminderOccasionsOn(
  day: string,
  settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
  options: { asOf?: string } = {},
): ReminderOccasion[] {
  assertIsoDate(day, 'day');
  assertReminderSettings(settings);
  const asOf = options.asOf ?? day;
  assertIsoDate(asOf, 'asOf');
  if (asOf < day) throw invalid(`asOf ${asOf} trước ngày ${day}`, `asOf ${asOf} is before day ${day}`);
  const stages = reminderStages(settings);
  const wanted = new Set(settings.deadlines);
  const year = Number(day.slice(0, 4));
  const out: ReminderOccasion[] = [];
  for (let y = Math.max(1900, year - 1); y <= Math.min(9999, year + 1); y++) {
    for (const deadline of deadlineCalendar(y, settings.reporting)) {
      const obligation = DEADLINE_OBLIGATIONS[deadline.code];
      if (!obligation || !wanted.has(deadline.code)) continue;
      const dated = stages.map((s) => ({ ...s, date: addDays(deadline.date, s.offsetDays) }));
      for (const stage of dated) {
        if (stage.date !== day) continue;
        const superseded = dated.some(
          (later) => later.track === stage.track && later.date > stage.date && later.date <= asOf,
        );
        if (superseded) continue;
        out.push(occasionOf(deadline, y, obligation, stage));
      }
    }
  }
  return out.sort((a, b) => compareOccasions(a, b));
}

/**
 * Orders occasions by due date, then offset, then stage (before, overdue, escalation), then key: the order of a digest's sections.
 *
 * @example
 * ```ts
 * occasions.sort(compareOccasions);
 * ```
 */
export function compareOccasions(a: ReminderOccasion, b: ReminderOccasion): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  if (a.offsetDays !== b.offsetDays) return a.offsetDays - b.offsetDays;
  if (a.stage !== b.stage) return STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage];
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

const STAGE_ORDER: Readonly<Record<ReminderStage, number>> = { before: 0, overdue: 1, escalation: 2 };

/**
 * The reminders still outstanding on the Vietnam date `day`, whatever day the worker first ran: for every
 * reminding deadline (of the year before and the year of `day`) and each track, the latest stage whose date has
 * come by `day`. A deadline stays outstanding until 31 December of its year, or `lingerDays` (default 30)
 * after its escalation when that is later (a Q4 report due on 20 December is still chased in January).
 *
 * This is what a fresh install, a new user or a worker down for weeks must still hear about: the stage days of
 * {@link reminderOccasionsOn} only ever fall on one date. The caller tells each person each occasion once
 * (core's {@link planReminders} with `alreadyTold`).
 *
 * @example
 * ```ts
 * outstandingReminderOccasions('2026-12-01').map((o) => o.key).filter((k) => k.startsWith('QUARTERLY'));
 * // ['QUARTERLY_REPORT_DUE:2026-Q1:overdue', 'QUARTERLY_REPORT_DUE:2026-Q1:escalation', …,
 * //  'QUARTERLY_REPORT_DUE:2026-Q3:overdue', 'QUARTERLY_REPORT_DUE:2026-Q3:escalation']
 * outstandingReminderOccasions('2026-12-14').some((o) => o.key === 'QUARTERLY_REPORT_DUE:2026-Q4:before-7'); // true
 * ```
 */
export function outstandingReminderOccasions(
  day: string,
  settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
  options: { lingerDays?: number } = {},
): ReminderOccasion[] {
  assertIsoDate(day, 'day');
  assertReminderSettings(settings);
  const lingerDays = options.lingerDays ?? 30;
  if (!Number.isInteger(lingerDays) || lingerDays < 0 || lingerDays > 366) {
    throw invalid(`lingerDays = ${lingerDays}; cần số nguyên 0–366`, `lingerDays = ${lingerDays}; expected 0–366`);
  }
  const stages = reminderStages(settings);
  const wanted = new Set(settings.deadlines);
  const year = Number(day.slice(0, 4));
  const out: ReminderOccasion[] = [];
  for (let y = Math.max(1900, year - 1); y <= year; y++) {
    for (const deadline of deadlineCalendar(y, settings.reporting)) {
      const obligation = DEADLINE_OBLIGATIONS[deadline.code];
      if (!obligation || !wanted.has(deadline.code)) continue;
      const escalation = addDays(deadline.date, settings.escalationGraceDays);
      const until = [`${y}-12-31`, addDays(escalation, lingerDays)].sort()[1] ?? escalation;
      if (day > until) continue;
      for (const track of ['unit', 'manager'] as const) {
        const latest = stages
          .filter((s) => s.track === track)
          .map((s) => ({ ...s, date: addDays(deadline.date, s.offsetDays) }))
          .filter((s) => s.date <= day)
          .pop();
        if (latest) out.push(occasionOf(deadline, y, obligation, latest));
      }
    }
  }
  return out.sort((a, b) => compareOccasions(a, b));
}
