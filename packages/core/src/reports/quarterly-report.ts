import type { LocalizedText } from '../errors.js';
import { comparisonQuarters } from '../periods/periods.js';

/**
 * The counts a unit reports each quarter, in the order of the report form.
 *
 * @example
 * ```ts
 * QUARTERLY_METRICS[0]; // 'crimes'
 * ```
 */
export const QUARTERLY_METRICS = [
  'crimes',
  'socialEvils',
  'firesExplosionsAccidents',
  'propagandaSessions',
  'peopleReached',
  'tipOffs',
  'newModels',
  'meetings',
] as const;

/** One of {@link QUARTERLY_METRICS}. @example `const m: QuarterlyMetric = 'socialEvils';` */
export type QuarterlyMetric = (typeof QUARTERLY_METRICS)[number];

/**
 * Labels of the quarterly counts in both languages.
 *
 * @example
 * ```ts
 * QUARTERLY_METRIC_LABELS.socialEvils.vi; // 'Số vụ tệ nạn xã hội'
 * ```
 */
export const QUARTERLY_METRIC_LABELS: Readonly<Record<QuarterlyMetric, LocalizedText>> = {
  crimes: { vi: 'Số vụ phạm tội', en: 'Crimes' },
  socialEvils: { vi: 'Số vụ tệ nạn xã hội', en: 'Social-evil cases' },
  firesExplosionsAccidents: {
    vi: 'Số vụ cháy, nổ, tai nạn nghiêm trọng',
    en: 'Fires, explosions and serious accidents',
  },
  propagandaSessions: { vi: 'Số buổi tuyên truyền', en: 'Propaganda sessions' },
  peopleReached: { vi: 'Số lượt người được tuyên truyền', en: 'People reached' },
  tipOffs: { vi: 'Số tin báo tố giác tội phạm', en: 'Tip-offs on crime' },
  newModels: { vi: 'Số mô hình mới', en: 'New models' },
  meetings: { vi: 'Số cuộc họp', en: 'Meetings' },
};

/**
 * Counts summed over a window (any subset of the metrics). Input of the comparison criterion (KDC-4).
 *
 * @example
 * ```ts
 * const c: ReportCounts = { crimes: 2, socialEvils: 1 };
 * ```
 */
export type ReportCounts = Partial<Record<QuarterlyMetric, number>>;

/**
 * What {@link windowCountsFromReports} reads of a quarterly report (a stored `QuarterlyReport` fits).
 *
 * @example
 * ```ts
 * const r: ReportCountsRecord = { year: 2022, quarter: 1, counts: { crimes: 0, socialEvils: 1 } };
 * ```
 */
export interface ReportCountsRecord {
  year: number;
  quarter: number;
  counts: ReportCounts;
  /** When it was filed (an ISO instant), where the reader needs it (the report flags); not read for counts. */
  submittedAt?: string;
  /** An inherited sum to which some predecessors contributed nothing (see `inheritedReports`). */
  partial?: true;
}

/**
 * This window's and the previous window's counts of a unit, the input of the comparison criterion (KDC-4).
 * A side is `undefined` when no data exists for it.
 *
 * @example
 * ```ts
 * const counts: WindowCounts = { current: { crimes: 1, socialEvils: 0 }, previous: { crimes: 2, socialEvils: 0 } };
 * ```
 */
export interface WindowCounts {
  current?: ReportCounts;
  previous?: ReportCounts;
}

function sum(reports: readonly ReportCountsRecord[], year: number, requireAll: boolean): ReportCounts | undefined {
  const wanted = comparisonQuarters(year);
  const total: Record<QuarterlyMetric, number> = {
    crimes: 0,
    socialEvils: 0,
    firesExplosionsAccidents: 0,
    propagandaSessions: 0,
    peopleReached: 0,
    tipOffs: 0,
    newModels: 0,
    meetings: 0,
  };
  let found = 0;
  for (const q of wanted) {
    const report = reports.find((r) => r.year === q.year && r.quarter === q.quarter);
    if (!report) continue;
    found++;
    for (const metric of QUARTERLY_METRICS) total[metric] += report.counts[metric] ?? 0;
  }
  if (found === 0 || (requireAll && found < wanted.length)) return undefined;
  return total;
}

/**
 * Builds a unit's {@link WindowCounts} for a year from its quarterly reports: the current side sums the
 * reports of {@link comparisonQuarters}(year) (Q4 of the year before and Q1–Q3), the previous side those of
 * `year − 1`. A side with no report is `undefined`; with `requireAllQuarters` a side missing any of its four
 * quarters is `undefined` too (so KDC-4 reports missing data instead of comparing partial sums).
 *
 * @example
 * ```ts
 * const counts = windowCountsFromReports(reportsOfVillage101, 2022);
 * evaluateUnit({ unit, year: 2022, registered: true, answers, counts });
 * ```
 */
export function windowCountsFromReports(
  reports: readonly ReportCountsRecord[],
  year: number,
  options: { requireAllQuarters?: boolean } = {},
): WindowCounts {
  const requireAll = options.requireAllQuarters ?? false;
  const counts: WindowCounts = {};
  const current = sum(reports, year, requireAll);
  const previous = sum(reports, year - 1, requireAll);
  if (current) counts.current = current;
  if (previous) counts.previous = previous;
  return counts;
}
