import { areaTreeInputSchema, buildAreaTree } from '@antoan/core';
import { listAreasOn } from '@antoan/db';
import { publicProcedure, router } from '../trpc.js';
import { vietnamToday } from '../time.js';

export const areasRouter = router({
  /** The administrative tree as it was on a date (default: today in Vietnam). */
  tree: publicProcedure.input(areaTreeInputSchema).query(async ({ ctx, input }) => {
    const date = input.date ?? vietnamToday(ctx.now());
    return { date, roots: buildAreaTree(await listAreasOn(ctx.db, date), date) };
  }),
});
