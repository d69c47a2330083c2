// What every rule kind shares: the outcome a rule computes before it becomes a frozen CriterionResult, the
// "no answer" reason, the order of outcomes, the checklist (requirement, ratio, rating and parts read one) and
// the memo keys of answers.
import type { ChecklistItem, Criterion } from '../../catalogue/catalogue.schema.js';
import type { LocalizedText } from '../../errors.js';
import type { CriterionAnswer } from '../assessment.schema.js';
import type { CriterionOutcome, CriterionResult } from '../evaluation.types.js';

/** A rule's verdict on one criterion, before it is frozen into a {@link CriterionResult} by {@link toResult}. */
export interface RuleOutcome {
  outcome: CriterionOutcome;
  reasons: LocalizedText[];
}

/** The reason given for a criterion without an answer. */
export const NO_ANSWER: LocalizedText = {
  vi: 'Chưa có câu trả lời: tiêu chí chưa được trả lời được tính là không đạt',
  en: 'No answer: an unanswered criterion is not met',
};

/**
 * The worse of two outcomes: `not_met` over `missing` over `met`.
 *
 * @example
 * ```ts
 * worst('met', 'missing'); // 'missing'
 * worst('missing', 'not_met'); // 'not_met'
 * ```
 */
export function worst(a: CriterionOutcome, b: CriterionOutcome): CriterionOutcome {
  if (a === 'not_met' || b === 'not_met') return 'not_met';
  if (a === 'missing' || b === 'missing') return 'missing';
  return 'met';
}

/**
 * Checks every item of a checklist against an answer's `checks`: a `false` fails it, anything but `true` is
 * missing; each item that is not `true` gives its reason.
 *
 * @example
 * ```ts
 * checkChecklist([{ key: 'plan', verified: true, text: { vi: 'Kế hoạch', en: 'Plan' } }], { checks: { plan: false } });
 * // { outcome: 'not_met', reasons: [{ vi: 'Chưa đáp ứng: Kế hoạch', en: 'Not met: Plan' }] }
 * ```
 */
export function checkChecklist(checklist: readonly ChecklistItem[], answer: CriterionAnswer | undefined): RuleOutcome {
  const reasons: LocalizedText[] = [];
  let outcome: CriterionOutcome = 'met';
  const checks = answer?.checks;
  for (const item of checklist) {
    const value = checks?.[item.key];
    if (value === false) {
      outcome = 'not_met';
      reasons.push({ vi: `Chưa đáp ứng: ${item.text.vi}`, en: `Not met: ${item.text.en}` });
    } else if (value !== true) {
      outcome = worst(outcome, 'missing');
      reasons.push({
        vi: `Chưa trả lời (tính là không đạt): ${item.text.vi}`,
        en: `Not answered (counts as not met): ${item.text.en}`,
      });
    }
  }
  return { outcome, reasons };
}

/**
 * Freezes a rule's outcome into the criterion's result (shared between units by the memo, so frozen).
 *
 * @example
 * ```ts
 * toResult(criterion, { outcome: 'met', reasons: [] }).outcome; // 'met' (and Object.isFrozen(...) is true)
 * ```
 */
export function toResult(c: Criterion, partial: RuleOutcome): CriterionResult {
  for (const reason of partial.reasons) Object.freeze(reason);
  return Object.freeze({
    code: c.code,
    kind: c.kind,
    outcome: partial.outcome,
    verified: c.verified,
    title: c.title,
    reasons: Object.freeze(partial.reasons),
  });
}

// Memo keys are numbers whenever the inputs are small (hashing a number is much cheaper than building and
// hashing a string at 100,000 units); larger inputs fall back to a string key. Numbers and strings never
// collide in a Map.

/** The memo key of a criterion without an answer (or without the data its rule reads). */
export const NO_ANSWER_KEY = -1;

/**
 * The checklist's answers in base 3 (1 yes, 2 no, 0 unanswered), a memo key; exact up to 33 items.
 *
 * @example
 * ```ts
 * checklistKey([{ key: 'a', … }, { key: 'b', … }], { a: true, b: false }); // 1 * 3 + 2 = 5
 * ```
 */
export function checklistKey(checklist: readonly ChecklistItem[], checks: CriterionAnswer['checks']): number {
  let key = 0;
  for (const item of checklist) {
    const value = checks?.[item.key];
    key = key * 3 + (value === true ? 1 : value === false ? 2 : 0);
  }
  return key;
}
