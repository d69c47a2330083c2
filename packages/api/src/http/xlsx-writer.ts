import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { escapeSpreadsheetText } from '@antoan/core';
import ExcelJS from 'exceljs';

// Writes workbooks as a stream with exceljs's WorkbookWriter: each row is committed as soon as it is made,
// so an export holds one batch of rows at a time whatever its size. Every text cell goes through core's
// escapeSpreadsheetText (no formula ever runs), dates are real dates shown dd/mm/yyyy.

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

function setCell(cell: ExcelJS.Cell, value: ExportCell): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'string') {
    cell.value = escapeSpreadsheetText(value);
  } else if (typeof value === 'number') {
    cell.value = value;
  } else if ('date' in value) {
    if (value.date === null) return;
    cell.value = isoToDate(value.date);
    cell.numFmt = 'dd/mm/yyyy';
  } else if ('percent' in value) {
    if (value.percent === null) return;
    cell.value = value.percent;
    cell.numFmt = '0.00%';
  } else {
    cell.value = escapeSpreadsheetText(value.text);
    cell.font = { bold: value.bold ?? false, italic: value.italic ?? false, ...(value.size ? { size: value.size } : {}) };
  }
}

/** Waits while the destination asks the writers to slow down (a slow client). */
async function drained(output: Writable): Promise<void> {
  if (output.writableNeedDrain && !output.destroyed) await once(output, 'drain');
}

/**
 * Streams a workbook to `output` (an HTTP response, a file). Resolves when the whole file is written; rejects
 * if a row source fails (the output then holds a truncated file, which the caller must discard).
 */
export async function writeXlsx(output: Writable, sheets: readonly ExportSheet[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'An Toàn';
  for (const spec of sheets) {
    const title = spec.title ?? [];
    const headerRow = title.length > 0 ? title.length + 2 : 1;
    const sheet = workbook.addWorksheet(spec.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: headerRow }] });
    sheet.columns = spec.columns.map((c) => ({ width: c.width }));
    title.forEach((line, i) => {
      const row = sheet.addRow([escapeSpreadsheetText(line)]);
      row.getCell(1).font = i === 0 ? { bold: true, size: 14 } : { italic: true };
      row.commit();
    });
    if (title.length > 0) sheet.addRow([]).commit();
    const header = sheet.addRow(spec.columns.map((c) => escapeSpreadsheetText(c.header)));
    header.eachCell((cell) => {
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    });
    header.commit();
    let count = 0;
    for await (const values of spec.rows) {
      const row = sheet.addRow([]);
      values.forEach((value, i) => setCell(row.getCell(i + 1), value));
      row.commit();
      if (++count % 1000 === 0) await drained(output);
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
  const encoded = encodeURIComponent(fileName.normalize('NFC')).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
