import {
  areaTreeInputSchema,
  buildAreaTree,
  idSchema,
  reorganisationInputSchema,
  vietnamDate,
  type AreaSummary,
} from '@antoan/core';
import { getArea, listAreasOn, listLineage, listSubtreeAreasOn } from '@antoan/db';
import { getAreaSummary, reorganise, type ReorganisationOutcome } from '@antoan/services';
import { z } from 'zod';
import { allow, protectedProcedure, router } from '../trpc.js';
import { assertAreaInScope, scopeRootOf } from '../scope.js';

export const areasRouter = router({
  /** The administrative tree as it was on a date (default: today in Vietnam), cut to the user's scope. */
  tree: protectedProcedure
    .meta(allow('data.read'))
    .input(areaTreeInputSchema)
    .query(async ({ ctx, input }) => {
      const date = input.date ?? vietnamDate(ctx.now());
      const root = scopeRootOf(ctx.user);
      if (root === null) return { date, roots: buildAreaTree(await listAreasOn(ctx.db, date), date) };
      if (root === 'none') return { date, roots: [] };
      // Only the user's own area and what lies below it is read.
      const areas = await listSubtreeAreasOn(ctx.db, root, date);
      return { date, roots: buildAreaTree(areas, date).filter((node) => node.id === root) };
    }),

  /** An area with its history: the areas it came from and those it became (merges, splits, renames). */
  history: protectedProcedure
    .meta(allow('data.read'))
    .input(z.object({ areaId: idSchema }).strict())
    .query(async ({ ctx, input }) => {
      await assertAreaInScope(ctx, input.areaId);
      const area = await getArea(ctx.db, input.areaId);
      const lineage = await listLineage(ctx.db, area.id);
      const related = await Promise.all(
        lineage.map(async (l) => ({
          ...l,
          other: await getArea(ctx.db, l.predecessorId === area.id ? l.successorId : l.predecessorId),
        })),
      );
      return {
        area,
        predecessors: related.filter((l) => l.successorId === area.id),
        successors: related.filter((l) => l.predecessorId === area.id),
      };
    }),

  /**
   * Merges, splits, renames or moves areas, or ends one (issue 15), on an effective date and by a legal act: the
   * old areas and their units end that day, successors begin, the lineage links them, officers follow their area,
   * in one audited transaction; years before the date do not move. With `dryRun` the same is done and rolled
   * back: the answer shows every area and unit touched and the current year's figures before and after.
   */
  reorganise: protectedProcedure
    .meta(allow('areas.reorganise'))
    .input(reorganisationInputSchema.extend({ dryRun: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const { dryRun, ...request } = input;
      for (const id of request.predecessorIds) await assertAreaInScope(ctx, id);
      for (const s of request.successors) if (s.parentId !== null) await assertAreaInScope(ctx, s.parentId);
      const now = ctx.now();
      const today = vietnamDate(now);
      const year = Number(today.slice(0, 4));
      const figures = async (db: typeof ctx.db, areaIds: number[]) =>
        Promise.all(
          [...new Set(areaIds)].map(async (areaId) => ({
            area: await getArea(db, areaId),
            units: (await getAreaSummary(db, areaId, year, today)).units.byType,
          })),
        );
      const parents = request.successors.flatMap((s) => (s.parentId === null ? [] : [s.parentId]));
      let preview: ReorganisationPreview | undefined;
      try {
        await ctx.db.transaction().execute(async (trx) => {
          const before = await figures(trx, [...parents, ...request.predecessorIds]);
          const outcome = await reorganise(trx, request, { userId: ctx.user.id, now });
          const after = await figures(trx, [...parents, ...outcome.result.newAreas.map((a) => a.id)]);
          preview = describe(outcome, { year, before, after }, !dryRun);
          if (dryRun) throw ROLLBACK;
        });
      } catch (error) {
        if (error !== ROLLBACK) throw error;
      }
      return preview!;
    }),
});

/** Thrown to roll a dry run's transaction back (never reaches a caller). */
class DryRunRollback extends Error {}
const ROLLBACK = new DryRunRollback('dry run: roll back');

export type ReorganisationFigures = {
  area: Awaited<ReturnType<typeof getArea>>;
  units: AreaSummary['units']['byType'];
}[];
/** What areas.reorganise answers: the change, done or rolled back (dry run), and its figures. */
export interface ReorganisationPreview {
  applied: boolean;
  effectiveDate: string;
  note: string;
  endAreas: { id: number; code: string; name: string }[];
  newAreas: { id: number; code: string; name: string }[];
  units: { from: { id: number; code: string; name: string }[]; to: { code: string; name: string; type: string } }[];
  endedUnits: number;
  movedUsers: string[];
  droppedFiles: ReorganisationOutcome['droppedFiles'];
  figures: { year: number; before: ReorganisationFigures; after: ReorganisationFigures };
}

function describe(
  outcome: ReorganisationOutcome,
  figures: ReorganisationPreview['figures'],
  applied: boolean,
): ReorganisationPreview {
  const { plan, result } = outcome;
  const ended = new Map(plan.endUnits.map((u) => [u.id, u]));
  const from = new Map<string, { id: number; code: string; name: string }[]>();
  for (const l of plan.unitLineage) {
    const unit = ended.get(l.predecessorId)!;
    from.set(l.successorCode, [
      ...(from.get(l.successorCode) ?? []),
      { id: unit.id, code: unit.code, name: unit.name },
    ]);
  }
  return {
    applied,
    effectiveDate: plan.effectiveDate,
    note: plan.note,
    endAreas: plan.endAreas.map(({ id, code, name }) => ({ id, code, name })),
    newAreas: result.newAreas.map(({ id, code, name }) => ({ id, code, name })),
    units: plan.newUnits.map((u) => ({
      from: from.get(u.code) ?? [],
      to: { code: u.code, name: u.name, type: u.type },
    })),
    endedUnits: plan.endUnits.length,
    movedUsers: result.movedUsers.map((u) => u.username),
    droppedFiles: outcome.droppedFiles,
    figures,
  };
}
