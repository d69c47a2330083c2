import { evaluateArea, type Catalogue, type CriterionAnswer, type UnitEvaluation } from '@antoan/core';
import {
  listAssessmentStates,
  loadEvaluationInputs,
  type Database,
  type ExportAssessmentState,
  type UnitBatch,
} from '@antoan/db';
import type { Kysely } from 'kysely';

/**
 * One batch of an export evaluated with core's engine, with the per-criterion detail the stored results do
 * not keep: the same loader and per-unit catalogue as the stored results (so a unit's result here equals its
 * stored one), and the batch's stored cycle states for the year. A batch holds whole areas, so every commune
 * evaluates with the units it manages.
 */
export async function evaluateUnitBatch(
  db: Kysely<Database>,
  batch: UnitBatch,
  year: number,
  catalogue: Catalogue,
): Promise<{
  evaluations: Map<number, UnitEvaluation>;
  states: Map<number, ExportAssessmentState>;
  answers: Map<number, Readonly<Record<string, CriterionAnswer | undefined>>>;
}> {
  const unitIds = batch.units.map((u) => u.id);
  const inputs = await loadEvaluationInputs(db, batch.units, year, {
    areaId: undefined,
    date: `${year}-12-31`,
    unitIds,
  });
  const evaluations = new Map(evaluateArea(inputs, { catalogue }).map((e) => [e.unitId, e]));
  const states = await listAssessmentStates(db, unitIds, year);
  return { evaluations, states, answers: new Map(inputs.map((input) => [input.unit.id, input.answers ?? {}])) };
}
