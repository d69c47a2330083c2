import type { ManagingLevel, UnitType } from './units.js';

// Issue 15: a unit's membership of an area and the attributes that decide which criteria apply to it are dated.
// A unit's history is a list of periods, each with the values in force from `from` (inclusive) to `to`
// (exclusive; null for the current one). A change takes an effective date: it applies to every period from that
// date on, splitting the period that holds the date, so an earlier year keeps the values it had on its
// 31 December, and a later period keeps what the change does not touch.

/**
 * The dated values of a unit: its area and what makes criteria apply to it (type, managing level, armed forces,
 * enterprise size, school level, who recognises it). Flags are 0/1 as stored.
 *
 * @example
 * ```ts
 * const v: DatedUnitValues = { areaId: 7, type: 'DN', managingLevel: 'commune', isArmedForces: 0,
 *   enterpriseSize: 'medium', schoolLevel: null, isMinistryMonitored: 0, isRecognitionDelegated: 0 };
 * ```
 */
export interface DatedUnitValues {
  areaId: number;
  type: UnitType;
  managingLevel: ManagingLevel;
  isArmedForces: 0 | 1;
  enterpriseSize: string | null;
  schoolLevel: string | null;
  isMinistryMonitored: 0 | 1;
  isRecognitionDelegated: 0 | 1;
}

/**
 * One period of a unit's dated values: from `from` (inclusive) to `to` (exclusive; null while in force).
 *
 * @example
 * ```ts
 * const p: UnitPeriod = { from: '1900-01-01', to: '2026-03-01', values }; // before its move on 1/3/2026
 * ```
 */
export interface UnitPeriod {
  from: string;
  to: string | null;
  values: DatedUnitValues;
}

const DATED_KEYS: readonly (keyof DatedUnitValues)[] = [
  'areaId',
  'type',
  'managingLevel',
  'isArmedForces',
  'enterpriseSize',
  'schoolLevel',
  'isMinistryMonitored',
  'isRecognitionDelegated',
];

const sameValues = (a: DatedUnitValues, b: DatedUnitValues) => DATED_KEYS.every((k) => a[k] === b[k]);

/**
 * A unit's periods after a change of some of its dated values effective on `date`: the period holding the date
 * is split there, and every period from the date on takes the changed values (what the change leaves out stays
 * as it was in each). A date before the first period changes them all. Adjacent periods left with equal values
 * are joined. `periods` are in order, tiling the unit's life, the last one open (`to` null).
 *
 * @example
 * ```ts
 * const moved = applyDatedUnitChange([{ from: '1900-01-01', to: null, values }], { areaId: 9 }, '2026-03-01');
 * // [{ from: '1900-01-01', to: '2026-03-01', values }, { from: '2026-03-01', to: null, values: { ...values, areaId: 9 } }]
 * ```
 */
export function applyDatedUnitChange(
  periods: readonly UnitPeriod[],
  change: Partial<DatedUnitValues>,
  date: string,
): UnitPeriod[] {
  const split: UnitPeriod[] = [];
  for (const p of periods) {
    if (p.from < date && (p.to === null || p.to > date)) {
      split.push({ from: p.from, to: date, values: p.values }, { from: date, to: p.to, values: p.values });
    } else split.push(p);
  }
  const out: UnitPeriod[] = [];
  for (const p of split) {
    const applies = p.from >= date;
    const next: UnitPeriod = applies ? { ...p, values: { ...p.values, ...change } } : p;
    const last = out.at(-1);
    if (last && sameValues(last.values, next.values)) out[out.length - 1] = { ...last, to: next.to };
    else out.push(next);
  }
  return out;
}

/**
 * The first year whose figures a change effective on `date` can move: a unit counts in a year with the values
 * in force on its 31 December, so every year from the date's own.
 *
 * @example
 * ```ts
 * firstYearOfChange('2026-03-01'); // 2026
 * ```
 */
export function firstYearOfChange(date: string): number {
  return Number(date.slice(0, 4));
}

/**
 * The values of a unit in force on `date`: the period holding it, else the last one (a date after the unit
 * ended), else the first (before it began).
 *
 * @example
 * ```ts
 * valuesOn(periods, '2021-12-31').areaId; // the area it belonged to at the end of 2021
 * ```
 */
export function valuesOn(periods: readonly UnitPeriod[], date: string): DatedUnitValues {
  const first = periods[0];
  if (!first) throw new Error('valuesOn: a unit has at least one period');
  const holding = periods.find((p) => p.from <= date && (p.to === null || p.to > date));
  if (holding) return holding.values;
  return date < first.from ? first.values : (periods.at(-1) ?? first).values;
}
