import {
  foldForSearch,
  vietnameseSortKey,
  type Area,
  type ReorganisationContext,
  type ReorganisationPlan,
  type Unit,
} from '@antoan/core';
import type { Kysely } from 'kysely';
import { insertAreas, toArea } from './area.repository.js';
import { writeAudits, type AuditEntry } from './audit.repository.js';
import { chunk } from './chunk.js';
import { mustGet } from './required.js';
import type { Database } from './schema.js';
import { toUnit } from './unit.repository.js';

// Reads what core's planReorganisation checks a request against, and writes a plan without errors: the ended
// areas and units get valid_to, the new ones are inserted from the effective date, the lineage links them, users
// of an ended area or unit follow it to its successor. In the caller's transaction; one audit record per area and
// unit written, and one for the whole act.

/** The areas (all of them: the tree is small), the units of the predecessor areas, and the codes taken. */
export async function loadReorganisationContext(
  db: Kysely<Database>,
  predecessorIds: readonly number[],
): Promise<ReorganisationContext> {
  const areas = (await db.selectFrom('areas').selectAll().execute()).map(toArea);
  const units = (
    await db
      .selectFrom('units')
      .selectAll()
      .where('area_id', 'in', predecessorIds.length > 0 ? [...predecessorIds] : [-1])
      .orderBy('id')
      .execute()
  ).map((row) => ({ ...toUnit(row), validFrom: row.valid_from, validTo: row.valid_to }));
  const unitCodes = new Set((await db.selectFrom('units').select('code').execute()).map((r) => r.code));
  return { areas, units, areaCodes: new Set(areas.map((a) => a.code)), unitCodes };
}

/** What applying a plan wrote: the new areas and units, and the users who followed their area or unit. */
export interface ReorganisationResult {
  newAreas: Area[];
  newUnits: Unit[];
  endedUnitIds: number[];
  movedUsers: { id: number; username: string; toAreaId: number | null; toUnitId: number | null }[];
}

