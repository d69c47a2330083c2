import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

// Writes workbooks as a stream with exceljs's WorkbookWriter: each row is committed as soon as it is made,
// so an export holds one batch of rows at a time whatever its size. Every text is a string cell (a shared
// string, never a formula: no spreadsheet runs it, and it shows exactly as stored, without the apostrophe
// that escaping needs in a CSV), dates are real dates shown dd/mm/yyyy.

/**
 * A cell of an export: text (escaped against formulas), a number, empty, an ISO date, a share in [0, 1]
 * shown as a percentage, or text with emphasis (titles, totals).
 */
export type ExportCell =
  | string
  | number
  | null
  | undefined
  | { date: string | null }
  | { percent: number | null }
  | { text: string; bold?: boolean; italic?: boolean; size?: number };

export interface ExportColumn {
  header: string;
  /** Width in characters. */
  width: number;
}

export interface ExportSheet {
  name: string;
  /** Lines above the table: the first is the title (bold, larger), the others notes. */
  title?: string[];
  columns: ExportColumn[];
  rows: AsyncIterable<ExportCell[]> | Iterable<ExportCell[]>;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF8EA9C1' } };

function isoToDate(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

/** A cell's value as exceljs takes it (empty text is no cell at all), and the format it needs, if any. */
function cellValue(
  value: ExportCell,
): { value: ExcelJS.CellValue; numFmt?: string; font?: Partial<ExcelJS.Font> } | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return { value };
  if (typeof value === 'number') return { value };
  if ('date' in value) return value.date === null ? null : { value: isoToDate(value.date), numFmt: 'dd/mm/yyyy' };
  if ('percent' in value) return value.percent === null ? null : { value: value.percent, numFmt: '0.00%' };
  return {
    value: value.text,
    font: { bold: value.bold ?? false, italic: value.italic ?? false, ...(value.size ? { size: value.size } : {}) },
  };
}

/**
 * Cell styles shared by every cell that looks the same: exceljs caches a style's id per style object, so
 * one object per look (instead of one per cell) spares it serialising a style for each of millions of cells.
 */
const PLAIN_STYLE: Partial<ExcelJS.Style> = {};
const styles = new Map<string, Partial<ExcelJS.Style>>();
function sharedStyle(numFmt: string | undefined, font: Partial<ExcelJS.Font> | undefined): Partial<ExcelJS.Style> {
  const key = JSON.stringify([numFmt ?? null, font ?? null]);
  let style = styles.get(key);
  if (!style) styles.set(key, (style = { ...(numFmt ? { numFmt } : {}), ...(font ? { font } : {}) }));
  return style;
}

/** Adds a row: the values in one call (the fast path of exceljs), every cell on a shared style. */
function addRow(sheet: ExcelJS.Worksheet, cells: readonly ExportCell[]): ExcelJS.Row {
  const values: ExcelJS.CellValue[] = [];
  let formatted: { at: number; style: Partial<ExcelJS.Style> }[] | undefined;
  cells.forEach((cell, i) => {
    const converted = cellValue(cell);
    values[i] = converted?.value ?? null;
    if (converted && (converted.numFmt || converted.font))
      (formatted ??= []).push({ at: i + 1, style: sharedStyle(converted.numFmt, converted.font) });
  });
  const row = sheet.addRow(values);
  row.eachCell((cell) => {
    cell.style = PLAIN_STYLE;
  });
  for (const f of formatted ?? []) row.getCell(f.at).style = f.style;
  return row;
}

/**
 * The stream exceljs feeds a worksheet's XML into: its StreamBuf pipes into the zip archiver's PassThrough
 * without heeding its return value, so nothing slows the rows down when compression falls behind, and the
 * uncompressed sheet piles up in memory (about 600 bytes a row). We watch that PassThrough ourselves.
 */
function zipInputOf(sheet: ExcelJS.Worksheet): ZipInput | undefined {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes;
  const first = (Array.isArray(pipes) ? pipes[0] : undefined) as Partial<ZipInput> | undefined;
  return first && typeof first.once === 'function' && typeof first._writableState === 'object'
    ? (first as ZipInput)
    : undefined;
}

/** A writable of readable-stream 2 (archiver's), which has no `writableNeedDrain` getter. */
interface ZipInput {
  once(event: 'drain', listener: () => void): unknown;
  destroyed?: boolean;
  _writableState: { needDrain?: boolean };
}

/**
 * Lets the event loop turn (compression runs in zlib callbacks and the response is written by socket
 * callbacks, none of which run while rows are made from synchronous SQLite reads), then waits while the
 * zip's input or the destination (a slow client) asks to slow down: memory stays at about one batch.
 */
async function drained(output: Writable, zipInput: ZipInput | undefined): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  while (zipInput?._writableState.needDrain && !zipInput.destroyed && !output.destroyed) {
    await new Promise<void>((resolve) => zipInput.once('drain', resolve));
  }
  if (output.writableNeedDrain && !output.destroyed) await once(output, 'drain');
}

/** Tables wider than this many characters print in landscape (an A4 portrait page holds about 90). */
const PORTRAIT_MAX_WIDTH = 90;

/**
 * How a sheet prints: one page wide (exceljs needs `fitToPage` for `fitToWidth` to count; `fitToHeight: 0`
 * lets the rows run on to as many pages as they need), on A4, in landscape when the columns are wide, with
 * the header row repeated on every page.
 */
export function pageSetupOf(
  columns: readonly Pick<ExportColumn, 'width'>[],
  headerRow: number,
): Partial<ExcelJS.PageSetup> {
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  return {
    paperSize: 9,
    orientation: width > PORTRAIT_MAX_WIDTH ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
}

/**
 * Streams a workbook to `output` (an HTTP response, a file). Resolves when the whole file is written; rejects
 * if a row source fails (the output then holds a truncated file, which the caller must discard).
 */
export async function writeXlsx(output: Writable, sheets: readonly ExportSheet[]): Promise<void> {
  // Fast compression (level 1): deflate, not the database, would otherwise set the pace of a big export.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  });
  workbook.creator = 'An Toàn';
  for (const spec of sheets) {
    const title = spec.title ?? [];
    const headerRow = title.length > 0 ? title.length + 2 : 1;
    const sheet = workbook.addWorksheet(spec.name.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: headerRow }],
      pageSetup: pageSetupOf(spec.columns, headerRow),
    });
    sheet.columns = spec.columns.map((c) => ({ width: c.width }));
    title.forEach((line, i) => {
      const row = sheet.addRow([line]);
      row.getCell(1).font = i === 0 ? { bold: true, size: 14 } : { italic: true };
      row.commit();
    });
    if (title.length > 0) sheet.addRow([]).commit();
    const header = sheet.addRow(spec.columns.map((c) => c.header));
    header.eachCell((cell) => {
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    });
    header.commit();
    const zipInput = zipInputOf(sheet);
    let count = 0;
    for await (const values of spec.rows) {
      addRow(sheet, values).commit();
      if (++count % 500 === 0) await drained(output, zipInput);
    }
    sheet.commit();
  }
  await workbook.commit();
}

/**
 * A `Content-Disposition` header for a download: an ASCII `filename` for old clients and the real
 * (Vietnamese) name as RFC 5987 `filename*`.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{Mn}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._ -]+/g, '_');
  const encoded = encodeURIComponent(fileName.normalize('NFC')).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
