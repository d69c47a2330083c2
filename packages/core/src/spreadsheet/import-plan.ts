import type { LocalizedText } from '../errors.js';
import { AREA_KIND_LEVEL, type AreaLevel } from '../units.js';
import { importColumns, type ImportTable } from './import-columns.js';
import type { AreaImportRow, UnitImportRow, ValidatedImportTable } from './import-rows.js';

// The plan of an import: which rows create a record, which update one (and what changes), which change
// nothing, and what stops the import. Pure: the caller loads the existing records the file names and the
// areas the user may write in, and applies the plan in one transaction.
import type { ImportChange, ImportExisting, ImportPlan, ImportValue } from './import-plan.types.js';

export * from './import-plan.types.js';

const LEVEL_DEPTH: Record<AreaLevel, number> = { province: 0, district: 1, commune: 2 };

/** A unit's area or an area's parent that neither the system nor the file has. */
function unknownArea(field: 'areaCode' | 'parentCode', code: string): LocalizedText {
  return field === 'parentCode'
    ? {
        vi: `Không tìm thấy địa bàn cấp trên mã "${code}" (trong hệ thống hay ở dòng khác của tệp).`,
        en: `No parent area with the code "${code}" (in the system or on another row of the file).`,
      }
    : {
        vi: `Không tìm thấy địa bàn mã "${code}" (trong hệ thống hay ở bảng Địa bàn của tệp).`,
        en: `No area with the code "${code}" (in the system or in the file's Areas table).`,
      };
}

const OUT_OF_SCOPE: LocalizedText = {
  vi: 'nằm ngoài địa bàn bạn được giao',
  en: 'is outside the area assigned to you',
};

function columnLabel(table: ImportTable, field: string): LocalizedText {
  const column = importColumns(table).find((c) => c.key === field);
  return column ? column.header : { vi: field, en: field };
}

function diff<T extends object>(
  table: ImportTable,
  pairs: [keyof T & string, ImportValue, ImportValue][],
): ImportChange[] {
  return pairs
    .filter(([, before, after]) => before !== after)
    .map(([field, before, after]) => ({ field, column: columnLabel(table, field), before, after }));
}

/**
 * Plans an import from validated tables and the existing records: rows are matched by code (so importing
 * the same file twice plans nothing the second time), and checked against the tree and the user's scope —
 * a parent or unit area must exist (in the database or on another row), sit at a higher level, lie in the
 * user's scope; only an administrator creates provinces; an area's parent and level and a unit's type never
 * change through an import; villages and communes belong to a commune, one commune unit per commune.
 * Validation errors of the tables are carried over; reorganisation rows are only validated here (each is planned
 * by planReorganisation, on the tree as the rows before it leave it: see reorganisationRequestOfRow).
 *
 * @example
 * ```ts
 * const plan = planImport([validateImportTable(raw)], existing);
 * plan.units.update[0]?.changes; // [{ field: 'name', before: 'Thôn 1', after: 'Thôn Một', … }]
 * ```
 */
