import { DomainError } from '../errors.js';
import { escapeSpreadsheetText } from './cell-text.js';

/** The field separators {@link parseCsv} recognises. @example `const d: CsvDelimiter = ';';` */
export type CsvDelimiter = ',' | ';' | '\t';

/**
 * Picks the separator of a CSV text from its first record: the most frequent of comma, semicolon and tab
 * outside quotes (a comma when none appears). Excel in a Vietnamese locale often saves with semicolons.
 *
 * @example
 * ```ts
 * detectCsvDelimiter('Mã;Tên\nA;B'); // ';'
 * detectCsvDelimiter('"a;b",c');     // ','
 * ```
 */
export function detectCsvDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  let best: CsvDelimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/**
 * Parses CSV text (RFC 4180): records end with CRLF, LF or CR; a field in double quotes may hold the
 * separator, line breaks and doubled quotes (`""` → `"`). A leading UTF-8 byte-order mark is ignored, the
 * separator is detected unless given, a final line break does not make an empty record. Lenient like
 * spreadsheet programs where the RFC is strict: a quote inside an unquoted field is kept as it is, and text
 * after a closing quote is appended. Throws `DomainError('INVALID')` naming the record where a quoted field
 * never closes.
 *
 * @example
 * ```ts
 * parseCsv('Mã,Tên\r\nA1,"Thôn ""Mới"", xã B"\r\n'); // [['Mã', 'Tên'], ['A1', 'Thôn "Mới", xã B']]
 * parseCsv('a;b\n1;2');                              // [['a', 'b'], ['1', '2']]
 * ```
 */
export function parseCsv(text: string, options: { delimiter?: CsvDelimiter } = {}): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectCsvDelimiter(input);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const n = input.length;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
  };
  while (i < n) {
    const c = input.charAt(i);
    if (c === '"' && field.length === 0) {
      // A quoted field: up to the closing quote, with "" standing for one quote.
      const startRecord = records.length + 1;
      i++;
      let closed = false;
      while (i < n) {
        const q = input.charAt(i);
        if (q === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        field += q;
        i++;
      }
      if (!closed) {
        throw new DomainError('INVALID', {
          vi: `Tệp CSV lỗi: dấu ngoặc kép mở ở dòng ${startRecord} không được đóng.`,
          en: `Malformed CSV: the double quote opened on row ${startRecord} is never closed.`,
        });
      }
      continue;
    }
    if (c === delimiter) {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\r') {
      endRecord();
      i += input[i + 1] === '\n' ? 2 : 1;
    } else if (c === '\n') {
      endRecord();
      i++;
    } else {
      field += c;
      i++;
    }
  }
  if (field.length > 0 || record.length > 0) endRecord();
  return records;
}

/** A value of a CSV cell: text (escaped against formulas), a number, or empty. @example `const v: CsvValue = 'Thôn 1';` */
export type CsvValue = string | number | null | undefined;

/**
 * Writes CSV (RFC 4180, CRLF) that Excel opens as UTF-8: a byte-order mark first, fields quoted when they
 * hold the separator, a quote or a line break, and every text passed through {@link escapeSpreadsheetText}
 * so that no cell runs as a formula.
 *
 * @example
 * ```ts
 * toCsv([['Mã', 'Tên'], ['X1', '=1+1']]); // '\uFEFFMã,Tên\r\nX1,\'=1+1\r\n'
 * ```
 */
export function toCsv(
  rows: readonly (readonly CsvValue[])[],
  options: { delimiter?: CsvDelimiter; bom?: boolean } = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const lines = rows.map((row) =>
    row
      .map((value) => {
        if (value === null || value === undefined) return '';
        if (typeof value === 'number') return String(value);
        const text = escapeSpreadsheetText(value);
        return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      })
      .join(delimiter),
  );
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
