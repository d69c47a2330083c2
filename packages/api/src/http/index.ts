// What the HTTP server needs beyond tRPC: the spreadsheet exports, the printed report's data and the import
// template. A separate entry point (`@antoan/api/http`), so the SPA's types never see Node streams.
export { loadAnnualReport, REPORT_LIST_LIMIT, type AnnualReportData } from './annual-report.js';
export {
  documentQuerySchema,
  EXPORT_BATCH_SIZE,
  EXPORT_KINDS,
  prepareExport,
  resolveDocumentScope,
  type DocumentQuery,
  type ExportKind,
  type PreparedExport,
} from './exports.js';
export {
  contentDisposition,
  writeXlsx,
  XLSX_CONTENT_TYPE,
  type ExportCell,
  type ExportColumn,
  type ExportSheet,
} from './xlsx-writer.js';
export { buildImportTemplateXlsx, importTemplateCsv } from '../spreadsheet/template.js';
