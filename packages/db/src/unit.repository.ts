import {
  applyDatedUnitChange,
  DomainError,
  foldForSearch,
  vietnameseSortKey,
  type DatedUnitValues,
  type Page,
  type Unit,
  type UnitListInput,
  type UnitPeriod,
} from '@antoan/core';
import type { Kysely, Selectable } from 'kysely';
import { containsWord, searchWords } from './search.js';
import { subtreeAreaIds } from './area.repository.js';
import { hasUnitPeriodsOn, unitExistsOn, unitsOn } from './evaluation.loader.js';
import { chunk } from './chunk.js';
import type { Database, UnitRow, UnitVersionTable } from './schema.js';

export type NewUnit = Omit<Unit, 'id'>;

export function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type,
    areaId: row.area_id,
    managingLevel: row.managing_level,
    isMinistryMonitored: row.is_ministry_monitored === 1,
    isRecognitionDelegated: row.is_recognition_delegated === 1,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

/** Sets who recognises a unit (Art. 10) from `date` on (dated values, migration 2001). */
export async function setUnitRecognition(
  db: Kysely<Database>,
  unitId: number,
  flags: { isMinistryMonitored: boolean; isRecognitionDelegated: boolean },
  date: string,
): Promise<void> {
  await changeUnitFrom(
    db,
    unitId,
    {
      isMinistryMonitored: flags.isMinistryMonitored ? 1 : 0,
      isRecognitionDelegated: flags.isRecognitionDelegated ? 1 : 0,
    },
    date,
  );
}

/**
 * A page of units in Vietnamese alphabetical order, filtered by an area's subtree as it was on `date`, by
 * type, and by a search that ignores case and diacritics (every word of the search must appear in the
 * name or code).
 */
/**
 * A page of units, by name: of an area's subtree as it was on `date` (every unit when `areaId` is undefined),
 * of some types, matching search words. With `input.date` (a list asked for a day), the units that exist that
 * day, each with the area and attributes in force then (a village moved in 2026 lists under its 2024 commune on
 * 31/12/2024: `unitsOn`, read through `units` alone when no period of `unit_versions` holds the day); without
 * it, the units' current rows (any unit now in the subtree, whatever its dates).
 */
export async function listUnits(
  db: Kysely<Database>,
  input: UnitListInput,
  date: string,
  restrictTo?: { unitId: number },
): Promise<Page<Unit>> {
  if (input.date !== undefined && (await hasUnitPeriodsOn(db, input.date)))
    return listUnitsAsOn(db, input, input.date, restrictTo);
  const words = searchWords(input.search);
  let query = db.selectFrom('units');
  if (restrictTo) query = query.where('units.id', '=', restrictTo.unitId);
  if (input.date !== undefined) query = query.where(unitExistsOn(input.date));
  if (input.areaId !== undefined) {
    query = query.where('units.area_id', 'in', subtreeAreaIds(db, input.areaId, date));
  }
  if (input.types && input.types.length > 0) {
    query = query.where('units.type', 'in', input.types);
  }
  for (const word of words) {
    query = query.where(containsWord('units.search_key', word));
  }
  const [countRow, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    query
      .selectAll('units')
      .orderBy('units.sort_key')
      .orderBy('units.id')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
  ]);
  return { items: rows.map(toUnit), total: Number(countRow.total), page: input.page, pageSize: input.pageSize };
}

/** {@link listUnits} on a day some unit had other values than its `units` row: through `unitsOn`. */
async function listUnitsAsOn(
  db: Kysely<Database>,
  input: UnitListInput,
  date: string,
  restrictTo?: { unitId: number },
): Promise<Page<Unit>> {
  const areaIds = input.areaId === undefined ? undefined : subtreeAreaIds(db, input.areaId, date);
  let query = db.selectFrom(unitsOn(db, date, areaIds).as('d')).innerJoin('units', 'units.id', 'd.id');
  if (restrictTo) query = query.where('units.id', '=', restrictTo.unitId);
  if (input.types && input.types.length > 0) query = query.where('d.type', 'in', input.types);
  for (const word of searchWords(input.search)) query = query.where(containsWord('units.search_key', word));
  const [countRow, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    query
      .selectAll('units')
      .select([
        'd.area_id as on_area_id',
        'd.type as on_type',
        'd.managing_level as on_managing_level',
        'd.is_ministry_monitored as on_is_ministry_monitored',
        'd.is_recognition_delegated as on_is_recognition_delegated',
      ])
      .orderBy('units.sort_key')
      .orderBy('units.id')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
  ]);
  const items = rows.map((row) =>
    toUnit({
      ...row,
      area_id: row.on_area_id,
      type: row.on_type,
      managing_level: row.on_managing_level,
      is_ministry_monitored: row.on_is_ministry_monitored,
      is_recognition_delegated: row.on_is_recognition_delegated,
    }),
  );
  return { items, total: Number(countRow.total), page: input.page, pageSize: input.pageSize };
}

