import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { addDays, daysBetween, formatDate, isIsoDate, toVietnamDate, vietnamDate } from './dates.js';
import {
  annualPeriod,
  comparisonQuarters,
  currentQuarter,
  currentWindow,
  deadlineCalendar,
  DEFAULT_REPORTING_SETTINGS,
  evaluationWindow,
  halfYearPeriod,
  quarterOf,
  quarterPeriod,
  upcomingDeadlines,
  windowYearOf,
  yearEvaluationSpan,
} from './periods.js';

describe('evaluationWindow', () => {
  it.each([
    ['KDC', 2021, '2020-11-01', '2021-10-31'],
    ['KDC', 2022, '2021-11-01', '2022-10-31'],
    ['KDC', 2024, '2023-11-01', '2024-10-31'],
    ['XA', 2022, '2021-11-16', '2022-11-15'],
    ['CQ', 2021, '2020-11-16', '2021-11-15'],
    ['DN', 2025, '2024-11-16', '2025-11-15'],
    ['CSGD', 2022, '2021-11-16', '2022-11-15'],
  ] as const)('%s %i runs %s → %s', (type, year, from, to) => {
    expect(evaluationWindow(type, year)).toEqual({ unitType: type, year, from, to });
  });

  it('windows of consecutive years touch without overlapping', () => {
    for (const type of ['KDC', 'XA'] as const) {
      for (let year = 2015; year < 2030; year++) {
        expect(addDays(evaluationWindow(type, year).to, 1)).toBe(evaluationWindow(type, year + 1).from);
      }
    }
  });

  it.each([[1899], [10_000], [2021.5], [Number.NaN]])('refuses the year %s', (year) => {
    expect(() => evaluationWindow('KDC', year)).toThrow(/year/i);
  });

  it('refuses an unknown unit type', () => {
    expect(() => evaluationWindow('XYZ' as never, 2022)).toThrow(/unit type/i);
  });
});

describe('windowYearOf', () => {
  it.each([
    ['KDC', '2021-10-31', 2021],
    ['KDC', '2021-11-01', 2022],
    ['KDC', '2020-11-01', 2021],
    ['KDC', '2021-01-01', 2021],
    ['KDC', '2021-12-31', 2022],
    ['XA', '2021-11-15', 2021],
    ['XA', '2021-11-16', 2022],
    ['CQ', '2021-11-01', 2021],
    ['CSGD', '2021-12-31', 2022],
  ] as const)('%s on %s counts toward %i', (type, date, year) => {
    expect(windowYearOf(type, date)).toBe(year);
    const window = evaluationWindow(type, year);
    expect(date >= window.from && date <= window.to).toBe(true);
  });

  it('refuses a date that does not exist', () => {
    expect(() => windowYearOf('KDC', '2021-02-29')).toThrow(/date/i);
  });
});

describe('Vietnam time (UTC+7, no DST)', () => {
  it.each([
    ['2021-10-31T16:59:59.999Z', '2021-10-31'],
    ['2021-10-31T17:00:00.000Z', '2021-11-01'],
    ['2021-10-31T17:30:00.000Z', '2021-11-01'],
    ['2021-12-31T17:00:00.000Z', '2022-01-01'],
    ['2024-02-28T17:00:00.000Z', '2024-02-29'],
    ['2022-06-15T03:00:00.000Z', '2022-06-15'],
  ])('%s is %s in Vietnam', (instant, date) => {
    expect(vietnamDate(new Date(instant))).toBe(date);
  });

  it('2021-10-31T17:30Z already counts toward the next KDC window', () => {
    const now = new Date('2021-10-31T17:30:00Z');
    expect(windowYearOf('KDC', vietnamDate(now))).toBe(2022);
    expect(currentWindow('KDC', now)).toMatchObject({ year: 2022, from: '2021-11-01' });
    expect(currentWindow('XA', now)).toMatchObject({ year: 2021, to: '2021-11-15' });
  });

  it('refuses an invalid Date', () => {
    expect(() => vietnamDate(new Date('nonsense'))).toThrow(/instant/i);
  });

  it.each([
    ['2022-03-20', '2022-03-20'],
    ['2022-03-20T18:00:00Z', '2022-03-21'],
    ['2022-03-20T23:59:00+07:00', '2022-03-20'],
    ['2022-03-20T17:00:00.000Z', '2022-03-21'],
  ])('toVietnamDate(%s) = %s', (value, date) => {
    expect(toVietnamDate(value)).toBe(date);
  });

  it.each([['2022-03-20T10:00:00'], ['20/03/2022'], ['2022-13-01']])(
    'toVietnamDate refuses %s (no zone or not a date)',
    (value) => {
      let error: unknown;
      try {
        toVietnamDate(value);
      } catch (e) {
        error = e;
      }
      expect(isDomainError(error) && error.code).toBe('INVALID');
    },
  );
});

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2021-04-31', false],
    ['2021-4-1', false],
    [20210401, false],
  ])('isIsoDate(%s) = %s', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });

  it('adds days across months and years', () => {
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2022-03-01', -1)).toBe('2022-02-28');
    expect(daysBetween('2022-03-14', '2022-03-20')).toBe(6);
    expect(formatDate('2021-10-31', 'vi')).toBe('31/10/2021');
  });
});

