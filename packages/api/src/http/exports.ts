import { catalogueOfYear, evaluateUnitBatch } from '@antoan/services';
import {
  type AreaSummary,
  areaDisplayName,
  AWARD_KIND_LABELS,
  bilingual,
  compareVietnamese,
  CRITERION_OUTCOME_LABELS,
  CYCLE_STATUS_LABELS,
  DomainError,
  isModelOperating,
  MANAGING_LEVEL_LABELS,
  RECIPIENT_KIND_LABELS,
  RECOGNITION_RESULT_LABELS,
  UNIT_TYPE_LABELS,
  vietnamDate,
  yearSchema,
  type Area,
  type CriterionAnswer,
  type UnitType,
} from '@antoan/core';
import {
  iterateAwardBatches,
  iterateModelBatches,
  iterateUnitBatches,
  listAreasForExport,
  listEvidenceNotes,
  listUnitNames,
  type UnitBatch,
} from '@antoan/db';
import { z } from 'zod';
import type { Context } from '../context.js';
import { listAreaFor } from '../scope.js';
import type { ExportCell, ExportSheet } from './xlsx-writer.js';

// The spreadsheet exports: what each contains, computed the same way as the API (scope by listAreaFor, the
// summary of stats.summary, the engine's results). Everything that can fail is checked in prepareExport,
// before a byte is sent; the rows are then produced batch by batch while the file streams.

