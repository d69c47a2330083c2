import { evaluateAreaYear, refreshResults } from '@antoan/services';
import {
  applyCycleAction,
  bilingual,
  assertEligible,
  availableCycleActions,
  criteriaForType,
  criterionAnswerSchema,
  CYCLE_ACTION_NAMES,
  DomainError,
  evidenceSchema,
  findCatalogue,
  getCatalogueForYear,
  idSchema,
  recognitionDecisionSchema,
  revocationSchema,
  validateAnswers,
  yearSchema,
  type AssessmentRecord,
  type CycleStatus,
} from '@antoan/core';
import {
  findAssessment,
  insertAssessment,
  listAssessedUnitsByIds,
  listIncidents,
  listUnitAssessmentYears,
  updateAssessment,
  upsertAnswers,
  writeAudit,
  type Database,
} from '@antoan/db';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { LOCKED } from '../locks.js';
import { getUnitInScope } from '../scope.js';
import { ALL_ROLES, ENTRY_ROLES, protectedProcedure, router, SENIOR_ROLES } from '../trpc.js';

const unitYear = { unitId: idSchema, year: yearSchema };
/** A file's version (a stored integer, like an id). */
const version = idSchema;

const NOT_REGISTERED = {
  vi: 'Đơn vị chưa đăng ký năm này.',
  en: 'The unit has not registered for this year.',
};

async function getRecord(db: Kysely<Database>, unitId: number, year: number): Promise<AssessmentRecord> {
  const record = await findAssessment(db, unitId, year);
  if (!record) throw new DomainError('CONFLICT', NOT_REGISTERED);
  return record;
}

function assertVersion(record: AssessmentRecord, expected: number) {
  if (record.version !== expected) {
    throw new DomainError('CONFLICT', {
      vi: 'Hồ sơ vừa được người khác thay đổi. Tải lại để xem bản mới nhất rồi nhập lại thay đổi của bạn.',
      en: 'Someone else changed this file meanwhile. Reload to see the latest version, then make your change again.',
    });
  }
}

const answersInput = z.record(
  z.string().max(20),
  z.object({ answer: criterionAnswerSchema, evidence: evidenceSchema.default({ note: null, links: [] }) }).strict(),
);

const transitionInput = z
  .object({
    ...unitYear,
    version,
    action: z
      .enum(CYCLE_ACTION_NAMES as [string, ...string[]])
      .transform((a) => a as (typeof CYCLE_ACTION_NAMES)[number]),
    note: z.string().trim().max(2000).nullable().default(null),
    decision: recognitionDecisionSchema.optional(),
    revocation: revocationSchema.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if ((input.action === 'recognise' || input.action === 'reject') && !input.decision) {
      ctx.addIssue({
        code: 'custom',
        path: ['decision'],
        message: bilingual(
          'Cần số, ngày, cơ quan ban hành quyết định',
          'The decision number, date and authority are required',
        ),
      });
    }
    if (input.action === 'revoke' && !input.revocation) {
      ctx.addIssue({
        code: 'custom',
        path: ['revocation'],
        message: bilingual('Cần lý do và văn bản thu hồi', 'The reason and the revoking document are required'),
      });
    }
  });

/**
 * Refuses to recognise (or lock again) a file the engine does not find Đạt on the stored data: a locked file
 * keeps Đạt (core's recordedResultOf), so it must be Đạt when it is locked.
 */
async function assertMeetsStandard(
  db: Kysely<Database>,
  unit: { id: number; areaId: number },
  year: number,
  act: 'recognise' | 'lock',
): Promise<void> {
  const evaluation = (await evaluateAreaYear(db, unit.areaId, year)).evaluations.get(unit.id);
  // an unlocked file follows its data: computedResult exists only on a file that is still locked
  const result = evaluation?.computedResult ?? evaluation?.result;
  if (result === 'DAT') return;
  const verb = act === 'recognise' ? { vi: 'công nhận', en: 'recognise' } : { vi: 'khóa lại', en: 'lock again' };
  throw new DomainError('CONFLICT', {
    vi: `Không thể ${verb.vi}: theo dữ liệu đã nhập, đơn vị chưa đạt (${evaluation?.summary.vi ?? 'không đánh giá được'}).`,
    en: `Cannot ${verb.en}: on the data entered, the unit does not meet the standard (${evaluation?.summary.en ?? 'not evaluated'}).`,
  });
}

