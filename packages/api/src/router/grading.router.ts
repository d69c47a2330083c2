import { evaluateAreaYear, refreshResults } from '@antoan/services';
import {
  DomainError,
  findSheetTemplateForType,
  getSheetTemplate,
  gradeSheet,
  gradingScoresInputSchema,
  idSchema,
  incidentsInWindow,
  scoresOverMaximum,
  yearSchema,
} from '@antoan/core';
import { findGradingSheet, listIncidents, saveGradingScores, writeAudit } from '@antoan/db';
import { z } from 'zod';
import { assertYearOpen } from '../locks.js';
import { getUnitInScope } from '../scope.js';
import { ALL_ROLES, OFFICERS, protectedProcedure, router } from '../trpc.js';

const unitYear = z.object({ unitId: idSchema, year: yearSchema }).strict();

export const gradingRouter = router({
  /** The unit's 100-point sheet for a year with the grade computed now (never stored). */
  get: protectedProcedure
    .meta({ access: ALL_ROLES })
    .input(unitYear)
    .query(async ({ ctx, input }) => {
      const unit = await getUnitInScope(ctx, input.unitId);
      const sheet = (await findGradingSheet(ctx.db, unit.id, input.year)) ?? null;
      const template = sheet ? getSheetTemplate(sheet.templateId) : findSheetTemplateForType(unit.type);
      if (!template) {
        throw new DomainError('NOT_FOUND', {
          vi: `Chưa có mẫu phiếu chấm điểm cho loại ${unit.type}`,
          en: `No grading template for ${unit.type}`,
        });
      }
      const { evaluations } = await evaluateAreaYear(ctx.db, unit.areaId, input.year);
      const evaluation = evaluations.get(unit.id)!;
      const incidents = incidentsInWindow(
        await listIncidents(ctx.db, { unitIds: [unit.id], from: evaluation.window.from, to: evaluation.window.to }),
        unit.type,
        input.year,
      );
      const result = gradeSheet(template, {
        scores: sheet?.scores ?? {},
        incidents,
        standardMet: evaluation.result === 'DAT',
      });
      return { unit, template, sheet, result, standardMet: evaluation.result === 'DAT' };
    }),

  /** Saves self and verified scores; `version` null creates the sheet. Unit reporters enter self scores only. */
  saveScores: protectedProcedure
    .meta({ access: [...OFFICERS, 'unit_reporter'] })
    .input(gradingScoresInputSchema.extend({ version: idSchema.nullable() }))
    .mutation(async ({ ctx, input }) => {
      const unit = await getUnitInScope(ctx, input.unitId);
      const template = getSheetTemplate(input.templateId);
      if (!template.unitTypes.includes(unit.type)) {
        throw new DomainError('INVALID', {
          vi: `Mẫu ${template.id} không dùng cho loại ${unit.type}`,
          en: `Template ${template.id} is not for ${unit.type}`,
        });
      }
      const itemCodes = new Set(template.groups.flatMap((g) => g.items.map((i) => i.code)));
      const unknown = Object.keys(input.scores).filter((code) => !itemCodes.has(code));
      if (unknown.length > 0) {
        throw new DomainError('INVALID', {
          vi: `Mẫu phiếu không có mục ${unknown.join(', ')}`,
          en: `The template has no item ${unknown.join(', ')}`,
        });
      }
      const over = scoresOverMaximum(template, input.scores);
      if (over.length > 0) {
        const list = over.map((o) => `${o.code} (${o.score} > ${o.maxPoints})`).join(', ');
        throw new DomainError('INVALID', {
          vi: `Điểm vượt quá điểm tối đa của mục: ${list}`,
          en: `Scores above the item's maximum: ${list}`,
        });
      }
      if (
        ctx.user.role === 'unit_reporter' &&
        Object.values(input.scores).some((s) => s.verified !== undefined && s.verified !== null)
      ) {
        throw new DomainError('FORBIDDEN', {
          vi: 'Điểm thẩm định do cấp trên chấm.',
          en: 'Verified scores are given by the level above.',
        });
      }
      await assertYearOpen(ctx.db, unit.id, input.year);
      const before = (await findGradingSheet(ctx.db, unit.id, input.year)) ?? null;
      const now = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        await saveGradingScores(trx, { ...input, expectedVersion: input.version, by: ctx.user.id, now });
        const after = await findGradingSheet(trx, unit.id, input.year);
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: 'grading.save',
          entity: 'grading_sheet',
          entityId: after!.id,
          before,
          after,
          at: now,
        });
        await refreshResults(trx, { unitIds: [unit.id], years: [input.year], materialize: true }, now);
        return after!;
      });
    }),
});
