import {
  isReportOnTime,
  type Quarter,
  DomainError,
  foldForSearch,
  type AwardInput,
  type AwardKind,
  type AwardRecord,
  type Incident,
  type IncidentException,
  type IncidentInput,
  type ModelInput,
  type MovementModelRecord,
  type QuarterlyCounts,
  type QuarterlyReport,
  type QuarterlyReportInput,
} from '@antoan/core';
import type { Kysely, Selectable } from 'kysely';
import { subtreeAreaIds } from './area.repository.js';
import { chunk } from './chunk.js';
import { containsWord, searchWords } from './search.js';
import type { AwardTable, Database, IncidentTable, ModelTable, QuarterlyReportTable } from './schema.js';

// Incidents, quarterly reports, movement models and awards: rows in, core's records out.

export function toIncident(row: Selectable<IncidentTable>): Incident {
  return {
    id: row.id,
    unitId: row.unit_id,
    occurredOn: row.occurred_on,
    criterionCode: row.criterion_code,
    item: row.item,
    description: row.description,
    createdAt: row.created_at,
    exception: (row.exception as IncidentException | null) ?? null,
    exceptionDecidedBy: row.exception_decided_by ?? null,
    exceptionDecidedAt: row.exception_decided_at ?? null,
  };
}

export async function insertIncident(
  db: Kysely<Database>,
  input: IncidentInput,
  by: number | null,
  now: Date,
): Promise<Incident> {
  const row = await db
    .insertInto('incidents')
    .values({
      unit_id: input.unitId,
      occurred_on: input.occurredOn,
      criterion_code: input.criterionCode,
      item: input.item,
      description: input.description,
      created_at: now.toISOString(),
      created_by: by,
      exception: input.exception,
      exception_decided_by: input.exception ? by : null,
      exception_decided_at: input.exception ? now.toISOString() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toIncident(row);
}

/** Records (or withdraws, with null) an incident's exception, with who decided it and when. */
export async function setIncidentException(
  db: Kysely<Database>,
  id: number,
  exception: IncidentException | null,
  by: number | null,
  now: Date,
): Promise<Incident> {
  const row = await db
    .updateTable('incidents')
    .set({
      exception,
      exception_decided_by: exception ? by : null,
      exception_decided_at: exception ? now.toISOString() : null,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toIncident(row);
}

/** Incidents of units, with `from` ≤ date ≤ `to` (ISO dates, inclusive). */
export async function listIncidents(
  db: Kysely<Database>,
  filter: { unitIds: readonly number[]; from: string; to: string },
): Promise<Incident[]> {
  const result: Incident[] = [];
  for (const part of chunk(filter.unitIds, 1000)) {
    const rows = await db
      .selectFrom('incidents')
      .selectAll()
      .where('unit_id', 'in', part)
      .where('occurred_on', '>=', filter.from)
      .where('occurred_on', '<=', filter.to)
      .execute();
    result.push(...rows.map(toIncident));
  }
  return result.sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.id - b.id));
}

export async function getIncident(db: Kysely<Database>, id: number): Promise<Incident> {
  const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row)
    throw new DomainError('NOT_FOUND', { vi: `Không tìm thấy vụ việc #${id}`, en: `Incident #${id} not found` });
  return toIncident(row);
}

export async function deleteIncident(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('incidents').where('id', '=', id).execute();
}

/** The counts columns of a quarterly report row, in the order of core's QUARTERLY_METRICS. */
export const QUARTERLY_COUNT_COLUMNS = [
  'crimes',
  'social_evils',
  'fires_explosions_accidents',
  'propaganda_sessions',
  'people_reached',
  'tip_offs',
  'new_models',
  'meetings',
] as const;

/** The counts columns of a quarterly report row, as core's counts. */
export function toQuarterlyCounts(
  row: Pick<
    Selectable<QuarterlyReportTable>,
    | 'crimes'
    | 'social_evils'
    | 'fires_explosions_accidents'
    | 'propaganda_sessions'
    | 'people_reached'
    | 'tip_offs'
    | 'new_models'
    | 'meetings'
  >,
): QuarterlyCounts {
  return {
    crimes: row.crimes,
    socialEvils: row.social_evils,
    firesExplosionsAccidents: row.fires_explosions_accidents,
    propagandaSessions: row.propaganda_sessions,
    peopleReached: row.people_reached,
    tipOffs: row.tip_offs,
    newModels: row.new_models,
    meetings: row.meetings,
  };
}

export function toQuarterlyReport(row: Selectable<QuarterlyReportTable>): QuarterlyReport {
  return {
    id: row.id,
    unitId: row.unit_id,
    year: row.year,
    quarter: row.quarter,
    counts: toQuarterlyCounts(row),
    notes: row.notes,
    submittedAt: row.submitted_at,
  };
}

/** Files a unit's report for a quarter; filing again replaces it. Returns it and the one it replaced. */
export async function upsertQuarterlyReport(
  db: Kysely<Database>,
  input: QuarterlyReportInput,
  by: number | null,
  now: Date,
): Promise<{ report: QuarterlyReport; previous: QuarterlyReport | undefined }> {
  const existing = await db
    .selectFrom('quarterly_reports')
    .selectAll()
    .where('unit_id', '=', input.unitId)
    .where('year', '=', input.year)
    .where('quarter', '=', input.quarter)
    .executeTakeFirst();
  const values = {
    crimes: input.counts.crimes,
    social_evils: input.counts.socialEvils,
    fires_explosions_accidents: input.counts.firesExplosionsAccidents,
    propaganda_sessions: input.counts.propagandaSessions,
    people_reached: input.counts.peopleReached,
    tip_offs: input.counts.tipOffs,
    new_models: input.counts.newModels,
    meetings: input.counts.meetings,
    notes: input.notes,
    submitted_at: now.toISOString(),
    submitted_by: by,
    on_time: isReportOnTime(now.toISOString(), input.year, input.quarter as Quarter) ? 1 : 0,
  };
  const row = existing
    ? await db
        .updateTable('quarterly_reports')
        .set(values)
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await db
        .insertInto('quarterly_reports')
        .values({ ...values, unit_id: input.unitId, year: input.year, quarter: input.quarter })
        .returningAll()
        .executeTakeFirstOrThrow();
  return { report: toQuarterlyReport(row), previous: existing && toQuarterlyReport(existing) };
}

export async function listQuarterlyReports(
  db: Kysely<Database>,
  filter: { unitIds: readonly number[]; years: readonly number[] },
): Promise<QuarterlyReport[]> {
  if (filter.years.length === 0) return [];
  const result: QuarterlyReport[] = [];
  for (const part of chunk(filter.unitIds, 1000)) {
    const rows = await db
      .selectFrom('quarterly_reports')
      .selectAll()
      .where('unit_id', 'in', part)
      .where('year', 'in', filter.years)
      .execute();
    result.push(...rows.map(toQuarterlyReport));
  }
  return result.sort((a, b) => a.year - b.year || a.quarter - b.quarter || a.unitId - b.unitId);
}

export function toModel(row: Selectable<ModelTable>): MovementModelRecord {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    areaId: row.area_id,
    hostUnitId: row.host_unit_id,
    startedOn: row.started_on,
    stoppedOn: row.stopped_on,
    sites: row.sites,
    teams: row.teams,
    isAdvancedExample: row.is_advanced_example === 1,
  };
}

