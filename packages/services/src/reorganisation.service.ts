import { DomainError, planReorganisation, type ReorganisationInput, type ReorganisationPlan } from '@antoan/core';
import {
  applyReorganisationPlan,
  listResultYears,
  loadReorganisationContext,
  type Database,
  type ReorganisationResult,
} from '@antoan/db';
import type { Kysely } from 'kysely';
import { refreshResults } from './results.service.js';

/** A reorganisation done: its plan, what was written, and the files that no longer count. */
export interface ReorganisationOutcome {
  plan: ReorganisationPlan;
  result: ReorganisationResult;
  /** Files (not locked) of ended units in a year from the effective date's on: they no longer count there. */
  droppedFiles: { unitId: number; code: string; year: number; status: string }[];
}

/**
 * Performs a reorganisation in the caller's transaction (`db`): plans it with core (refusing it with every
 * reason when the plan has errors), refuses it when a unit that ends has a recognised, locked file in a year
 * the change reaches (the effective date's year or later: it would stop counting), writes it, and brings the
 * stored results of the years it reaches up to date. Years before the effective date are not touched.
 */
export async function reorganise(
  db: Kysely<Database>,
  input: ReorganisationInput,
  audit: { userId: number | null; now: Date },
): Promise<ReorganisationOutcome> {
  const context = await loadReorganisationContext(db, input.predecessorIds);
  const plan = planReorganisation(input, context);
  if (plan.errors.length > 0) {
    throw new DomainError('INVALID', {
      vi: plan.errors.map((e) => e.vi).join(' '),
      en: plan.errors.map((e) => e.en).join(' '),
    });
  }
  const firstYear = Number(plan.effectiveDate.slice(0, 4));
  const endIds = plan.endUnits.map((u) => u.id);
  const files =
    endIds.length === 0
      ? []
      : await db
          .selectFrom('assessments')
          .innerJoin('units', 'units.id', 'assessments.unit_id')
          .select([
            'units.id as unit_id',
            'units.code',
            'units.name',
            'assessments.year',
            'assessments.status',
            'assessments.is_locked',
          ])
          .where('assessments.unit_id', 'in', endIds)
          .where('assessments.year', '>=', firstYear)
          .orderBy('units.code')
          .execute();
  const locked = files.filter((f) => f.is_locked === 1);
  if (locked.length > 0) {
    const list = locked.map((f) => `${f.name} (${f.code}) năm ${f.year}`).join('; ');
    throw new DomainError('CONFLICT', {
      vi: `Không thực hiện được: các hồ sơ đã công nhận và đã khóa sẽ không còn được tính: ${list}. Hãy mở khóa (có ghi lý do) hoặc chọn ngày hiệu lực sau năm của các hồ sơ đó.`,
      en: `Not done: recognised, locked files would stop counting: ${locked.map((f) => `${f.name} (${f.code}) of ${f.year}`).join('; ')}. Unlock them (with a reason) or choose an effective date after their year.`,
    });
  }
  const result = await applyReorganisationPlan(db, plan, { userId: audit.userId, at: audit.now, input });
  const years = (await listResultYears(db)).map((r) => r.year).filter((y) => y >= firstYear);
  await refreshResults(
    db,
    {
      unitIds: [...endIds, ...result.newUnits.map((u) => u.id)],
      years,
      formerAreaIds: plan.endAreas.map((a) => a.id),
    },
    audit.now,
  );
  return {
    plan,
    result,
    droppedFiles: files.map((f) => ({ unitId: f.unit_id, code: f.code, year: f.year, status: f.status })),
  };
}
