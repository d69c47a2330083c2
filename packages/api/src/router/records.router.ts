import { refreshResults, yearsOfIncident, yearsOfReport } from '@antoan/services';
import {
  awardInputSchema,
  incidentExceptionInputSchema,
  incidentInputSchema,
  isoDateSchema,
  modelInputSchema,
  quarterlyReportInputSchema,
  windowYearOf,
  criteriaForType,
  DomainError,
  findCatalogue,
  getCatalogueForYear,
  idSchema,
  INCIDENT_EXCEPTION_LABELS,
  incidentTargets,
  type Catalogue,
  type IncidentException,
  type UnitType,
  yearSchema,
  vietnamDate,
} from '@antoan/core';
import {
  deleteAward,
  deleteIncident,
  findAssessmentState,
  getAward,
  getIncident,
  getModel,
  insertAward,
  isAreaWithin,
  insertIncident,
  setIncidentException,
  insertModel,
  listAwards,
  listIncidents,
  listModels,
  listQuarterlyReports,
  listUnitIdsInArea,
  updateModel,
  upsertQuarterlyReport,
  writeAudit,
} from '@antoan/db';
import { z } from 'zod';
import { assertYearOpen } from '../locks.js';
import { assertAreaInScope, getUnitInScope, listAreaFor } from '../scope.js';
import { ALL_ROLES, ENTRY_ROLES, OFFICERS, protectedProcedure, router, SENIOR_ROLES } from '../trpc.js';

const id = idSchema;

/**
 * An incident must name a criterion of the unit's type that incidents fail (a disqualifying list, or a part
 * of a criterion with parts that reads incidents, such as KDC-4 b) and one of its letters, when it has any,
 * or the engine would never count it. An exception (promptly handled, force majeure) must be one the item
 * admits.
 */
function assertIncidentTarget(
  catalogue: Catalogue,
  type: UnitType,
  code: string,
  item: string | null,
  exception: IncidentException | null,
): void {
  const criterion = criteriaForType(catalogue, type).find((c) => c.code === code);
  const targets = criterion && incidentTargets(criterion);
  if (!targets) {
    throw new DomainError('INVALID', {
      vi: `${code} không phải tiêu chí loại trừ của loại ${type} trong danh mục ${catalogue.id}.`,
      en: `${code} is not a disqualifying criterion for ${type} in catalogue ${catalogue.id}.`,
    });
  }
  const target = targets.find((t) => t.letter === item);
  if (targets.length > 0 && !target) {
    throw new DomainError('INVALID', {
      vi: `Chọn một mục của ${code}: ${targets.map((t) => t.letter).join(', ')}.`,
      en: `Choose an item of ${code}: ${targets.map((t) => t.letter).join(', ')}.`,
    });
  }
  if (exception !== null && !target?.exceptions.includes(exception)) {
    throw new DomainError('INVALID', {
      vi: `${code}${item ? ` điểm ${item}` : ''} không có ngoại lệ "${INCIDENT_EXCEPTION_LABELS[exception].vi}".`,
      en: `${code}${item ? ` item (${item})` : ''} admits no exception "${INCIDENT_EXCEPTION_LABELS[exception].en}".`,
    });
  }
}

/** A model's host or an award's recipient must be a unit of the area it is filed under (and in scope). */
async function assertUnitInArea(
  ctx: Parameters<typeof getUnitInScope>[0],
  unitId: number,
  areaId: number,
): Promise<void> {
  const unit = await getUnitInScope(ctx, unitId);
  if (!(await isAreaWithin(ctx.db, unit.areaId, areaId))) {
    throw new DomainError('INVALID', {
      vi: `Đơn vị ${unit.name} không thuộc địa bàn đã chọn.`,
      en: `The unit ${unit.name} is not in the chosen area.`,
    });
  }
}

/** The units whose records a list may show: the reporter's own unit, or the units of the scoped area. */
async function unitIdsInScope(
  ctx: Parameters<typeof listAreaFor>[0],
  input: { areaId?: number | undefined; unitId?: number | undefined },
  date: string,
): Promise<number[]> {
  if (input.unitId !== undefined) return [(await getUnitInScope(ctx, input.unitId)).id];
  if (ctx.user.role === 'unit_reporter') return ctx.user.unitId ? [ctx.user.unitId] : [];
  return listUnitIdsInArea(ctx.db, await listAreaFor(ctx, input.areaId), date);
}