describe('reporting quarters (15th → 14th cut-off)', () => {
  it.each([
    [2022, 1, '2021-12-15', '2022-03-14', '2022-03-20'],
    [2022, 2, '2022-03-15', '2022-06-14', '2022-06-20'],
    [2022, 3, '2022-06-15', '2022-09-14', '2022-09-20'],
    [2022, 4, '2022-09-15', '2022-12-14', '2022-12-20'],
  ])('%i Q%i runs %s → %s, due %s', (year, quarter, from, to, due) => {
    const p = quarterPeriod(year, quarter);
    expect(p).toMatchObject({ kind: 'quarter', year, quarter, from, to, dueDate: due });
    expect(p.remindFrom).toBe(addDays(due, -DEFAULT_REPORTING_SETTINGS.reminderDaysBefore));
    expect(p.escalateOn).toBe(addDays(due, DEFAULT_REPORTING_SETTINGS.escalationGraceDays));
  });

  it('quarters of consecutive years cover every day exactly once', () => {
    let expected = quarterPeriod(2021, 1).from;
    for (let year = 2021; year <= 2024; year++) {
      for (const q of [1, 2, 3, 4] as const) {
        const p = quarterPeriod(year, q);
        expect(p.from).toBe(expected);
        expected = addDays(p.to, 1);
      }
    }
  });

  it.each([
    ['2021-12-14', 2021, 4],
    ['2021-12-15', 2022, 1],
    ['2022-03-14', 2022, 1],
    ['2022-03-15', 2022, 2],
    ['2022-09-14', 2022, 3],
    ['2022-09-15', 2022, 4],
    ['2022-01-01', 2022, 1],
  ])('%s belongs to %i Q%i', (date, year, quarter) => {
    expect(quarterOf(date)).toEqual({ year, quarter });
  });

  it('currentQuarter follows Vietnam time at the cut-off', () => {
    expect(currentQuarter(new Date('2022-03-14T16:59:59Z')).quarter).toBe(1);
    expect(currentQuarter(new Date('2022-03-14T17:00:00Z')).quarter).toBe(2);
    expect(currentQuarter(new Date('2021-12-14T17:00:00Z'))).toMatchObject({
      year: 2022,
      quarter: 1,
      from: '2021-12-15',
    });
  });

  it('due dates follow the settings', () => {
    expect(
      quarterPeriod(2022, 1, { dueDaysAfterCutoff: 1, reminderDaysBefore: 0, escalationGraceDays: 10 }),
    ).toMatchObject({
      dueDate: '2022-03-15',
      remindFrom: '2022-03-15',
      escalateOn: '2022-03-25',
    });
    expect(() =>
      quarterPeriod(2022, 1, { dueDaysAfterCutoff: -1, reminderDaysBefore: 0, escalationGraceDays: 0 }),
    ).toThrow(/setting/);
    expect(() => quarterPeriod(2022, 5)).toThrow(/quarter/i);
  });

  it('six-month and annual periods share the 15 December start', () => {
    expect(halfYearPeriod(2022)).toMatchObject({ from: '2021-12-15', to: '2022-06-14', quarter: 2 });
    expect(annualPeriod(2022)).toMatchObject({
      from: '2021-12-15',
      to: '2022-12-14',
      quarter: 4,
      dueDate: '2022-12-20',
    });
  });

  it('KDC-4 compares Q4 of the year before and Q1–Q3', () => {
    expect(comparisonQuarters(2022)).toEqual([
      { year: 2021, quarter: 4 },
      { year: 2022, quarter: 1 },
      { year: 2022, quarter: 2 },
      { year: 2022, quarter: 3 },
    ]);
  });
});

