// `requirement`: a checklist of yes/no answers, all required (KDC-2, XA-1, CQDN-1 …).
import type { RequirementCriterion } from '../../catalogue/catalogue.schema.js';
import type { EvaluationWindow } from '../../periods/periods.js';
import type { CriterionAnswer } from '../assessment.schema.js';
import type { EvaluationMemo } from '../evaluation.memo.js';
import type { CriterionResult, UnitEvaluationInput } from '../evaluation.types.js';
import { checkChecklist, checklistKey, NO_ANSWER, NO_ANSWER_KEY, type RuleOutcome } from './outcome.js';

/**
 * A requirement criterion: met when every checklist item is answered yes; missing without an answer.
 *
 * @example
 * ```ts
 * evaluateRequirement(kdc2, { checks: { 'carried-out': true } }).outcome; // 'met'
 * evaluateRequirement(kdc2, undefined).outcome; // 'missing'
 * ```
 */
export function evaluateRequirement(c: RequirementCriterion, answer: CriterionAnswer | undefined): RuleOutcome {
  if (!answer || !answer.checks) return { outcome: 'missing', reasons: [NO_ANSWER] };
  const result = checkChecklist(c.checklist, answer);
  if (result.outcome === 'met') {
    result.reasons.push(
      c.checklist.length === 1
        ? { vi: 'Đáp ứng yêu cầu', en: 'The requirement is met' }
        : { vi: `Đáp ứng đủ ${c.checklist.length} yêu cầu`, en: `All ${c.checklist.length} requirements are met` },
    );
  }
  return result;
}

/**
 * A unit's result for a requirement criterion, shared through the memo by its checklist answers.
 *
 * @example
 * ```ts
 * requirementResult(kdc2, input, window, createEvaluationMemo()).outcome; // 'met'
 * ```
 */
export function requirementResult(
  c: RequirementCriterion,
  input: UnitEvaluationInput,
  _window: EvaluationWindow,
  memo: EvaluationMemo,
): CriterionResult {
  const answer = input.answers?.[c.code];
  const key = answer?.checks ? checklistKey(c.checklist, answer.checks) : NO_ANSWER_KEY;
  return memo.criterionResult(c, key, () => evaluateRequirement(c, answer));
}
