import {
  followReorganisation,
  foldForSearch,
  type AccountLeftBehind,
  vietnameseSortKey,
  type Area,
  type ReorganisationContext,
  type ReorganisationPlan,
  type Role,
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
// of an ended area or unit follow it to its successor (core's followReorganisation), those of a dissolved area
// stay and are listed. In the caller's transaction; one audit record per area and unit written, and one for the
// whole act.

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
  /** Accounts whose area (or unit) ended with no successor: they stay on it (core's followReorganisation). */
  leftBehind: AccountLeftBehind[];
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
  // the successors by code: the new areas, and the existing one a dissolved area went into (its officers follow)
  const areaId = new Map(newAreas.map((a) => [a.code, a.id]));
  for (const l of plan.lineage) if (l.successorId !== undefined) areaId.set(l.successorCode, l.successorId);
  for (const area of newAreas)
    entries.push({ ...base, action: 'area.create', entity: 'area', entityId: area.id, before: null, after: area });
  for (const l of plan.lineage) {
    await db
      .insertInto('area_lineage')
      .values({
        predecessor_id: l.predecessorId,
        successor_id: mustGet(areaId, l.successorCode, 'the successor area'),
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

  // who follows where, and who cannot (an area dissolved): core's followReorganisation decides
  const users = await db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'area_id', 'unit_id'])
    .where((eb) =>
      eb.or([
        eb('area_id', 'in', endedAreaIds.length > 0 ? endedAreaIds : [-1]),
        eb('unit_id', 'in', endedUnitIds.length > 0 ? endedUnitIds : [-1]),
      ]),
    )
    .orderBy('username')
    .execute();
  const { follow, leftBehind } = followReorganisation(
    plan,
    users.map((u) => ({ id: u.id, username: u.username, role: u.role as Role, areaId: u.area_id, unitId: u.unit_id })),
  );
  const movedUsers: ReorganisationResult['movedUsers'] = [];
  for (const { account, toAreaCode, toUnitCode } of follow) {
    const toUnitId = toUnitCode === null ? account.unitId : mustGet(unitId, toUnitCode, 'the new unit');
    const toAreaId = toAreaCode === null ? account.areaId : mustGet(areaId, toAreaCode, 'the new area');
    await db.updateTable('users').set({ area_id: toAreaId, unit_id: toUnitId }).where('id', '=', account.id).execute();
    movedUsers.push({ id: account.id, username: account.username, toAreaId, toUnitId });
    entries.push({
      ...base,
      action: 'user.follow_reorganisation',
      entity: 'user',
      entityId: account.id,
      before: { areaId: account.areaId, unitId: account.unitId },
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
      accountsLeftBehind: leftBehind.map((u) => u.username),
    },
  });
  await writeAudits(db, entries);
  return { newAreas, newUnits, endedUnitIds, movedUsers, leftBehind };
}
