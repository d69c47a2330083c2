/**
 * @packageDocumentation
 * `@antoan/core`: the rules of the standard "An toàn về an ninh, trật tự" as a pure TypeScript library.
 * No I/O and no clock: every function that depends on time takes it as an argument.
 */
export * from './units.js';
export * from './unit-versions.js';
export * from './text.js';
export * from './errors.js';
export * from './unit.schema.js';
export * from './collation.js';
export * from './area-tree.js';
export * from './validation.js';
export * from './transport-limits.js';
export * from './roles.js';
export * from './permissions.js';
export * from './user.schema.js';
export * from './records.schema.js';
export * from './cycle.js';
export * from './assessment.js';
export * from './assessment-input.schema.js';
export * from './file-rules.js';
export * from './record-rules.js';
// ── The rules (issue 3): catalogues, recognition, grading, periods, reports, statistics ──
export * from './zod-error.js';
export * from './periods/dates.js';
export * from './periods/periods.js';
export * from './catalogue/unit-attributes.js';
export * from './catalogue/catalogue.schema.js';
export * from './catalogue/catalogue.js';
export * from './catalogue/eligibility.js';
export * from './catalogue/tt124-2021.catalogue.js';
export * from './catalogue/tt23-2012.catalogue.js';
export * from './reports/quarterly-report.js';
export * from './reports/lineage-reports.js';
export * from './recognition/assessment.schema.js';
export * from './recognition/recognition.engine.js';
export * from './recognition/passing-answers.js';
export * from './recognition/recognition-authority.js';
export * from './recognition/locked-files.js';
export * from './grading/grading.schema.js';
export * from './grading/sheet-templates.js';
export * from './grading/grading.engine.js';
export * from './grading/score-rules.js';
export * from './movement/movement-model.js';
export * from './movement/award.js';
export * from './statistics/rate.js';
export * from './statistics/statistics.js';
export * from './statistics/area-summary.js';
export * from './reminders/index.js';
// ── Import and export of spreadsheets (issue 8): cell safety, CSV, the import tables and their plan ──
export * from './area-labels.js';
export * from './account-placement.js';
export * from './spreadsheet/cell-text.js';
export * from './spreadsheet/csv.js';
export * from './spreadsheet/import-columns.js';
export * from './spreadsheet/import-rows.js';
export * from './spreadsheet/import-plan.js';
export * from './spreadsheet/import-reorganisations.js';
export * from './spreadsheet/import-file.schema.js';
export * from './reorganisation.js';
export * from './reorganisation-terms.js';
