import { catalogueOfYear, evaluateAreaYear, evaluateUnitBatch, listYearFindings } from '@antoan/services';
import { PassThrough } from 'node:stream';
import { iterateUnitBatches } from '@antoan/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestEnvironment, type ApiTestEnvironment } from '../testing.js';
import { prefetched } from './exports.js';
import { contentDisposition, pageSetupOf, writeXlsx, type ExportCell } from './xlsx-writer.js';

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment({ withHistory: true });
}, 60_000);
afterAll(() => env.destroy());

describe('the export batches', () => {
  it('hold whole areas and give every unit the result the whole-area evaluation gives', async () => {
    const db = env.handle.db;
    const areaId = env.areaId('QB-BD');
    const whole = await evaluateAreaYear(db, areaId, 2021);
    const catalogue = await catalogueOfYear(db, 2021, { areaId, date: '2021-12-31' });
    const seenAreas = new Set<number>();
    const results = new Map<number, string>();
    let batches = 0;
    for await (const batch of iterateUnitBatches(db, { areaId, date: '2021-12-31', batchSize: 10 })) {
      batches++;
      for (const id of batch.areaIds) {
        expect(seenAreas.has(id)).toBe(false);
        seenAreas.add(id);
      }
      const { evaluations } = await evaluateUnitBatch(db, batch, 2021, catalogue);
      for (const [id, evaluation] of evaluations) results.set(id, evaluation.result);
    }
    expect(batches).toBeGreaterThan(5);
    expect(results.size).toBe(whole.evaluations.size);
    expect(Object.fromEntries(results)).toEqual(
      Object.fromEntries([...whole.evaluations].map(([id, e]) => [id, e.result])),
    );
  });
});

async function readBack(cells: ExportCell[][]): Promise<ExcelJS.Worksheet> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeXlsx(out, [
    {
      name: 'Thử',
      title: ['TIÊU ĐỀ', 'ghi chú'],
      columns: [
        { header: 'A', width: 10 },
        { header: 'B', width: 10 },
        { header: '=C', width: 10 },
      ],
      rows: cells,
    },
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as never);
  return workbook.worksheets[0]!;
}

describe("the annual report's findings", () => {
  it('lists the stored Chưa đạt units with the incidents of their window, bounded, and the incidents of the year', async () => {
    const db = env.handle.db;
    const areaId = env.areaId('QB-BD');
    const whole = await evaluateAreaYear(db, areaId, 2021);
    const failing = [...whole.evaluations.values()].filter((e) => e.result === 'CHUA_DAT').map((e) => e.unitId);
    expect(failing).toHaveLength(4);

    const all = await listYearFindings(db, areaId, 2021, 200);
    expect(all.failed.total).toBe(4);
    expect(all.failed.items.map((u) => u.unitId).sort()).toEqual([...failing].sort());
    const dispute = all.failed.items.find((u) => u.code === 'KDC-QB-BD-QTIEN-3')!;
    expect(dispute.incidents.map((i) => [i.occurredOn, i.criterionCode, i.item])).toEqual([
      ['2021-08-12', 'KDC-3', 'e'],
    ]);
    expect(all.incidents.items.map((i) => i.unitCode)).toContain('KDC-QB-BD-QTIEN-3');
    expect(all.incidents.total).toBe(all.incidents.items.length);

    // bounded: the first ones in the same order, and how many there are in all
    const two = await listYearFindings(db, areaId, 2021, 2);
    expect(two.failed.total).toBe(4);
    expect(two.failed.items.map((u) => u.unitId)).toEqual(all.failed.items.slice(0, 2).map((u) => u.unitId));
    const none = await listYearFindings(db, areaId, 2021, 0);
    expect(none.incidents).toEqual({ items: [], total: all.incidents.total });
  });
});

