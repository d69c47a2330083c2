import {
  applyCycleAction,
  assertAnswersEditable,
  assertEligible,
  assertFileVersion,
  assertMeetsStandard,
  availableCycleActions,
  can,
  catalogueForUnitYear,
  criteriaForType,
  criteriaToReviewAfter,
  cycleStamp,
  DomainError,
  findCatalogue,
  getCatalogueForYear,
  validateAnswers,
  type AssessmentRecord,
  type CycleStatus,
  type CycleTransitionInput,
  type RegisterInput,
  type SaveAnswersInput,
  type SetLockedInput,
  type Unit,
} from '@antoan/core';
import {
  findAssessment,
  insertAssessment,
  listAssessedUnitsByIds,
  listIncidents,
  listUnitAssessmentYears,
  updateAssessment,
  upsertAnswers,
  type Database,
  reportInheritanceOf,
} from '@antoan/db';
import type { Kysely } from 'kysely';
import { audited, LOCKED, type Actor } from './audited.js';
import { areaOfUnitInYear, evaluateAreaYear } from './reference.service.js';
import { refreshResults } from './results.service.js';

// A unit's yearly file: read with the result computed now, registered, answered, moved along the cycle,
// unlocked or locked again. The unit is the caller's to act on (the API checks its scope first); the rules are
// core's; every write is one audited transaction that also refreshes the stored results.

const NOT_REGISTERED = {
  vi: 'Đơn vị chưa đăng ký năm này.',
  en: 'The unit has not registered for this year.',
};

async function getFile(db: Kysely<Database>, unitId: number, year: number): Promise<AssessmentRecord> {
  const record = await findAssessment(db, unitId, year);
  if (!record) throw new DomainError('CONFLICT', NOT_REGISTERED);
  return record;
}

/** The engine's evaluation of the unit that year on the stored data (undefined: not evaluated). */
async function currentEvaluation(db: Kysely<Database>, unit: Unit, year: number) {
  return (await evaluateAreaYear(db, await areaOfUnitInYear(db, unit, year), year)).evaluations.get(unit.id);
}

/** Reads a file as the transaction that changed it left it (it exists: the change just wrote it). */
async function reread(trx: Kysely<Database>, unitId: number, year: number): Promise<AssessmentRecord> {
  return getFile(trx, unitId, year);
}

/** The engine's evaluation of the unit that year, with what it read (the unit is always in its own area's). */
async function evaluationOf(db: Kysely<Database>, unit: Unit, year: number) {
  const { catalogue, evaluations, inputs } = await evaluateAreaYear(db, await areaOfUnitInYear(db, unit, year), year);
  const evaluation = evaluations.get(unit.id);
  const input = inputs.get(unit.id);
  if (!evaluation || !input) throw new Error(`unit ${unit.id} missing from its own area's evaluation`);
  // A commune's result reads its managed units' summary, which evaluateArea computes and the stored input
  // lacks: without it the SPA's live re-evaluation said "Chưa có kết quả của các đơn vị do xã quản lý".
  return { catalogue, evaluation, input: evaluation.managed ? { ...input, managed: evaluation.managed } : input };
}

/**
 * A unit's file for a year: the catalogue's criteria for its type, the stored answers and cycle, the incidents
 * in its window, the result computed now by core's engine (never stored), and the actions the caller may take.
 */
export async function readFile(actor: Actor, unit: Unit, year: number) {
  const record = (await findAssessment(actor.db, unit.id, year)) ?? null;
  const { catalogue, evaluation, input } = await evaluationOf(actor.db, unit, year);
  const incidents = await listIncidents(actor.db, {
    unitIds: [unit.id],
    from: evaluation.window.from,
    to: evaluation.window.to,
  });
  const status: CycleStatus = record?.status ?? 'not_registered';
  return {
    unit,
    // a unit born of a reorganisation: the quarters of its windows that are its predecessors' reports
    reportInheritance: await reportInheritanceOf(actor.db, unit.id, year),
    catalogue: { id: catalogue.id, title: catalogue.title, criteria: criteriaForType(catalogue, unit.type) },
    record,
    status,
    evaluation,
    // What the engine read: the SPA re-runs core's evaluateUnit on it as answers are typed.
    evaluationInput: input,
    incidents,
    actions: record?.isLocked ? [] : availableCycleActions(status, actor.user.role, unit.managingLevel),
    canUnlock: record?.isLocked === true && can(actor.user.role, 'assessments.unlock'),
  };
}

/** A unit's files across the years, newest first, with the result computed now for each. */
export async function listFileHistory(db: Kysely<Database>, unit: Unit) {
  const years = await listUnitAssessmentYears(db, unit.id);
  const rows = [];
  for (const file of years) {
    const evaluation = await currentEvaluation(db, unit, file.year);
    rows.push({ ...file, result: evaluation?.result ?? 'NOT_REGISTERED', summary: evaluation?.summary ?? null });
  }
  return rows.reverse();
}

