import {
  assertScoresAllowed,
  DomainError,
  findSheetTemplateForType,
  getSheetTemplate,
  gradeSheet,
  incidentsInWindow,
  type GradingScoresInput,
  type Unit,
} from '@antoan/core';
import { findAssessmentState, findGradingSheet, listIncidents, saveGradingScores, type Database } from '@antoan/db';
import type { Kysely } from 'kysely';
import { audited, type Actor } from './audited.js';
import { areaOfUnitInYear, evaluateAreaYear } from './reference.service.js';
import { refreshResults } from './results.service.js';

// A unit's 100-point grading sheet: read with the grade computed now, and saved (audited, refused while the
// year's file is locked). The unit is the caller's to act on (the API checks its scope first).

/** The unit's sheet for a year with the grade computed now (never stored). */
export async function readGradingSheet(db: Kysely<Database>, unit: Unit, year: number) {
  const sheet = (await findGradingSheet(db, unit.id, year)) ?? null;
  const template = sheet ? getSheetTemplate(sheet.templateId) : findSheetTemplateForType(unit.type);
  if (!template) {
    throw new DomainError('NOT_FOUND', {
      vi: `Chưa có mẫu phiếu chấm điểm cho loại ${unit.type}`,
      en: `No grading template for ${unit.type}`,
    });
  }
  const evaluation = (await evaluateAreaYear(db, await areaOfUnitInYear(db, unit, year), year)).evaluations.get(
    unit.id,
  );
  if (!evaluation) throw new Error(`unit ${unit.id} missing from its own area's evaluation`);
  const incidents = incidentsInWindow(
    await listIncidents(db, { unitIds: [unit.id], from: evaluation.window.from, to: evaluation.window.to }),
    unit.type,
    year,
  );
  const standardMet = evaluation.result === 'DAT';
  const result = gradeSheet(template, { scores: sheet?.scores ?? {}, incidents, standardMet });
  // A recognised file locks the year's sheet too (a save is refused): the page says so instead of offering it.
  const locked = (await findAssessmentState(db, unit.id, year))?.isLocked === true;
  return { unit, template, sheet, result, standardMet, locked };
}

/** Saves self and verified scores; `version` null creates the sheet. Unit reporters enter self scores only. */
export async function saveGradingSheet(
  actor: Actor,
  unit: Unit,
  input: GradingScoresInput & { version: number | null },
) {
  assertScoresAllowed(getSheetTemplate(input.templateId), unit.type, input.scores, actor.user.role);
  const before = (await findGradingSheet(actor.db, unit.id, input.year)) ?? null;
  const change = {
    action: 'grading.save',
    entity: 'grading_sheet',
    openFiles: [{ unitId: unit.id, year: input.year }],
  };
  return audited(actor, change, async (trx, at) => {
    await saveGradingScores(trx, { ...input, expectedVersion: input.version, by: actor.user.id, now: at });
    const after = await findGradingSheet(trx, unit.id, input.year);
    if (!after) throw new Error(`the grading sheet of unit ${unit.id} for ${input.year} was not saved`);
    await refreshResults(trx, { unitIds: [unit.id], years: [input.year], materialize: true }, at);
    return { result: after, entityId: after.id, before, after };
  });
}
