import { DomainError, foldForSearch, vietnameseSortKey, type Area } from '@antoan/core';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { chunk } from './chunk.js';
import type { AreaRow, Database } from './schema.js';

export type NewArea = Omit<Area, 'id'>;

export function toArea(row: AreaRow): Area {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    level: row.level,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

/** The areas that exist on `date` (ISO), in Vietnamese alphabetical order. */
export async function listAreasOn(db: Kysely<Database>, date: string): Promise<Area[]> {
  const rows = await db
    .selectFrom('areas')
    .selectAll()
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .orderBy('sort_key')
    .orderBy('id')
    .execute();
  return rows.map(toArea);
}

export async function findArea(db: Kysely<Database>, id: number): Promise<Area | undefined> {
  const row = await db.selectFrom('areas').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toArea(row);
}

export async function getArea(db: Kysely<Database>, id: number): Promise<Area> {
  const area = await findArea(db, id);
  if (!area) {
    throw new DomainError('NOT_FOUND', { vi: `Không tìm thấy địa bàn #${id}`, en: `Area #${id} not found` });
  }
  return area;
}

/**
 * A subquery of the ids of `rootId` and every area below it that exists on `date` (a recursive CTE:
 * one round trip, whatever the depth).
 */
export function subtreeAreaIds(db: Kysely<Database>, rootId: number, date: string) {
  return db
    .withRecursive('subtree(id)', (qb) =>
      qb
        .selectFrom('areas')
        .select('id')
        .where('id', '=', rootId)
        .unionAll(
          qb
            .selectFrom('areas as child')
            .innerJoin('subtree', 'subtree.id', 'child.parent_id')
            .select('child.id')
            .where('child.valid_from', '<=', date)
            .where((eb): Expression<SqlBool> =>
              eb.or([eb('child.valid_to', 'is', null), eb('child.valid_to', '>', date)]),
            ),
        ),
    )
    .selectFrom('subtree')
    .select('subtree.id');
}

/** Inserts areas; `parentId` must reference an existing area. Returns them with their ids. */
export async function insertAreas(db: Kysely<Database>, areas: readonly NewArea[]): Promise<Area[]> {
  const result: Area[] = [];
  for (const part of chunk(areas, 500)) {
    const rows = await db
      .insertInto('areas')
      .values(
        part.map((a) => ({
          code: a.code,
          name: a.name,
          kind: a.kind,
          level: a.level,
          parent_id: a.parentId,
          valid_from: a.validFrom,
          valid_to: a.validTo,
          search_key: foldForSearch(a.name),
          sort_key: vietnameseSortKey(a.name),
        })),
      )
      .returningAll()
      .execute();
    result.push(...rows.map(toArea));
  }
  return result;
}

/**
 * Tells whether `areaId` is `rootId` or lies below it, following parent links whatever their dates (a
 * scope granted on an area covers its history too), or lies in (or below) an area `rootId` came from by a
 * reorganisation (area_lineage, followed back as far as it goes, but not through a split, whose successors would
 * each reach the other's share): an officer of a merged or renamed commune keeps the predecessors' past. One query: the ancestors of the area up the tree, the roots back through the lineage.
 */
export async function isAreaWithin(db: Kysely<Database>, areaId: number, rootId: number): Promise<boolean> {
  if (areaId === rootId) return true;
  const row = await db
    .withRecursive('roots(id)', (qb) =>
      qb.selectNoFrom(sql<number>`cast(${rootId} as integer)`.as('id')).union(
        qb
          .selectFrom('area_lineage')
          .innerJoin('roots', 'roots.id', 'area_lineage.successor_id')
          // not through a split: each successor would reach the other's share of the past
          .where('area_lineage.event', '<>', 'split')
          .select('area_lineage.predecessor_id as id'),
      ),
    )
    .withRecursive('ancestors(id, parent_id)', (qb) =>
      qb
        .selectFrom('areas')
        .select(['id', 'parent_id'])
        .where('id', '=', areaId)
        .unionAll(
          qb
            .selectFrom('areas as parent')
            .innerJoin('ancestors', 'ancestors.parent_id', 'parent.id')
            .select(['parent.id', 'parent.parent_id']),
        ),
    )
    .selectFrom('ancestors')
    .select('ancestors.id')
    .where('ancestors.id', 'in', (qb) => qb.selectFrom('roots').select('roots.id'))
    .executeTakeFirst();
  return row !== undefined;
}

/** A merge, split or rename between two areas of the dated tree. */
export interface AreaLineage {
  id: number;
  predecessorId: number;
  successorId: number;
  event: 'merge' | 'split' | 'rename';
  effectiveDate: string;
  note: string | null;
}

export async function insertLineage(db: Kysely<Database>, lineage: Omit<AreaLineage, 'id'>): Promise<AreaLineage> {
  const row = await db
    .insertInto('area_lineage')
    .values({
      predecessor_id: lineage.predecessorId,
      successor_id: lineage.successorId,
      event: lineage.event,
      effective_date: lineage.effectiveDate,
      note: lineage.note,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    predecessorId: row.predecessor_id,
    successorId: row.successor_id,
    event: row.event,
    effectiveDate: row.effective_date,
    note: row.note,
  };
}

/** The predecessors and successors of an area (merges, splits, renames), oldest first. */
export async function listLineage(db: Kysely<Database>, areaId: number): Promise<AreaLineage[]> {
  const rows = await db
    .selectFrom('area_lineage')
    .selectAll()
    .where((eb) => eb.or([eb('predecessor_id', '=', areaId), eb('successor_id', '=', areaId)]))
    .orderBy('effective_date')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    predecessorId: row.predecessor_id,
    successorId: row.successor_id,
    event: row.event,
    effectiveDate: row.effective_date,
    note: row.note,
  }));
}

