import { DomainError, type ItemScore } from '@antoan/core';
import type { Kysely } from 'kysely';
import { chunk } from './chunk.js';
import type { Database } from './schema.js';
import { unitsInScope, type UnitScope } from './evaluation.loader.js';

/** A unit's grading sheet for a year, as stored: the template and the scores per item. No total is stored. */
export interface GradingSheetRecord {
  id: number;
  unitId: number;
  year: number;
  templateId: string;
  version: number;
  updatedAt: string;
  scores: Record<string, ItemScore>;
}

export async function listGradingSheets(
  db: Kysely<Database>,
  unitIds: readonly number[],
  year: number,
): Promise<GradingSheetRecord[]> {
  const result: GradingSheetRecord[] = [];
  for (const part of chunk(unitIds, 500)) {
    const sheets = await db
      .selectFrom('grading_sheets')
      .selectAll()
      .where('year', '=', year)
      .where('unit_id', 'in', part)
      .execute();
    if (sheets.length === 0) continue;
    const scores = await db
      .selectFrom('grading_scores')
      .selectAll()
      .where(
        'sheet_id',
        'in',
        sheets.map((s) => s.id),
      )
      .execute();
    const bySheet = new Map<number, Record<string, ItemScore>>();
    for (const s of scores) {
      const record = bySheet.get(s.sheet_id) ?? {};
      record[s.item_code] = { self: s.self_score, verified: s.verified_score };
      bySheet.set(s.sheet_id, record);
    }
    for (const sheet of sheets) {
      result.push({
        id: sheet.id,
        unitId: sheet.unit_id,
        year: sheet.year,
        templateId: sheet.template_id,
        version: sheet.version,
        updatedAt: sheet.updated_at,
        scores: bySheet.get(sheet.id) ?? {},
      });
    }
  }
  return result;
}

export async function findGradingSheet(
  db: Kysely<Database>,
  unitId: number,
  year: number,
): Promise<GradingSheetRecord | undefined> {
  return (await listGradingSheets(db, [unitId], year))[0];
}

/**
 * Saves scores of some items (others stay). `expectedVersion` null creates the sheet; otherwise the
 * stored version must match (CONFLICT on a concurrent edit). Call inside a transaction.
 */
export async function saveGradingScores(
  db: Kysely<Database>,
  input: {
    unitId: number;
    year: number;
    templateId: string;
    expectedVersion: number | null;
    scores: Readonly<Record<string, ItemScore>>;
    by: number | null;
    now: Date;
  },
): Promise<void> {
  const existing = await db
    .selectFrom('grading_sheets')
    .selectAll()
    .where('unit_id', '=', input.unitId)
    .where('year', '=', input.year)
    .executeTakeFirst();
  let sheetId: number;
  if (!existing) {
    if (input.expectedVersion !== null) throw staleSheet();
    const row = await db
      .insertInto('grading_sheets')
      .values({
        unit_id: input.unitId,
        year: input.year,
        template_id: input.templateId,
        updated_at: input.now.toISOString(),
        updated_by: input.by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    sheetId = row.id;
  } else {
    if (existing.version !== input.expectedVersion) throw staleSheet();
    if (existing.template_id !== input.templateId) {
      throw new DomainError('CONFLICT', {
        vi: `Phiếu chấm điểm đã dùng mẫu ${existing.template_id}.`,
        en: `The sheet already uses template ${existing.template_id}.`,
      });
    }
    const updated = await db
      .updateTable('grading_sheets')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: input.now.toISOString(), updated_by: input.by }))
      .where('id', '=', existing.id)
      .where('version', '=', existing.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleSheet();
    sheetId = existing.id;
  }
  const codes = Object.keys(input.scores);
  if (codes.length === 0) return;
  // Only the scores given change: a reporter's self score keeps the officer's verified score, and back.
  const stored = new Map(
    (
      await db
        .selectFrom('grading_scores')
        .selectAll()
        .where('sheet_id', '=', sheetId)
        .where('item_code', 'in', codes)
        .execute()
    ).map((r) => [r.item_code, r]),
  );
  await db.deleteFrom('grading_scores').where('sheet_id', '=', sheetId).where('item_code', 'in', codes).execute();
  for (const part of chunk(Object.entries(input.scores), 200)) {
    await db
      .insertInto('grading_scores')
      .values(
        part.map(([code, given]) => {
          const before = stored.get(code);
          return {
            sheet_id: sheetId,
            item_code: code,
            self_score: given.self !== undefined ? given.self : (before?.self_score ?? null),
            verified_score: given.verified !== undefined ? given.verified : (before?.verified_score ?? null),
            note: before?.note ?? null,
          };
        }),
      )
      .execute();
  }
}

function staleSheet(): DomainError {
  return new DomainError('CONFLICT', {
    vi: 'Phiếu chấm điểm vừa được người khác thay đổi. Tải lại rồi nhập lại.',
    en: 'Someone else changed this sheet meanwhile. Reload and enter your change again.',
  });
}

/** The year's sheets of the units of a scope, in two queries whatever its size. */
export async function listGradingSheetsInScope(
  db: Kysely<Database>,
  scope: UnitScope,
  year: number,
): Promise<GradingSheetRecord[]> {
  const [sheets, scores] = await Promise.all([
    db
      .selectFrom('grading_sheets')
      .selectAll()
      .where('year', '=', year)
      .$if(scope.areaId !== undefined, (qb) => qb.where('unit_id', 'in', unitsInScope(db, scope)))
      .execute(),
    db
      .selectFrom('grading_scores')
      .innerJoin('grading_sheets', 'grading_sheets.id', 'grading_scores.sheet_id')
      .select([
        'grading_scores.sheet_id',
        'grading_scores.item_code',
        'grading_scores.self_score',
        'grading_scores.verified_score',
      ])
      .where('grading_sheets.year', '=', year)
      .$if(scope.areaId !== undefined, (qb) => qb.where('grading_sheets.unit_id', 'in', unitsInScope(db, scope)))
      .execute(),
  ]);
  const bySheet = new Map<number, Record<string, ItemScore>>();
  for (const s of scores) {
    const record = bySheet.get(s.sheet_id) ?? {};
    record[s.item_code] = { self: s.self_score, verified: s.verified_score };
    bySheet.set(s.sheet_id, record);
  }
  return sheets.map((sheet) => ({
    id: sheet.id,
    unitId: sheet.unit_id,
    year: sheet.year,
    templateId: sheet.template_id,
    version: sheet.version,
    updatedAt: sheet.updated_at,
    scores: bySheet.get(sheet.id) ?? {},
  }));
}
