import {
  type AreaSummary,
  AREA_KIND_LABELS,
  areaDisplayName,
  AWARD_KIND_LABELS,
  RECIPIENT_KIND_LABELS,
  vietnamDate,
  type Area,
  type AwardRecord,
  type MovementModelRecord,
} from '@antoan/core';
import { iterateAwardBatches, iterateModelBatches, listUnitNames, type ListedIncident } from '@antoan/db';
import { listYearFindings, type FailedUnit } from '@antoan/services';
import type { Context } from '../context.js';
import { resolveDocumentScope, type DocumentQuery } from './exports.js';

// What the printed annual report shows: the issuing body (derived from the area), the place and date, the
// figures of stats.summary (the same cached computation), and the lists of models and awards.

/** Lists on paper stop here; the report says how many more there are. */
export const REPORT_LIST_LIMIT = 200;

export interface AnnualReportData {
  year: number;
  /** The document's date (ISO): today in Vietnam. */
  date: string;
  /** The issuing body and the body above it, upper case ("CÔNG AN THỊ XÃ BA ĐỒN", "CÔNG AN TỈNH QUẢNG BÌNH"). */
  issuer: { body: string; superior: string | null };
  /** Who signs: "TRƯỞNG CÔNG AN THỊ XÃ", "GIÁM ĐỐC" (a province's police), "BỘ TRƯỞNG". */
  signerTitle: { vi: string; en: string };
  /** The place of the date line ("Ba Đồn"). */
  place: string;
  /** "Thị xã Ba Đồn", or "Toàn quốc". */
  areaLabel: string;
  /** The area as a sentence names it ("thị xã Ba Đồn"), or "toàn quốc". */
  areaInText: string;
  summary: AreaSummary;
  models: { items: (MovementModelRecord & { areaName: string; hostName: string; isNew: boolean })[]; total: number };
  awards: { items: (AwardRecord & { kindLabel: string; recipientKindLabel: string })[]; total: number };
  /** The units whose stored result is Chưa đạt, each with its area's name and the incidents of its window. */
  failed: { items: (FailedUnit & { areaName: string })[]; total: number };
  /** The incidents of the scope's units within their window of the year. */
  incidents: { items: (ListedIncident & { areaName: string })[]; total: number };
}

function policeOf(area: Area | undefined): string {
  if (!area) return 'BỘ CÔNG AN';
  return `CÔNG AN ${AREA_KIND_LABELS[area.kind].vi} ${area.name}`.toLocaleUpperCase('vi');
}

/** Loads the report of an area (in the caller's scope) and a year. */
export async function loadAnnualReport(
  ctx: Context & { user: NonNullable<Context['user']> },
  query: DocumentQuery,
): Promise<AnnualReportData> {
  const today = vietnamDate(ctx.now());
  const year = query.year ?? Number(today.slice(0, 4)) - 1;
  const scope = await resolveDocumentScope(ctx, query.area);
  const area = scope.area;
  const parent = area?.parentId ? scope.areas.get(area.parentId) : undefined;
  const summary = await ctx.summaries.get(ctx.db, scope.areaId, year, today);
  const yearEnd = `${year}-12-31`;
  const asOf = yearEnd < today ? yearEnd : today;

  const models: AnnualReportData['models'] = { items: [], total: 0 };
  for await (const batch of iterateModelBatches(ctx.db, { areaId: scope.areaId, date: asOf, year })) {
    const operating = batch.filter((m) => m.startedOn <= asOf && (m.stoppedOn === null || m.stoppedOn > asOf));
    models.total += operating.length;
    const room = REPORT_LIST_LIMIT - models.items.length;
    if (room <= 0) continue;
    const shown = operating.slice(0, room);
    const hosts = await listUnitNames(
      ctx.db,
      shown.flatMap((m) => (m.hostUnitId === null ? [] : [m.hostUnitId])),
    );
    for (const m of shown) {
      const areaOfModel = scope.areas.get(m.areaId);
      models.items.push({
        ...m,
        areaName: areaOfModel ? areaDisplayName(areaOfModel) : '',
        hostName: m.hostUnitId === null ? '' : (hosts.get(m.hostUnitId)?.name ?? ''),
        isNew: m.startedOn >= `${year}-01-01`,
      });
    }
  }
  const awards: AnnualReportData['awards'] = { items: [], total: 0 };
  for await (const batch of iterateAwardBatches(ctx.db, { areaId: scope.areaId, date: yearEnd, year })) {
    awards.total += batch.length;
    for (const a of batch.slice(0, Math.max(0, REPORT_LIST_LIMIT - awards.items.length))) {
      awards.items.push({
        ...a,
        kindLabel: AWARD_KIND_LABELS[a.kind].vi,
        recipientKindLabel: RECIPIENT_KIND_LABELS[a.recipientKind].vi,
      });
    }
  }
  awards.items.sort((a, b) =>
    a.decisionDate < b.decisionDate ? -1 : a.decisionDate > b.decisionDate ? 1 : a.id - b.id,
  );

  const findings = await listYearFindings(ctx.db, scope.areaId, year, REPORT_LIST_LIMIT);
  const areaNameOf = (areaId: number) => {
    const a = scope.areas.get(areaId);
    return a ? areaDisplayName(a) : '';
  };

  return {
    year,
    date: today,
    issuer: { body: policeOf(area), superior: area ? policeOf(parent) : null },
    signerTitle: !area
      ? { vi: 'BỘ TRƯỞNG', en: 'MINISTER' }
      : area.level === 'province'
        ? { vi: 'GIÁM ĐỐC', en: 'DIRECTOR' }
        : { vi: `TRƯỞNG CÔNG AN ${AREA_KIND_LABELS[area.kind].vi.toLocaleUpperCase('vi')}`, en: 'HEAD OF POLICE' },
    place: area?.name ?? 'Hà Nội',
    areaLabel: scope.shortLabel,
    areaInText: area ? `${AREA_KIND_LABELS[area.kind].vi.toLocaleLowerCase('vi')} ${area.name}` : 'toàn quốc',
    summary,
    models,
    awards,
    failed: {
      items: findings.failed.items.map((u) => ({ ...u, areaName: areaNameOf(u.areaId) })),
      total: findings.failed.total,
    },
    incidents: {
      items: findings.incidents.items.map((i) => ({ ...i, areaName: areaNameOf(i.areaId) })),
      total: findings.incidents.total,
    },
  };
}
