// The recognition engine's vocabulary: its results and outcomes with their labels, what it reads of a unit
// (inputs) and what it returns (outputs). No logic: the rules are in rules/, one unit in unit.evaluation.ts,
// an area in area.evaluation.ts.
import type { Catalogue, CriterionKind } from '../catalogue/catalogue.schema.js';
import type { UnitEligibilityAttributes } from '../catalogue/unit-attributes.js';
import type { LocalizedText } from '../errors.js';
import type { EvaluationWindow } from '../periods/periods.js';
import type { WindowCounts } from '../reports/quarterly-report.js';
import type { ManagingLevel, UnitType } from '../units.js';
import type { CriterionAnswer, IncidentRecord } from './assessment.schema.js';
import type { RecognitionAttributes } from './recognition-authority.js';

// ── Results and labels ──────────────────────────────────────────────────────────────────────────────

/**
 * The yearly result of a unit: `DAT` (Đạt, meets every criterion), `CHUA_DAT` (Chưa đạt, registered but
 * fails at least one), `NOT_REGISTERED` (Chưa đăng ký, did not register that year) and `EXCLUDED`
 * (Không thuộc diện, excluded by an eligibility rule).
 *
 * @example
 * ```ts
 * RECOGNITION_RESULTS; // ['DAT', 'CHUA_DAT', 'NOT_REGISTERED', 'EXCLUDED']
 * ```
 */
export const RECOGNITION_RESULTS = ['DAT', 'CHUA_DAT', 'NOT_REGISTERED', 'EXCLUDED'] as const;

/** One of {@link RECOGNITION_RESULTS}. @example `const r: RecognitionResult = 'DAT';` */
export type RecognitionResult = (typeof RECOGNITION_RESULTS)[number];

/**
 * The results in both languages.
 *
 * @example
 * ```ts
 * RECOGNITION_RESULT_LABELS.CHUA_DAT; // { vi: 'Chưa đạt', en: 'Not met' }
 * ```
 */
export const RECOGNITION_RESULT_LABELS: Readonly<Record<RecognitionResult, LocalizedText>> = {
  DAT: { vi: 'Đạt', en: 'Met' },
  CHUA_DAT: { vi: 'Chưa đạt', en: 'Not met' },
  NOT_REGISTERED: { vi: 'Chưa đăng ký', en: 'Not registered' },
  EXCLUDED: { vi: 'Không thuộc diện', en: 'Not eligible' },
};

/**
 * The outcome of one criterion: `met`, `not_met`, or `missing` (no answer or no data: counts as not met).
 *
 * @example
 * ```ts
 * CRITERION_OUTCOMES; // ['met', 'not_met', 'missing']
 * ```
 */
export const CRITERION_OUTCOMES = ['met', 'not_met', 'missing'] as const;

/** One of {@link CRITERION_OUTCOMES}. @example `const o: CriterionOutcome = 'missing';` */
export type CriterionOutcome = (typeof CRITERION_OUTCOMES)[number];

/**
 * The criterion outcomes in both languages.
 *
 * @example
 * ```ts
 * CRITERION_OUTCOME_LABELS.missing.vi; // 'Thiếu câu trả lời, dữ liệu'
 * ```
 */
export const CRITERION_OUTCOME_LABELS: Readonly<Record<CriterionOutcome, LocalizedText>> = {
  met: { vi: 'Đạt', en: 'Met' },
  not_met: { vi: 'Không đạt', en: 'Not met' },
  missing: { vi: 'Thiếu câu trả lời, dữ liệu', en: 'Missing answer or data' },
};

// ── Inputs ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * The unit being evaluated: what the engine needs of a {@link Unit} plus its eligibility attributes. A full
 * `Unit` with those attributes fits.
 *
 * @example
 * ```ts
 * const school: AssessedUnit = { id: 7, type: 'CSGD', areaId: 12, managingLevel: 'district', schoolLevel: 'upper_secondary' };
 * ```
 */
export interface AssessedUnit extends UnitEligibilityAttributes, RecognitionAttributes {
  id: number;
  type: UnitType;
  areaId: number;
  managingLevel: ManagingLevel;
  name?: string;
  /** When it exists (see `unitExistsInYear`): loaders give the engine only the units of the year. */
  validFrom?: string;
  validTo?: string | null;
}

/**
 * For one managed unit type of a commune: how many units there are, how many are excluded, registered and
 * recognised (Đạt), and for each criterion code how many eligible units meet it.
 *
 * @example
 * ```ts
 * const villages: ManagedTypeSummary = { total: 10, excluded: 0, registered: 10, recognised: 7, criteriaMet: { 'KDC-3': 9 } };
 * ```
 */
export interface ManagedTypeSummary {
  total: number;
  excluded: number;
  registered: number;
  recognised: number;
  criteriaMet: Record<string, number>;
}