export async function applyReorganisationPlan(
  db: Kysely<Database>,
  plan: ReorganisationPlan,
  audit: { userId: number | null; at: Date; input: unknown },
): Promise<ReorganisationResult> {
  if (plan.errors.length > 0) throw new Error('applyReorganisationPlan: the plan has errors');
  const date = plan.effectiveDate;
  const entries: AuditEntry[] = [];
  const base = { userId: audit.userId, at: audit.at };

  const endedAreaIds = plan.endAreas.map((a) => a.id);
  if (endedAreaIds.length > 0)
    await db.updateTable('areas').set({ valid_to: date }).where('id', 'in', endedAreaIds).execute();
  for (const area of plan.endAreas)
    entries.push({
      ...base,
      action: 'area.end',
      entity: 'area',
      entityId: area.id,
      before: area,
      after: { ...area, validTo: date },
    });
  const newAreas = await insertAreas(
    db,
    plan.newAreas.map((a) => ({ ...a, validFrom: date, validTo: null })),
  );
  const areaId = new Map(newAreas.map((a) => [a.code, a.id]));
  // a lineage's successor: a new area, or the existing one a dissolved area went into
  const successorOf = (l: ReorganisationPlan['lineage'][number]) =>
    l.successorId ?? mustGet(areaId, l.successorCode, 'the new area');
  for (const area of newAreas)
    entries.push({ ...base, action: 'area.create', entity: 'area', entityId: area.id, before: null, after: area });
  for (const l of plan.lineage) {
    await db
      .insertInto('area_lineage')
      .values({
        predecessor_id: l.predecessorId,
        successor_id: successorOf(l),
        event: l.event,
        effective_date: date,
        note: plan.note,
      })
      .execute();
  }

  const endedUnitIds = plan.endUnits.map((u) => u.id);
  for (const part of chunk(endedUnitIds, 500))
    await db.updateTable('units').set({ valid_to: date }).where('id', 'in', part).execute();
  for (const u of plan.endUnits)
    entries.push({
      ...base,
      action: 'unit.end',
      entity: 'unit',
      entityId: u.id,
      before: u,
      after: { ...u, validTo: date },
    });
  // a successor takes its predecessor's type and eligibility attributes
  const fromRows = new Map<number, Awaited<ReturnType<typeof unitRows>>[number]>();
  const unitRows = (ids: number[]) => db.selectFrom('units').selectAll().where('id', 'in', ids).execute();
  for (const part of chunk(
    plan.newUnits.flatMap((u) => (u.from === null ? [] : [u.from])),
    500,
  ))
    for (const row of await unitRows(part)) fromRows.set(row.id, row);
  const newUnits: Unit[] = [];
  for (const part of chunk(plan.newUnits, 200)) {
    const rows = await db
      .insertInto('units')
      .values(
        part.map((u) => {
          const from = u.from === null ? undefined : fromRows.get(u.from);
          return {
            code: u.code,
            name: u.name,
            type: u.type,
            area_id: mustGet(areaId, u.areaCode, 'the new area'),
            managing_level: u.managingLevel,
            search_key: foldForSearch(`${u.name} ${u.code}`),
            sort_key: vietnameseSortKey(u.name),
            is_armed_forces: from?.is_armed_forces ?? 0,
            enterprise_size: from?.enterprise_size ?? null,
            school_level: from?.school_level ?? null,
            is_ministry_monitored: from?.is_ministry_monitored ?? 0,
            is_recognition_delegated: from?.is_recognition_delegated ?? 0,
            valid_from: date,
          };
        }),
      )
      .returningAll()
      .execute();
    newUnits.push(...rows.map(toUnit));
  }
  const unitId = new Map(newUnits.map((u) => [u.code, u.id]));
  for (const u of newUnits)
    entries.push({ ...base, action: 'unit.create', entity: 'unit', entityId: u.id, before: null, after: u });
  for (const part of chunk(plan.unitLineage, 200))
    await db
      .insertInto('unit_lineage')
      .values(
        part.map((l) => ({
          predecessor_id: l.predecessorId,
          successor_id: mustGet(unitId, l.successorCode, 'the new unit'),
          effective_date: date,
          note: plan.note,
        })),
      )
      .execute();

  // officers of an ended area follow it to its (first) successor; a unit's reporter to the unit's successor
  const movedUsers: ReorganisationResult['movedUsers'] = [];
  const firstSuccessor = new Map<number, number>();
  for (const l of plan.lineage)
    if (!firstSuccessor.has(l.predecessorId)) firstSuccessor.set(l.predecessorId, successorOf(l));
  const unitSuccessor = new Map<number, number>();
  for (const l of plan.unitLineage)
    if (!unitSuccessor.has(l.predecessorId))
      unitSuccessor.set(l.predecessorId, mustGet(unitId, l.successorCode, 'the new unit'));
  const users = await db
    .selectFrom('users')
    .select(['id', 'username', 'area_id', 'unit_id'])
    .where((eb) =>
      eb.or([
        eb('area_id', 'in', endedAreaIds.length > 0 ? endedAreaIds : [-1]),
        eb('unit_id', 'in', endedUnitIds.length > 0 ? endedUnitIds : [-1]),
      ]),
    )
    .execute();
  const unitArea = new Map(newUnits.map((u) => [u.id, u.areaId]));
  for (const user of users) {
    const toUnitId = user.unit_id === null ? null : (unitSuccessor.get(user.unit_id) ?? user.unit_id);
    // a unit's reporter follows the unit (after a split, its new commune may not be the first successor)
    const toAreaId =
      (toUnitId === null ? undefined : unitArea.get(toUnitId)) ??
      (user.area_id === null ? null : (firstSuccessor.get(user.area_id) ?? user.area_id));
    await db.updateTable('users').set({ area_id: toAreaId, unit_id: toUnitId }).where('id', '=', user.id).execute();
    movedUsers.push({ id: user.id, username: user.username, toAreaId, toUnitId });
    entries.push({
      ...base,
      action: 'user.follow_reorganisation',
      entity: 'user',
      entityId: user.id,
      before: { areaId: user.area_id, unitId: user.unit_id },
      after: { areaId: toAreaId, unitId: toUnitId },
    });
  }
  entries.push({
    ...base,
    action: 'area.reorganise',
    entity: 'area',
    entityId: (endedAreaIds.length > 0 ? endedAreaIds : newAreas.map((a) => a.id)).join(','),
    before: null,
    after: {
      request: audit.input,
      endedAreas: endedAreaIds,
      newAreas: newAreas.map((a) => a.id),
      endedUnits: endedUnitIds.length,
      newUnits: newUnits.length,
      movedUsers: movedUsers.length,
    },
  });
  await writeAudits(db, entries);
  return { newAreas, newUnits, endedUnitIds, movedUsers };
}
