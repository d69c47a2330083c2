import zlib from 'node:zlib';

// Hostile XLSX files for the tests (the API's and the server's hostile-input suite): a compressed bomb of
// identical rows, and a zip whose headers lie about the size of what they hold. Built by hand with zlib, so
// that a file of millions of rows takes a second to make.

export interface ZipEntry {
  name: string;
  /** The content, or its deflated bytes with the sizes to declare (to build a lying archive). */
  content: Buffer | { deflated: Buffer; crc: number; declaredSize: number };
}

/** A zip archive of the entries, each deflated (method 8), with a central directory. */
export function buildZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { deflated, crc, declaredSize } = Buffer.isBuffer(entry.content)
      ? {
          deflated: zlib.deflateRawSync(entry.content),
          crc: zlib.crc32(entry.content),
          declaredSize: entry.content.length,
        }
      : entry.content;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, deflated);
    centrals.push(central, name);
    offset += local.length + name.length + deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (body: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`, 'utf8');

/** The parts of a minimal workbook around its sheets' XML (exceljs reads it). */
function workbookEntries(sheets: readonly { name: string; content: ZipEntry['content'] }[]): ZipEntry[] {
  const ns = 'http://schemas.openxmlformats.org';
  return [
    {
      name: '[Content_Types].xml',
      content: xml(
        `<Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('')}</Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      content: xml(
        `<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      content: xml(
        `<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets>${sheets
          .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join('')}</sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: xml(
        `<Relationships xmlns="${ns}/package/2006/relationships">${sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('')}</Relationships>`,
      ),
    },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, content: s.content })),
  ];
}

const SHEET_HEAD = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = `</sheetData></worksheet>`;

const cell = (text: string, address?: string) =>
  `<c${address ? ` r="${address}"` : ''} t="inlineStr"><is><t>${text}</t></is></c>`;
const HEADER_ROW = `<row r="1">${['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Mã địa bàn']
  .map((text, i) => cell(text, `${'ABCD'[i]}1`))
  .join('')}</row>`;
const BOMB_ROW = `<row>${cell('KDC-X')}</row>`;

/** A sheet's XML: the header row of the units table, then `rows` identical data rows. */
function bombSheet(rows: number): Buffer {
  return Buffer.concat([
    Buffer.from(SHEET_HEAD + HEADER_ROW),
    Buffer.from(BOMB_ROW.repeat(rows)),
    Buffer.from(SHEET_TAIL),
  ]);
}

/**
 * The compressed bomb of the attack: `sheets` sheets of `rows` identical rows each (by default 3 × 2.4 M,
 * about 120 MB of XML each, in a file of about 1 MB). The sizes it declares are true.
 */
export function buildXlsxBomb(options: { sheets?: number; rows?: number } = {}): Buffer {
  const content = bombSheet(options.rows ?? 2_400_000);
  // Deflated once and used for every sheet.
  const deflated = {
    deflated: zlib.deflateRawSync(content, { level: 9 }),
    crc: zlib.crc32(content),
    declaredSize: content.length,
  };
  return buildZip(
    workbookEntries(
      Array.from({ length: options.sheets ?? 3 }, (_, i) => ({ name: `Đơn vị ${i + 1}`, content: deflated })),
    ),
  );
}

/**
 * A workbook whose one sheet declares `declaredSize` bytes but inflates to `actualBytes` bytes of XML (a
 * reader trusting the header would allocate the small size and fill memory with the rest).
 */
export function buildLyingXlsx(options: { actualBytes: number; declaredSize?: number }): Buffer {
  const content = bombSheet(Math.ceil(options.actualBytes / Buffer.byteLength(BOMB_ROW)));
  return buildZip(
    workbookEntries([
      {
        name: 'Đơn vị',
        content: {
          deflated: zlib.deflateRawSync(content, { level: 9 }),
          crc: zlib.crc32(content),
          declaredSize: options.declaredSize ?? 1000,
        },
      },
    ]),
  );
}

/**
 * A workbook of one small sheet whose merged range covers `columns` × `rows` cells (`A1:Z100000`): a few
 * hundred bytes that a reader making an object per merged cell turns into millions.
 */
export function buildMergeBomb(range = 'A1:Z100000'): Buffer {
  const sheet = Buffer.from(
    `${SHEET_HEAD}${HEADER_ROW}</sheetData><mergeCells count="1"><mergeCell ref="${range}"/></mergeCells></worksheet>`,
  );
  return buildZip(workbookEntries([{ name: 'Đơn vị', content: sheet }]));
}
