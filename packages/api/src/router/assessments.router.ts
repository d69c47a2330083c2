import {
  cycleTransitionInputSchema,
  idSchema,
  registerInputSchema,
  saveAnswersInputSchema,
  setLockedInputSchema,
  unitYearInputSchema,
} from '@antoan/core';
import { listFileHistory, moveFile, readFile, registerFile, saveFileAnswers, setFileLocked } from '@antoan/services';
import { z } from 'zod';
import { getUnitInScope } from '../scope.js';
import { allow, protectedProcedure, router } from '../trpc.js';

/** A unit's yearly file: its criteria, answers, cycle and result (services' assessment.service.ts). */
export const assessmentsRouter = router({
  /**
   * A unit's file for a year: the catalogue's criteria for its type, the stored answers and cycle, the
   * incidents in its window, the result computed now by core's engine (never stored), and the actions the
   * caller may take.
   */
  get: protectedProcedure
    .meta(allow('data.read'))
    .input(unitYearInputSchema)
    .query(async ({ ctx, input }) => readFile(ctx, await getUnitInScope(ctx, input.unitId), input.year)),

  /** A unit's files across the years with the result computed now for each (the unit page's history). */
  history: protectedProcedure
    .meta(allow('data.read'))
    .input(z.object({ unitId: idSchema }).strict())
    .query(async ({ ctx, input }) => listFileHistory(ctx.db, await getUnitInScope(ctx, input.unitId))),

  /** Registers a unit for a year (refused with the reason when the catalogue excludes the unit). */
  register: protectedProcedure
    .meta(allow('assessments.enter'))
    .input(registerInputSchema)
    .mutation(async ({ ctx, input }) => registerFile(ctx, await getUnitInScope(ctx, input.unitId), input)),

  /** Saves answers and evidence of some criteria (others stay as they were). Refused on a stale version. */
  saveAnswers: protectedProcedure
    .meta(allow('assessments.enter'))
    .input(saveAnswersInputSchema)
    .mutation(async ({ ctx, input }) => saveFileAnswers(ctx, await getUnitInScope(ctx, input.unitId), input)),

  /** Moves the file along the cycle (self-assessed, submitted, appraised, recognised, …). */
  transition: protectedProcedure
    .meta(allow('assessments.enter'))
    .input(cycleTransitionInputSchema)
    .mutation(async ({ ctx, input }) => moveFile(ctx, await getUnitInScope(ctx, input.unitId), input)),

  /** Opens a recognised file for correction, or locks it again. Audited with the reason. */
  setLocked: protectedProcedure
    .meta(allow('assessments.unlock'))
    .input(setLockedInputSchema)
    .mutation(async ({ ctx, input }) => setFileLocked(ctx, await getUnitInScope(ctx, input.unitId), input)),
});
