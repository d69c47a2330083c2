import { DomainError, foldForSearch, vietnameseSortKey, type Page, type Unit, type UnitListInput } from '@antoan/core';
import type { Kysely } from 'kysely';
import { containsWord, searchWords } from './search.js';
import { subtreeAreaIds } from './area.repository.js';
import { chunk } from './chunk.js';
import type { Database, UnitRow } from './schema.js';

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

/** Sets who recognises a unit (Art. 10): monitored by the Ministry, delegated one level down. */
export async function setUnitRecognition(
  db: Kysely<Database>,
  unitId: number,
  flags: { isMinistryMonitored: boolean; isRecognitionDelegated: boolean },
): Promise<void> {
  await db
    .updateTable('units')
    .set({
      is_ministry_monitored: flags.isMinistryMonitored ? 1 : 0,
      is_recognition_delegated: flags.isRecognitionDelegated ? 1 : 0,
    })
    .where('id', '=', unitId)
    .execute();
}

/**
 * A page of units in Vietnamese alphabetical order, filtered by an area's subtree as it was on `date`, by
 * type, and by a search that ignores case and diacritics (every word of the search must appear in the
 * name or code).
 */
export async function listUnits(
  db: Kysely<Database>,
  input: UnitListInput,
  date: string,
  restrictTo?: { unitId: number },
): Promise<Page<Unit>> {
  const words = searchWords(input.search);
  let query = db.selectFrom('units');
  if (restrictTo) query = query.where('units.id', '=', restrictTo.unitId);
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
