import type http from 'node:http';
import { createHttpContext, PASSWORD_CHANGE_REQUIRED, Semaphore, type Logger, type AreaSummaries } from '@antoan/api';
import {
  buildImportTemplateXlsx,
  contentDisposition,
  documentQuerySchema,
  EXPORT_KINDS,
  importTemplateCsv,
  loadAnnualReport,
  prepareExport,
  writeXlsx,
  XLSX_CONTENT_TYPE,
  type ExportKind,
} from '@antoan/api/http';
import { describeZodIssues, DomainError, isDomainError, type LocalizedText } from '@antoan/core';
import type { Database } from '@antoan/db';
import type { Kysely } from 'kysely';
import { renderAnnualReport } from './annual-report.html.js';

// Downloads and printable pages on plain GET URLs, so the SPA can link to them: the session cookie
// authenticates (SameSite=Strict: sent on same-site navigations), the API's scope rules apply. Errors before
// the first byte get an HTTP status and a message in both languages; a failure while a file streams aborts
// the response (the browser shows a failed download, never a silently truncated file).
//
//   GET /export/template.xlsx                    the import template
//   GET /export/template.csv?table=units|areas   its CSV header (default units)
//   GET /export/{statistics,units,assessments,models,awards}.xlsx?area=&year=
//   GET /print/annual-report?area=&year=&lang=vi|en

export interface DocumentRoutesOptions {
  db: Kysely<Database>;
  log: Logger;
  secureCookies: boolean;
  summaries: AreaSummaries;
}

const STATUS: Record<string, number> = {
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 400,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  TOO_MANY_REQUESTS: 429,
};

/** Exports and printed reports built at once in all (more wait, a few), and by one user. */
export const MAX_DOCUMENTS_AT_ONCE = 4;
export const MAX_DOCUMENTS_PER_USER = 2;
/** A download that makes no progress for this long is dropped. */
const DOWNLOAD_IDLE_MS = 60_000;

const DOCUMENTS_BUSY: LocalizedText = {
  vi: 'Máy chủ đang tạo nhiều tệp cùng lúc. Hãy thử lại sau ít phút.',
  en: 'The server is building many files at once. Try again in a few minutes.',
};
const YOUR_DOCUMENTS_BUSY: LocalizedText = {
  vi: `Bạn đang tải ${MAX_DOCUMENTS_PER_USER} tệp cùng lúc: hãy đợi tải xong rồi tải tiếp.`,
  en: `You are downloading ${MAX_DOCUMENTS_PER_USER} files at once: wait for them to finish first.`,
};

const SIGN_IN: LocalizedText = { vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' };
const NOT_FOUND: LocalizedText = { vi: 'Không có trang này.', en: 'Not found.' };
const BAD_QUERY: LocalizedText = { vi: 'Tham số không hợp lệ.', en: 'The query is not valid.' };
const INTERNAL: LocalizedText = {
  vi: 'Lỗi hệ thống. Vui lòng thử lại sau.',
  en: 'Internal error. Please try again later.',
};

function sendError(
  res: http.ServerResponse,
  status: number,
  code: string,
  text: LocalizedText,
  extra: Record<string, unknown> = {},
  asText = false,
): void {
  res.statusCode = status;
  res.setHeader('Cache-Control', 'no-store');
  if (asText) {
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(`${text.vi}\n${text.en}\n`);
    return;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ error: { code, message: text.en, text, ...extra } }));
}

/** Tells whether a path is one of these routes (the caller then hands the request over). */
export function isDocumentPath(pathname: string): boolean {
  return pathname.startsWith('/export/') || pathname === '/print/annual-report';
}

