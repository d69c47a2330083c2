import { listResultYears, loadReorganisationContext } from '@antoan/db';
import { refreshResults, reorganiseInTransaction, rolledBackIf, type ReorganisationPreview } from '@antoan/services';
import {
  DomainError,
  planImport,
  planReorganisation,
  reorganisationPlanErrors,
  reorganisationRequestOfRow,
  validateImportTable,
  type ReorganisationImportRow,
  type ReorganisationKind,
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

/**
 * A row of the reorganisations sheet done (or, in a dry run, done and rolled back): the operation and what the
 * "Sắp xếp địa bàn" page's dry run answers for it (areas and units touched, the current year's figures).
 */
export interface ImportReorganisationRow {
  sheet: string;
  row: number;
  kind: ReorganisationKind;
  preview: ReorganisationPreview;
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
  counts: Record<'areas' | 'units', { create: number; update: number; unchanged: number }>;
  areas: { create: ImportPlanRow[]; update: ImportPlanRow[]; unchanged: ImportPlanRow[] };
  units: { create: ImportPlanRow[]; update: ImportPlanRow[]; unchanged: ImportPlanRow[] };
  /**
   * The reorganisations sheet's rows that can be done, in row order (planned only when the other sheets have no
   * error, on the tree as they and the rows before leave it).
   */
  reorganisations: ImportReorganisationRow[];
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
    else if (table.table === 'units') {
      for (const row of table.rows) {
        unitCodes.push(row.code);
        areaCodes.push(row.areaCode);
      }
    }
  }
  const existing = await loadImportExisting(db, { areaCodes, unitCodes, scopeRootId: rootId });
  return { existing, plan: planImport(validated, existing), validated };
}

/**
 * One row of the reorganisations sheet, in the import's transaction: its codes resolved on the tree as it is
 * now (the other sheets and the rows before applied), the areas checked against the user's scope, planned by
 * core's planReorganisation (its reasons reported in the row's columns), then done as the "Sắp xếp địa bàn"
 * page does it (services' reorganise: audited, results refreshed).
 */
async function reorganiseRow(
  trx: Kysely<Database>,
  rootId: number | null,
  sheet: string,
  row: ReorganisationImportRow,
  audit: { userId: number; now: Date },
  applied: boolean,
): Promise<{ preview: ReorganisationPreview; errors: [] } | { preview: null; errors: ImportRowError[] }> {
  // a dissolution's "new" code is the existing area it goes into
  const into = row.kind === 'dissolve' ? row.toCodes : [];
  const codes = [...row.fromCodes, ...into, ...(row.parentCode === null ? [] : [row.parentCode])];
  const known = await loadImportExisting(trx, { areaCodes: codes, unitCodes: [], scopeRootId: rootId });
  const request = reorganisationRequestOfRow(sheet, row, known.areas);
  if (!request.input) return { preview: null, errors: request.errors };
  const input = request.input;
  const outside = [
    ...input.predecessorIds.map((id) => ({ id, field: 'predecessors' as const })),
    ...input.successors.flatMap((s) => (s.parentId === null ? [] : [{ id: s.parentId, field: 'parent' as const }])),
    ...(input.intoId === undefined ? [] : [{ id: input.intoId, field: 'into' as const }]),
    // a new province (no former area, no parent) is in no one's area but the admin's
    ...(input.predecessorIds.length === 0
      ? input.successors.flatMap((s) => (s.parentId === null ? [{ id: 0, field: 'parent' as const }] : []))
      : []),
  ].filter(({ id }) => known.scope !== null && !known.scope.has(id));
  if (outside.length > 0) {
    const codeOf = new Map([...known.areas.values()].map((a) => [a.id, a.code]));
    return {
      preview: null,
      errors: reorganisationPlanErrors(
        sheet,
        row.row,
        outside.map(({ id, field }) => ({
          vi:
            id === 0
              ? 'Chỉ quản trị hệ thống mới thành lập được tỉnh mới.'
              : `Địa bàn "${codeOf.get(id) ?? id}" nằm ngoài địa bàn bạn được giao.`,
          en:
            id === 0
              ? 'Only an administrator can establish a new province.'
              : `The area "${codeOf.get(id) ?? id}" is outside the area assigned to you.`,
          field,
        })),
      ),
    };
  }
  const plan = planReorganisation(input, await loadReorganisationContext(trx, input.predecessorIds));
  if (plan.errors.length > 0) return { preview: null, errors: reorganisationPlanErrors(sheet, row.row, plan.errors) };
  try {
    return { preview: await reorganiseInTransaction(trx, input, audit, applied), errors: [] };
  } catch (error) {
    // reorganise refuses before writing anything (a locked file of a unit that would end)
    if (error instanceof DomainError) {
      return {
        preview: null,
        errors: reorganisationPlanErrors(sheet, row.row, [{ ...error.text, field: 'predecessors' }]),
      };
    }
    throw error;
  }
}

