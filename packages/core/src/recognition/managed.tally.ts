// The tally of the units a commune manages, as evaluateArea folds each evaluation into its commune's
// counts, and the public ManagedUnitsSummary it becomes (XA-2 and XA-4 read it).
import { DomainError } from '../errors.js';
import type { UnitType } from '../units.js';
import type { ManagedUnitsSummary, UnitEvaluation } from './evaluation.types.js';

// While evaluating an area, counts accumulate per commune and type in fixed-shape objects, criteria met
// counted by position (all units of a type share the catalogue's criteria list); they become the public
// ManagedUnitsSummary once, when the commune is evaluated.
interface TypeTally {
  total: number;
  excluded: number;
  registered: number;
  recognised: number;
  codes: readonly string[] | undefined;
  met: number[];
  other: Map<string, number> | undefined; // criteria not in `codes` (a catalogue mix-up; kept correct anyway)
}
/** A commune's tally: one per managed unit type met so far. */
export type AreaTally = Record<UnitType, TypeTally | undefined>;

/**
 * An empty tally for one commune.
 *
 * @example
 * ```ts
 * const area = newAreaTally(); // then tally(area, evaluation) for each unit it manages
 * ```
 */
export function newAreaTally(): AreaTally {
  return { KDC: undefined, XA: undefined, CQ: undefined, DN: undefined, CSGD: undefined };
}

/**
 * Folds one managed unit's evaluation into its commune's tally.
 *
 * @example
 * ```ts
 * tally(area, evaluateUnit(villageInput));
 * ```
 */
export function tally(area: AreaTally, e: UnitEvaluation): void {
  let t = area[e.unitType];
  if (!t)
    area[e.unitType] = t = {
      total: 0,
      excluded: 0,
      registered: 0,
      recognised: 0,
      codes: undefined,
      met: [],
      other: undefined,
    };
  t.total++;
  if (e.result === 'EXCLUDED') {
    t.excluded++;
    return;
  }
  if (e.result !== 'NOT_REGISTERED') t.registered++;
  if (e.result === 'DAT') t.recognised++;
  const criteria = e.criteria;
  if (!t.codes) {
    t.codes = criteria.map((c) => c.code);
    t.met = criteria.map(() => 0);
  }
  const codes = t.codes;
  let i = -1;
  for (const c of criteria) {
    i++;
    if (c.outcome !== 'met') continue;
    if (codes[i] === c.code) t.met[i] = (t.met[i] ?? 0) + 1;
    else (t.other ??= new Map<string, number>()).set(c.code, (t.other.get(c.code) ?? 0) + 1);
  }
}

/**
 * The public summary of a commune's tally (criteria met by code, none listed at 0).
 *
 * @example
 * ```ts
 * toSummary(area).byType.KDC?.recognised; // 7
 * ```
 */
export function toSummary(area: AreaTally): ManagedUnitsSummary {
  const byType: ManagedUnitsSummary['byType'] = {};
  for (const type of ['KDC', 'XA', 'CQ', 'DN', 'CSGD'] as const) {
    const t = area[type];
    if (!t) continue;
    const criteriaMet: Record<string, number> = {};
    t.codes?.forEach((code, i) => {
      const met = t.met[i];
      if (met !== undefined && met > 0) criteriaMet[code] = met;
    });
    t.other?.forEach((n, code) => (criteriaMet[code] = (criteriaMet[code] ?? 0) + n));
    byType[type] = {
      total: t.total,
      excluded: t.excluded,
      registered: t.registered,
      recognised: t.recognised,
      criteriaMet,
    };
  }
  return { byType };
}

/**
 * Summarises the evaluations of the units one commune manages (pass only those: its `KDC` and its
 * commune-managed `CQ`/`DN`/`CSGD`), to evaluate the commune alone with {@link evaluateUnit}.
 *
 * @example
 * ```ts
 * const managed = summarizeManagedUnits(villageEvaluations);
 * evaluateUnit({ unit: commune, year: 2022, registered: true, answers, incidents, managed });
 * ```
 */
export function summarizeManagedUnits(evaluations: readonly UnitEvaluation[]): ManagedUnitsSummary {
  const area = newAreaTally();
  for (const e of evaluations) {
    if (e.unitType === 'XA') {
      throw new DomainError('INVALID', {
        vi: `Đơn vị ${e.unitId} là cấp xã, không phải đơn vị do xã quản lý`,
        en: `Unit ${e.unitId} is a commune, not a unit a commune manages`,
      });
    }
    tally(area, e);
  }
  return toSummary(area);
}
