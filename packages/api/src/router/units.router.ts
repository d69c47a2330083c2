import { idSchema, unitListInputSchema, vietnamDate } from '@antoan/core';
import { listUnits } from '@antoan/db';
import { z } from 'zod';
import { ALL_ROLES, protectedProcedure, router } from '../trpc.js';
import { getUnitInScope, listAreaFor } from '../scope.js';

export const unitsRouter = router({
  /** A page of units within the user's scope (or a subtree of it, as it was on `date`), by type and search. */
  list: protectedProcedure
    .meta({ access: ALL_ROLES })
    .input(unitListInputSchema)
    .query(async ({ ctx, input }) => {
      const date = input.date ?? vietnamDate(ctx.now());
      if (ctx.user.role === 'unit_reporter') {
        return listUnits(ctx.db, { ...input, areaId: undefined }, date, { unitId: ctx.user.unitId ?? -1 });
      }
      return listUnits(ctx.db, { ...input, areaId: await listAreaFor(ctx, input.areaId) }, date);
    }),

  get: protectedProcedure
    .meta({ access: ALL_ROLES })
    .input(z.object({ unitId: idSchema }).strict())
    .query(({ ctx, input }) => getUnitInScope(ctx, input.unitId)),
});