export const incidentsRouter = router({
  list: protectedProcedure
    .meta({ access: ALL_ROLES })
    .input(z.object({ areaId: id.optional(), unitId: id.optional(), from: isoDateSchema, to: isoDateSchema }).strict())
    .query(async ({ ctx, input }) => {
      const unitIds = await unitIdsInScope(ctx, input, input.to);
      return listIncidents(ctx.db, { unitIds, from: input.from, to: input.to });
    }),

  create: protectedProcedure
    .meta({ access: OFFICERS })
    .input(incidentInputSchema)
    .mutation(async ({ ctx, input }) => {
      const unit = await getUnitInScope(ctx, input.unitId);
      const year = windowYearOf(unit.type, input.occurredOn);
      await assertYearOpen(ctx.db, unit.id, year);
      // The catalogue the unit is assessed with that year, else the one in force.
      const state = await findAssessmentState(ctx.db, unit.id, year);
      const catalogue = (state && findCatalogue(state.catalogueId)) ?? getCatalogueForYear(year);
      assertIncidentTarget(catalogue, unit.type, input.criterionCode, input.item, input.exception);
      const now = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        const incident = await insertIncident(trx, input, ctx.user.id, now);
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: 'incident.create',
          entity: 'incident',
          entityId: incident.id,
          before: null,
          after: incident,
          at: now,
        });
        await refreshResults(
          trx,
          { unitIds: [unit.id], years: yearsOfIncident(incident.occurredOn), lockedFiles: 'flag' },
          now,
        );
        return incident;
      });
    }),

  /**
   * Decides, after the fact, that an incident does not disqualify (promptly handled, force majeure) where its
   * item admits it, or withdraws that decision; records the officer as its decider (audited).
   */
  setException: protectedProcedure
    .meta({ access: OFFICERS })
    .input(incidentExceptionInputSchema)
    .mutation(async ({ ctx, input }) => {
      const incident = await getIncident(ctx.db, input.incidentId);
      const unit = await getUnitInScope(ctx, incident.unitId);
      const year = windowYearOf(unit.type, incident.occurredOn);
      await assertYearOpen(ctx.db, unit.id, year);
      const state = await findAssessmentState(ctx.db, unit.id, year);
      const catalogue = (state && findCatalogue(state.catalogueId)) ?? getCatalogueForYear(year);
      assertIncidentTarget(catalogue, unit.type, incident.criterionCode, incident.item ?? null, input.exception);
      const now = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        const after = await setIncidentException(trx, incident.id, input.exception, ctx.user.id, now);
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: 'incident.exception',
          entity: 'incident',
          entityId: incident.id,
          before: incident,
          after,
          at: now,
        });
        await refreshResults(
          trx,
          { unitIds: [unit.id], years: yearsOfIncident(incident.occurredOn), lockedFiles: 'flag' },
          now,
        );
        return after;
      });
    }),

  delete: protectedProcedure
    .meta({ access: OFFICERS })
    .input(z.object({ incidentId: id }).strict())
    .mutation(async ({ ctx, input }) => {
      const incident = await getIncident(ctx.db, input.incidentId);
      const unit = await getUnitInScope(ctx, incident.unitId);
      await assertYearOpen(ctx.db, unit.id, windowYearOf(unit.type, incident.occurredOn));
      const now = ctx.now();
      await ctx.db.transaction().execute(async (trx) => {
        await deleteIncident(trx, incident.id);
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: 'incident.delete',
          entity: 'incident',
          entityId: incident.id,
          before: incident,
          after: null,
          at: now,
        });
        await refreshResults(
          trx,
          { unitIds: [unit.id], years: yearsOfIncident(incident.occurredOn), lockedFiles: 'flag' },
          now,
        );
      });
      return { ok: true as const };
    }),
});

