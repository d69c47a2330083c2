import type { ReorganisationErrorField, ReorganisationInput, ReorganisationPlan } from '../reorganisation.js';
import type { Area } from '../units.js';
import { REORGANISATION_IMPORT_COLUMNS } from './import-columns.js';
import type { ImportRowError, ReorganisationImportRow } from './import-rows.js';

// A row of the reorganisations sheet as a request of planReorganisation (the operation of the "Sắp xếp địa bàn"
// page), and planReorganisation's reasons as errors of that row. The rows are planned one after the other on
// the tree as the rows before leave it, so the caller resolves the codes of each row when its turn comes.

const PLAN_FIELD_COLUMN: Record<ReorganisationErrorField, string> = {
  predecessors: 'fromCodes',
  successors: 'toCodes',
  successorKind: 'toKind',
  parent: 'parentCode',
};

function rowError(sheet: string, row: number, field: string, message: ImportRowError['message']): ImportRowError {
  const column = REORGANISATION_IMPORT_COLUMNS.find((c) => c.key === field);
  return { sheet, row, column: column?.header.vi ?? field, field, message };
}

/**
 * The reorganisation request of a row, its codes resolved against the areas (by code; the areas the file's
 * other sheets and earlier rows created included), or the row's errors: an unknown former area or parent. A
 * successor takes the kind and the parent of the (first) former area unless the row gives them.
 *
 * @example
 * ```ts
 * const r = reorganisationRequestOfRow('Sắp xếp địa bàn', row, new Map(areas.map((a) => [a.code, a])));
 * if (r.input) planReorganisation(r.input, context); else r.errors; // [{ row: 2, column: 'Mã địa bàn cũ', … }]
 * ```
 */
export function reorganisationRequestOfRow(
  sheet: string,
  row: ReorganisationImportRow,
  areas: ReadonlyMap<string, Pick<Area, 'id' | 'code' | 'kind' | 'parentId'>>,
): { input: ReorganisationInput; errors: [] } | { input: null; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const predecessors = row.fromCodes.flatMap((code) => {
    const area = areas.get(code);
    if (!area)
      errors.push(
        rowError(sheet, row.row, 'fromCodes', {
          vi: `Không tìm thấy địa bàn mã "${code}".`,
          en: `No area with the code "${code}".`,
        }),
      );
    return area ? [area] : [];
  });
  let parentId: number | null = predecessors[0]?.parentId ?? null;
  if (row.parentCode !== null) {
    const parent = areas.get(row.parentCode);
    if (!parent)
      errors.push(
        rowError(sheet, row.row, 'parentCode', {
          vi: `Không tìm thấy địa bàn cấp trên mã "${row.parentCode}".`,
          en: `No parent area with the code "${row.parentCode}".`,
        }),
      );
    parentId = parent?.id ?? null;
  }
  const first = predecessors[0];
  if (errors.length > 0 || !first) return { input: null, errors };
  return {
    input: {
      kind: row.kind,
      effectiveDate: row.effectiveDate,
      legalBasis: { number: row.legalNumber, date: row.legalDate },
      predecessorIds: predecessors.map((a) => a.id),
      successors: row.toCodes.map((code, i) => ({
        code,
        name: row.toNames[i] ?? code,
        kind: row.toKind ?? first.kind,
        parentId,
      })),
    },
    errors: [],
  };
}

/**
 * planReorganisation's reasons (or any other refusal of the operation) as errors of the row, each in the column
 * it is about.
 *
 * @example
 * ```ts
 * reorganisationPlanErrors('Sắp xếp địa bàn', 3, plan.errors);
 * // [{ sheet: 'Sắp xếp địa bàn', row: 3, column: 'Mã địa bàn mới', field: 'toCodes', message: { vi: 'Mã địa bàn "QB" đã có.', … } }]
 * ```
 */
export function reorganisationPlanErrors(
  sheet: string,
  row: number,
  errors: readonly (ReorganisationPlan['errors'][number] | (ImportRowError['message'] & { field?: undefined }))[],
): ImportRowError[] {
  return errors.map(({ vi, en, field }) =>
    rowError(sheet, row, PLAN_FIELD_COLUMN[field ?? 'predecessors'], { vi, en }),
  );
}
