import { DomainError } from '../errors.js';
import { type Grade } from '../grading/grading.schema.js';
import { type AwardRecord } from '../records.schema.js';
import { assertYear } from '../periods/dates.js';
import type { RecognitionResult } from '../recognition/recognition.engine.js';
import { UNIT_TYPES, type UnitType } from '../units.js';
import { makeRate, type Rate } from './rate.js';
import {
  computeAwardStatistics,
  computeGradeDistribution,
  computeModelStatistics,
  type AwardStatistics,
  type GradeDistribution,
  type ModelFigures,
  type ModelStatistics,
} from './movement-statistics.js';
import {
  computeReportCompleteness,
  type ReportCompleteness,
  type ReportCompletenessInput,
} from './report-completeness.js';

export * from './movement-statistics.js';
export * from './report-completeness.js';

// ── Units ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * A unit's result for the year, as statistics need it (a {@link UnitEvaluation} fits).
 *
 * @example
 * ```ts
 * const r: UnitResultRecord = { unitId: 101, unitType: 'KDC', result: 'DAT' };
 * ```
 */
export interface UnitResultRecord {
  unitId: number;
  unitType: UnitType;
  result: RecognitionResult;
}

/**
 * Counts of one unit type (or all): `total` units, `excluded` by eligibility, `eligible` (= total −
 * excluded), `registered` (eligible units that registered), `recognised` (Đạt), and the rates over the
 * **eligible** units — `recognitionRate` = recognised / eligible (the "15/16" of reports), `registrationRate`
 * = registered / eligible. A rate is `null` when there is no eligible unit.
 *
 * @example
 * ```ts
 * const communes: UnitTypeStatistics = {
 *   total: 16, excluded: 0, eligible: 16, registered: 16, notRegistered: 0, recognised: 15, notRecognised: 1,
 *   recognitionRate: { numerator: 15, denominator: 16, text: '15/16', value: 0.9375, percentage: 93.75 },
 *   registrationRate: { numerator: 16, denominator: 16, text: '16/16', value: 1, percentage: 100 },
 * };
 * ```
 */
export interface UnitTypeStatistics {
  total: number;
  excluded: number;
  eligible: number;
  registered: number;
  notRegistered: number;
  recognised: number;
  notRecognised: number;
  recognitionRate: Rate | null;
  registrationRate: Rate | null;
}

/**
 * Unit counts per type and over all types.
 *
 * @example
 * ```ts
 * const s: UnitStatistics = computeUnitStatistics(results);
 * s.byType.XA.recognitionRate?.text; // '15/16'
 * ```
 */
export interface UnitStatistics {
  byType: Record<UnitType, UnitTypeStatistics>;
  all: UnitTypeStatistics;
}

interface Counter {
  total: number;
  excluded: number;
  registered: number;
  recognised: number;
}

function finish(c: Counter): UnitTypeStatistics {
  const eligible = c.total - c.excluded;
  return {
    total: c.total,
    excluded: c.excluded,
    eligible,
    registered: c.registered,
    notRegistered: eligible - c.registered,
    recognised: c.recognised,
    notRecognised: c.registered - c.recognised,
    recognitionRate: makeRate(c.recognised, eligible),
    registrationRate: makeRate(c.registered, eligible),
  };
}

/**
 * Unit counts of several scopes taken together (a new commune's quarter before it existed: its former communes'
 * figures summed): each type's counts added, the rates computed again from the sums.
 *
 * @example
 * ```ts
 * const a = computeUnitStatistics([{ unitId: 1, unitType: 'XA', result: 'DAT' }]);
 * const b = computeUnitStatistics([{ unitId: 2, unitType: 'XA', result: 'CHUA_DAT' }]);
 * sumUnitStatistics([a, b]).byType.XA.recognitionRate?.text; // '1/2'
 * ```
 */
export function sumUnitStatistics(parts: readonly UnitStatistics[]): UnitStatistics {
  const add = (pick: (p: UnitStatistics) => UnitTypeStatistics): UnitTypeStatistics => {
    const c: Counter = { total: 0, excluded: 0, registered: 0, recognised: 0 };
    for (const p of parts) {
      const s = pick(p);
      c.total += s.total;
      c.excluded += s.excluded;
      c.registered += s.registered;
      c.recognised += s.recognised;
    }
    return finish(c);
  };
  return {
    byType: Object.fromEntries(UNIT_TYPES.map((t) => [t, add((p) => p.byType[t])])) as Record<
      UnitType,
      UnitTypeStatistics
    >,
    all: add((p) => p.all),
  };
}

