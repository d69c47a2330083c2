import {
  assertIncidentTarget,
  catalogueForUnitYear,
  DomainError,
  assertReportInUnitLife,
  reportFileYear,
  windowYearOf,
  type AwardInput,
  type AwardRecord,
  type Incident,
  type IncidentException,
  type IncidentInput,
  type ModelInput,
  type MovementModelRecord,
  type QuarterlyReport,
  type QuarterlyReportInput,
  type Unit,
} from '@antoan/core';
import {
  deleteAward,
  deleteModel,
  deleteIncident,
  findAssessmentState,
  insertAward,
  insertIncident,
  insertModel,
  setIncidentException,
  updateAward,
  updateModel,
  upsertQuarterlyReport,
  unitsInheritingReport,
  getUnit,
} from '@antoan/db';
import { audited, LOCKED, type Actor } from './audited.js';
import { refreshResults, yearsOfIncident, yearsOfReport } from './results.service.js';

// The records kept beside the yearly files: incidents, quarterly reports, movement models and awards. The
// unit (or area) is the caller's to act on (the API checks its scope first); the rules are core's; an
// incident or a report that feeds a locked year is refused (again inside the write's transaction).

/**
 * Which year's file an incident of `unit` on `date` feeds, and the catalogue its target is checked against (the
 * file's, else the one in force). Refused at once when that file is locked.
 */
async function incidentFile(actor: Actor, unit: Unit, date: string) {
  const year = windowYearOf(unit.type, date);
  const state = await findAssessmentState(actor.db, unit.id, year);
  if (state?.isLocked) throw new DomainError('CONFLICT', LOCKED);
  return { year, catalogue: catalogueForUnitYear(state?.catalogueId, year) };
}

/** Records an incident against a unit (audited); it must name an item the engine counts. */
export async function recordIncident(actor: Actor, unit: Unit, input: IncidentInput): Promise<Incident> {
  const { year, catalogue } = await incidentFile(actor, unit, input.occurredOn);
  assertIncidentTarget(catalogue, unit.type, input);
  const change = { action: 'incident.create', entity: 'incident', openFiles: [{ unitId: unit.id, year }] };
  return audited(actor, change, async (trx, at) => {
    const incident = await insertIncident(trx, input, actor.user.id, at);
    const years = yearsOfIncident(incident.occurredOn);
    await refreshResults(trx, { unitIds: [unit.id], years, lockedFiles: 'flag' }, at);
    return { result: incident, entityId: incident.id, before: null, after: incident };
  });
}

/**
 * Decides, after the fact, that an incident does not disqualify (promptly handled, force majeure) where its
 * item admits it, or withdraws that decision (null); records the officer as its decider (audited).
 */
export async function decideIncidentException(
  actor: Actor,
  unit: Unit,
  incident: Incident,
  exception: IncidentException | null,
): Promise<Incident> {
  const { year, catalogue } = await incidentFile(actor, unit, incident.occurredOn);
  assertIncidentTarget(catalogue, unit.type, { ...incident, item: incident.item ?? null, exception });
  const change = { action: 'incident.exception', entity: 'incident', openFiles: [{ unitId: unit.id, year }] };
  return audited(actor, change, async (trx, at) => {
    const after = await setIncidentException(trx, incident.id, exception, actor.user.id, at);
    const years = yearsOfIncident(incident.occurredOn);
    await refreshResults(trx, { unitIds: [unit.id], years, lockedFiles: 'flag' }, at);
    return { result: after, entityId: incident.id, before: incident, after };
  });
}

/** Deletes an incident (audited), unless the file it feeds is locked. */
export async function removeIncident(actor: Actor, unit: Unit, incident: Incident): Promise<{ ok: true }> {
  const year = windowYearOf(unit.type, incident.occurredOn);
  const change = { action: 'incident.delete', entity: 'incident', openFiles: [{ unitId: unit.id, year }] };
  return audited(actor, change, async (trx, at) => {
    await deleteIncident(trx, incident.id);
    const years = yearsOfIncident(incident.occurredOn);
    await refreshResults(trx, { unitIds: [unit.id], years, lockedFiles: 'flag' }, at);
    return { result: { ok: true as const }, entityId: incident.id, before: incident, after: null };
  });
}

/** Files (or files again) a unit's quarterly report (audited), unless the file it feeds is locked. */
export async function submitReport(actor: Actor, input: QuarterlyReportInput): Promise<QuarterlyReport> {
  // a quarter after the unit ended is its successor's (else it would count nowhere)
  assertReportInUnitLife(await getUnit(actor.db, input.unitId), input);
  const year = reportFileYear(input.year, input.quarter);
  const change = { action: 'report.submit', entity: 'quarterly_report', openFiles: [{ unitId: input.unitId, year }] };
  return audited(actor, change, async (trx, at) => {
    const { report, previous } = await upsertQuarterlyReport(trx, input, actor.user.id, at);
    const years = yearsOfReport(input.year, input.quarter);
    // the units that inherit this quarter (successors of a later reorganisation) compare with it too
    const heirs = await unitsInheritingReport(trx, input.unitId, input);
    await refreshResults(trx, { unitIds: [input.unitId, ...heirs], years, lockedFiles: 'flag' }, at);
    return { result: report, entityId: report.id, before: previous ?? null, after: report };
  });
}

/** Records a movement model (audited). */
export function createModel(actor: Actor, input: ModelInput): Promise<MovementModelRecord> {
  return audited(actor, { action: 'model.create', entity: 'model' }, async (trx) => {
    const model = await insertModel(trx, input);
    return { result: model, entityId: model.id, before: null, after: model };
  });
}

/** Changes a movement model (audited). */
export function changeModel(
  actor: Actor,
  before: MovementModelRecord,
  input: ModelInput,
): Promise<MovementModelRecord> {
  return audited(actor, { action: 'model.update', entity: 'model' }, async (trx) => {
    const model = await updateModel(trx, before.id, input);
    return { result: model, entityId: model.id, before, after: model };
  });
}

/** Deletes a movement model (audited, with the model as it was). */
export function removeModel(actor: Actor, model: MovementModelRecord): Promise<{ ok: true }> {
  return audited(actor, { action: 'model.delete', entity: 'model' }, async (trx) => {
    await deleteModel(trx, model.id);
    return { result: { ok: true as const }, entityId: model.id, before: model, after: null };
  });
}

/** Records an award (audited). */
export function createAward(actor: Actor, input: AwardInput): Promise<AwardRecord> {
  return audited(actor, { action: 'award.create', entity: 'award' }, async (trx) => {
    const award = await insertAward(trx, input);
    return { result: award, entityId: award.id, before: null, after: award };
  });
}

/** Changes an award (audited, before and after). */
export function changeAward(actor: Actor, before: AwardRecord, input: AwardInput): Promise<AwardRecord> {
  return audited(actor, { action: 'award.update', entity: 'award' }, async (trx) => {
    const award = await updateAward(trx, before.id, input);
    return { result: award, entityId: award.id, before, after: award };
  });
}

/** Deletes an award (audited). */
export function removeAward(actor: Actor, award: AwardRecord): Promise<{ ok: true }> {
  return audited(actor, { action: 'award.delete', entity: 'award' }, async (trx) => {
    await deleteAward(trx, award.id);
    return { result: { ok: true as const }, entityId: award.id, before: award, after: null };
  });
}