/** The areas of a subtree (the root and what lies below it) that exist on `date`, in Vietnamese order. */
export async function listSubtreeAreasOn(db: Kysely<Database>, rootId: number, date: string): Promise<Area[]> {
  const rows = await db
    .selectFrom('areas')
    .selectAll()
    .where('id', 'in', subtreeAreaIds(db, rootId, date))
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .orderBy('sort_key')
    .orderBy('id')
    .execute();
  return rows.map(toArea);
}

/**
 * The areas that stood for `areaId` on `date`: the area itself when it existed that day (or ended before it),
 * else — an area created later by a reorganisation — the areas it came from (area_lineage), followed back until
 * they existed that day, not through a split. A merged commune's 2024 is its predecessors' 2024 taken together; a
 * commune split off another stands for itself (it had nothing that day).
 */
export async function areasStandingFor(db: Kysely<Database>, areaId: number, date: string): Promise<Area[]> {
  const out = new Map<number, Area>();
  let frontier = [areaId];
  for (let depth = 0; frontier.length > 0 && depth < 20; depth++) {
    const areas = (await db.selectFrom('areas').selectAll().where('id', 'in', frontier).execute()).map(toArea);
    const later = areas.filter((a) => a.validFrom > date);
    for (const a of areas) if (a.validFrom <= date) out.set(a.id, a);
    if (later.length === 0) break;
    // not through a split: each successor would stand for the whole former area (its share cannot be told)
    const back = await db
      .selectFrom('area_lineage')
      .select('predecessor_id')
      .where(
        'successor_id',
        'in',
        later.map((a) => a.id),
      )
      .where('event', '<>', 'split')
      .execute();
    // an area created later with no lineage stands for itself (it simply had nothing that day)
    if (back.length === 0) for (const a of later) out.set(a.id, a);
    frontier = [...new Set(back.map((r) => r.predecessor_id))].filter((id) => !out.has(id));
  }
  return [...out.values()];
}
