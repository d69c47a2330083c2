import { idSchema, incidentExceptionInputSchema, incidentInputSchema, isoDateSchema } from '@antoan/core';
import { getIncident, listIncidents } from '@antoan/db';
import { decideIncidentException, recordIncident, removeIncident } from '@antoan/services';
import { z } from 'zod';
import { getUnitInScope, unitIdsInScope } from '../scope.js';
import { allow, protectedProcedure, router } from '../trpc.js';

/** Incidents recorded against units; one that feeds a recognised, locked year is refused until an unlock. */
export const incidentsRouter = router({
  list: protectedProcedure
    .meta(allow('data.read'))
    .input(
      z
        .object({ areaId: idSchema.optional(), unitId: idSchema.optional(), from: isoDateSchema, to: isoDateSchema })
        .strict(),
    )
    .query(async ({ ctx, input }) => {
      const unitIds = await unitIdsInScope(ctx, input, input.to);
      return listIncidents(ctx.db, { unitIds, from: input.from, to: input.to });
    }),

  create: protectedProcedure
    .meta(allow('incidents.write'))
    .input(incidentInputSchema)
    .mutation(async ({ ctx, input }) => recordIncident(ctx, await getUnitInScope(ctx, input.unitId), input)),

  /**
   * Decides, after the fact, that an incident does not disqualify (promptly handled, force majeure) where its
   * item admits it, or withdraws that decision; records the officer as its decider (audited).
   */
  setException: protectedProcedure
    .meta(allow('incidents.write'))
    .input(incidentExceptionInputSchema)
    .mutation(async ({ ctx, input }) => {
      const incident = await getIncident(ctx.db, input.incidentId);
      return decideIncidentException(ctx, await getUnitInScope(ctx, incident.unitId), incident, input.exception);
    }),

  delete: protectedProcedure
    .meta(allow('incidents.write'))
    .input(z.object({ incidentId: idSchema }).strict())
    .mutation(async ({ ctx, input }) => {
      const incident = await getIncident(ctx.db, input.incidentId);
      return removeIncident(ctx, await getUnitInScope(ctx, incident.unitId), incident);
    }),
});
