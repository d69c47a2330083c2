import {
  detectImportTable,
  DomainError,
  foldForSearch,
  IMPORT_TABLES,
  MAX_IMPORT_BYTES,
  normalizeImportText,
  parseCsv,
  type ImportFileInput,
  type ImportRawTable,
} from '@antoan/core';
import { readXlsxSheets, tooManyCells, tooManyRows, XLSX_LIMITS } from './xlsx-worker.js';

// Reads an uploaded import file into raw tables (header row and data rows with their spreadsheet row
// numbers): XLSX with exceljs in a worker thread, within bounds (xlsx-worker.ts), CSV with core's RFC 4180 parser after decoding (UTF-8 with or without BOM,
// UTF-16 with BOM). Validation is core's.

/** More rows than this in one sheet is refused before validation (a 10 MB file holds about 100,000). */
export const MAX_IMPORT_ROWS = XLSX_LIMITS.maxRows;

const TEMPLATE_ONLY_SHEETS = new Set(['huong dan', 'danh muc']);

const invalid = (vi: string, en: string) => new DomainError('INVALID', { vi, en });

/** The file's bytes from base64 (or a `data:` URL), refusing bad encodings and files over 10 MB. */
export function decodeImportContent(contentBase64: string): Buffer {
  const base64 = contentBase64.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 === 1) {
    throw invalid('Nội dung tệp không đúng mã base64.', 'The file content is not valid base64.');
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw invalid('Tệp rỗng.', 'The file is empty.');
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw invalid(
      `Tệp quá lớn (${(bytes.length / 1024 / 1024).toFixed(1)} MB): tối đa 10 MB. Hãy chia thành nhiều tệp.`,
      `The file is too large (${(bytes.length / 1024 / 1024).toFixed(1)} MB): at most 10 MB. Split it into several files.`,
    );
  }
  return bytes;
}

/** CSV bytes as text: UTF-8 (a BOM is dropped) or UTF-16 LE/BE with a BOM; anything else is refused. */
export function decodeCsvText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return new TextDecoder('utf-16le').decode(swapped);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalid(
      'Tệp CSV không phải mã UTF-8. Trong Excel chọn Lưu thành "CSV UTF-8 (phân tách bằng dấu phẩy)".',
      'The CSV file is not UTF-8. In Excel, save as "CSV UTF-8 (Comma delimited)".',
    );
  }
}

const NO_TABLE = {
  vi: 'Không nhận ra bảng nào: dòng tiêu đề phải có cột "Mã đơn vị" (bảng đơn vị), "Mã địa bàn" và "Tên địa bàn" (bảng địa bàn) hoặc "Loại sắp xếp" và "Mã địa bàn cũ" (bảng sắp xếp địa bàn). Hãy dùng tệp mẫu.',
  en: 'No table recognised: the header row needs a "Mã đơn vị" column (units), "Mã địa bàn" and "Tên địa bàn" (areas) or "Loại sắp xếp" and "Mã địa bàn cũ" (reorganisations). Use the template.',
};

/** The header is the first record (among the first ten) that names a table. */
function findHeader(records: readonly { row: number; cells: string[] }[]) {
  for (const record of records.slice(0, 10)) {
    const table = detectImportTable(record.cells.map(normalizeImportText));
    if (table) return { table, record };
  }
  return undefined;
}

function readCsv(bytes: Buffer, fileName: string): ImportRawTable[] {
  const records = parseCsv(decodeCsvText(bytes)).map((cells, i) => ({ row: i + 1, cells }));
  if (records.length > MAX_IMPORT_ROWS) throw tooManyRows(fileName);
  let cells = 0;
  for (const record of records) cells += record.cells.length;
  if (cells > XLSX_LIMITS.maxCells) throw tooManyCells();
  const header = findHeader(records);
  if (!header) throw new DomainError('INVALID', NO_TABLE);
  return [
    {
      table: header.table,
      sheet: fileName,
      headerRow: header.record.row,
      headers: header.record.cells,
      rows: records.filter((r) => r.row > header.record.row),
    },
  ];
}

async function readXlsx(bytes: Buffer): Promise<ImportRawTable[]> {
  const tables: ImportRawTable[] = [];
  for (const sheet of await readXlsxSheets(bytes)) {
    // The template's own instructions and value lists are never data.
    if (TEMPLATE_ONLY_SHEETS.has(foldForSearch(sheet.name))) continue;
    const header = findHeader(sheet.records);
    if (!header) continue;
    tables.push({
      table: header.table,
      sheet: sheet.name,
      headerRow: header.record.row,
      headers: header.record.cells,
      rows: sheet.records.filter((r) => r.row > header.record.row),
    });
  }
  if (tables.length === 0) throw new DomainError('INVALID', NO_TABLE);
  // Areas first: units may name areas the same file creates; reorganisations last, done after both.
  return tables.sort((a, b) => IMPORT_TABLES.indexOf(a.table) - IMPORT_TABLES.indexOf(b.table));
}

/**
 * Reads an import file into its tables (an XLSX workbook may hold an areas sheet and a units sheet; sheets
 * without a recognised header, such as the template's instructions, are skipped). Throws
 * `DomainError('INVALID')` with a message in both languages for a file that cannot be read.
 */
export async function readImportFile(
  input: Pick<ImportFileInput, 'format' | 'fileName' | 'contentBase64'>,
): Promise<ImportRawTable[]> {
  const bytes = decodeImportContent(input.contentBase64);
  if (input.format === 'csv') return readCsv(bytes, input.fileName);
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw invalid(
      'Tệp không phải Excel (.xlsx). Tệp .xls cũ hãy lưu lại dạng .xlsx; tệp CSV hãy chọn định dạng CSV.',
      'The file is not an Excel workbook (.xlsx). Save an old .xls file as .xlsx; for a CSV file choose the CSV format.',
    );
  }
  return readXlsx(bytes);
}
