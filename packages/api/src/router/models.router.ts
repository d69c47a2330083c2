import { idSchema, modelInputSchema, vietnamDate } from '@antoan/core';
import { getModel, listModels } from '@antoan/db';
import { changeModel, createModel, removeModel } from '@antoan/services';
import { z } from 'zod';
import { assertAreaInScope, assertUnitInArea, listAreaFor } from '../scope.js';
import { allow, protectedProcedure, router } from '../trpc.js';

/** Movement models of an area (and the unit that hosts one, if any). */
export const modelsRouter = router({
  list: protectedProcedure
    .meta(allow('data.read'))
    .input(z.object({ areaId: idSchema.optional(), search: z.string().max(200).optional() }).strict())
    .query(async ({ ctx, input }) =>
      listModels(ctx.db, {
        areaId: await listAreaFor(ctx, input.areaId),
        date: vietnamDate(ctx.now()),
        search: input.search,
      }),
    ),

  create: protectedProcedure
    .meta(allow('models.write'))
    .input(modelInputSchema)
    .mutation(async ({ ctx, input }) => {
      await assertAreaInScope(ctx, input.areaId);
      if (input.hostUnitId !== null) await assertUnitInArea(ctx, input.hostUnitId, input.areaId);
      return createModel(ctx, input);
    }),

  update: protectedProcedure
    .meta(allow('models.write'))
    .input(z.object({ modelId: idSchema, model: modelInputSchema }).strict())
    .mutation(async ({ ctx, input }) => {
      const before = await getModel(ctx.db, input.modelId);
      await assertAreaInScope(ctx, before.areaId);
      await assertAreaInScope(ctx, input.model.areaId);
      if (input.model.hostUnitId !== null) await assertUnitInArea(ctx, input.model.hostUnitId, input.model.areaId);
      return changeModel(ctx, before, input.model);
    }),

  /** Deletes a model of the caller's area (one entered by mistake; a model that stopped gets its stop date). */
  delete: protectedProcedure
    .meta(allow('models.write'))
    .input(z.object({ modelId: idSchema }).strict())
    .mutation(async ({ ctx, input }) => {
      const model = await getModel(ctx.db, input.modelId);
      await assertAreaInScope(ctx, model.areaId);
      return removeModel(ctx, model);
    }),
});