export function createDocumentRoutes(options: DocumentRoutesOptions) {
  const { db, log, summaries } = options;

  // Exports stream from the database and printed reports load a whole year: bounded, so a few users (or one
  // slow reader holding a download open) cannot take every connection to the database.
  const building = new Semaphore({
    max: MAX_DOCUMENTS_AT_ONCE,
    maxQueued: 4 * MAX_DOCUMENTS_AT_ONCE,
    busy: () => new DomainError('TOO_MANY_REQUESTS', DOCUMENTS_BUSY),
    maxPerKey: MAX_DOCUMENTS_PER_USER,
    keyBusy: () => new DomainError('TOO_MANY_REQUESTS', YOUR_DOCUMENTS_BUSY),
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const isPrint = url.pathname === '/print/annual-report';
    const fail = (status: number, code: string, text: LocalizedText, extra?: Record<string, unknown>) =>
      sendError(res, status, code, text, extra, isPrint);
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      return fail(405, 'METHOD_NOT_ALLOWED', { vi: 'Chỉ nhận GET.', en: 'Only GET is allowed.' });
    }
    const kindMatch = /^\/export\/([a-z]+)\.(xlsx|csv)$/.exec(url.pathname);
    const isTemplate = kindMatch?.[1] === 'template';
    if (!isPrint && !(kindMatch && (isTemplate || (kindMatch[2] === 'xlsx' && isExportKind(kindMatch[1]))))) {
      return fail(404, 'NOT_FOUND', NOT_FOUND);
    }
    const ctx = await createHttpContext({ req, res }, { db, log, secureCookies: options.secureCookies, summaries });
    if (!ctx.user) return fail(401, 'UNAUTHORIZED', SIGN_IN);
    // a one-time password must be replaced before anything else, downloads included (as every tRPC call)
    if (ctx.user.mustChangePassword) return fail(403, 'FORBIDDEN', PASSWORD_CHANGE_REQUIRED);
    const user = ctx.user;
    const signedIn = { ...ctx, user };
    res.setHeader('Cache-Control', 'no-store');

    try {
      if (isTemplate) {
        if (kindMatch[2] === 'xlsx') {
          const body = await buildImportTemplateXlsx();
          res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
          res.setHeader('Content-Disposition', contentDisposition('Mẫu nhập địa bàn và đơn vị.xlsx'));
          res.end(body);
        } else {
          const table = url.searchParams.get('table') ?? 'units';
          if (table !== 'units' && table !== 'areas' && table !== 'reorganisations')
            return fail(400, 'BAD_REQUEST', {
              vi: 'table phải là units, areas hoặc reorganisations.',
              en: 'table must be units, areas or reorganisations.',
            });
          res.setHeader('Content-Type', 'text/csv; charset=utf-8');
          res.setHeader(
            'Content-Disposition',
            contentDisposition(
              table === 'units'
                ? 'Mẫu nhập đơn vị.csv'
                : table === 'areas'
                  ? 'Mẫu nhập địa bàn.csv'
                  : 'Mẫu sắp xếp địa bàn.csv',
            ),
          );
          res.end(importTemplateCsv(table));
        }
        return;
      }
      const parsed = documentQuerySchema.safeParse({
        area: url.searchParams.get('area') ?? undefined,
        year: url.searchParams.get('year') ?? undefined,
      });
      if (!parsed.success)
        return fail(400, 'BAD_REQUEST', BAD_QUERY, { fieldErrors: describeZodIssues(parsed.error.issues) });
      const query = parsed.data;
      if (isPrint) {
        const lang = url.searchParams.get('lang') ?? 'vi';
        if (lang !== 'vi' && lang !== 'en')
          return fail(400, 'BAD_REQUEST', { vi: 'lang phải là vi hoặc en.', en: 'lang must be vi or en.' });
        const html = renderAnnualReport(await building.runFor(user.id, () => loadAnnualReport(signedIn, query)), lang);
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(html);
        return;
      }
      const kind = kindMatch?.[1];
      if (!isExportKind(kind)) return fail(404, 'NOT_FOUND', NOT_FOUND);
      await building.runFor(user.id, async () => {
        const prepared = await prepareExport(signedIn, kind, query);
        res.statusCode = 200;
        res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
        res.setHeader('Content-Disposition', contentDisposition(prepared.fileName));
        const started = performance.now();
        // A reader that stops reading is dropped after a minute without progress, and its place is freed
        // when the connection closes (the stream waiting for it to drain would otherwise wait for ever).
        res.setTimeout(DOWNLOAD_IDLE_MS, () => res.destroy());
        const closed = new Promise<'closed'>((resolve) => res.once('close', () => resolve('closed')));
        try {
          const writing = writeXlsx(res, prepared.sheets).then(() => 'written' as const);
          writing.catch(() => undefined); // once abandoned, a later failure has no one to tell
          const outcome = await Promise.race([writing, closed]);
          if (outcome === 'closed') {
            log.info(`export ${url.pathname} by ${user.username} abandoned by the client`);
            return;
          }
          res.end();
          log.info(`export ${url.pathname} by ${user.username}`, { ms: Math.round(performance.now() - started) });
        } catch (error) {
          // Headers are sent: the only honest signal left is to abort the transfer.
          log.error(`export ${url.pathname} failed while streaming`, { error });
          res.destroy(error instanceof Error ? error : new Error(String(error)));
        }
      });
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (isDomainError(error)) return fail(STATUS[error.code] ?? 400, error.code, error.text);
      log.error(`${url.pathname} failed`, { error });
      return fail(500, 'INTERNAL_SERVER_ERROR', INTERNAL);
    }
  }

  return (req: http.IncomingMessage, res: http.ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      log.error('document route failed', { error });
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', INTERNAL);
      else res.destroy();
    });
  };
}

function isExportKind(value: string | undefined): value is ExportKind {
  return (EXPORT_KINDS as readonly (string | undefined)[]).includes(value);
}