export async function insertUnits(db: Kysely<Database>, units: readonly NewUnit[]): Promise<Unit[]> {
  const result: Unit[] = [];
  for (const part of chunk(units, 500)) {
    const rows = await db
      .insertInto('units')
      .values(
        part.map((u) => ({
          code: u.code,
          name: u.name,
          type: u.type,
          area_id: u.areaId,
          managing_level: u.managingLevel,
          search_key: foldForSearch(`${u.name} ${u.code}`),
          sort_key: vietnameseSortKey(u.name),
          ...(u.validFrom !== undefined && { valid_from: u.validFrom }),
          ...(u.validTo !== undefined && u.validTo !== null && { valid_to: u.validTo }),
        })),
      )
      .returningAll()
      .execute();
    result.push(...rows.map(toUnit));
  }
  return result;
}

export async function findUnit(db: Kysely<Database>, id: number): Promise<Unit | undefined> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUnit(row);
}

export async function getUnit(db: Kysely<Database>, id: number): Promise<Unit> {
  const unit = await findUnit(db, id);
  if (!unit) throw new DomainError('NOT_FOUND', { vi: `Không tìm thấy đơn vị #${id}`, en: `Unit #${id} not found` });
  return unit;
}

/** Ids of the units in an area's subtree as it was on `date` (all units when `areaId` is undefined). */
export async function listUnitIdsInArea(
  db: Kysely<Database>,
  areaId: number | undefined,
  date: string,
): Promise<number[]> {
  let query = db.selectFrom('units').select('id');
  if (areaId !== undefined) query = query.where('area_id', 'in', subtreeAreaIds(db, areaId, date));
  return (await query.execute()).map((r) => r.id);
}

/** The units of these ids that exist (any order; unknown ids are left out). */
export async function listUnitsByIds(db: Kysely<Database>, ids: readonly number[]): Promise<Unit[]> {
  const out: Unit[] = [];
  for (const part of chunk([...new Set(ids)], 500)) {
    const rows = await db.selectFrom('units').selectAll().where('id', 'in', part).execute();
    out.push(...rows.map(toUnit));
  }
  return out;
}

const toFlag = (value: number): 0 | 1 => (value === 1 ? 1 : 0);

/** A stored row's dated values (the `units` row's, or a period's of `unit_versions`) in core's shape. */
function toDatedValues(
  row: Selectable<Omit<UnitVersionTable, 'unit_id' | 'valid_from' | 'valid_to'>>,
): DatedUnitValues {
  return {
    areaId: row.area_id,
    type: row.type,
    managingLevel: row.managing_level,
    isArmedForces: toFlag(row.is_armed_forces),
    enterpriseSize: row.enterprise_size,
    schoolLevel: row.school_level,
    isMinistryMonitored: toFlag(row.is_ministry_monitored),
    isRecognitionDelegated: toFlag(row.is_recognition_delegated),
  };
}

function toDatedColumns(values: DatedUnitValues) {
  return {
    area_id: values.areaId,
    type: values.type,
    managing_level: values.managingLevel,
    is_armed_forces: values.isArmedForces,
    enterprise_size: values.enterpriseSize,
    school_level: values.schoolLevel,
    is_ministry_monitored: values.isMinistryMonitored,
    is_recognition_delegated: values.isRecognitionDelegated,
  };
}

/** A unit's periods of dated values (migration 2001): its earlier periods, then the `units` row's, still open. */
export async function listUnitPeriods(db: Kysely<Database>, unitId: number): Promise<UnitPeriod[]> {
  const unit = await db.selectFrom('units').selectAll().where('id', '=', unitId).executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('unit_versions')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('valid_from')
    .execute();
  const periods: UnitPeriod[] = rows.map((r) => ({ from: r.valid_from, to: r.valid_to, values: toDatedValues(r) }));
  periods.push({ from: rows.at(-1)?.valid_to ?? unit.valid_from, to: null, values: toDatedValues(unit) });
  return periods;
}

/**
 * Changes some of a unit's dated values (its area, type, level, attributes, who recognises it) from `date` on
 * (core's `applyDatedUnitChange`): the years before keep what they had. The `units` row takes the values of the
 * last period; the earlier ones are kept in `unit_versions`. Returns the periods before and after.
 */
export async function changeUnitFrom(
  db: Kysely<Database>,
  unitId: number,
  change: Partial<DatedUnitValues>,
  date: string,
): Promise<{ before: UnitPeriod[]; after: UnitPeriod[] }> {
  const before = await listUnitPeriods(db, unitId);
  const after = applyDatedUnitChange(before, change, date);
  const current = after.at(-1);
  if (!current) throw new Error(`unit ${unitId} has no period`);
  await db.deleteFrom('unit_versions').where('unit_id', '=', unitId).execute();
  const earlier = after.slice(0, -1);
  if (earlier.length > 0)
    await db
      .insertInto('unit_versions')
      .values(
        earlier.map((p) => ({
          unit_id: unitId,
          valid_from: p.from,
          valid_to: p.to ?? date,
          ...toDatedColumns(p.values),
        })),
      )
      .execute();
  await db.updateTable('units').set(toDatedColumns(current.values)).where('id', '=', unitId).execute();
  return { before, after };
}
