import {
  AREA_KIND_IMPORT_LABELS,
  AREA_KINDS,
  ENTERPRISE_SIZE_LABELS,
  ENTERPRISE_SIZES,
  IMPORT_TABLE_LABELS,
  importColumns,
  MANAGING_LEVEL_LABELS,
  MANAGING_LEVELS,
  SCHOOL_LEVEL_LABELS,
  SCHOOL_LEVELS,
  templateHeader,
  toCsv,
  UNIT_TYPE_LABELS,
  UNIT_TYPES,
  type ImportTable,
} from '@antoan/core';
import ExcelJS from 'exceljs';
import { pageSetupOf } from '../http/xlsx-writer.js';

// The import template: an instructions sheet (with an example row per table), one empty sheet per table
// with the Vietnamese headers, notes and widths, and a sheet of the accepted values. Examples stay on the
// instructions sheet so that a template imported as it is creates nothing.

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const TEXT_FORMAT = '@';

const INSTRUCTIONS = [
  'Tệp mẫu nhập địa bàn và đơn vị — phong trào Toàn dân bảo vệ an ninh Tổ quốc',
  '',
  '1. Nhập địa bàn ở trang "Địa bàn" và đơn vị ở trang "Đơn vị" (có thể chỉ dùng một trang). Không đổi tên cột; có thể thêm cột ghi chú, hệ thống bỏ qua.',
  '2. Cột có dấu * là bắt buộc. Mỗi dòng một địa bàn hoặc một đơn vị; dòng trống được bỏ qua.',
  '3. Mã là khóa nhận diện: nhập lại cùng mã sẽ cập nhật bản ghi đó (tên, cấp quản lý…), không tạo trùng. Nhập lại đúng tệp cũ không thay đổi gì.',
  '4. Loại, cấp quản lý, quy mô, cấp học: ghi mã hoặc tên như ở trang "Danh mục" (không phân biệt hoa thường, có dấu hay không dấu).',
  '5. Ngày ghi dạng dd/mm/yyyy, ví dụ 01/07/2025.',
  '6. Đơn vị được phép nằm ở địa bàn tạo mới trong cùng tệp. Chỉ được nhập trong địa bàn được giao; không đổi được cấp, địa bàn cấp trên của địa bàn hay loại của đơn vị qua tệp.',
  // The page and its buttons as the SPA names them (apps/admin i18n: nav_import, dryRun, importNow).
  '7. Trên trang "Nhập, xuất dữ liệu": chọn tệp, bấm "Chạy thử" để xem lỗi theo dòng, cột và những gì sẽ tạo mới, cập nhật; sửa hết lỗi rồi bấm "Nhập dữ liệu". Việc nhập là trọn gói: có một lỗi thì không ghi gì.',
  '8. Có thể lưu từng trang thành CSV UTF-8 và nhập tệp CSV với cùng dòng tiêu đề.',
  '9. Trang "Sắp xếp địa bàn": mỗi dòng một lần sáp nhập, chia tách, đổi tên, chuyển nơi trực thuộc hoặc giải thể, có ngày hiệu lực và nghị quyết. Các dòng được thực hiện theo thứ tự, sau trang "Địa bàn" và "Đơn vị": địa bàn cũ và đơn vị của nó kết thúc ngày hiệu lực, địa bàn mới và đơn vị kế thừa bắt đầu từ ngày đó; số liệu các năm trước giữ nguyên. Khi chia tách, các đơn vị chuyển sang địa bàn mới đầu tiên (sau đó chuyển từng đơn vị ở trang Đơn vị). "Chạy thử" cho biết từng dòng động đến địa bàn, đơn vị nào và số liệu năm nay trước, sau.',
];

/** The instructions and the value lists print one page wide too, in portrait. */
const ONE_PAGE_WIDE: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'portrait',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};

function addTableSheet(workbook: ExcelJS.Workbook, table: ImportTable): void {
  const columns = importColumns(table);
  const sheet = workbook.addWorksheet(IMPORT_TABLE_LABELS[table].vi, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: pageSetupOf(columns, 1),
  });
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width, style: { numFmt: TEXT_FORMAT } }));
  const header = sheet.getRow(1);
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = templateHeader(column);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.note = `${column.note.vi}\n\n${column.header.en}: ${column.note.en}`;
  });
  header.height = 30;
}