describe('writeXlsx', () => {
  it('writes text that no spreadsheet runs, real dates shown dd/mm/yyyy and shares as percentages', async () => {
    const sheet = await readBack([
      ['=1+1', '@cmd', '+1'],
      [{ date: '2021-10-31' }, { percent: 0.9375 }, { text: '-2', bold: true }],
      [12, '', null],
    ]);
    expect(sheet.getRow(1).getCell(1).value).toBe('TIÊU ĐỀ');
    // Formula-like text is stored as it is, as a string cell: shown as typed, never run.
    expect(sheet.getRow(4).values).toEqual([undefined, 'A', 'B', '=C']);
    expect(sheet.getRow(5).values).toEqual([undefined, '=1+1', '@cmd', '+1']);
    for (const row of [4, 5]) sheet.getRow(row).eachCell((cell) => expect(cell.type).toBe(ExcelJS.ValueType.String));
    const dated = sheet.getRow(6);
    expect(dated.getCell(1).value).toEqual(new Date(Date.UTC(2021, 9, 31)));
    expect(dated.getCell(1).numFmt).toBe('dd/mm/yyyy');
    expect(dated.getCell(2).numFmt).toBe('0.00%');
    expect(dated.getCell(3).value).toBe('-2');
    expect(dated.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(dated.getCell(3).font?.bold).toBe(true);
    expect(sheet.getRow(7).getCell(1).value).toBe(12);
    expect(sheet.getRow(7).getCell(1).numFmt).toBeUndefined();
    for (const row of [5, 6, 7]) sheet.getRow(row).eachCell((cell) => expect(cell.formula).toBeUndefined());
  });

  it('prints one page wide, as many pages long as it needs, with the header row on every page', async () => {
    const sheet = await readBack([[1, 2, 3]]);
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(sheet.pageSetup.printTitlesRow).toBe('4:4');
    const wide = pageSetupOf(
      Array.from({ length: 9 }, () => ({ header: 'x', width: 14 })),
      4,
    );
    expect(wide.orientation).toBe('landscape');
  });

  it('streams: most of the file has left before the last row is made', async () => {
    const out = new PassThrough();
    let bytes = 0;
    out.on('data', (c: Buffer) => (bytes += c.length));
    let beforeLast = 0;
    function* rows(): Generator<ExportCell[]> {
      for (let i = 0; i < 40_000; i++) {
        if (i === 39_999) beforeLast = bytes;
        yield [i, `Thôn ${i} của xã Quảng Thủy, thị xã Ba Đồn`, `KDC-QB-BD-QTHUY-${i}`];
      }
    }
    await writeXlsx(out, [{ name: 'x', columns: [{ header: 'a', width: 5 }], rows: rows() }]);
    expect(bytes).toBeGreaterThan(300_000);
    expect(beforeLast / bytes).toBeGreaterThan(0.8);
  }, 60_000);
});

describe('prefetched', () => {
  it('keeps the order, loads one item ahead, and stops the source when the consumer stops', async () => {
    const log: string[] = [];
    let closed = false;
    async function* source() {
      try {
        for (let i = 1; i <= 5; i++) {
          log.push(`read ${i}`);
          yield await Promise.resolve(i);
        }
      } finally {
        closed = true;
      }
    }
    const out: [number, number][] = [];
    for await (const [item, loaded] of prefetched(source(), (i) => Promise.resolve(i * 10))) {
      out.push([item, loaded]);
      log.push(`use ${item}`);
      if (item === 3) break;
    }
    expect(out).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    expect(log).toEqual(['read 1', 'read 2', 'use 1', 'read 3', 'use 2', 'read 4', 'use 3']);
    expect(closed).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII name and the Vietnamese one (RFC 5987)', () => {
    expect(contentDisposition('Thống kê "Ba Đồn" (2021).xlsx')).toBe(
      `attachment; filename="Thong ke _Ba Don_ _2021_.xlsx"; filename*=UTF-8''Th%E1%BB%91ng%20k%C3%AA%20%22Ba%20%C4%90%E1%BB%93n%22%20%282021%29.xlsx`,
    );
  });
});