/**
 * What a commune's dependent criteria (XA-2, XA-4) read of the units it manages: its `KDC`, and its
 * `CQ`/`DN`/`CSGD` whose managing level is `commune`. {@link evaluateArea} builds it; build it yourself with
 * {@link summarizeManagedUnits} to evaluate one commune from stored results.
 *
 * @example
 * ```ts
 * const managed: ManagedUnitsSummary = { byType: { KDC: { total: 10, excluded: 0, registered: 10, recognised: 7, criteriaMet: {} } } };
 * ```
 */
export interface ManagedUnitsSummary {
  byType: Partial<Record<UnitType, ManagedTypeSummary>>;
}

/**
 * Everything the engine needs to evaluate one unit for one year. `answers` maps criterion codes to answers;
 * `incidents` may hold any dates (only those in the unit type's window of `year` count); `counts` feeds the
 * comparison criterion; `managed` (communes only) feeds XA-2 and XA-4.
 *
 * @example
 * ```ts
 * const input: UnitEvaluationInput = {
 *   unit: { id: 101, type: 'KDC', areaId: 12, managingLevel: 'commune' },
 *   year: 2022,
 *   registered: true,
 *   answers: {
 *     'KDC-1': { checks: { resolution: true, registration: true }, numerator: 212, denominator: 212 },
 *     'KDC-2': { checks: { 'carried-out': true } },
 *     'KDC-5': { checks: { forces: true, models: true } },
 *   },
 *   incidents: [{ criterionCode: 'KDC-3', item: 'e', occurredOn: '2021-10-31' }],
 *   counts: { current: { crimes: 1, socialEvils: 0 }, previous: { crimes: 2, socialEvils: 1 } },
 * };
 * ```
 */
export interface UnitEvaluationInput {
  unit: AssessedUnit;
  year: number;
  registered: boolean;
  answers?: Readonly<Record<string, CriterionAnswer | undefined>>;
  incidents?: readonly IncidentRecord[];
  counts?: WindowCounts;
  managed?: ManagedUnitsSummary;
  /**
   * The catalogue this unit is evaluated with, overriding {@link EvaluateOptions} (see
   * `catalogueForUnitYear`: the one its own file names, else the one in force that year). Lets one area mix
   * units of different catalogues and give each the same result in every scope.
   */
  catalogue?: Catalogue;
  /**
   * The result recorded when the unit's file of this year was decided and locked (see
   * `recordedResultOnLock`): a recognised, locked file keeps it whatever later data say. The engine returns it
   * as `result` and what the data would give now as `computedResult`, so nothing counting the file moves
   * until it is unlocked (an audited act). Absent for a file that is not locked.
   */
  recordedResult?: 'DAT' | 'CHUA_DAT';
}

/**
 * Which catalogue to evaluate with: a fixed `catalogue`, or the one in force for each input's year among
 * `catalogues` (default {@link BUILTIN_CATALOGUES}).
 *
 * @example
 * ```ts
 * const options: EvaluateOptions = { catalogue: TT124_2021 }; // e.g. assess 2021 under 124/2021, and say so
 * ```
 */
export interface EvaluateOptions {
  catalogue?: Catalogue;
  catalogues?: readonly Catalogue[];
}

// ── Outputs ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * One criterion's outcome for a unit, with the reasons in both languages.
 *
 * @example
 * ```ts
 * const r: CriterionResult = {
 *   code: 'KDC-3', kind: 'disqualifying', outcome: 'not_met', verified: false,
 *   title: { vi: '…', en: '…' },
 *   reasons: [{ vi: 'Vụ việc ngày 31/10/2021, điểm e: …', en: 'Incident on 2021-10-31, item (e): …' }],
 * };
 * ```
 */
export interface CriterionResult {
  code: string;
  kind: CriterionKind;
  outcome: CriterionOutcome;
  verified: boolean;
  title: LocalizedText;
  reasons: readonly LocalizedText[];
}

/**
 * The evaluation of one unit for one year: the result, the window used, each criterion's outcome (in
 * catalogue order; empty when excluded), the exclusion if any, for communes the managed-units summary, and a
 * one-line summary in both languages.
 *
 * @example
 * ```ts
 * const e: UnitEvaluation = evaluateUnit(input);
 * e.result;       // 'CHUA_DAT'
 * e.summary.vi;   // 'Chưa đạt: không đạt KDC-3'
 * ```
 */
export interface UnitEvaluation {
  unitId: number;
  unitType: UnitType;
  year: number;
  catalogueId: string;
  result: RecognitionResult;
  window: EvaluationWindow;
  criteria: CriterionResult[];
  exclusion?: { ruleId: string; reason: LocalizedText };
  managed?: ManagedUnitsSummary;
  summary: LocalizedText;
  /**
   * Present only on a locked file (input `recordedResult`) whose data now give another result than the one
   * recorded at its decision: that other result. `result` stays the recorded one; the file's page shows both
   * and the way to act (unlock, revoke).
   */
  computedResult?: RecognitionResult;
}
