import { MAX_IMPORT_BYTES } from '@antoan/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestEnvironment, failure, type ApiTestEnvironment } from '../testing.js';
import { buildLyingXlsx, buildMergeBomb, buildXlsxBomb } from './hostile-files.js';
import { readXlsxSheets } from './xlsx-worker.js';

// Hostile workbooks (issue 17): each is refused with a bilingual message, by a worker thread, while this
// process stays up and keeps answering.

let env: ApiTestEnvironment;
beforeAll(async () => {
  env = await createApiTestEnvironment();
}, 60_000);
afterAll(() => env.destroy());

const upload = (bytes: Buffer) => ({
  format: 'xlsx' as const,
  fileName: 'bom.xlsx',
  contentBase64: bytes.toString('base64'),
});

async function smallWorkbook(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Đơn vị');
  sheet.addRow(['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Mã địa bàn']);
  for (let i = 0; i < rows; i++) sheet.addRow([`KDC-${i}`, `Thôn ${i}`, 'KDC', 'QB-BD-QTHUY']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The longest the event loop went without a turn while `work` ran: inflating 120 MB and counting it on this
 * thread would hold it for seconds; in the worker it keeps turning.
 */
async function whileTicking<T>(
  work: () => Promise<T>,
): Promise<{ result: PromiseSettledResult<T>; longestGap: number }> {
  let last = performance.now();
  let longestGap = 0;
  const tick = () => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  };
  const timer = setInterval(tick, 20);
  const [result] = await Promise.allSettled([work()]);
  tick();
  clearInterval(timer);
  return { result, longestGap };
}

describe('XLSX uploads within bounds', () => {
  it('refuses the compressed bomb of the attack (3 sheets of 2.4 M rows) with a clear error', async () => {
    const bomb = buildXlsxBomb();
    expect(bomb.length).toBeLessThan(MAX_IMPORT_BYTES);
    const error = await failure(() => env.callerFor('province_officer').imports.dryRun(upload(bomb)));
    expect(error.code).toBe('BAD_REQUEST');
    // 3 × 120 MB of XML: the sizes in the zip's directory are over the limit for the whole file.
    expect(error.data.text).toEqual({
      vi: 'Tệp Excel khi giải nén quá lớn (tối đa 128 MB mỗi phần, 256 MB cả tệp): hãy chia thành nhiều tệp.',
      en: 'The Excel file is too large once uncompressed (at most 128 MB a part, 256 MB in all): split it into several files.',
    });
    // And the API still answers.
    await expect(env.callerFor('admin').auth.me()).resolves.toMatchObject({ username: 'admin' });
  }, 60_000);

  it('counts the rows of a sheet while inflating it, off this thread: one sheet of 2.4 M rows is refused by its rows', async () => {
    const oneSheet = upload(buildXlsxBomb({ sheets: 1 }));
    const { result, longestGap } = await whileTicking(() => env.callerFor('province_officer').imports.dryRun(oneSheet));
    // This thread kept answering while the worker inflated and counted 120 MB of XML.
    expect(longestGap).toBeLessThan(1_000);
    const reason = (result as PromiseRejectedResult).reason as Error;
    const error = await failure(() => Promise.reject(reason));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.data.text).toEqual({
      vi: 'Trang "Đơn vị 1" có hơn 200.000 dòng: hãy chia thành nhiều tệp.',
      en: 'The sheet "Đơn vị 1" has more than 200,000 rows: split it into several files.',
    });
  }, 60_000);

  it('catches a zip header that lies about the size of a sheet after the declared bytes', async () => {
    const lying = buildLyingXlsx({ actualBytes: 64 * 1024 * 1024, declaredSize: 1000 });
    const error = await failure(() => env.callerFor('admin').imports.dryRun(upload(lying)));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.data.text?.vi).toMatch(/^Không đọc được tệp Excel/);
    expect(error.data.text?.en).toMatch(/^The Excel file cannot be read/);
  }, 60_000);

  it('refuses a sheet whose honest size is over the limit before inflating it', async () => {
    const bytes = buildLyingXlsx({ actualBytes: 10 * 1024 * 1024, declaredSize: 10 * 1024 * 1024 });
    await expect(readXlsxSheets(bytes, { limits: { maxEntryBytes: 1024 * 1024 } })).rejects.toMatchObject({
      code: 'INVALID',
      message: expect.stringMatching(/too large once uncompressed/) as unknown,
    });
  }, 30_000);

  it('counts cells and sheets before reading', async () => {
    const bytes = await smallWorkbook(30);
    await expect(readXlsxSheets(bytes, { limits: { maxCells: 100 } })).rejects.toMatchObject({
      text: {
        vi: 'Tệp có hơn 100 ô dữ liệu: hãy chia thành nhiều tệp.',
        en: 'The file has more than 100 cells: split it into several files.',
      },
    });
    await expect(readXlsxSheets(bytes, { limits: { maxSheets: 0 } })).rejects.toMatchObject({ code: 'INVALID' });
    // Within the limits the same file reads.
    const sheets = await readXlsxSheets(bytes);
    expect(sheets).toHaveLength(1);
    expect(sheets[0]!.records).toHaveLength(31);
    expect(sheets[0]!.records[1]).toEqual({ row: 2, cells: ['KDC-0', 'Thôn 0', 'KDC', 'QB-BD-QTHUY'] });
  }, 30_000);

  it('counts the cells a merged range covers (exceljs makes each one): a 300-byte merge bomb is refused', async () => {
    await expect(readXlsxSheets(buildMergeBomb('A1:Z100000'))).rejects.toMatchObject({
      text: {
        vi: 'Tệp có hơn 1.500.000 ô dữ liệu: hãy chia thành nhiều tệp.',
        en: 'The file has more than 1,500,000 cells: split it into several files.',
      },
    });
    // A small merge reads.
    await expect(readXlsxSheets(buildMergeBomb('A1:B2'))).resolves.toHaveLength(1);
  }, 30_000);

  it('reads one file at a time with three waiting: a fifth at once is told the server is busy', async () => {
    const bytes = await smallWorkbook(50);
    const answers = await Promise.allSettled(Array.from({ length: 5 }, () => readXlsxSheets(bytes)));
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    expect((answers[4] as PromiseRejectedResult).reason).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      text: {
        vi: 'Máy chủ đang đọc các tệp khác. Hãy thử lại sau ít phút.',
        en: 'The server is busy reading other files. Try again in a few minutes.',
      },
    });
  }, 60_000);

  it('a worker that runs out of memory ends alone: the upload gets an error, this process goes on', async () => {
    const bytes = await smallWorkbook(20_000);
    await expect(readXlsxSheets(bytes, { heapMb: 16 })).rejects.toMatchObject({
      code: 'INVALID',
      message: expect.stringMatching(/too complex/) as unknown,
    });
    await expect(readXlsxSheets(await smallWorkbook(2))).resolves.toHaveLength(1);
  }, 60_000);
});
