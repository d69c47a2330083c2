import { idSchema, unitListInputSchema, vietnamDate } from '@antoan/core';
import { isAreaWithin, listUnits, listUnitsByIds } from '@antoan/db';
import { z } from 'zod';
import { ALL_ROLES, protectedProcedure, router } from '../trpc.js';
import { getUnitInScope, listAreaFor, scopeRootOf } from '../scope.js';

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

  /**
   * Several units at once, for lists of records that name units by id (models' hosts, awards, reports): those
   * of the ids that exist and lie in the caller's scope; the others are left out, as a list would.
   */
  byIds: protectedProcedure
    .meta({ access: ALL_ROLES })
    .input(z.object({ unitIds: z.array(idSchema).max(1000) }).strict())
    .query(async ({ ctx, input }) => {
      const units = await listUnitsByIds(ctx.db, input.unitIds);
      if (ctx.user.role === 'unit_reporter') return units.filter((u) => u.id === ctx.user.unitId);
      const root = scopeRootOf(ctx.user);
      if (root === null) return units;
      if (root === 'none') return [];
      const allowed = new Map<number, boolean>();
      for (const areaId of new Set(units.map((u) => u.areaId))) allowed.set(areaId, await isAreaWithin(ctx.db, areaId, root));
      return units.filter((u) => allowed.get(u.areaId));
    }),
});
