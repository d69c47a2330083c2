import { idSchema, quarterlyReportInputSchema, yearSchema } from '@antoan/core';
import { listQuarterlyReports } from '@antoan/db';
import { submitReport } from '@antoan/services';
import { z } from 'zod';
import { getUnitInScope, unitIdsInScope } from '../scope.js';
import { allow, protectedProcedure, router } from '../trpc.js';

/** Units' quarterly reports; one that feeds a recognised, locked year is refused until an unlock. */
export const reportsRouter = router({
  list: protectedProcedure
    .meta(allow('data.read'))
    .input(z.object({ areaId: idSchema.optional(), unitId: idSchema.optional(), year: yearSchema }).strict())
    .query(async ({ ctx, input }) => {
      const unitIds = await unitIdsInScope(ctx, input, `${input.year}-12-31`);
      return listQuarterlyReports(ctx.db, { unitIds, years: [input.year] });
    }),

  /** Files (or files again) a unit's quarterly report. */
  submit: protectedProcedure
    .meta(allow('reports.submit'))
    .input(quarterlyReportInputSchema)
    .mutation(async ({ ctx, input }) => {
      await getUnitInScope(ctx, input.unitId);
      return submitReport(ctx, input);
    }),
});