function addInstructions(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Hướng dẫn', { pageSetup: ONE_PAGE_WIDE });
  sheet.getColumn(1).width = 30;
  sheet.getColumn(2).width = 12;
  sheet.getColumn(3).width = 100;
  for (const line of INSTRUCTIONS) {
    const row = sheet.addRow([line]);
    if (line === INSTRUCTIONS[0]) row.font = { bold: true, size: 14 };
  }
  for (const table of ['areas', 'units', 'reorganisations'] as const) {
    sheet.addRow([]);
    sheet.addRow([`Trang "${IMPORT_TABLE_LABELS[table].vi}"`]).font = { bold: true, size: 12 };
    const head = sheet.addRow(['Cột', 'Bắt buộc', 'Nội dung']);
    head.font = { bold: true };
    head.eachCell((cell) => (cell.fill = HEADER_FILL));
    for (const column of importColumns(table)) {
      const row = sheet.addRow([column.header.vi, column.required ? 'Có' : '', column.note.vi]);
      row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    }
    sheet.addRow([]);
    sheet.addRow(['Dòng ví dụ (chép sang trang nhập nếu cần, rồi sửa):']).font = { italic: true };
    const exampleHead = sheet.addRow([]);
    const example = sheet.addRow([]);
    importColumns(table).forEach((column, i) => {
      const headCell = exampleHead.getCell(i + 1);
      headCell.value = templateHeader(column);
      headCell.font = { bold: true };
      const cell = example.getCell(i + 1);
      cell.value = column.example;
      cell.numFmt = TEXT_FORMAT;
      cell.font = { italic: true, color: { argb: 'FF595959' } };
    });
  }
}

function addValueLists(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Danh mục', { pageSetup: ONE_PAGE_WIDE });
  const lists: [string, [string, string][]][] = [
    ['Loại địa bàn', AREA_KINDS.map((k) => [AREA_KIND_IMPORT_LABELS[k].vi, k])],
    ['Loại đơn vị', UNIT_TYPES.map((t) => [t, UNIT_TYPE_LABELS[t].vi])],
    ['Cấp quản lý', MANAGING_LEVELS.map((l) => [MANAGING_LEVEL_LABELS[l].vi, l])],
    [
      'Thuộc lực lượng vũ trang',
      [
        ['Có', 'yes'],
        ['Không', 'no'],
      ],
    ],
    ['Quy mô doanh nghiệp', ENTERPRISE_SIZES.map((s) => [ENTERPRISE_SIZE_LABELS[s].vi, s])],
    ['Cấp học', SCHOOL_LEVELS.map((s) => [SCHOOL_LEVEL_LABELS[s].vi, s])],
    [
      'Loại sắp xếp',
      [
        ['Sáp nhập', 'merge'],
        ['Chia tách', 'split'],
        ['Đổi tên', 'rename'],
        ['Chuyển nơi trực thuộc', 'move'],
        ['Giải thể', 'dissolve'],
        ['Thành lập mới', 'establish'],
      ],
    ],
  ];
  lists.forEach(([title, values], i) => {
    const column = i * 3 + 1;
    sheet.getColumn(column).width = 32;
    sheet.getColumn(column + 1).width = 22;
    const head = sheet.getCell(1, column);
    head.value = title;
    head.font = { bold: true };
    head.fill = HEADER_FILL;
    sheet.getCell(1, column + 1).value = 'Mã / tên khác';
    sheet.getCell(1, column + 1).font = { bold: true };
    values.forEach(([label, alias], j) => {
      sheet.getCell(j + 2, column).value = label;
      sheet.getCell(j + 2, column + 1).value = alias;
    });
  });
}

/** The XLSX import template: "Hướng dẫn", "Địa bàn", "Đơn vị", "Sắp xếp địa bàn", "Danh mục". */
export async function buildImportTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'An Toàn';
  workbook.created = new Date(Date.UTC(2025, 0, 1));
  addInstructions(workbook);
  addTableSheet(workbook, 'areas');
  addTableSheet(workbook, 'units');
  addTableSheet(workbook, 'reorganisations');
  addValueLists(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The CSV import template of one table: its header row (UTF-8 with BOM, as Excel opens it). */
export function importTemplateCsv(table: ImportTable): string {
  return toCsv([importColumns(table).map(templateHeader)]);
}
