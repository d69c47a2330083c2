import {
  AREA_KIND_LEVEL,
  foldForSearch,
  vietnameseSortKey,
  type AreaImportRow,
  type EnterpriseSize,
  type ImportExisting,
  type ImportExistingArea,
  type ImportExistingUnit,
  type ImportPlan,
  type SchoolLevel,
  type UnitImportRow,
  vietnamDate,
} from '@antoan/core';
import type { Kysely } from 'kysely';
import { insertAreas } from './area.repository.js';
import { writeAudits, type AuditEntry } from './audit.repository.js';
import { chunk } from './chunk.js';
import { changeUnitFrom } from './unit.repository.js';
import { mustGet, required } from './required.js';
import type { Database } from './schema.js';

// What an import of areas and units reads (the records its file names, the user's writable areas) and how
// it writes its plan. The caller runs both inside one transaction: any failure leaves nothing behind.

/**
 * The ids of an area and of every area below it, whatever their dates (a scope granted on an area covers its
 * history too, as `isAreaWithin` does). One recursive query.
 */
export async function listAreaIdsUnder(db: Kysely<Database>, rootId: number): Promise<Set<number>> {
  const rows = await db
    .withRecursive('below(id)', (qb) =>
      qb
        .selectFrom('areas')
        .select('id')
        .where('id', '=', rootId)
        .unionAll(qb.selectFrom('areas as child').innerJoin('below', 'below.id', 'child.parent_id').select('child.id')),
    )
    .selectFrom('below')
    .select('below.id')
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Loads what core's `planImport` needs: the stored areas and units with the given codes, the commune unit
 * of each of those areas, and the areas the user may write in (`scopeRootId` null: everywhere).
 */
export async function loadImportExisting(
  db: Kysely<Database>,
  request: { areaCodes: Iterable<string>; unitCodes: Iterable<string>; scopeRootId: number | null },
): Promise<ImportExisting> {
  const areas = new Map<string, ImportExistingArea>();
  for (const part of chunk([...new Set(request.areaCodes)], 500)) {
    const rows = await db
      .selectFrom('areas')
      .leftJoin('areas as parent', 'parent.id', 'areas.parent_id')
      .select([
        'areas.id',
        'areas.code',
        'areas.name',
        'areas.kind',
        'areas.level',
        'areas.parent_id',
        'parent.code as parent_code',
        'areas.valid_from',
        'areas.valid_to',
      ])
      .where('areas.code', 'in', part)
      .execute();
    for (const r of rows) {
      areas.set(r.code, {
        id: r.id,
        code: r.code,
        name: r.name,
        kind: r.kind,
        level: r.level,
        parentId: r.parent_id,
        parentCode: r.parent_code,
        validFrom: r.valid_from,
        validTo: r.valid_to,
      });
    }
  }
  const units = new Map<string, ImportExistingUnit>();
  for (const part of chunk([...new Set(request.unitCodes)], 500)) {
    const rows = await db
      .selectFrom('units')
      .innerJoin('areas', 'areas.id', 'units.area_id')
      .select([
        'units.id',
        'units.code',
        'units.name',
        'units.type',
        'units.area_id',
        'areas.code as area_code',
        'units.managing_level',
        'units.is_armed_forces',
        'units.enterprise_size',
        'units.school_level',
        'units.valid_from',
      ])
      .where('units.code', 'in', part)
      .execute();
    for (const r of rows) {
      units.set(r.code, {
        id: r.id,
        code: r.code,
        name: r.name,
        type: r.type,
        areaId: r.area_id,
        areaCode: r.area_code,
        managingLevel: r.managing_level,
        isArmedForces: r.is_armed_forces === 1,
        enterpriseSize: r.enterprise_size as EnterpriseSize | null,
        schoolLevel: r.school_level as SchoolLevel | null,
        validFrom: r.valid_from,
      });
    }
  }
  const communeUnits = new Map<number, string>();
  const communeIds = [...areas.values()].filter((a) => a.level === 'commune').map((a) => a.id);
  for (const part of chunk(communeIds, 500)) {
    const rows = await db
      .selectFrom('units')
      .select(['area_id', 'code'])
      .where('type', '=', 'XA')
      .where('area_id', 'in', part)
      .execute();
    for (const r of rows) communeUnits.set(r.area_id, r.code);
  }
  const scope = request.scopeRootId === null ? null : await listAreaIdsUnder(db, request.scopeRootId);
  return { areas, units, communeUnits, scope };
}

/** How many records an applied import created and updated. */
export interface ImportCounts {
  areas: { created: number; updated: number };
  units: { created: number; updated: number };
}

/** A unit's columns from its row; `since` is the start date of a new unit whose row leaves it empty. */
function unitColumns(row: UnitImportRow, areaId: number, since?: string) {
  const validFrom = row.validFrom ?? since;
  return {
    ...(validFrom !== undefined && { valid_from: validFrom }),
    code: row.code,
    name: row.name,
    type: row.type,
    area_id: areaId,
    managing_level: row.managingLevel,
    is_armed_forces: row.isArmedForces ? 1 : 0,
    enterprise_size: row.enterpriseSize,
    school_level: row.schoolLevel,
    search_key: foldForSearch(`${row.name} ${row.code}`),
    sort_key: vietnameseSortKey(row.name),
  };
}

const LEVEL_ORDER = { province: 0, district: 1, commune: 2 } as const;

/**
 * Writes a plan without errors: new areas level by level (so a parent created by the same file exists before
 * its children), updated areas, new and updated units, and one audit record per record written plus one for
 * the import (all in the caller's transaction, which makes the whole import atomic). Unchanged rows write
 * nothing: applying a plan that changes nothing writes nothing, not even an audit record.
 */
export async function applyImportPlan(
  db: Kysely<Database>,
  plan: ImportPlan,
  existing: ImportExisting,
  audit: { userId: number | null; at: Date; fileName: string },
): Promise<ImportCounts & { touchedUnitIds?: number[]; formerAreaIds?: number[] }> {
  if (plan.errors.length > 0) throw new Error('applyImportPlan: the plan has errors');
  const counts: ImportCounts = {
    areas: { created: plan.areas.create.length, updated: plan.areas.update.length },
    units: { created: plan.units.create.length, updated: plan.units.update.length },
  };
  if (counts.areas.created + counts.areas.updated + counts.units.created + counts.units.updated === 0) return counts;
  const entries: AuditEntry[] = [];
  const base = { userId: audit.userId, at: audit.at };
  const areaIds = new Map<string, number>([...existing.areas.values()].map((a) => [a.code, a.id]));

  const creates = [...plan.areas.create].sort(
    (a, b) => LEVEL_ORDER[AREA_KIND_LEVEL[a.values.kind]] - LEVEL_ORDER[AREA_KIND_LEVEL[b.values.kind]],
  );
  for (const level of ['province', 'district', 'commune'] as const) {
    const rows: AreaImportRow[] = creates.filter((e) => AREA_KIND_LEVEL[e.values.kind] === level).map((e) => e.values);
    if (rows.length === 0) continue;
    const created = await insertAreas(
      db,
      rows.map((r) => ({
        code: r.code,
        name: r.name,
        kind: r.kind,
        level,
        parentId: r.parentCode === null ? null : mustGet(areaIds, r.parentCode, 'the parent area'),
        validFrom: required(r.validFrom, `the start date of area ${r.code}`),
        validTo: r.validTo,
      })),
    );
    for (const area of created) {
      areaIds.set(area.code, area.id);
      entries.push({ ...base, action: 'area.create', entity: 'area', entityId: area.id, before: null, after: area });
    }
  }
  for (const entry of plan.areas.update) {
    const row = entry.values;
    const id = required(entry.existingId, `the id of area ${entry.code}`);
    await db
      .updateTable('areas')
      .set({
        name: row.name,
        kind: row.kind,
        valid_from: required(row.validFrom, `the start date of area ${row.code}`),
        valid_to: row.validTo,
        search_key: foldForSearch(row.name),
        sort_key: vietnameseSortKey(row.name),
      })
      .where('id', '=', id)
      .execute();
    const before = mustGet(existing.areas, entry.code, 'the stored area');
    entries.push({
      ...base,
      action: 'area.update',
      entity: 'area',
      entityId: id,
      before,
      after: { ...before, name: row.name, kind: row.kind, validFrom: row.validFrom, validTo: row.validTo },
    });
  }

  for (const part of chunk(plan.units.create, 200)) {
    const rows = await db
      .insertInto('units')
      // a new unit without a start date exists from the day of the import (core's unitExistsInYear): it never
      // enters an earlier year's figures
      .values(
        part.map((e) => unitColumns(e.values, mustGet(areaIds, e.values.areaCode, 'the area'), vietnamDate(audit.at))),
      )
      .returning(['id', 'code'])
      .execute();
    const byCode = new Map(part.map((e) => [e.code, e.values]));
    for (const r of rows)
      entries.push({
        ...base,
        action: 'unit.create',
        entity: 'unit',
        entityId: r.id,
        before: null,
        after: { id: r.id, ...byCode.get(r.code) },
      });
  }
  for (const entry of plan.units.update) {
    const id = required(entry.existingId, `the id of unit ${entry.code}`);
    const row = entry.values;
    // the name is not dated; the area and the attributes change from the row's "Hiệu lực từ ngày" (the day of
    // the import without one), the years before keeping what they had (migration 2001)
    const {
      valid_from: _start,
      area_id,
      type,
      managing_level,
      is_armed_forces,
      enterprise_size,
      school_level,
      ...named
    } = unitColumns(row, mustGet(areaIds, row.areaCode, 'the area'));
    await db.updateTable('units').set(named).where('id', '=', id).execute();
    const effectiveFrom = row.validFrom ?? vietnamDate(audit.at);
    await changeUnitFrom(
      db,
      id,
      {
        areaId: area_id,
        type,
        managingLevel: managing_level,
        isArmedForces: is_armed_forces === 1 ? 1 : 0,
        enterpriseSize: enterprise_size,
        schoolLevel: school_level,
      },
      effectiveFrom,
    );
    entries.push({
      ...base,
      action: 'unit.update',
      entity: 'unit',
      entityId: id,
      before: mustGet(existing.units, entry.code, 'the stored unit'),
      after: { id, ...row, validFrom: undefined, effectiveFrom },
    });
  }
  entries.push({
    ...base,
    action: 'import.apply',
    entity: 'import',
    entityId: audit.fileName.slice(0, 200),
    before: null,
    after: counts,
  });
  await writeAudits(db, entries);
  // what the stored results must follow: every unit written, and the areas the updated ones were in
  const touchedUnitIds = entries.filter((e) => e.entity === 'unit').map((e) => Number(e.entityId));
  const formerAreaIds = plan.units.update.map((e) => mustGet(existing.units, e.code, 'the stored unit').areaId);
  return { ...counts, touchedUnitIds, formerAreaIds };
}