export function planImport(tables: readonly ValidatedImportTable[], existing: ImportExisting): ImportPlan {
  const plan: ImportPlan = {
    errors: [],
    areas: { create: [], update: [], unchanged: [] },
    units: { create: [], update: [], unchanged: [] },
  };
  const inScope = (areaId: number) => existing.scope === null || existing.scope.has(areaId);
  const areaRows = new Map<string, { sheet: string; row: AreaImportRow }>();
  const unitTables: { sheet: string; rows: UnitImportRow[] }[] = [];
  const fail = (table: ImportTable, sheet: string, row: number, field: string | null, message: LocalizedText) =>
    plan.errors.push({ sheet, row, column: field === null ? null : columnLabel(table, field).vi, field, message });
  const unitSheets = new Map<string, string>();
  const twice = (code: string, sheet: string): LocalizedText => ({
    vi: `Mã "${code}" đã có ở trang "${sheet}".`,
    en: `The code "${code}" already appears on the sheet "${sheet}".`,
  });
  for (const table of tables) {
    plan.errors.push(...table.errors);
    if (table.table === 'areas') {
      for (const row of table.rows) {
        const other = areaRows.get(row.code);
        if (other) fail('areas', table.sheet, row.row, 'code', twice(row.code, other.sheet));
        else areaRows.set(row.code, { sheet: table.sheet, row });
      }
    } else if (table.table === 'units') {
      const rows: UnitImportRow[] = [];
      for (const row of table.rows) {
        const other = unitSheets.get(row.code);
        if (other !== undefined) fail('units', table.sheet, row.row, 'code', twice(row.code, other));
        else {
          unitSheets.set(row.code, table.sheet);
          rows.push(row);
        }
      }
      unitTables.push({ sheet: table.sheet, rows });
    }
  }

  /** The level of an area the file or the database knows, or undefined. */
  const levelOf = (code: string): AreaLevel | undefined => {
    const fromFile = areaRows.get(code);
    if (fromFile) return AREA_KIND_LEVEL[fromFile.row.kind];
    return existing.areas.get(code)?.level;
  };

  // rows refused for other cells: their area is still looked up, so that all of a row's errors come at once
  for (const table of tables)
    for (const reference of table.references)
      if (levelOf(reference.code) === undefined)
        fail(table.table, table.sheet, reference.row, reference.field, unknownArea(reference.field, reference.code));

  for (const { sheet, row } of areaRows.values()) {
    const level = AREA_KIND_LEVEL[row.kind];
    const stored = existing.areas.get(row.code);
    let ok = true;
    if (row.parentCode !== null) {
      const parentLevel = levelOf(row.parentCode);
      const storedParent = existing.areas.get(row.parentCode);
      if (parentLevel === undefined) {
        fail('areas', sheet, row.row, 'parentCode', unknownArea('parentCode', row.parentCode));
        ok = false;
      } else if (LEVEL_DEPTH[parentLevel] >= LEVEL_DEPTH[level]) {
        fail('areas', sheet, row.row, 'parentCode', {
          vi: `Địa bàn cấp trên "${row.parentCode}" phải ở cấp cao hơn địa bàn này.`,
          en: `The parent area "${row.parentCode}" must be at a higher level than the area.`,
        });
        ok = false;
      } else if (storedParent && !areaRows.has(row.parentCode) && !inScope(storedParent.id) && !stored) {
        fail('areas', sheet, row.row, 'parentCode', {
          vi: `Địa bàn cấp trên "${row.parentCode}" ${OUT_OF_SCOPE.vi}.`,
          en: `The parent area "${row.parentCode}" ${OUT_OF_SCOPE.en}.`,
        });
        ok = false;
      }
    } else if (!stored && existing.scope !== null) {
      fail('areas', sheet, row.row, 'kind', {
        vi: 'Chỉ quản trị viên được tạo địa bàn cấp tỉnh.',
        en: 'Only an administrator may create a province.',
      });
      ok = false;
    }
    if (!stored) {
      if (row.validFrom === null) {
        fail('areas', sheet, row.row, 'validFrom', {
          vi: 'Bắt buộc nhập ngày bắt đầu hiệu lực khi tạo địa bàn mới.',
          en: 'A new area needs its start date.',
        });
        ok = false;
      }
      if (ok)
        plan.areas.create.push({
          sheet,
          row: row.row,
          code: row.code,
          name: row.name,
          values: row,
          existingId: null,
          changes: [],
        });
      continue;
    }
    if (!inScope(stored.id)) {
      fail('areas', sheet, row.row, 'code', {
        vi: `Địa bàn "${row.code}" ${OUT_OF_SCOPE.vi}.`,
        en: `The area "${row.code}" ${OUT_OF_SCOPE.en}.`,
      });
      continue;
    }
    if (stored.level !== level) {
      fail('areas', sheet, row.row, 'kind', {
        vi: `Không đổi được cấp của địa bàn "${row.code}" khi nhập tệp (đang là ${stored.kind}).`,
        en: `An import cannot change the level of the area "${row.code}" (now ${stored.kind}).`,
      });
      continue;
    }
    if (stored.parentCode !== row.parentCode) {
      fail('areas', sheet, row.row, 'parentCode', {
        vi: `Không đổi được địa bàn cấp trên của "${row.code}" khi nhập tệp (đang là "${stored.parentCode ?? ''}"): sáp nhập, chia tách ghi ở lịch sử địa bàn.`,
        en: `An import cannot move the area "${row.code}" to another parent (now "${stored.parentCode ?? ''}"): record merges and splits in the area's history.`,
      });
      continue;
    }
    const validFrom = row.validFrom ?? stored.validFrom;
    if (row.validTo !== null && row.validTo <= validFrom) {
      fail('areas', sheet, row.row, 'validTo', {
        vi: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.',
        en: 'The end date must follow the start date.',
      });
      continue;
    }
    const changes = diff<AreaImportRow>('areas', [
      ['name', stored.name, row.name],
      ['kind', stored.kind, row.kind],
      ['validFrom', stored.validFrom, validFrom],
      ['validTo', stored.validTo, row.validTo],
    ]);
    const entry = {
      sheet,
      row: row.row,
      code: row.code,
      name: row.name,
      values: { ...row, validFrom },
      existingId: stored.id,
      changes,
    };
    (changes.length > 0 ? plan.areas.update : plan.areas.unchanged).push(entry);
  }

  const communeRows = new Map<string, number>();
  for (const { sheet, rows } of unitTables) {
    for (const row of rows) {
      const stored = existing.units.get(row.code);
      const areaLevel = levelOf(row.areaCode);
      const storedArea = existing.areas.get(row.areaCode);
      if (areaLevel === undefined) {
        fail('units', sheet, row.row, 'areaCode', unknownArea('areaCode', row.areaCode));
        continue;
      }
      if (storedArea && !areaRows.has(row.areaCode) && !inScope(storedArea.id)) {
        fail('units', sheet, row.row, 'areaCode', {
          vi: `Địa bàn "${row.areaCode}" ${OUT_OF_SCOPE.vi}.`,
          en: `The area "${row.areaCode}" ${OUT_OF_SCOPE.en}.`,
        });
        continue;
      }
      if ((row.type === 'KDC' || row.type === 'XA') && areaLevel !== 'commune') {
        fail('units', sheet, row.row, 'areaCode', {
          vi: `${row.type === 'KDC' ? 'Khu dân cư' : 'Đơn vị cấp xã'} phải thuộc một xã, phường, thị trấn; "${row.areaCode}" không phải cấp xã.`,
          en: `A ${row.type === 'KDC' ? 'village' : 'commune unit'} must be in a commune; "${row.areaCode}" is not a commune.`,
        });
        continue;
      }
      if (row.type === 'XA') {
        const other = communeRows.get(row.areaCode);
        const storedCommune = storedArea ? existing.communeUnits.get(storedArea.id) : undefined;
        if (other !== undefined) {
          fail('units', sheet, row.row, 'areaCode', {
            vi: `Địa bàn "${row.areaCode}" đã có đơn vị cấp xã ở dòng ${other}.`,
            en: `The area "${row.areaCode}" already has a commune unit on row ${other}.`,
          });
          continue;
        }
        if (storedCommune !== undefined && storedCommune !== row.code) {
          fail('units', sheet, row.row, 'areaCode', {
            vi: `Địa bàn "${row.areaCode}" đã có đơn vị cấp xã "${storedCommune}".`,
            en: `The area "${row.areaCode}" already has the commune unit "${storedCommune}".`,
          });
          continue;
        }
        communeRows.set(row.areaCode, row.row);
      }
      if (!stored) {
        plan.units.create.push({
          sheet,
          row: row.row,
          code: row.code,
          name: row.name,
          values: row,
          existingId: null,
          changes: [],
        });
        continue;
      }
      if (!inScope(stored.areaId)) {
        fail('units', sheet, row.row, 'code', {
          vi: `Đơn vị "${row.code}" ${OUT_OF_SCOPE.vi}.`,
          en: `The unit "${row.code}" ${OUT_OF_SCOPE.en}.`,
        });
        continue;
      }
      if (stored.type !== row.type) {
        fail('units', sheet, row.row, 'type', {
          vi: `Không đổi được loại của đơn vị "${row.code}" (đang là ${stored.type}): kết quả các năm đã chấm theo loại này.`,
          en: `The type of the unit "${row.code}" cannot change (now ${stored.type}): its past years were assessed as that type.`,
        });
        continue;
      }
      const changes = diff<UnitImportRow>('units', [
        ['name', stored.name, row.name],
        ['areaCode', stored.areaCode, row.areaCode],
        ['managingLevel', stored.managingLevel, row.managingLevel],
        ['isArmedForces', stored.isArmedForces, row.isArmedForces],
        ['enterpriseSize', stored.enterpriseSize, row.enterpriseSize],
        ['schoolLevel', stored.schoolLevel, row.schoolLevel],
        // on an existing unit "Hiệu lực từ ngày" is the day its changes take effect, not a change itself
      ]);
      const entry = {
        sheet,
        row: row.row,
        code: row.code,
        name: row.name,
        values: row,
        existingId: stored.id,
        changes,
      };
      (changes.length > 0 ? plan.units.update : plan.units.unchanged).push(entry);
    }
  }
  plan.errors.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1));
  // all of a row's errors together, in the order of the file's sheets and rows
  const sheetOrder = new Map(tables.map((table, index) => [table.sheet, index]));
  plan.errors.sort((a, b) => (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || a.row - b.row);
  return plan;
}
