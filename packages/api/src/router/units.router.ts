import { unitListInputSchema } from '@antoan/core';
import { getArea, listUnits } from '@antoan/db';
import { publicProcedure, router } from '../trpc.js';
import { vietnamToday } from '../time.js';

export const unitsRouter = router({
  /** A page of units, within an area's subtree (as it was on `date`), of some types, matching a search. */
  list: publicProcedure.input(unitListInputSchema).query(async ({ ctx, input }) => {
    const date = input.date ?? vietnamToday(ctx.now());
    if (input.areaId !== undefined) await getArea(ctx.db, input.areaId);
    return listUnits(ctx.db, input, date);
  }),
});
