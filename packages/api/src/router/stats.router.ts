import { idSchema, vietnamDate, yearSchema } from '@antoan/core';
import { listFileYears } from '@antoan/db';
import { z } from 'zod';
import { listAreaFor } from '../scope.js';
import { allow, protectedProcedure, router } from '../trpc.js';

export const statsRouter = router({
  /**
   * The seed article's table for an area (as it was that year) and a year, within the caller's scope:
   * per unit type the units that met the standard over the eligible ones, models, awards, grades and
   * report completeness, read from the stored results (see @antoan/services' getAreaSummary).
   */
  summary: protectedProcedure
    .meta(allow('data.read'))
    .input(z.object({ areaId: idSchema.optional(), year: yearSchema }).strict())
    .query(async ({ ctx, input }) => {
      const areaId = await listAreaFor(ctx, input.areaId);
      return ctx.summaries.get(ctx.db, areaId, input.year, vietnamDate(ctx.now()));
    }),

  /**
   * The years that have files (newest first) and the current year in Vietnam, for the year picker; `latest`
   * is the newest year with files up to now (the dashboard's default), else the current year.
   */
  years: protectedProcedure.meta(allow('data.read')).query(async ({ ctx }) => {
    const current = Number(vietnamDate(ctx.now()).slice(0, 4));
    const withFiles = await listFileYears(ctx.db);
    const years = [...new Set([current, ...withFiles])].sort((a, b) => b - a);
    return { years, current, latest: withFiles.find((y) => y <= current) ?? current };
  }),
});