/** Registers a unit for a year (refused with the reason when the catalogue excludes the unit). */
export async function registerFile(actor: Actor, unit: Unit, input: RegisterInput): Promise<AssessmentRecord> {
  if (input.catalogueId !== undefined && !can(actor.user.role, 'assessments.chooseCatalogue')) {
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
  // eligible as the unit was at the end of the year it registers for (dated attributes, migration 2001)
  const [details] = await listAssessedUnitsByIds(actor.db, [unit.id], `${input.year}-12-31`);
  if (!details) throw new Error(`unit ${unit.id} has no assessed details`);
  assertEligible({ ...details, name: unit.name }, catalogue);
  applyCycleAction('not_registered', 'register', actor.user.role, unit.managingLevel);
  return audited(actor, { action: 'assessment.register', entity: 'assessment' }, async (trx, at) => {
    const record = await insertAssessment(trx, {
      unitId: unit.id,
      year: input.year,
      catalogueId: catalogue.id,
      by: actor.user.id,
      now: at,
    });
    await refreshResults(trx, { unitIds: [unit.id], years: [input.year], materialize: true }, at);
    return { result: record, entityId: record.id, before: null, after: record };
  });
}

/** Saves answers and evidence of some criteria (others stay as they were). Refused on a stale version. */
export async function saveFileAnswers(actor: Actor, unit: Unit, input: SaveAnswersInput): Promise<AssessmentRecord> {
  const record = await getFile(actor.db, unit.id, input.year);
  if (record.isLocked) throw new DomainError('CONFLICT', LOCKED);
  assertFileVersion(record, input.version);
  assertAnswersEditable(actor.user.role, record.status);
  const catalogue = catalogueForUnitYear(record.catalogueId, record.year);
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
  return audited(actor, { action: 'assessment.answers', entity: 'assessment' }, async (trx, at) => {
    const criteriaToReview = criteriaToReviewAfter(record, input.answers);
    await updateAssessment(trx, record.id, input.version, criteriaToReview ? { criteriaToReview } : {});
    await upsertAnswers(trx, record.id, input.answers);
    const after = await reread(trx, unit.id, input.year);
    await refreshResults(trx, { unitIds: [unit.id], years: [input.year], materialize: true }, at);
    return { result: after, entityId: record.id, before: record, after };
  });
}

/** Moves the file along the cycle (self-assessed, submitted, appraised, recognised, …). */
export async function moveFile(actor: Actor, unit: Unit, input: CycleTransitionInput): Promise<AssessmentRecord> {
  const record = await getFile(actor.db, unit.id, input.year);
  assertFileVersion(record, input.version);
  if (record.isLocked && input.action !== 'revoke') throw new DomainError('CONFLICT', LOCKED);
  const next = applyCycleAction(record.status, input.action, actor.user.role, unit.managingLevel);
  return audited(actor, { action: `assessment.${input.action}`, entity: 'assessment' }, async (trx, at) => {
    // A decision follows the standard: the engine must find the unit Đạt on the data, read inside the write's
    // transaction (an incident committed just before cannot slip past the check).
    if (input.action === 'recognise') assertMeetsStandard(await currentEvaluation(trx, unit, input.year), 'recognise');
    const stamp = cycleStamp(input.action, next, { at: at.toISOString(), by: actor.user.id }, input);
    await updateAssessment(trx, record.id, input.version, stamp);
    const after = await reread(trx, unit.id, input.year);
    // an audited act: a locked file it reaches (a revoked village's commune) keeps its result, flagged
    await refreshResults(trx, { unitIds: [unit.id], years: [input.year], materialize: true, lockedFiles: 'flag' }, at);
    return { result: after, entityId: record.id, before: record, after };
  });
}

/** Opens a recognised file for correction, or locks it again. Audited with the reason. */
export async function setFileLocked(actor: Actor, unit: Unit, input: SetLockedInput): Promise<AssessmentRecord> {
  const record = await getFile(actor.db, unit.id, input.year);
  assertFileVersion(record, input.version);
  if (record.status !== 'recognised') {
    throw new DomainError('CONFLICT', {
      vi: 'Chỉ hồ sơ đã công nhận mới khóa hoặc mở khóa.',
      en: 'Only a recognised file is locked or unlocked.',
    });
  }
  const action = input.isLocked ? 'assessment.lock' : 'assessment.unlock';
  return audited(actor, { action, entity: 'assessment' }, async (trx, at) => {
    if (input.isLocked) assertMeetsStandard(await currentEvaluation(trx, unit, input.year), 'lock');
    await updateAssessment(trx, record.id, input.version, { isLocked: input.isLocked });
    const after = await reread(trx, unit.id, input.year);
    // unlocked, the file follows its data again (and so do the figures counting it); locked, it keeps Đạt
    await refreshResults(trx, { unitIds: [unit.id], years: [input.year], lockedFiles: 'flag' }, at);
    return { result: after, entityId: record.id, before: record, after: { ...after, reason: input.reason } };
  });
}
