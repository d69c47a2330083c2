import type { LocalizedText } from '../errors.js';
import type { ReorganisationErrorField, ReorganisationInput, ReorganisationPlan } from '../reorganisation.js';
import type { ReorganisationKind } from '../reorganisation-terms.js';
import type { Area, AreaKind } from '../units.js';
import { REORGANISATION_IMPORT_COLUMNS } from './import-columns.js';
import type { ImportRowError } from './import-rows.js';

// A row of the reorganisations sheet as a request of planReorganisation (the operation of the "Sắp xếp địa bàn"
// page), and planReorganisation's reasons as errors of that row. The rows are planned one after the other on
// the tree as the rows before leave it, so the caller resolves the codes of each row when its turn comes.

/**
 * A valid row of the reorganisations table: the operation, the former areas' codes, the successors' codes and
 * names (as many of each), their kind and parent when given, the effective date and the legal act (ISO dates).
 *
 * @example
 * ```ts
 * const r: ReorganisationImportRow = { row: 2, kind: 'merge', fromCodes: ['QB-BD-QTHUY', 'QB-BD-QVAN'], toCodes: ['QB-BD-QTV'],
 *   toNames: ['Quảng Thủy Văn'], toKind: null, parentCode: null, effectiveDate: '2025-07-01',
 *   legalNumber: '1680/NQ-UBTVQH15', legalDate: '2025-06-16' };
 * ```
 */
export interface ReorganisationImportRow {
  row: number;
  kind: ReorganisationKind;
  fromCodes: string[];
  toCodes: string[];
  toNames: string[];
  toKind: AreaKind | null;
  parentCode: string | null;
  effectiveDate: string;
  legalNumber: string;
  legalDate: string;
}

/**
 * The checks across the cells of a reorganisations row (zod has parsed each cell): how many former and new codes
 * the kind takes (establishing: no former area, a kind; dissolving: at most one "new" code, the existing area it
 * goes into, and no name), as many names as new codes, a parent for a move. Each problem names the field it is
 * about.
 *
 * @example
 * ```ts
 * checkReorganisationRow({ ...row, kind: 'move', parentCode: null }); // [['parentCode', { vi: 'Bắt buộc khi chuyển nơi trực thuộc.', … }]]
 * ```
 */
export function checkReorganisationRow(
  row: Omit<ReorganisationImportRow, 'row'>,
): [field: string, message: LocalizedText][] {
  const problems: [field: string, message: LocalizedText][] = [];
  const many = row.kind === 'merge';
  if (row.kind === 'establish') {
    if (row.fromCodes.length > 0)
      problems.push([
        'fromCodes',
        {
          vi: 'Thành lập mới không có địa bàn cũ: để trống cột này.',
          en: 'Establishing has no former area: leave this column empty.',
        },
      ]);
    if (row.toKind === null)
      problems.push(['toKind', { vi: 'Bắt buộc khi thành lập mới.', en: 'Required when establishing.' }]);
  } else if (row.fromCodes.length === 0) problems.push(['fromCodes', { vi: 'Bắt buộc nhập', en: 'Required' }]);
  else if (many ? row.fromCodes.length < 2 : row.fromCodes.length > 1)
    problems.push([
      'fromCodes',
      many
        ? {
            vi: 'Sáp nhập cần từ 2 mã địa bàn cũ, cách nhau bằng ";".',
            en: 'A merge needs two or more former area codes, separated by ";".',
          }
        : {
            vi: 'Chỉ ghi một mã địa bàn cũ (nhiều mã chỉ dùng khi sáp nhập).',
            en: 'Give one former area code (several only for a merge).',
          },
    ]);
  if (row.kind === 'dissolve') {
    if (row.toCodes.length > 1 || row.toNames.length > 0)
      problems.push([
        'toCodes',
        {
          vi: 'Giải thể không có địa bàn mới: để trống, hoặc ghi một mã địa bàn đang có tiếp nhận địa bàn giải thể (không ghi tên).',
          en: 'A dissolution has no new area: leave it empty, or give the code of one existing area that takes the dissolved one over (no name).',
        },
      ]);
    return problems;
  }
  if (row.toCodes.length === 0) problems.push(['toCodes', { vi: 'Bắt buộc nhập', en: 'Required' }]);
  else if (row.kind === 'split' ? row.toCodes.length < 2 : row.kind !== 'establish' && row.toCodes.length > 1)
    problems.push([
      'toCodes',
      row.kind === 'split'
        ? {
            vi: 'Chia tách cần từ 2 mã địa bàn mới, cách nhau bằng ";".',
            en: 'A split needs two or more new area codes, separated by ";".',
          }
        : {
            vi: 'Chỉ ghi một mã địa bàn mới (nhiều mã chỉ dùng khi chia tách).',
            en: 'Give one new area code (several only for a split).',
          },
    ]);
  if (row.toNames.length !== row.toCodes.length)
    problems.push([
      'toNames',
      {
        vi: `Cần ${row.toCodes.length} tên địa bàn mới (cùng số với mã), cách nhau bằng ";"; đang có ${row.toNames.length}.`,
        en: `Needs ${row.toCodes.length} new area name(s) (as many as codes), separated by ";"; there are ${row.toNames.length}.`,
      },
    ]);
  if (row.kind === 'move' && row.parentCode === null)
    problems.push(['parentCode', { vi: 'Bắt buộc khi chuyển nơi trực thuộc.', en: 'Required for a move.' }]);
  return problems;
}

const PLAN_FIELD_COLUMN: Record<ReorganisationErrorField, string> = {
  predecessors: 'fromCodes',
  successors: 'toCodes',
  successorKind: 'toKind',
  parent: 'parentCode',
  into: 'toCodes',
};

function rowError(sheet: string, row: number, field: string, message: ImportRowError['message']): ImportRowError {
  const column = REORGANISATION_IMPORT_COLUMNS.find((c) => c.key === field);
  return { sheet, row, column: column?.header.vi ?? field, field, message };
}

/**
 * The reorganisation request of a row, its codes resolved against the areas (by code; the areas the file's
 * other sheets and earlier rows created included), or the row's errors: an unknown former area, parent or area
 * a dissolved one goes into (a dissolution's "new" code). A successor takes the kind and the parent of the
 * (first) former area unless the row gives them; an established area has the row's kind and parent (none: a
 * province).
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
  let intoId: number | undefined;
  const intoCode = row.kind === 'dissolve' ? row.toCodes[0] : undefined;
  if (intoCode !== undefined) {
    intoId = areas.get(intoCode)?.id;
    if (intoId === undefined)
      errors.push(
        rowError(sheet, row.row, 'toCodes', {
          vi: `Không tìm thấy địa bàn tiếp nhận mã "${intoCode}".`,
          en: `No area with the code "${intoCode}" to go into.`,
        }),
      );
  }
  const first = predecessors[0];
  if (errors.length > 0) return { input: null, errors };
  if (row.kind === 'establish' || row.kind === 'dissolve') {
    const kind = row.toKind ?? first?.kind;
    return {
      input: {
        kind: row.kind,
        effectiveDate: row.effectiveDate,
        legalBasis: { number: row.legalNumber, date: row.legalDate },
        predecessorIds: predecessors.map((a) => a.id),
        successors:
          row.kind === 'dissolve' || kind === undefined
            ? []
            : row.toCodes.map((code, i) => ({ code, name: row.toNames[i] ?? code, kind, parentId })),
        ...(intoId === undefined ? {} : { intoId }),
      },
      errors: [],
    };
  }
  if (!first) return { input: null, errors };
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