function summarize(
  input: ImportFileInput,
  tables: Awaited<ReturnType<typeof readImportFile>>,
  plan: ImportPlan,
  applied: boolean,
  reorganisations: ImportReorganisationRow[] = [],
  reorganisationErrors: ImportRowError[] = [],
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
    errors: cut([...plan.errors, ...reorganisationErrors]),
    errorCount: plan.errors.length + reorganisationErrors.length,
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
    reorganisations: cut(reorganisations),
    truncated,
  };
}

/**
 * Reads and plans an import file without writing anything (`imports.dryRun`). A file with reorganisation rows is
 * imported in a transaction that is rolled back: each row is planned on the tree the rows before leave, and
 * answers what it touches as the "Sắp xếp địa bàn" page's dry run does.
 */
export async function dryRunImport(ctx: Context & { user: User }, input: ImportFileInput): Promise<ImportResult> {
  const rootId = scopeRootId(ctx.user);
  const tables = await readImportFile(input);
  const reorganising = tables.some((t) => t.table === 'reorganisations' && t.rows.length > 0);
  if (reorganising) return runImport(ctx, input, tables, rootId, false);
  const { plan } = await planFile(ctx.db, input, rootId, tables);
  return summarize(input, tables, plan, false);
}

/**
 * Imports a file (`imports.commit`): plans it again inside one transaction and, when it has no error, writes
 * every row and an audit record per record, refreshes the stored results it can move, then does the
 * reorganisation rows in row order, each audited as the operation is; any error and nothing is written.
 */
export async function commitImport(ctx: Context & { user: User }, input: ImportFileInput): Promise<ImportResult> {
  const rootId = scopeRootId(ctx.user);
  const tables = await readImportFile(input);
  return runImport(ctx, input, tables, rootId, true);
}

async function runImport(
  ctx: Context & { user: User },
  input: ImportFileInput,
  tables: Awaited<ReturnType<typeof readImportFile>>,
  rootId: number | null,
  commit: boolean,
): Promise<ImportResult> {
  const now = ctx.now();
  // rolled back unless the whole file was written (a dry run, or an error in any row)
  return rolledBackIf<ImportResult>(
    (result) => !result.applied,
    ctx.db,
    async (trx) => {
      const { existing, plan, validated } = await planFile(trx, input, rootId, tables);
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
      const done: ImportReorganisationRow[] = [];
      const errors: ImportRowError[] = [];
      for (const table of validated) {
        if (table.table !== 'reorganisations') continue;
        for (const row of table.rows) {
          const outcome = await reorganiseRow(trx, rootId, table.sheet, row, { userId: ctx.user.id, now }, commit);
          if (outcome.preview)
            done.push({ sheet: table.sheet, row: row.row, kind: row.kind, preview: outcome.preview });
          else errors.push(...outcome.errors);
        }
      }
      return summarize(input, tables, plan, commit && errors.length === 0, done, errors);
    },
  );
}
