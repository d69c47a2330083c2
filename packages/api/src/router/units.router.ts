import {
  idSchema,
  recognitionAuthority,
  unitListInputSchema,
  unitRecognitionInputSchema,
  vietnamDate,
} from '@antoan/core';
import { isAreaWithin, listUnits, listUnitsByIds } from '@antoan/db';
import { changeUnitRecognition } from '@antoan/services';
import { z } from 'zod';
import { allow, protectedProcedure, router } from '../trpc.js';
import { getUnitInScope, listAreaFor, scopeRootOf } from '../scope.js';

export const unitsRouter = router({
  /** A page of units within the user's scope (or a subtree of it, as it was on `date`), by type and search. */
  list: protectedProcedure
    .meta(allow('data.read'))
    .input(unitListInputSchema)
    .query(async ({ ctx, input }) => {
      const date = input.date ?? vietnamDate(ctx.now());
      if (ctx.user.role === 'unit_reporter') {
        return listUnits(ctx.db, { ...input, areaId: undefined }, date, { unitId: ctx.user.unitId ?? -1 });
      }
      return listUnits(ctx.db, { ...input, areaId: await listAreaFor(ctx, input.areaId) }, date);
    }),

  get: protectedProcedure
    .meta(allow('data.read'))
    .input(z.object({ unitId: idSchema }).strict())
    .query(({ ctx, input }) => getUnitInScope(ctx, input.unitId)),

  /**
   * Who recognises the unit today (Art. 10): its People's Committee, one level lower when delegated, or the
   * Ministry of Public Security for units its departments monitor.
   */
  recognitionAuthority: protectedProcedure
    .meta(allow('data.read'))
    .input(z.object({ unitId: idSchema, date: z.iso.date().optional() }).strict())
    .query(async ({ ctx, input }) =>
      recognitionAuthority(await getUnitInScope(ctx, input.unitId), input.date ?? vietnamDate(ctx.now())),
    ),

  /** Sets whether a department of the Ministry monitors the unit and whether its recognition is delegated (audited). */
  setRecognition: protectedProcedure
    .meta(allow('units.setRecognition'))
    .input(unitRecognitionInputSchema)
    .mutation(async ({ ctx, input }) => changeUnitRecognition(ctx, await getUnitInScope(ctx, input.unitId), input)),

  /**
   * Several units at once, for lists of records that name units by id (models' hosts, awards, reports): those
   * of the ids that exist and lie in the caller's scope; the others are left out, as a list would.
   */
  byIds: protectedProcedure
    .meta(allow('data.read'))
    .input(z.object({ unitIds: z.array(idSchema).max(1000) }).strict())
    .query(async ({ ctx, input }) => {
      const units = await listUnitsByIds(ctx.db, input.unitIds);
      if (ctx.user.role === 'unit_reporter') return units.filter((u) => u.id === ctx.user.unitId);
      const root = scopeRootOf(ctx.user);
      if (root === null) return units;
      if (root === 'none') return [];
      const allowed = new Map<number, boolean>();
      for (const areaId of new Set(units.map((u) => u.areaId)))
        allowed.set(areaId, await isAreaWithin(ctx.db, areaId, root));
      return units.filter((u) => allowed.get(u.areaId));
    }),
});
