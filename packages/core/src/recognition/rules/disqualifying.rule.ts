// `disqualifying`: a lettered list (a, b, c, d, đ, e, g …); an incident in the window fails the criterion
// unless its item admits the incident's exception (KDC-3, XA-3's halves, CQDN-3 …).
import type { DisqualifyingCriterion } from '../../catalogue/catalogue.schema.js';
import type { EvaluationWindow } from '../../periods/periods.js';
import type { IncidentRecord } from '../assessment.schema.js';
import type { EvaluationMemo } from '../evaluation.memo.js';
import type { CriterionResult, UnitEvaluationInput } from '../evaluation.types.js';
import { hasIncident, inWindow, judgeIncidents, noIncident } from './incidents.js';
import { toResult, type RuleOutcome } from './outcome.js';

/**
 * A disqualifying criterion: met without a counted incident naming it in the window.
 *
 * @example
 * ```ts
 * evaluateDisqualifying(kdc3, [{ criterionCode: 'KDC-3', item: 'e', occurredOn: '2022-10-31' }], evaluationWindow('KDC', 2022)).outcome; // 'not_met'
 * ```
 */
export function evaluateDisqualifying(
  c: DisqualifyingCriterion,
  incidents: readonly IncidentRecord[] | undefined,
  window: EvaluationWindow,
): RuleOutcome {
  const hits = incidents?.filter((i) => inWindow(i, c.code, window)) ?? [];
  if (hits.length === 0) return { outcome: 'met', reasons: [noIncident(window)] };
  const { counted, reasons } = judgeIncidents(hits, (letter) =>
    letter ? c.items.find((i) => i.letter === letter) : undefined,
  );
  return { outcome: counted > 0 ? 'not_met' : 'met', reasons };
}

/**
 * A unit's result for a disqualifying criterion: without incident, shared through the memo by window; with
 * one, its own.
 *
 * @example
 * ```ts
 * disqualifyingResult(kdc3, input, evaluationWindow('KDC', 2022), createEvaluationMemo()).outcome; // 'met'
 * ```
 */
export function disqualifyingResult(
  c: DisqualifyingCriterion,
  input: UnitEvaluationInput,
  window: EvaluationWindow,
  memo: EvaluationMemo,
): CriterionResult {
  const incidents = input.incidents;
  // the memo gives one window object per evaluation, so `from` is a flat string whose hash V8 keeps
  if (!hasIncident(incidents, c.code, window))
    return memo.criterionResult(c, window.from, () => evaluateDisqualifying(c, undefined, window));
  return toResult(c, evaluateDisqualifying(c, incidents, window));
}
