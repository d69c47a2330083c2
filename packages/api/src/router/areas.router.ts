import { areaTreeInputSchema, buildAreaTree, idSchema, reorganisationInputSchema, vietnamDate } from '@antoan/core';
import { getArea, listAreasOn, listLineage, listSubtreeAreasOn } from '@antoan/db';
import { reorganiseWithFigures } from '@antoan/services';
import { z } from 'zod';
import { allow, protectedProcedure, router } from '../trpc.js';
import { assertAreaInScope, outOfScope, scopeRootOf } from '../scope.js';

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
   * Merges, splits, renames or moves areas, ends one (into another of its level, or not), or establishes new ones
   * (issue 15), on an effective date and by a legal act: the
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
      if (request.intoId !== undefined) await assertAreaInScope(ctx, request.intoId);
      // a new province (no former area, no parent) is in no one's area but the admin's
      if (request.predecessorIds.length === 0 && request.successors.some((s) => s.parentId === null))
        if (scopeRootOf(ctx.user) !== null) throw outOfScope();
      return reorganiseWithFigures(ctx, request, dryRun);
    }),
});
