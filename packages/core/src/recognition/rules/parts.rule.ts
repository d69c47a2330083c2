// `parts`: lettered parts, all required, each with a checklist, a comparison of report counts and/or the
// incidents of its letter (KDC-4 a–d, XA-3).
import type { PartsCriterion } from '../../catalogue/catalogue.schema.js';
import type { LocalizedText } from '../../errors.js';
import type { EvaluationWindow } from '../../periods/periods.js';
import type { WindowCounts } from '../../reports/quarterly-report.js';
import type { CriterionAnswer, IncidentRecord } from '../assessment.schema.js';
import type { EvaluationMemo } from '../evaluation.memo.js';
import type { CriterionOutcome, CriterionResult, UnitEvaluationInput } from '../evaluation.types.js';
import { comparisonKey, evaluateComparison } from './comparison.rule.js';
import { hasIncident, inWindow, judgeIncidents, noIncident } from './incidents.js';
import {
  checkChecklist,
  checklistKey,
  NO_ANSWER,
  NO_ANSWER_KEY,
  toResult,
  worst,
  type RuleOutcome,
} from './outcome.js';

function prefixed(letter: string, reasons: readonly LocalizedText[]): LocalizedText[] {
  return reasons.map((r) => ({ vi: `Điểm ${letter}: ${r.vi}`, en: `Item (${letter}): ${r.en}` }));
}

/**
 * A parts criterion: every part must be met (its checklist, its comparison, no counted incident of its
 * letter); an incident naming the criterion but no part that reads incidents fails it.
 *
 * @example
 * ```ts
 * evaluateParts(kdc4, answer, { current: { crimes: 0, socialEvils: 0 } }, [], evaluationWindow('KDC', 2022)).outcome; // 'met'
 * ```
 */
export function evaluateParts(
  c: PartsCriterion,
  answer: CriterionAnswer | undefined,
  counts: WindowCounts | undefined,
  incidents: readonly IncidentRecord[] | undefined,
  window: EvaluationWindow,
): RuleOutcome {
  let outcome: CriterionOutcome = 'met';
  const reasons: LocalizedText[] = [];
  const hits = incidents?.filter((i) => inWindow(i, c.code, window)) ?? [];
  for (const part of c.parts) {
    let partOutcome: CriterionOutcome = 'met';
    const partReasons: LocalizedText[] = [];
    if (part.checklist && part.checklist.length > 0) {
      if (!answer?.checks) {
        partOutcome = 'missing';
        partReasons.push(NO_ANSWER);
      } else {
        const r = checkChecklist(part.checklist, answer);
        partOutcome = worst(partOutcome, r.outcome);
        partReasons.push(...r.reasons);
      }
    }
    if (part.comparison) {
      const r = evaluateComparison(part.comparison, counts);
      partOutcome = worst(partOutcome, r.outcome);
      partReasons.push(...r.reasons);
    }
    if (part.incidents) {
      const mine = hits.filter((i) => i.item === part.letter);
      if (mine.length === 0) {
        partReasons.push(noIncident(window));
      } else {
        const exceptions = part.incidents.exceptions;
        const r = judgeIncidents(mine, () => ({ text: part.text, exceptions }));
        if (r.counted > 0) partOutcome = 'not_met';
        partReasons.push(...r.reasons);
      }
    }
    if (partOutcome === 'met' && partReasons.length === 0) partReasons.push({ vi: 'Đáp ứng', en: 'Met' });
    outcome = worst(outcome, partOutcome);
    reasons.push(...prefixed(part.letter, partReasons));
  }
  // an incident naming the criterion but no part of it (no letter, or an unknown one) counts against it
  // (a part that reads no incidents cannot take one: an incident naming it counts against the criterion too)
  const letters = new Set(c.parts.filter((p) => p.incidents).map((p) => p.letter));
  const stray = hits.filter((i) => !i.item || !letters.has(i.item));
  if (stray.length > 0) {
    outcome = 'not_met';
    reasons.push(...judgeIncidents(stray, () => undefined).reasons);
  }
  return { outcome, reasons };
}

/**
 * A unit's result for a parts criterion: without incident, shared through the memo by window, checklist
 * answers and counts; with one, its own.
 *
 * @example
 * ```ts
 * partsResult(kdc4, input, evaluationWindow('KDC', 2022), createEvaluationMemo()).outcome; // 'met'
 * ```
 */
export function partsResult(
  c: PartsCriterion,
  input: UnitEvaluationInput,
  window: EvaluationWindow,
  memo: EvaluationMemo,
): CriterionResult {
  const answer = input.answers?.[c.code];
  const counts = input.counts;
  if (hasIncident(input.incidents, c.code, window))
    return toResult(c, evaluateParts(c, answer, counts, input.incidents, window));
  const checklist = c.parts.flatMap((p) => p.checklist ?? []);
  let key = `${window.from}|${answer?.checks ? checklistKey(checklist, answer.checks) : NO_ANSWER_KEY}`;
  const current = counts?.current;
  for (const p of c.parts)
    if (p.comparison) key += `|${current ? comparisonKey(p.comparison, current, counts?.previous) : NO_ANSWER_KEY}`;
  return memo.criterionResult(c, key, () => evaluateParts(c, answer, counts, undefined, window));
}
