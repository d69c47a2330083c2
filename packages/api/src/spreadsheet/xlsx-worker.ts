import { Worker } from 'node:worker_threads';
import { DomainError } from '@antoan/core';
import { Semaphore } from '../limits/semaphore.js';

// Runs xlsx-reader.worker.mjs: an XLSX upload is checked against the limits below and read by exceljs in a
// worker thread with its own heap limit, one file at a time, so that a hostile workbook (a compressed bomb,
// a lying zip header, millions of cells) answers a clear error and never takes the server down.

/** The bounds of an XLSX upload (the file itself is at most MAX_IMPORT_BYTES, 10 MB). */
export const XLSX_LIMITS = {
  /** Files in the zip archive (a workbook has a few dozen). */
  maxEntries: 500,
  /** Sheets in the workbook. */
  maxSheets: 20,
  /** Uncompressed bytes of one file of the archive (a sheet of 1,500,000 cells is about 60 MB). */
  maxEntryBytes: 128 * 1024 * 1024,
  /** Uncompressed bytes of the whole archive. */
  maxTotalBytes: 256 * 1024 * 1024,
  /** Rows of one sheet. */
  maxRows: 200_000,
  /** Cells of all sheets together (and shared strings): exceljs needs about 350 bytes a cell. */
  maxCells: 1_500_000,
} as const;

export type XlsxLimits = { [K in keyof typeof XLSX_LIMITS]: number };

/** The worker's heap; the limits above keep a valid file well under it. */
const WORKER_HEAP_MB = 1024;
/** A file still being read after this long is given up (its worker is stopped). */
const WORKER_TIMEOUT_MS = 60_000;

export interface XlsxSheet {
  name: string;
  records: { row: number; cells: string[] }[];
}

type WorkerAnswer =
  | { ok: true; sheets: XlsxSheet[] }
  | {
      ok: false;
      reason: 'unreadable' | 'zip64' | 'entries' | 'sheets' | 'entry' | 'total' | 'rows' | 'cells';
      sheet?: string;
      count?: number;
    };

const invalid = (vi: string, en: string) => new DomainError('INVALID', { vi, en });
const fmt = (n: number, locale: string) => n.toLocaleString(locale);

export const UNREADABLE_XLSX = {
  vi: 'Không đọc được tệp Excel. Hãy lưu tệp dạng Sổ làm việc Excel (.xlsx) hoặc dùng tệp mẫu.',
  en: 'The Excel file cannot be read. Save it as an Excel Workbook (.xlsx) or use the template.',
};

/** A sheet (or CSV file) with more rows than the limit. */
export function tooManyRows(sheet: string, max: number = XLSX_LIMITS.maxRows): DomainError {
  return invalid(
    `Trang "${sheet}" có hơn ${fmt(max, 'vi-VN')} dòng: hãy chia thành nhiều tệp.`,
    `The sheet "${sheet}" has more than ${fmt(max, 'en-US')} rows: split it into several files.`,
  );
}

/** A file with more cells than the limit. */
export function tooManyCells(max: number = XLSX_LIMITS.maxCells): DomainError {
  return invalid(
    `Tệp có hơn ${fmt(max, 'vi-VN')} ô dữ liệu: hãy chia thành nhiều tệp.`,
    `The file has more than ${fmt(max, 'en-US')} cells: split it into several files.`,
  );
}

function refusal(answer: Extract<WorkerAnswer, { ok: false }>, limits: XlsxLimits): DomainError {
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  switch (answer.reason) {
    case 'sheets':
      return invalid(
        `Tệp có ${answer.count ?? 'quá nhiều'} trang tính: tối đa ${limits.maxSheets}. Hãy chia thành nhiều tệp.`,
        `The file has ${answer.count ?? 'too many'} sheets: at most ${limits.maxSheets}. Split it into several files.`,
      );
    case 'rows':
      return tooManyRows(answer.sheet ?? '?', limits.maxRows);
    case 'cells':
      return tooManyCells(limits.maxCells);
    case 'entries':
    case 'entry':
    case 'total':
    case 'zip64':
      return invalid(
        `Tệp Excel khi giải nén quá lớn (tối đa ${mb(limits.maxEntryBytes)} MB mỗi phần, ${mb(limits.maxTotalBytes)} MB cả tệp): hãy chia thành nhiều tệp.`,
        `The Excel file is too large once uncompressed (at most ${mb(limits.maxEntryBytes)} MB a part, ${mb(limits.maxTotalBytes)} MB in all): split it into several files.`,
      );
    case 'unreadable':
      return new DomainError('INVALID', UNREADABLE_XLSX);
  }
}

const TOO_COMPLEX = () =>
  invalid(
    'Tệp Excel quá phức tạp để đọc (hết bộ nhớ hoặc quá thời gian cho phép): hãy chia thành nhiều tệp nhỏ hơn.',
    'The Excel file is too complex to read (out of memory or time): split it into several smaller files.',
  );

/** One file read at a time, a few waiting: each worker may use up to WORKER_HEAP_MB. */
const parsing = new Semaphore({
  max: 1,
  maxQueued: 3,
  busy: () =>
    new DomainError('TOO_MANY_REQUESTS', {
      vi: 'Máy chủ đang đọc các tệp khác. Hãy thử lại sau ít phút.',
      en: 'The server is busy reading other files. Try again in a few minutes.',
    }),
});

/**
 * Reads an XLSX file's sheets (every non-empty row with its spreadsheet row number, cells as text) in a worker
 * thread. Throws `DomainError('INVALID')` with a bilingual message for a file over the limits or unreadable,
 * `TOO_MANY_REQUESTS` when too many files are waiting already.
 */
export function readXlsxSheets(
  bytes: Uint8Array,
  options: { limits?: Partial<XlsxLimits>; timeoutMs?: number; heapMb?: number } = {},
): Promise<XlsxSheet[]> {
  const limits: XlsxLimits = { ...XLSX_LIMITS, ...options.limits };
  return parsing.run(
    () =>
      new Promise<XlsxSheet[]>((resolve, reject) => {
        // A copy of its own: the upload's bytes may share their memory with other buffers.
        const copy = new Uint8Array(bytes);
        const worker = new Worker(new URL('./xlsx-reader.worker.mjs', import.meta.url), {
          workerData: { bytes: copy, limits },
          transferList: [copy.buffer],
          resourceLimits: { maxOldGenerationSizeMb: options.heapMb ?? WORKER_HEAP_MB, maxYoungGenerationSizeMb: 64 },
          stdout: true,
          stderr: true,
        });
        let settled = false;
        const settle = (finish: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          finish();
          void worker.terminate();
        };
        const timer = setTimeout(() => settle(() => reject(TOO_COMPLEX())), options.timeoutMs ?? WORKER_TIMEOUT_MS);
        worker.on('message', (answer: WorkerAnswer) =>
          settle(() => (answer.ok ? resolve(answer.sheets) : reject(refusal(answer, limits)))),
        );
        worker.on('error', (error: Error & { code?: string }) =>
          settle(() =>
            reject(
              error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? TOO_COMPLEX() : new DomainError('INVALID', UNREADABLE_XLSX),
            ),
          ),
        );
        worker.on('exit', () => settle(() => reject(TOO_COMPLEX())));
      }),
  );
}