/**
 * Counts units by type and result. Throws `DomainError('INVALID')` when a unit id appears twice.
 *
 * @example
 * ```ts
 * computeUnitStatistics([
 *   { unitId: 1, unitType: 'XA', result: 'DAT' },
 *   { unitId: 2, unitType: 'XA', result: 'CHUA_DAT' },
 *   { unitId: 3, unitType: 'DN', result: 'EXCLUDED' },
 * ]).byType.XA.recognitionRate?.text; // '1/2'
 * ```
 */
export function computeUnitStatistics(results: readonly UnitResultRecord[]): UnitStatistics {
  const counters = new Map<UnitType, Counter>(
    UNIT_TYPES.map((t) => [t, { total: 0, excluded: 0, registered: 0, recognised: 0 }]),
  );
  const seen = new Set<number>();
  for (const r of results) {
    if (seen.has(r.unitId)) {
      throw new DomainError('INVALID', {
        vi: `Đơn vị ${r.unitId} được tính hai lần`,
        en: `Unit ${r.unitId} is counted twice`,
      });
    }
    seen.add(r.unitId);
    const c = counters.get(r.unitType);
    if (!c) {
      throw new DomainError('INVALID', {
        vi: `Loại đơn vị không hợp lệ: ${String(r.unitType)}`,
        en: `Invalid unit type: ${String(r.unitType)}`,
      });
    }
    c.total++;
    if (r.result === 'EXCLUDED') c.excluded++;
    else if (r.result === 'DAT') {
      c.registered++;
      c.recognised++;
    } else if (r.result === 'CHUA_DAT') c.registered++;
  }
  const all: Counter = { total: 0, excluded: 0, registered: 0, recognised: 0 };
  const byType = {} as Record<UnitType, UnitTypeStatistics>;
  for (const type of UNIT_TYPES) {
    const c = counters.get(type) ?? { total: 0, excluded: 0, registered: 0, recognised: 0 };
    all.total += c.total;
    all.excluded += c.excluded;
    all.registered += c.registered;
    all.recognised += c.recognised;
    byType[type] = finish(c);
  }
  return { byType, all: finish(all) };
}

// ── Everything at once ──────────────────────────────────────────────────────────────────────────────

/**
 * Input of {@link computeStatistics}: the year and whatever data is at hand; each missing part leaves its
 * section `undefined`.
 *
 * @example
 * ```ts
 * const input: StatisticsInput = { year: 2021, units: evaluations, models, awards, grades, reports };
 * ```
 */
export interface StatisticsInput {
  year: number;
  units?: readonly UnitResultRecord[];
  models?: readonly ModelFigures[];
  /** The date models are counted on (default 31 December of `year`). */
  modelsAsOf?: string;
  awards?: readonly Pick<AwardRecord, 'kind' | 'recipientKind' | 'issuer' | 'year'>[];
  grades?: readonly { unitType: UnitType; grade: Grade }[];
  reports?: ReportCompletenessInput;
}

/**
 * The statistics of a set of units for a year.
 *
 * @example
 * ```ts
 * const s: Statistics = computeStatistics({ year: 2021, units });
 * s.units?.byType.KDC.recognitionRate?.text; // '92/95'
 * ```
 */
export interface Statistics {
  year: number;
  units?: UnitStatistics;
  models?: ModelStatistics;
  awards?: AwardStatistics;
  grades?: GradeDistribution;
  reports?: ReportCompleteness;
}

/**
 * Computes the statistics of an area for a year from data the caller selected (the units of the area as it
 * was, their evaluations, models, awards, grades, reports): per type total / eligible / registered /
 * recognised with exact rates; models; awards by kind and issuer; grade distribution; report completeness.
 *
 * @example
 * ```ts
 * const stats = computeStatistics({ year: 2021, units: evaluateArea(inputs), models, awards });
 * stats.units?.byType.XA.recognitionRate;  // { numerator: 15, denominator: 16, text: '15/16', value: 0.9375, percentage: 93.75 }
 * stats.models?.operating;                 // 21
 * stats.models?.newInYear;                 // 4
 * ```
 */
export function computeStatistics(input: StatisticsInput): Statistics {
  assertYear(input.year);
  const out: Statistics = { year: input.year };
  if (input.units) out.units = computeUnitStatistics(input.units);
  if (input.models) out.models = computeModelStatistics(input.models, input.year, input.modelsAsOf);
  if (input.awards) out.awards = computeAwardStatistics(input.awards, input.year);
  if (input.grades) out.grades = computeGradeDistribution(input.grades);
  if (input.reports) out.reports = computeReportCompleteness(input.reports);
  return out;
}