export const assessmentsRouter = router({
  /**
   * A unit's file for a year: the catalogue's criteria for its type, the stored answers and cycle, the
   * incidents in its window, the result computed now by core's engine (never stored), and the actions the
   * caller may take.
   */
  get: protectedProcedure
    .meta({ access: ALL_ROLES })
    .input(z.object(unitYear).strict())
    .query(async ({ ctx, input }) => {
      const unit = await getUnitInScope(ctx, input.unitId);
      const record = (await findAssessment(ctx.db, unit.id, input.year)) ?? null;
      const { catalogue, evaluations, inputs } = await evaluateAreaYear(ctx.db, unit.areaId, input.year);
      const evaluation = evaluations.get(unit.id);
      if (!evaluation) throw new Error(`unit ${unit.id} missing from its own area's evaluation`);
      const incidents = await listIncidents(ctx.db, {
        unitIds: [unit.id],
        from: evaluation.window.from,
        to: evaluation.window.to,
      });
      const status: CycleStatus = record?.status ?? 'not_registered';
      return {
        unit,
        catalogue: { id: catalogue.id, title: catalogue.title, criteria: criteriaForType(catalogue, unit.type) },
        record,
        status,
        evaluation,
        // What the engine read: the SPA re-runs core's evaluateUnit on it as answers are typed.
        evaluationInput: inputs.get(unit.id)!,
        incidents,
        actions: record?.isLocked ? [] : availableCycleActions(status, ctx.user.role, unit.managingLevel),
        canUnlock: record?.isLocked === true && (SENIOR_ROLES as readonly string[]).includes(ctx.user.role),
      };
    }),

  /** A unit's files across the years with the result computed now for each (the unit page's history). */
  history: protectedProcedure
    .meta({ access: ALL_ROLES })
    .input(z.object({ unitId: idSchema }).strict())
    .query(async ({ ctx, input }) => {
      const unit = await getUnitInScope(ctx, input.unitId);
      const years = await listUnitAssessmentYears(ctx.db, unit.id);
      const rows = [];
      for (const file of years) {
        const evaluation = (await evaluateAreaYear(ctx.db, unit.areaId, file.year)).evaluations.get(unit.id);
        rows.push({ ...file, result: evaluation?.result ?? 'NOT_REGISTERED', summary: evaluation?.summary ?? null });
      }
      return rows.reverse();
    }),

  /** Registers a unit for a year (refused with the reason when the catalogue excludes the unit). */
  register: protectedProcedure
    .meta({ access: ENTRY_ROLES })
    .input(z.object({ ...unitYear, catalogueId: z.string().max(50).optional() }).strict())
    .mutation(async ({ ctx, input }) => {
      const unit = await getUnitInScope(ctx, input.unitId);
      if (input.catalogueId !== undefined && ctx.user.role !== 'admin') {
        throw new DomainError('FORBIDDEN', {
          vi: 'Chỉ quản trị hệ thống được chọn danh mục tiêu chí khác danh mục đang có hiệu lực.',
          en: 'Only an administrator may choose a catalogue other than the one in force.',
        });
      }
      const catalogue = input.catalogueId ? findCatalogue(input.catalogueId) : getCatalogueForYear(input.year);
      if (!catalogue) {
        throw new DomainError('INVALID', {
          vi: `Không có danh mục tiêu chí ${input.catalogueId}`,
          en: `No catalogue ${input.catalogueId}`,
        });
      }
      const [details] = await listAssessedUnitsByIds(ctx.db, [unit.id]);
      assertEligible({ ...details!, name: unit.name }, catalogue);
      applyCycleAction('not_registered', 'register', ctx.user.role, unit.managingLevel);
      const now = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        const record = await insertAssessment(trx, {
          unitId: unit.id,
          year: input.year,
          catalogueId: catalogue.id,
          by: ctx.user.id,
          now,
        });
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: 'assessment.register',
          entity: 'assessment',
          entityId: record.id,
          before: null,
          after: record,
          at: now,
        });
        await refreshResults(trx, { unitIds: [unit.id], years: [input.year], materialize: true }, now);
        return record;
      });
    }),

  /** Saves answers and evidence of some criteria (others stay as they were). Refused on a stale version. */
  saveAnswers: protectedProcedure
    .meta({ access: ENTRY_ROLES })
    .input(z.object({ ...unitYear, version, answers: answersInput }).strict())
    .mutation(async ({ ctx, input }) => {
      const unit = await getUnitInScope(ctx, input.unitId);
      const record = await getRecord(ctx.db, unit.id, input.year);
      if (record.isLocked) throw new DomainError('CONFLICT', LOCKED);
      assertVersion(record, input.version);
      // Reporters edit until they submit; officers also while appraising, and a recognised file once it has
      // been unlocked (the lock check above refused it otherwise).
      const editable: CycleStatus[] =
        ctx.user.role === 'unit_reporter'
          ? ['registered', 'self_assessed']
          : ['registered', 'self_assessed', 'submitted', 'appraised', 'recognised'];
      if (!editable.includes(record.status)) {
        throw new DomainError('CONFLICT', {
          vi: 'Hồ sơ ở trạng thái này không còn sửa câu trả lời được.',
          en: 'Answers can no longer be changed in this state.',
        });
      }
      const catalogue = findCatalogue(record.catalogueId) ?? getCatalogueForYear(record.year);
      const errors = validateAnswers(
        catalogue,
        unit.type,
        Object.fromEntries(Object.entries(input.answers).map(([code, a]) => [code, a.answer])),
      );
      if (errors.length > 0) {
        throw new DomainError('INVALID', {
          vi: errors.map((e) => e.message.vi).join('; '),
          en: errors.map((e) => e.message.en).join('; '),
        });
      }
      const now = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        // a criterion flagged for review by a catalogue correction leaves the list once its answer changes
        // (the SPA sends every answer of the file: an unchanged one was not looked at again)
        const answered = new Set(
          Object.entries(input.answers)
            .filter(([code, entry]) => JSON.stringify(entry.answer) !== JSON.stringify(record.answers[code]?.answer))
            .map(([code]) => code),
        );
        const toReview = record.criteriaToReview.filter((code) => !answered.has(code));
        await updateAssessment(
          trx,
          record.id,
          input.version,
          toReview.length === record.criteriaToReview.length ? {} : { criteria_to_review: JSON.stringify(toReview) },
        );
        await upsertAnswers(trx, record.id, input.answers);
        const after = await findAssessment(trx, unit.id, input.year);
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: 'assessment.answers',
          entity: 'assessment',
          entityId: record.id,
          before: record,
          after,
          at: now,
        });
        await refreshResults(trx, { unitIds: [unit.id], years: [input.year], materialize: true }, now);
        return after!;
      });
    }),

  /** Moves the file along the cycle (self-assessed, submitted, appraised, recognised, …). */
  transition: protectedProcedure
    .meta({ access: ENTRY_ROLES })
    .input(transitionInput)
    .mutation(async ({ ctx, input }) => {
      const unit = await getUnitInScope(ctx, input.unitId);
      const record = await getRecord(ctx.db, unit.id, input.year);
      assertVersion(record, input.version);
      if (record.isLocked && input.action !== 'revoke') throw new DomainError('CONFLICT', LOCKED);
      const next = applyCycleAction(record.status, input.action, ctx.user.role, unit.managingLevel);
      // A decision follows the standard: the engine must find the unit Đạt on the stored data.
      if (input.action === 'recognise') await assertMeetsStandard(ctx.db, unit, input.year, 'recognise');
      const now = ctx.now();
      const at = now.toISOString();
      const by = ctx.user.id;
      const patch = {
        status: next,
        ...(input.action === 'selfAssess' && { self_assessed_at: at, self_assessed_by: by }),
        ...(input.action === 'submit' && { submitted_at: at, submitted_by: by }),
        ...(input.action === 'appraise' && { appraised_at: at, appraised_by: by, appraisal_note: input.note }),
        ...(input.action === 'return' && { appraisal_note: input.note }),
        ...((input.action === 'recognise' || input.action === 'reject') && {
          decided_at: at,
          decided_by: by,
          decision_number: input.decision!.number,
          decision_date: input.decision!.date,
          decision_authority: input.decision!.authority,
          certificate_number: input.decision!.certificateNumber,
          is_locked: input.action === 'recognise' ? 1 : 0,
        }),
        ...(input.action === 'revoke' && {
          revoked_at: at,
          revoked_by: by,
          revoke_reason: input.revocation!.reason,
          revoke_document: input.revocation!.document,
          is_locked: 0,
        }),
      };
      return ctx.db.transaction().execute(async (trx) => {
        await updateAssessment(trx, record.id, input.version, patch);
        const after = await findAssessment(trx, unit.id, input.year);
        await writeAudit(trx, {
          userId: by,
          action: `assessment.${input.action}`,
          entity: 'assessment',
          entityId: record.id,
          before: record,
          after,
          at: now,
        });
        // an audited act: a locked file it reaches (a revoked village's commune) keeps its result, flagged
        await refreshResults(
          trx,
          { unitIds: [unit.id], years: [input.year], materialize: true, lockedFiles: 'flag' },
          now,
        );
        return after!;
      });
    }),

  /** Opens a recognised file for correction, or locks it again. Audited with the reason. */
  setLocked: protectedProcedure
    .meta({ access: SENIOR_ROLES })
    .input(
      z.object({ ...unitYear, version, isLocked: z.boolean(), reason: z.string().trim().min(1).max(2000) }).strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const unit = await getUnitInScope(ctx, input.unitId);
      const record = await getRecord(ctx.db, unit.id, input.year);
      assertVersion(record, input.version);
      if (record.status !== 'recognised') {
        throw new DomainError('CONFLICT', {
          vi: 'Chỉ hồ sơ đã công nhận mới khóa hoặc mở khóa.',
          en: 'Only a recognised file is locked or unlocked.',
        });
      }
      if (input.isLocked) await assertMeetsStandard(ctx.db, unit, input.year, 'lock');
      const now = ctx.now();
      return ctx.db.transaction().execute(async (trx) => {
        await updateAssessment(trx, record.id, input.version, { is_locked: input.isLocked ? 1 : 0 });
        const after = await findAssessment(trx, unit.id, input.year);
        await writeAudit(trx, {
          userId: ctx.user.id,
          action: input.isLocked ? 'assessment.lock' : 'assessment.unlock',
          entity: 'assessment',
          entityId: record.id,
          before: record,
          after: { ...after, reason: input.reason },
          at: now,
        });
        // unlocked, the file follows its data again (and so do the figures counting it); locked, it keeps Đạt
        await refreshResults(trx, { unitIds: [unit.id], years: [input.year], lockedFiles: 'flag' }, now);
        return after!;
      });
    }),
});