export const reportsRouter = router({
  list: protectedProcedure
    .meta({ access: ALL_ROLES })
    .input(z.object({ areaId: id.optional(), unitId: id.optional(), year: yearSchema }).strict())
    .query(async ({ ctx, input }) => {
      const unitIds = await unitIdsInScope(ctx, input, `${input.year}-12-31`);
      return listQuarterlyReports(ctx.db, { unitIds, years: [input.year] });
    }),

  /** Files (or files again) a unit's quarterly report. */
  submit: protectedProcedure
    .meta({ access: ENTRY_ROLES })
    .input(quarterlyReportInputSchema)
    .mutation(async ({ ctx, input }) => {
      await getUnitInScope(ctx, input.unitId);
      // Q4 is counted in the next year's window (core's comparisonQuarters), Q1–Q3 in the year's own.
      await assertYearOpen(ctx.db, input.unitId, input.quarter === 4 ? input.year + 1 : input.year);
      const now = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        const { report, previous } = await upsertQuarterlyReport(trx, input, ctx.user.id, now);
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: 'report.submit',
          entity: 'quarterly_report',
          entityId: report.id,
          before: previous ?? null,
          after: report,
          at: now,
        });
        await refreshResults(
          trx,
          { unitIds: [input.unitId], years: yearsOfReport(input.year, input.quarter), lockedFiles: 'flag' },
          now,
        );
        return report;
      });
    }),
});

export const modelsRouter = router({
  list: protectedProcedure
    .meta({ access: ALL_ROLES })
    .input(z.object({ areaId: id.optional(), search: z.string().max(200).optional() }).strict())
    .query(async ({ ctx, input }) =>
      listModels(ctx.db, {
        areaId: await listAreaFor(ctx, input.areaId),
        date: vietnamDate(ctx.now()),
        search: input.search,
      }),
    ),

  create: protectedProcedure
    .meta({ access: OFFICERS })
    .input(modelInputSchema)
    .mutation(async ({ ctx, input }) => {
      await assertAreaInScope(ctx, input.areaId);
      if (input.hostUnitId !== null) await assertUnitInArea(ctx, input.hostUnitId, input.areaId);
      const now = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        const model = await insertModel(trx, input);
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: 'model.create',
          entity: 'model',
          entityId: model.id,
          before: null,
          after: model,
          at: now,
        });
        return model;
      });
    }),

  update: protectedProcedure
    .meta({ access: OFFICERS })
    .input(z.object({ modelId: id, model: modelInputSchema }).strict())
    .mutation(async ({ ctx, input }) => {
      const before = await getModel(ctx.db, input.modelId);
      await assertAreaInScope(ctx, before.areaId);
      await assertAreaInScope(ctx, input.model.areaId);
      if (input.model.hostUnitId !== null) await assertUnitInArea(ctx, input.model.hostUnitId, input.model.areaId);
      const now = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        const model = await updateModel(trx, input.modelId, input.model);
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: 'model.update',
          entity: 'model',
          entityId: model.id,
          before,
          after: model,
          at: now,
        });
        return model;
      });
    }),
});

export const awardsRouter = router({
  list: protectedProcedure
    .meta({ access: ALL_ROLES })
    .input(z.object({ areaId: id.optional(), year: yearSchema.optional() }).strict())
    .query(async ({ ctx, input }) =>
      listAwards(ctx.db, {
        areaId: await listAreaFor(ctx, input.areaId),
        date: vietnamDate(ctx.now()),
        year: input.year,
      }),
    ),

  create: protectedProcedure
    .meta({ access: SENIOR_ROLES })
    .input(awardInputSchema)
    .mutation(async ({ ctx, input }) => {
      await assertAreaInScope(ctx, input.areaId);
      if (input.unitId !== null) await assertUnitInArea(ctx, input.unitId, input.areaId);
      const now = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        const award = await insertAward(trx, input);
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: 'award.create',
          entity: 'award',
          entityId: award.id,
          before: null,
          after: award,
          at: now,
        });
        return award;
      });
    }),

  delete: protectedProcedure
    .meta({ access: SENIOR_ROLES })
    .input(z.object({ awardId: id }).strict())
    .mutation(async ({ ctx, input }) => {
      const award = await getAward(ctx.db, input.awardId);
      await assertAreaInScope(ctx, award.areaId);
      const now = ctx.now();
      await ctx.db.transaction().execute(async (trx) => {
        await deleteAward(trx, award.id);
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: 'award.delete',
          entity: 'award',
          entityId: award.id,
          before: award,
          after: null,
          at: now,
        });
      });
      return { ok: true as const };
    }),
});
