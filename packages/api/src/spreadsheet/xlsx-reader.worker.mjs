// @ts-check
// Reads an uploaded XLSX workbook in a worker thread (started by xlsx-worker.ts with a heap limit), so that a
// hostile file can at worst end this thread, never the server. Plain JavaScript on purpose: Node 20 runs a
// worker file as it is (no TypeScript loader), both under `node --import tsx` and under vitest.
//
// Bounds are checked before exceljs builds its (heavy, ~350 bytes a cell) model of the workbook:
// 1. the zip central directory: number of entries and of worksheets, the sizes each entry declares;
// 2. every entry is inflated here with zlib's `maxOutputLength`, so a header that lies about its size is
//    caught after at most the limit's worth of bytes;
// 3. the worksheets' rows and cells (and the cells that merged ranges and data validations cover, which
//    exceljs makes one by one) and the shared strings are counted in the inflated XML.
// Only then does exceljs read the workbook. The answer is posted back: the sheets' records, or a refusal
// { ok: false, reason, ... } that xlsx-worker.ts turns into a bilingual message.
import { parentPort, workerData } from 'node:worker_threads';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

class Refusal extends Error {
  /** @param {string} reason @param {Record<string, unknown>} [detail] */
  constructor(reason, detail = {}) {
    super(reason);
    this.reason = reason;
    this.detail = detail;
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of the zip's central directory. ZIP64 archives are refused: a workbook under the upload limit
 * never needs them, and their sizes are what a bomb would use to escape the 32-bit checks.
 * @param {Buffer} bytes
 */
function centralDirectory(bytes) {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Refusal('unreadable');
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw new Refusal('zip64');
  if (offset + size > bytes.length) throw new Refusal('unreadable');
  const entries = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new Refusal('unreadable');
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      declaredSize: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * How often an XML element (with or without a namespace prefix) starts in `xml`: `<row ` or `<x:row>`.
 * @param {Buffer} xml @param {string} tag
 */
function countElements(xml, tag) {
  const needle = Buffer.from(tag);
  let n = 0;
  let i = xml.indexOf(needle);
  while (i >= 0) {
    const before = i > 0 ? xml[i - 1] : 0;
    const after = xml[i + needle.length];
    // '<' or ':' before; ' ', '>', '/', tab, newline or carriage return after.
    if (
      (before === 0x3c || before === 0x3a) &&
      (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d)
    )
      n++;
    i = xml.indexOf(needle, i + needle.length);
  }
  return n;
}

/** @param {string} letters */
function columnNumber(letters) {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

/**
 * How many cells the ranges of merged cells and of data validations cover (`A1:Z100000` is 2,600,000):
 * exceljs makes an object for every one of them, so a few bytes of XML could otherwise fill the heap.
 * @param {Buffer} xml
 */
function rangeCells(xml) {
  let total = 0;
  if (xml.indexOf('mergeCell') < 0 && xml.indexOf('dataValidation') < 0) return 0;
  const text = xml.toString('latin1');
  for (const [, refs] of text.matchAll(/<(?:\w+:)?(?:mergeCell|dataValidation)\b[^>]*?\b(?:ref|sqref)="([^"]*)"/g)) {
    for (const range of (refs ?? '').split(/\s+/)) {
      const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(range);
      if (!m) continue;
      const [c1, r1] = [columnNumber(m[1] ?? 'A'), Number(m[2])];
      const [c2, r2] = m[3] ? [columnNumber(m[3]), Number(m[4])] : [c1, r1];
      total += (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
    }
  }
  return total;
}

/**
 * The name of each worksheet entry (`xl/worksheets/sheet1.xml` → `Đơn vị`), from the workbook and its
 * relationships; best effort, for messages only.
 * @param {Buffer | undefined} workbook @param {Buffer | undefined} rels
 */
function sheetNames(workbook, rels) {
  /** @type {Map<string, string>} */
  const names = new Map();
  if (!workbook || !rels) return names;
  /** @type {Map<string, string>} */
  const targets = new Map();
  for (const [tag] of rels.toString('utf8').matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(tag)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(tag)?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  for (const [tag] of workbook.toString('utf8').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    const id = /\br:id="([^"]*)"/.exec(tag)?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name && target) names.set(target.toLowerCase(), unescapeXml(name));
  }
  return names;
}

/** @param {string} text */
function unescapeXml(text) {
  return text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[/** @type {'lt'} */ (e)],
  );
}

/**
 * Checks the archive against the limits, inflating every entry with a bound (the worksheets last, so that
 * a refusal can name the sheet).
 * @param {Buffer} bytes
 * @param {{ maxEntries: number, maxEntryBytes: number, maxTotalBytes: number, maxSheets: number, maxRows: number, maxCells: number }} limits
 */
function checkArchive(bytes, limits) {
  const entries = centralDirectory(bytes);
  if (entries.length > limits.maxEntries) throw new Refusal('entries', { count: entries.length });
  const isSheet = (/** @type {{ name: string }} */ e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name);
  const sheets = entries.filter(isSheet);
  if (sheets.length > limits.maxSheets) throw new Refusal('sheets', { count: sheets.length });
  let declared = 0;
  for (const entry of entries) {
    if (entry.declaredSize > limits.maxEntryBytes) throw new Refusal('entry');
    declared += entry.declaredSize;
  }
  if (declared > limits.maxTotalBytes) throw new Refusal('total');

  // The declared sizes may lie: inflate each entry with a bound and count what comes out.
  let total = 0;
  const inflate = (/** @type {(typeof entries)[number]} */ entry) => {
    const at = entry.localOffset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw new Refusal('unreadable');
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const data = bytes.subarray(start, start + entry.compressedSize);
    const room = limits.maxTotalBytes - total;
    // Never more than the entry declares (checked against the limits above): a header that lies is caught
    // after that many bytes, as a damaged file.
    const bound = Math.min(entry.declaredSize, room);
    const tooLarge = () => new Refusal(entry.declaredSize <= room ? 'unreadable' : 'total');
    /** @type {Buffer} */
    let content;
    if (entry.method === 0) {
      if (data.length > bound) throw tooLarge();
      content = data;
    } else if (entry.method === 8) {
      try {
        content = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, bound) });
      } catch (error) {
        if (error instanceof RangeError || /** @type {{ code?: string }} */ (error).code === 'ERR_BUFFER_TOO_LARGE')
          throw tooLarge();
        throw new Refusal('unreadable');
      }
    } else {
      throw new Refusal('unreadable');
    }
    total += content.length;
    return content;
  };

  /** @type {Buffer | undefined} */
  let workbook;
  /** @type {Buffer | undefined} */
  let rels;
  for (const entry of entries) {
    if (isSheet(entry)) continue;
    const content = inflate(entry);
    const name = entry.name.toLowerCase();
    if (name === 'xl/workbook.xml') workbook = content;
    else if (name === 'xl/_rels/workbook.xml.rels') rels = content;
    else if (name === 'xl/sharedstrings.xml' && countElements(content, 'si') > limits.maxCells)
      throw new Refusal('cells');
  }
  const names = sheetNames(workbook, rels);
  let cells = 0;
  for (const entry of sheets) {
    const content = inflate(entry);
    if (countElements(content, 'row') > limits.maxRows)
      throw new Refusal('rows', { sheet: names.get(entry.name.toLowerCase()) ?? entry.name });
    cells += countElements(content, 'c') + rangeCells(content);
    if (cells > limits.maxCells) throw new Refusal('cells');
  }
}