/** The exports served under /export/<kind>.xlsx. */
export const EXPORT_KINDS = ['statistics', 'units', 'assessments', 'models', 'awards'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** How many units an export reads (and evaluates) at a time. */
export const EXPORT_BATCH_SIZE = 2000;

const emptyAsUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const positiveId = z.preprocess(
  emptyAsUndefined,
  z.coerce
    .number({ message: bilingual('Mã địa bàn phải là số', 'The area must be a number') })
    .int()
    .positive()
    .optional(),
);

/** The query of an export or of the printed report: `area` (an area id; empty: the caller's whole scope), `year`. */
export const documentQuerySchema = z.object({
  area: positiveId,
  year: z.preprocess(emptyAsUndefined, z.coerce.number().pipe(yearSchema).optional()),
});

export type DocumentQuery = z.infer<typeof documentQuerySchema>;

type SignedInContext = Context & { user: NonNullable<Context['user']> };

const TYPE_ORDER: readonly UnitType[] = ['XA', 'KDC', 'CQ', 'DN', 'CSGD'];

/** The area an export covers (checked against the caller's scope) and its names. */
export interface DocumentScope {
  areaId: number | undefined;
  area: Area | undefined;
  areas: Map<number, Area>;
  /** "Thị xã Ba Đồn, Tỉnh Quảng Bình", or "Toàn quốc". */
  label: string;
  /** "Thị xã Ba Đồn", or "Toàn quốc". */
  shortLabel: string;
}

/** Resolves `area` within the caller's scope (FORBIDDEN outside it, NOT_FOUND unknown) and loads the names. */
export async function resolveDocumentScope(
  ctx: SignedInContext,
  requested: number | undefined,
): Promise<DocumentScope> {
  const areaId = await listAreaFor(ctx, requested);
  const areas = await listAreasForExport(ctx.db, areaId);
  const area = areaId === undefined ? undefined : areas.get(areaId);
  if (!area) return { areaId, area, areas, label: 'Toàn quốc', shortLabel: 'Toàn quốc' };
  const parent = area.parentId === null ? undefined : areas.get(area.parentId);
  const shortLabel = areaDisplayName(area);
  return { areaId, area, areas, shortLabel, label: parent ? `${shortLabel}, ${areaDisplayName(parent)}` : shortLabel };
}

function areaName(areas: Map<number, Area>, id: number | null | undefined): string {
  const area = id === null || id === undefined ? undefined : areas.get(id);
  return area ? areaDisplayName(area) : '';
}

function parentName(areas: Map<number, Area>, id: number): string {
  return areaName(areas, areas.get(id)?.parentId);
}

/** A short text for a stored answer: checklist items met, the ratio, the note. */
export function describeAnswer(answer: CriterionAnswer | undefined): string {
  if (!answer) return '';
  const parts: string[] = [];
  if (answer.checks) {
    const values = Object.values(answer.checks);
    parts.push(`${values.filter((v) => v === true).length}/${values.length} mục đạt`);
  }
  if (answer.numerator !== undefined || answer.denominator !== undefined)
    parts.push(`${answer.numerator ?? '?'}/${answer.denominator ?? '?'}`);
  if (answer.note) parts.push(answer.note);
  return parts.join('; ');
}

/**
 * Runs `load` on each item of `source`, one item ahead of the consumer: while the rows of a batch are written
 * (CPU in this process), the next batch is read (on PostgreSQL, work in the database server meanwhile).
 * At most two batches are held.
 */
export async function* prefetched<T, R>(
  source: AsyncIterable<T>,
  load: (item: T) => Promise<R>,
): AsyncGenerator<[T, R]> {
  const iterator = source[Symbol.asyncIterator]();
  const fetch = async (): Promise<[T, R] | null> => {
    const next = await iterator.next();
    return next.done ? null : [next.value, await load(next.value)];
  };
  let pending = fetch();
  try {
    for (;;) {
      const current = await pending;
      if (!current) return;
      pending = fetch();
      yield current;
    }
  } finally {
    // The consumer stopped early (an error, a closed connection): the batch in flight is not wanted.
    pending.catch(() => undefined);
    await iterator.return?.();
  }
}

// ── Statistics ──────────────────────────────────────────────────────────────────────────────────────

/** The rows of the seed article's table: per unit type recognised / eligible, then models and awards. */
export function statisticsRows(summary: AreaSummary): ExportCell[][] {
  const rows: ExportCell[][] = [];
  TYPE_ORDER.forEach((type, i) => {
    const s = summary.units.byType[type];
    rows.push([
      i + 1,
      UNIT_TYPE_LABELS[type].vi,
      s.total,
      s.excluded,
      s.eligible,
      s.registered,
      s.recognised,
      s.recognitionRate?.text ?? '—',
      { percent: s.recognitionRate?.value ?? null },
    ]);
  });
  const all = summary.units.all;
  rows.push([
    null,
    { text: 'Tổng cộng', bold: true },
    all.total,
    all.excluded,
    all.eligible,
    all.registered,
    all.recognised,
    all.recognitionRate?.text ?? '—',
    { percent: all.recognitionRate?.value ?? null },
  ]);
  rows.push([]);
  rows.push([null, { text: 'Mô hình phong trào', bold: true }, { text: 'Số lượng', bold: true }]);
  const m = summary.models;
  rows.push([1, 'Mô hình đang hoạt động', m.operating]);
  rows.push([2, 'Mô hình mới xây dựng trong năm', m.newInYear]);
  rows.push([3, 'Mô hình dừng hoạt động trong năm', m.stoppedInYear]);
  rows.push([4, 'Số điểm nhân rộng', m.sites]);
  rows.push([5, 'Số tổ, đội', m.teams]);
  rows.push([6, 'Điển hình tiên tiến', m.advancedExamples]);
  rows.push([]);
  rows.push([
    null,
    { text: 'Khen thưởng (cấp khen)', bold: true },
    { text: AWARD_KIND_LABELS.giay_khen.vi, bold: true },
    { text: AWARD_KIND_LABELS.bang_khen.vi, bold: true },
    { text: 'Tổng', bold: true },
  ]);
  summary.awards.byIssuer.forEach((issuer, i) =>
    rows.push([i + 1, issuer.issuer, issuer.byKind.giay_khen, issuer.byKind.bang_khen, issuer.total]),
  );
  rows.push([
    null,
    { text: 'Tổng cộng', bold: true },
    summary.awards.byKind.giay_khen,
    summary.awards.byKind.bang_khen,
    summary.awards.total,
  ]);
  return rows;
}

// ── The exports ─────────────────────────────────────────────────────────────────────────────────────

export interface PreparedExport {
  /** The download's name, in Vietnamese. */
  fileName: string;
  sheets: ExportSheet[];
}

/**
 * Checks everything an export needs before it streams (the caller's scope, the area, the query) and returns
 * its file name and sheets, whose rows are produced lazily while the file is written.
 */
export async function prepareExport(
  ctx: SignedInContext,
  kind: ExportKind,
  query: DocumentQuery,
): Promise<PreparedExport> {
  const today = vietnamDate(ctx.now());
  const scope = await resolveDocumentScope(ctx, query.area);
  const year = query.year ?? Number(today.slice(0, 4));
  const db = ctx.db;

  if (kind === 'statistics') {
    const summary = await ctx.summaries.get(db, scope.areaId, year, today);
    return {
      fileName: `Thống kê phong trào ${scope.shortLabel} năm ${year}.xlsx`,
      sheets: [
        {
          name: 'Thống kê',
          title: [
            `KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM ${year}`,
            `Địa bàn: ${scope.label}. ${summary.catalogue.title.vi}. Số liệu tính ngày ${today.split('-').reverse().join('/')}.`,
          ],
          columns: [
            { header: 'STT', width: 6 },
            { header: 'Loại đơn vị', width: 36 },
            { header: 'Tổng số', width: 12 },
            { header: 'Không thuộc diện', width: 12 },
            { header: 'Thuộc diện xét', width: 12 },
            { header: 'Đã đăng ký', width: 12 },
            { header: 'Đạt', width: 10 },
            { header: 'Đạt / thuộc diện', width: 14 },
            { header: 'Tỷ lệ đạt', width: 12 },
          ],
          rows: statisticsRows(summary),
        },
      ],
    };
  }

  if (kind === 'units' || kind === 'assessments') {
    const date = `${year}-12-31`;
    const catalogue = await catalogueOfYear(db, year, { areaId: scope.areaId, date });
    const batches = () => iterateUnitBatches(db, { areaId: scope.areaId, date, batchSize: EXPORT_BATCH_SIZE });
    const sortBatch = <T extends { areaId: number; type: UnitType; name: string }>(units: T[]) =>
      [...units].sort(
        (a, b) =>
          a.areaId - b.areaId ||
          TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
          compareVietnamese(a.name, b.name),
      );

    if (kind === 'units') {
      async function* rows(): AsyncGenerator<ExportCell[]> {
        let n = 0;
        for await (const [batch, { evaluations, states }] of prefetched(batches(), (b) =>
          evaluateUnitBatch(db, b, year, catalogue),
        )) {
          for (const unit of sortBatch(batch.units)) {
            const evaluation = evaluations.get(unit.id);
            const state = states.get(unit.id);
            const failed = evaluation?.criteria.filter((c) => c.outcome !== 'met').map((c) => c.code) ?? [];
            yield [
              ++n,
              unit.code,
              unit.name,
              UNIT_TYPE_LABELS[unit.type].vi,
              areaName(scope.areas, unit.areaId),
              parentName(scope.areas, unit.areaId),
              MANAGING_LEVEL_LABELS[unit.managingLevel].vi,
              evaluation ? RECOGNITION_RESULT_LABELS[evaluation.result].vi : '',
              evaluation?.result === 'CHUA_DAT' ? failed.join(', ') : '',
              evaluation?.exclusion?.reason.vi ?? '',
              CYCLE_STATUS_LABELS[state?.status ?? 'not_registered'].vi,
              state?.decisionNumber ?? '',
              { date: state?.decisionDate ?? null },
              state?.certificateNumber ?? '',
            ];
          }
        }
      }
      return {
        fileName: `Danh sách đơn vị ${scope.shortLabel} năm ${year}.xlsx`,
        sheets: [
          {
            name: `Đơn vị ${year}`,
            title: [
              `DANH SÁCH ĐƠN VỊ VÀ KẾT QUẢ "AN TOÀN VỀ AN NINH, TRẬT TỰ" NĂM ${year}`,
              `Địa bàn: ${scope.label}. Kết quả do hệ thống tính theo ${catalogue.title.vi}.`,
            ],
            columns: [
              { header: 'STT', width: 7 },
              { header: 'Mã đơn vị', width: 22 },
              { header: 'Tên đơn vị', width: 36 },
              { header: 'Loại', width: 20 },
              { header: 'Địa bàn', width: 26 },
              { header: 'Cấp trên', width: 24 },
              { header: 'Cấp quản lý', width: 12 },
              { header: `Kết quả năm ${year}`, width: 16 },
              { header: 'Tiêu chí chưa đạt', width: 22 },
              { header: 'Lý do không thuộc diện', width: 30 },
              { header: 'Trạng thái hồ sơ', width: 18 },
              { header: 'Số quyết định', width: 16 },
              { header: 'Ngày quyết định', width: 14 },
              { header: 'Số giấy công nhận', width: 16 },
            ],
            rows: rows(),
          },
        ],
      };
    }

    async function* rows(): AsyncGenerator<ExportCell[]> {
      const load = (batch: UnitBatch) =>
        Promise.all([evaluateUnitBatch(db, batch, year, catalogue), listEvidenceNotes(db, batch, year)]);
      for await (const [batch, [{ evaluations, answers }, notes]] of prefetched(batches(), load)) {
        for (const unit of sortBatch(batch.units)) {
          const evaluation = evaluations.get(unit.id);
          if (!evaluation || evaluation.result === 'NOT_REGISTERED' || evaluation.result === 'EXCLUDED') continue;
          const own = answers.get(unit.id) ?? {};
          for (const criterion of evaluation.criteria) {
            yield [
              unit.code,
              unit.name,
              UNIT_TYPE_LABELS[unit.type].vi,
              areaName(scope.areas, unit.areaId),
              RECOGNITION_RESULT_LABELS[evaluation.result].vi,
              criterion.code,
              criterion.title.vi,
              describeAnswer(own[criterion.code]),
              CRITERION_OUTCOME_LABELS[criterion.outcome].vi,
              criterion.reasons.map((r) => r.vi).join('; '),
              notes.get(unit.id)?.get(criterion.code) ?? '',
            ];
          }
        }
      }
    }
    return {
      fileName: `Chi tiết tiêu chí ${scope.shortLabel} năm ${year}.xlsx`,
      sheets: [
        {
          name: `Tiêu chí ${year}`,
          title: [
            `KẾT QUẢ TỪNG TIÊU CHÍ CỦA CÁC ĐƠN VỊ ĐÃ ĐĂNG KÝ NĂM ${year}`,
            `Địa bàn: ${scope.label}. Danh mục tiêu chí: ${catalogue.title.vi}.`,
          ],
          columns: [
            { header: 'Mã đơn vị', width: 22 },
            { header: 'Tên đơn vị', width: 32 },
            { header: 'Loại', width: 18 },
            { header: 'Địa bàn', width: 24 },
            { header: `Kết quả đơn vị năm ${year}`, width: 14 },
            { header: 'Mã tiêu chí', width: 11 },
            { header: 'Tiêu chí', width: 48 },
            { header: 'Trả lời', width: 24 },
            { header: 'Kết quả tiêu chí', width: 14 },
            { header: 'Lý do', width: 48 },
            { header: 'Ghi chú minh chứng', width: 36 },
          ],
          rows: rows(),
        },
      ],
    };
  }

  const filterYear = query.year;
  const date = filterYear !== undefined && `${filterYear}-12-31` < today ? `${filterYear}-12-31` : today;
  const yearText = filterYear !== undefined ? ` năm ${filterYear}` : '';

  if (kind === 'models') {
    async function* rows(): AsyncGenerator<ExportCell[]> {
      let n = 0;
      for await (const batch of iterateModelBatches(db, {
        areaId: scope.areaId,
        date,
        year: filterYear,
        batchSize: EXPORT_BATCH_SIZE,
      })) {
        const hosts = await listUnitNames(
          db,
          batch.flatMap((m) => (m.hostUnitId === null ? [] : [m.hostUnitId])),
        );
        for (const model of batch) {
          yield [
            ++n,
            model.name,
            model.category,
            areaName(scope.areas, model.areaId),
            model.hostUnitId === null ? '' : (hosts.get(model.hostUnitId)?.name ?? ''),
            { date: model.startedOn },
            { date: model.stoppedOn },
            model.sites,
            model.teams,
            model.isAdvancedExample ? 'Có' : '',
            isModelOperating(model, date) ? 'Đang hoạt động' : 'Đã dừng',
          ];
        }
      }
    }
    return {
      fileName: `Mô hình phong trào ${scope.shortLabel}${yearText}.xlsx`,
      sheets: [
        {
          name: 'Mô hình',
          title: [
            `DANH SÁCH MÔ HÌNH PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC${yearText.toUpperCase()}`,
            `Địa bàn: ${scope.label}. Trạng thái tính ngày ${date.split('-').reverse().join('/')}.`,
          ],
          columns: [
            { header: 'STT', width: 6 },
            { header: 'Tên mô hình', width: 44 },
            { header: 'Phân loại', width: 16 },
            { header: 'Địa bàn', width: 24 },
            { header: 'Đơn vị chủ trì', width: 30 },
            { header: 'Ngày bắt đầu', width: 13 },
            { header: 'Ngày dừng', width: 13 },
            { header: 'Số điểm', width: 9 },
            { header: 'Số tổ, đội', width: 9 },
            { header: 'Điển hình tiên tiến', width: 12 },
            { header: 'Trạng thái', width: 16 },
          ],
          rows: rows(),
        },
      ],
    };
  }

  if (kind === 'awards') {
    async function* rows(): AsyncGenerator<ExportCell[]> {
      let n = 0;
      for await (const batch of iterateAwardBatches(db, {
        areaId: scope.areaId,
        date,
        year: filterYear,
        batchSize: EXPORT_BATCH_SIZE,
      })) {
        const units = await listUnitNames(
          db,
          batch.flatMap((a) => (a.unitId === null ? [] : [a.unitId])),
        );
        for (const award of batch) {
          yield [
            ++n,
            award.year,
            AWARD_KIND_LABELS[award.kind].vi,
            RECIPIENT_KIND_LABELS[award.recipientKind].vi,
            award.recipientName,
            award.unitId === null ? '' : (units.get(award.unitId)?.name ?? ''),
            areaName(scope.areas, award.areaId),
            award.issuer,
            award.decisionNumber,
            { date: award.decisionDate },
          ];
        }
      }
    }
    return {
      fileName: `Khen thưởng ${scope.shortLabel}${yearText}.xlsx`,
      sheets: [
        {
          name: 'Khen thưởng',
          title: [
            `DANH SÁCH KHEN THƯỞNG PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC${yearText.toUpperCase()}`,
            `Địa bàn: ${scope.label}.`,
          ],
          columns: [
            { header: 'STT', width: 6 },
            { header: 'Năm', width: 7 },
            { header: 'Hình thức', width: 14 },
            { header: 'Đối tượng', width: 11 },
            { header: 'Tập thể, cá nhân được khen', width: 36 },
            { header: 'Đơn vị', width: 30 },
            { header: 'Địa bàn', width: 22 },
            { header: 'Cấp khen', width: 36 },
            { header: 'Số quyết định', width: 16 },
            { header: 'Ngày quyết định', width: 14 },
          ],
          rows: rows(),
        },
      ],
    };
  }
  throw new DomainError('NOT_FOUND', { vi: 'Không có bảng xuất này.', en: 'No such export.' });
}
