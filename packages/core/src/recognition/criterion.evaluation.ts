// One criterion of one unit: the rule of its kind (rules/<kind>.rule.ts), through the evaluation's memo. The
// switch is exhaustive, so a new kind in the catalogue schema does not compile until it has a rule here.
import type { Criterion } from '../catalogue/catalogue.schema.js';
import type { EvaluationWindow } from '../periods/periods.js';
import type { EvaluationMemo } from './evaluation.memo.js';
import type { CriterionResult, UnitEvaluationInput } from './evaluation.types.js';
import { comparisonResult } from './rules/comparison.rule.js';
import { compositeResult } from './rules/composite.rule.js';
import { disqualifyingResult } from './rules/disqualifying.rule.js';
import { managedThresholdResult } from './rules/managed-threshold.rule.js';
import { partsResult } from './rules/parts.rule.js';
import { ratingResult } from './rules/rating.rule.js';
import { ratioResult } from './rules/ratio.rule.js';
import { requirementResult } from './rules/requirement.rule.js';

/**
 * Evaluates one criterion for one unit in the unit type's window of the year, with the rule of its kind.
 *
 * @example
 * ```ts
 * evaluateCriterion(kdc3, input, evaluationWindow('KDC', 2022), createEvaluationMemo()).outcome; // 'met'
 * ```
 */
export function evaluateCriterion(
  c: Criterion,
  input: UnitEvaluationInput,
  window: EvaluationWindow,
  memo: EvaluationMemo,
): CriterionResult {
  switch (c.kind) {
    case 'requirement':
      return requirementResult(c, input, window, memo);
    case 'ratio':
      return ratioResult(c, input, window, memo);
    case 'disqualifying':
      return disqualifyingResult(c, input, window, memo);
    case 'comparison':
      return comparisonResult(c, input, window, memo);
    case 'parts':
      return partsResult(c, input, window, memo);
    case 'rating':
      return ratingResult(c, input, window, memo);
    case 'managed_threshold':
      return managedThresholdResult(c, input, window, memo);
    case 'composite':
      return compositeResult(c, input, window, memo);
  }
}