/**
 * A cell's value as text: dates as ISO dates, formulas by their result, rich text and links by their text.
 * @param {ExcelJS.CellValue} value
 * @returns {string}
 */
function cellText(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    // exceljs gives a date cell as midnight UTC of that calendar day.
    return value.toISOString().slice(0, 10);
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value)
    return cellText(/** @type {{ result?: ExcelJS.CellValue }} */ (value).result ?? null);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  return '';
}

/**
 * @param {Buffer} bytes
 * @param {number} maxRows
 */
async function readSheets(bytes, maxRows) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(/** @type {ArrayBuffer} */ (/** @type {unknown} */ (bytes)));
  } catch {
    throw new Refusal('unreadable');
  }
  const sheets = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.actualRowCount > maxRows) throw new Refusal('rows', { sheet: sheet.name });
    /** @type {{ row: number, cells: string[] }[]} */
    const records = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      /** @type {string[]} */
      const cells = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellText(cell.value);
      });
      records.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
    });
    sheets.push({ name: sheet.name, records });
  }
  return sheets;
}

const { bytes: raw, limits } = workerData;
const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
try {
  checkArchive(bytes, limits);
  parentPort?.postMessage({ ok: true, sheets: await readSheets(bytes, limits.maxRows) });
} catch (error) {
  if (error instanceof Refusal) parentPort?.postMessage({ ok: false, reason: error.reason, ...error.detail });
  else throw error;
}
