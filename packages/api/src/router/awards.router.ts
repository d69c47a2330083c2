import { awardInputSchema, idSchema, vietnamDate, yearSchema } from '@antoan/core';
import { getAward, listAwards } from '@antoan/db';
import { changeAward, createAward, removeAward } from '@antoan/services';
import { z } from 'zod';
import { assertAreaInScope, assertUnitInArea, listAreaFor } from '../scope.js';
import { allow, protectedProcedure, router } from '../trpc.js';

/** Awards given in an area (to the area, or to one of its units). */
export const awardsRouter = router({
  list: protectedProcedure
    .meta(allow('data.read'))
    .input(z.object({ areaId: idSchema.optional(), year: yearSchema.optional() }).strict())
    .query(async ({ ctx, input }) =>
      listAwards(ctx.db, {
        areaId: await listAreaFor(ctx, input.areaId),
        date: vietnamDate(ctx.now()),
        year: input.year,
      }),
    ),

  create: protectedProcedure
    .meta(allow('awards.write'))
    .input(awardInputSchema)
    .mutation(async ({ ctx, input }) => {
      await assertAreaInScope(ctx, input.areaId);
      if (input.unitId !== null) await assertUnitInArea(ctx, input.unitId, input.areaId);
      return createAward(ctx, input);
    }),

  /** Changes an award: both the area it was in and the one it moves to must be the caller's. */
  update: protectedProcedure
    .meta(allow('awards.write'))
    .input(z.object({ awardId: idSchema, award: awardInputSchema }).strict())
    .mutation(async ({ ctx, input }) => {
      const before = await getAward(ctx.db, input.awardId);
      await assertAreaInScope(ctx, before.areaId);
      await assertAreaInScope(ctx, input.award.areaId);
      if (input.award.unitId !== null) await assertUnitInArea(ctx, input.award.unitId, input.award.areaId);
      return changeAward(ctx, before, input.award);
    }),

  delete: protectedProcedure
    .meta(allow('awards.write'))
    .input(z.object({ awardId: idSchema }).strict())
    .mutation(async ({ ctx, input }) => {
      const award = await getAward(ctx.db, input.awardId);
      await assertAreaInScope(ctx, award.areaId);
      return removeAward(ctx, award);
    }),
});
