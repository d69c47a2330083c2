import { vietnamDate, yearSchema } from '@antoan/core';
import { z } from 'zod';
import { listAreaFor } from '../scope.js';
import { ALL_ROLES, protectedProcedure, router } from '../trpc.js';

export const statsRouter = router({
  /**
   * The seed article's table for an area (as it was that year) and a year, within the caller's scope:
   * per unit type the units that met the standard over the eligible ones, models, awards, grades and
   * report completeness (see computeAreaSummary).
   */
  summary: protectedProcedure
    .meta({ access: ALL_ROLES })
    .input(z.object({ areaId: z.number().int().positive().optional(), year: yearSchema }).strict())
    .query(async ({ ctx, input }) => {
      const areaId = await listAreaFor(ctx, input.areaId);
      return ctx.summaries.get(ctx.db, areaId, input.year, vietnamDate(ctx.now()));
    }),
});
