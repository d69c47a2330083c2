import { DomainError, type Unit, type User } from '@antoan/core';
import { getArea, getUnit, isAreaWithin, listUnitIdsInArea, type Database } from '@antoan/db';
import type { Kysely } from 'kysely';

// Scope: which areas and units a signed-in user may read or change, checked on the server for every call.
// An admin sees everything; other roles see the subtree of their area; a unit reporter only their unit.

interface ScopeContext {
  db: Kysely<Database>;
  user: User;
}

const OUT_OF_SCOPE = {
  vi: 'Dữ liệu này nằm ngoài địa bàn bạn được giao.',
  en: 'This data is outside the area assigned to you.',
};

/** The refusal of data outside the user's area. */
export function outOfScope(): DomainError {
  return new DomainError('FORBIDDEN', OUT_OF_SCOPE);
}

/**
 * The root of the user's subtree: null means everywhere (admin), 'none' no area at all — a unit reporter
 * sees their own unit only, never the figures of their commune.
 */
export function scopeRootOf(user: User): number | null | 'none' {
  if (user.role === 'admin') return null;
  if (user.role === 'unit_reporter') return 'none';
  return user.areaId ?? 'none';
}

export async function assertAreaInScope(ctx: ScopeContext, areaId: number): Promise<void> {
  await getArea(ctx.db, areaId);
  const root = scopeRootOf(ctx.user);
  if (root === null) return;
  if (root === 'none' || !(await isAreaWithin(ctx.db, areaId, root))) throw outOfScope();
}

/** Loads a unit the user may act on (NOT_FOUND if it does not exist, FORBIDDEN if outside their scope). */
export async function getUnitInScope(ctx: ScopeContext, unitId: number): Promise<Unit> {
  const unit = await getUnit(ctx.db, unitId);
  if (ctx.user.role === 'unit_reporter') {
    if (ctx.user.unitId !== unit.id) throw outOfScope();
    return unit;
  }
  const root = scopeRootOf(ctx.user);
  if (root === null) return unit;
  if (root === 'none' || !(await isAreaWithin(ctx.db, unit.areaId, root))) throw outOfScope();
  return unit;
}

/**
 * The area a list should be limited to: the one asked for (checked), or else the user's own root.
 * `undefined` means no limit (an admin who asked for everything).
 */
export async function listAreaFor(ctx: ScopeContext, requested: number | undefined): Promise<number | undefined> {
  if (requested !== undefined) {
    await assertAreaInScope(ctx, requested);
    return requested;
  }
  const root = scopeRootOf(ctx.user);
  if (root === 'none') throw outOfScope();
  return root ?? undefined;
}

/** A model's host or an award's recipient must be a unit of the area it is filed under (and in scope). */
export async function assertUnitInArea(ctx: ScopeContext, unitId: number, areaId: number): Promise<void> {
  const unit = await getUnitInScope(ctx, unitId);
  if (!(await isAreaWithin(ctx.db, unit.areaId, areaId))) {
    throw new DomainError('INVALID', {
      vi: `Đơn vị ${unit.name} không thuộc địa bàn đã chọn.`,
      en: `The unit ${unit.name} is not in the chosen area.`,
    });
  }
}

/** The units whose records a list may show: the reporter's own unit, or the units of the scoped area. */
export async function unitIdsInScope(
  ctx: ScopeContext,
  input: { areaId?: number | undefined; unitId?: number | undefined },
  date: string,
): Promise<number[]> {
  if (input.unitId !== undefined) return [(await getUnitInScope(ctx, input.unitId)).id];
  if (ctx.user.role === 'unit_reporter') return ctx.user.unitId ? [ctx.user.unitId] : [];
  return listUnitIdsInArea(ctx.db, await listAreaFor(ctx, input.areaId), date);
}
