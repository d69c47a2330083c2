import { listResultYears } from '@antoan/db';
import { refreshResults } from '@antoan/services';
import {
  DomainError,
  planImport,
  validateImportTable,
  type ImportChange,
  type ImportFileInput,
  type ImportPlan,
  type ImportPlanEntry,
  type ImportRowError,
  type ImportTable,
  type User,
} from '@antoan/core';
import { applyImportPlan, loadImportExisting, type Database } from '@antoan/db';
import type { Kysely } from 'kysely';
import type { Context } from './context.js';
import { scopeRootOf } from './scope.js';
import { readImportFile } from './spreadsheet/read-import-file.js';

/** Rows of each list (and errors) returned to the browser; counts are always complete. */
export const IMPORT_LIST_LIMIT = 1000;

/** A row of the plan as the browser shows it. */
export interface ImportPlanRow {
  sheet: string;
  row: number;
  code: string;
  name: string;
  changes: ImportChange[];
}

/** What `imports.dryRun` and `imports.commit` return. */
export interface ImportResult {
  /** True only when `imports.commit` wrote the plan (it never writes a plan with errors). */
  applied: boolean;
  fileName: string;
  format: ImportFileInput['format'];
  /** The tables found in the file, with the number of data rows read (blank rows included). */
  tables: { table: ImportTable; sheet: string; rows: number }[];
  errors: ImportRowError[];
  errorCount: number;
  counts: Record<ImportTable, { create: number; update: number; unchanged: number }>;
  areas: { create: ImportPlanRow[]; update: ImportPlanRow[]; unchanged: ImportPlanRow[] };
  units: { create: ImportPlanRow[]; update: ImportPlanRow[]; unchanged: ImportPlanRow[] };
  /** Some list (or the errors) was cut at {@link IMPORT_LIST_LIMIT} rows. */
  truncated: boolean;
}

const OUT_OF_SCOPE = { vi: 'Tài khoản của bạn chưa được giao địa bàn.', en: 'Your account has no assigned area.' };

function scopeRootId(user: User): number | null {
  const root = scopeRootOf(user);
  if (root === 'none') throw new DomainError('FORBIDDEN', OUT_OF_SCOPE);
  return root;
}

async function planFile(
  db: Kysely<Database>,
  input: ImportFileInput,
  rootId: number | null,
  tables: Awaited<ReturnType<typeof readImportFile>>,
) {
  const validated = tables.map(validateImportTable);
  const areaCodes: string[] = [];
  const unitCodes: string[] = [];
  for (const table of validated) {
    for (const reference of table.references) areaCodes.push(reference.code);
    if (table.table === 'areas')
      for (const row of table.rows) areaCodes.push(row.code, ...(row.parentCode ? [row.parentCode] : []));
    else {
      for (const row of table.rows) {
        unitCodes.push(row.code);
        areaCodes.push(row.areaCode);
      }
    }
  }
  const existing = await loadImportExisting(db, { areaCodes, unitCodes, scopeRootId: rootId });
  return { existing, plan: planImport(validated, existing) };
}

function summarize(
  input: ImportFileInput,
  tables: Awaited<ReturnType<typeof readImportFile>>,
  plan: ImportPlan,
  applied: boolean,
): ImportResult {
  let truncated = false;
  const cut = <T>(items: readonly T[]): T[] => {
    if (items.length > IMPORT_LIST_LIMIT) truncated = true;
    return items.slice(0, IMPORT_LIST_LIMIT);
  };
  const rows = <T>(entries: readonly ImportPlanEntry<T>[]): ImportPlanRow[] =>
    cut(entries).map((e) => ({ sheet: e.sheet, row: e.row, code: e.code, name: e.name, changes: e.changes }));
  return {
    applied,
    fileName: input.fileName,
    format: input.format,
    tables: tables.map((t) => ({ table: t.table, sheet: t.sheet, rows: t.rows.length })),
    errors: cut(plan.errors),
    errorCount: plan.errors.length,
    counts: {
      areas: {
        create: plan.areas.create.length,
        update: plan.areas.update.length,
        unchanged: plan.areas.unchanged.length,
      },
      units: {
        create: plan.units.create.length,
        update: plan.units.update.length,
        unchanged: plan.units.unchanged.length,
      },
    },
    areas: { create: rows(plan.areas.create), update: rows(plan.areas.update), unchanged: rows(plan.areas.unchanged) },
    units: { create: rows(plan.units.create), update: rows(plan.units.update), unchanged: rows(plan.units.unchanged) },
    truncated,
  };
}

/** Reads and plans an import file without writing anything (`imports.dryRun`). */
export async function dryRunImport(
  ctx: { db: Kysely<Database>; user: User },
  input: ImportFileInput,
): Promise<ImportResult> {
  const rootId = scopeRootId(ctx.user);
  const tables = await readImportFile(input);
  const { plan } = await planFile(ctx.db, input, rootId, tables);
  return summarize(input, tables, plan, false);
}

/**
 * Imports a file (`imports.commit`): plans it again inside one transaction and, when it has no error, writes
 * every row and an audit record per record (all or nothing), then refreshes the stored results it can move.
 */
export async function commitImport(ctx: Context & { user: User }, input: ImportFileInput): Promise<ImportResult> {
  const rootId = scopeRootId(ctx.user);
  const tables = await readImportFile(input);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const { existing, plan } = await planFile(trx, input, rootId, tables);
    if (plan.errors.length > 0) return summarize(input, tables, plan, false);
    const applied = await applyImportPlan(trx, plan, existing, {
      userId: ctx.user.id,
      at: now,
      fileName: input.fileName,
    });
    // a unit's type, attributes or area can move its results (and its commune's) in every stored year
    const years = (await listResultYears(trx)).map((r) => r.year);
    await refreshResults(
      trx,
      { unitIds: applied.touchedUnitIds ?? [], years, formerAreaIds: applied.formerAreaIds ?? [] },
      now,
    );
    return summarize(input, tables, plan, true);
  });
}
