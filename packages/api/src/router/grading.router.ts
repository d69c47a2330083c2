import { gradingScoresInputSchema, idSchema, unitYearInputSchema } from '@antoan/core';
import { readGradingSheet, saveGradingSheet } from '@antoan/services';
import { getUnitInScope } from '../scope.js';
import { allow, protectedProcedure, router } from '../trpc.js';

/** A unit's 100-point grading sheet (services' grading.service.ts). */
export const gradingRouter = router({
  /** The unit's 100-point sheet for a year with the grade computed now (never stored). */
  get: protectedProcedure
    .meta(allow('data.read'))
    .input(unitYearInputSchema)
    .query(async ({ ctx, input }) => readGradingSheet(ctx.db, await getUnitInScope(ctx, input.unitId), input.year)),

  /** Saves self and verified scores; `version` null creates the sheet. Unit reporters enter self scores only. */
  saveScores: protectedProcedure
    .meta(allow('grading.enterScores'))
    .input(gradingScoresInputSchema.extend({ version: idSchema.nullable() }))
    .mutation(async ({ ctx, input }) => saveGradingSheet(ctx, await getUnitInScope(ctx, input.unitId), input)),
});
