// Text that goes into or comes out of a spreadsheet: formula-injection escaping for every export, and the
// normalisation of every imported cell.

/**
 * The first characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (or a DDE
 * command): `=`, `+`, `-`, `@`, tab, carriage return and line feed, and their full-width forms.
 *
 * @example
 * ```ts
 * FORMULA_TRIGGERS.includes('='); // true
 * ```
 */
export const FORMULA_TRIGGERS: readonly string[] = [
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\n',
  '\uFF1D',
  '\uFF0B',
  '\uFF0D',
  '\uFF20',
];

/**
 * Makes a text cell safe to open in a spreadsheet (CSV injection, OWASP): a text that starts with a formula
 * trigger gets a leading apostrophe, so no formula ever runs. A text whose leading apostrophes come before
 * a trigger (`'-`) gets one more, so that {@link unescapeSpreadsheetText} gives it back unchanged. Every XLSX export and every CSV we write
 * passes its text cells through this one function; numbers and dates are written as numbers and dates.
 *
 * @example
 * ```ts
 * escapeSpreadsheetText('=HYPERLINK("http://x","y")'); // "'=HYPERLINK(\"http://x\",\"y\")"
 * escapeSpreadsheetText('-5');                          // "'-5"
 * escapeSpreadsheetText('Thôn 1');                      // 'Thôn 1'
 * ```
 */
export function escapeSpreadsheetText(text: string): string {
  return startsWithTrigger(text, 0) ? `'${text}` : text;
}

/** Whether `text` holds at least `minQuotes` apostrophes, then a formula trigger, at its start. */
function startsWithTrigger(text: string, minQuotes: number): boolean {
  let quotes = 0;
  while (text[quotes] === "'") quotes += 1;
  const next = text[quotes];
  return quotes >= minQuotes && next !== undefined && FORMULA_TRIGGERS.includes(next);
}

/**
 * The inverse of {@link escapeSpreadsheetText} for an import: a file exported by us and imported again gives
 * back the original text (of leading apostrophes followed by a formula trigger, one is dropped; any other
 * apostrophe stays).
 *
 * @example
 * ```ts
 * unescapeSpreadsheetText("'=1+1"); // '=1+1'
 * unescapeSpreadsheetText("'Tổ 1"); // "'Tổ 1"
 * unescapeSpreadsheetText("''-");   // "'-"
 * ```
 */
export function unescapeSpreadsheetText(text: string): string {
  return startsWithTrigger(text, 1) ? text.slice(1) : text;
}

/**
 * Normalises an imported text cell: drops byte-order marks and control characters (a NUL would be refused by
 * PostgreSQL; tabs and line breaks become spaces), replaces half surrogate pairs by U+FFFD, composes
 * Vietnamese diacritics (NFC, so text typed on a Mac or copied from a PDF in NFD compares equal to what is
 * stored), turns non-breaking and other Unicode spaces into plain spaces, collapses runs of white space and
 * trims.
 *
 * @example
 * ```ts
 * normalizeImportText('\uFEFF  Qua\u0309ng   Thu\u0309y ').length; // 10
 * normalizeImportText('Qua\u0309ng Thu\u0309y') === 'Quảng Thủy';  // true
 * normalizeImportText('Thôn\u00001');                               // 'Thôn1'
 * ```
 */
export function normalizeImportText(text: string): string {
  return (
    text
      .replace(/\uFEFF/g, '')
      .replace(/[\t\n\v\f\r]/g, ' ')
      // eslint-disable-next-line no-control-regex -- dropping control characters is the point
      .replace(/[\u0000-\u001F\u007F-\u009F]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .normalize('NFC')
      .replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/gu, ' ')
      .trim()
  );
}