function modelValues(input: ModelInput) {
  return {
    name: input.name,
    category: input.category,
    area_id: input.areaId,
    host_unit_id: input.hostUnitId,
    started_on: input.startedOn,
    stopped_on: input.stoppedOn,
    sites: input.sites,
    teams: input.teams,
    is_advanced_example: input.isAdvancedExample ? 1 : 0,
    search_key: foldForSearch(input.name),
  };
}

export async function insertModel(db: Kysely<Database>, input: ModelInput): Promise<MovementModelRecord> {
  return toModel(await db.insertInto('models').values(modelValues(input)).returningAll().executeTakeFirstOrThrow());
}

export async function updateModel(db: Kysely<Database>, id: number, input: ModelInput): Promise<MovementModelRecord> {
  return toModel(
    await db
      .updateTable('models')
      .set(modelValues(input))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}

export async function deleteModel(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('models').where('id', '=', id).execute();
}

export async function getModel(db: Kysely<Database>, id: number): Promise<MovementModelRecord> {
  const row = await db.selectFrom('models').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', { vi: `Không tìm thấy mô hình #${id}`, en: `Model #${id} not found` });
  return toModel(row);
}

/** Models of an area's subtree (as it was on `date`), optionally matching a search. */
export async function listModels(
  db: Kysely<Database>,
  filter: { areaId?: number | undefined; date: string; search?: string | undefined },
): Promise<MovementModelRecord[]> {
  let query = db.selectFrom('models').selectAll();
  if (filter.areaId !== undefined) query = query.where('area_id', 'in', subtreeAreaIds(db, filter.areaId, filter.date));
  for (const word of searchWords(filter.search)) query = query.where(containsWord('search_key', word));
  const rows = await query.orderBy('started_on').orderBy('id').execute();
  return rows.map(toModel);
}

export function toAward(row: Selectable<AwardTable>): AwardRecord {
  return {
    id: row.id,
    kind: row.kind as AwardKind,
    recipientKind: row.recipient_kind,
    areaId: row.area_id,
    unitId: row.unit_id,
    recipientName: row.recipient_name,
    issuer: row.issuer,
    year: row.year,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
  };
}

const awardValues = (input: AwardInput) => ({
  kind: input.kind,
  recipient_kind: input.recipientKind,
  area_id: input.areaId,
  unit_id: input.unitId,
  recipient_name: input.recipientName,
  issuer: input.issuer,
  year: input.year,
  decision_number: input.decisionNumber,
  decision_date: input.decisionDate,
});

export async function insertAward(db: Kysely<Database>, input: AwardInput): Promise<AwardRecord> {
  return toAward(await db.insertInto('awards').values(awardValues(input)).returningAll().executeTakeFirstOrThrow());
}

export async function updateAward(db: Kysely<Database>, id: number, input: AwardInput): Promise<AwardRecord> {
  return toAward(
    await db
      .updateTable('awards')
      .set(awardValues(input))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}

export async function getAward(db: Kysely<Database>, id: number): Promise<AwardRecord> {
  const row = await db.selectFrom('awards').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row)
    throw new DomainError('NOT_FOUND', { vi: `Không tìm thấy khen thưởng #${id}`, en: `Award #${id} not found` });
  return toAward(row);
}

export async function deleteAward(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('awards').where('id', '=', id).execute();
}

export async function listAwards(
  db: Kysely<Database>,
  filter: { areaId?: number | undefined; date: string; year?: number | undefined },
): Promise<AwardRecord[]> {
  let query = db.selectFrom('awards').selectAll();
  if (filter.areaId !== undefined) query = query.where('area_id', 'in', subtreeAreaIds(db, filter.areaId, filter.date));
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  const rows = await query.orderBy('decision_date').orderBy('id').execute();
  return rows.map(toAward);
}
