// The recognition engine's public face: what `@antoan/core` exports of it. Its parts, by subject:
//   evaluation.types.ts      results, outcomes and their labels; the inputs and outputs
//   rules/<kind>.rule.ts     one module per criterion kind (its evaluation and its memo key); rules/outcome.ts,
//                            rules/incidents.ts and rules/managed-units.ts hold what several kinds share
//   criterion.evaluation.ts  one criterion: the rule of its kind
//   evaluation.memo.ts       the memo one evaluation creates and passes down (core keeps no state between calls)
//   unit.evaluation.ts       one unit: eligibility, criteria, result and summary, a locked file's record
//   managed.tally.ts         the tally of the units a commune manages (ManagedUnitsSummary)
//   area.evaluation.ts       many units bottom-up, communes last
export {
  CRITERION_OUTCOME_LABELS,
  CRITERION_OUTCOMES,
  RECOGNITION_RESULT_LABELS,
  RECOGNITION_RESULTS,
  type AssessedUnit,
  type CriterionOutcome,
  type CriterionResult,
  type EvaluateOptions,
  type ManagedTypeSummary,
  type ManagedUnitsSummary,
  type RecognitionResult,
  type UnitEvaluation,
  type UnitEvaluationInput,
} from './evaluation.types.js';
export { evaluateUnit, incidentsInWindow } from './unit.evaluation.js';
export { summarizeManagedUnits } from './managed.tally.js';
export { evaluateArea, isManagedByCommune } from './area.evaluation.js';