describe('deadline calendar', () => {
  const calendar = deadlineCalendar(2022);
  const dateOf = (code: string) => calendar.filter((d) => d.code === code).map((d) => d.date);

  it.each([
    ['Q1_REGISTRATION', ['2022-03-31']],
    ['SIX_MONTH_REVIEW', ['2022-06-30']],
    ['FESTIVAL_DAY', ['2022-08-19']],
    ['KDC_WINDOW_CLOSES', ['2022-10-31']],
    ['WINDOW_CLOSES', ['2022-11-15']],
    ['KDC_GRADING_DEADLINE', ['2022-11-20']],
    ['GRADING_DEADLINE', ['2022-11-30']],
    ['KDC_RECOGNITION_DEADLINE', ['2022-11-14']], // Art. 9(1): before 15/11
    ['RECOGNITION_DEADLINE', ['2022-11-19']], // before 20/11
    ['ANNUAL_REVIEW', ['2022-12-31']],
    ['QUARTERLY_REPORT_DUE', ['2022-03-20', '2022-06-20', '2022-09-20', '2022-12-20']],
  ])('%s on %j', (code, dates) => {
    expect(dateOf(code)).toEqual(dates);
  });

  it('recognition decisions are due by Art. 9 of 124/2021 (not in December), from 2022 on', () => {
    const recognition = calendar.filter((d) => d.code.endsWith('RECOGNITION_DEADLINE'));
    expect(recognition.map((d) => [d.date, d.unitTypes, d.source, d.verified])).toEqual([
      ['2022-11-14', ['KDC'], 'Điều 9 khoản 1 Thông tư 124/2021/TT-BCA', true],
      ['2022-11-19', ['XA', 'CQ', 'DN', 'CSGD'], 'Điều 9 khoản 1 Thông tư 124/2021/TT-BCA', true],
    ]);
    expect(calendar.find((d) => d.code === 'ANNUAL_REVIEW')?.label.vi).not.toContain('công nhận');
    expect(deadlineCalendar(2021).some((d) => d.code.endsWith('RECOGNITION_DEADLINE'))).toBe(false); // 23/2012's are unknown
  });

  it('is sorted, labelled in both languages and says what is unverified', () => {
    expect(calendar.map((d) => d.date)).toEqual([...calendar.map((d) => d.date)].sort());
    for (const d of calendar) {
      expect(d.label.vi.length).toBeGreaterThan(0);
      expect(d.label.en.length).toBeGreaterThan(0);
    }
    expect(calendar.find((d) => d.code === 'SIX_MONTH_REVIEW')?.verified).toBe(false);
    expect(calendar.find((d) => d.code === 'FESTIVAL_DAY')?.verified).toBe(true);
  });

  it('lists the upcoming deadlines of a unit type', () => {
    expect(
      upcomingDeadlines(new Date('2022-10-25T03:00:00Z'), { unitType: 'KDC', days: 10 }).map((d) => d.code),
    ).toEqual(['KDC_WINDOW_CLOSES']);
    expect(upcomingDeadlines(new Date('2022-12-25T03:00:00Z'), { days: 90 }).map((d) => d.date)).toEqual([
      '2022-12-31',
      '2023-03-20',
    ]);
  });
});

describe('yearEvaluationSpan', () => {
  it('spans the village window start and the others’ window end', () => {
    expect(yearEvaluationSpan(2021)).toEqual({ from: '2020-11-01', to: '2021-11-15' });
    expect(yearEvaluationSpan(2025)).toEqual({ from: '2024-11-01', to: '2025-11-15' });
  });
});
