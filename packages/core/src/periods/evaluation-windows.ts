// Evaluation windows: the yearly period whose incidents and reports count toward a unit type's result.
import { DomainError } from '../errors.js';
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
 * frozen.
 *
 * @example
 * ```ts
 * evaluationWindow('KDC', 2021);  // { unitType: 'KDC', year: 2021, from: '2020-11-01', to: '2021-10-31' }
 * evaluationWindow('XA', 2022);   // { unitType: 'XA', year: 2022, from: '2021-11-16', to: '2022-11-15' }
 * ```
 */
export function evaluationWindow(type: UnitType, year: number): EvaluationWindow {
  assertUnitType(type);
  assertYear(year);
  const start = WINDOW_STARTS[type];
  const from = isoDate(year - 1, start.month, start.day);
  return Object.freeze({ unitType: type, year, from, to: addDays(isoDate(year, start.month, start.day), -1) });
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
  const [first, ...others] = UNIT_TYPES.map((type) => evaluationWindow(type, year));
  if (!first) throw new Error('yearEvaluationSpan: there is no unit type');
  return {
    from: others.reduce((min, w) => (w.from < min ? w.from : min), first.from),
    to: others.reduce((max, w) => (w.to > max ? w.to : max), first.to),
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
