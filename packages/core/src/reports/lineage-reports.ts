// Quarterly reports across a reorganisation (issue 15). A unit that begins on a reorganisation's effective date
// (a merged commune's village, the commune unit of a new commune) has no reports of its own for the quarters
// before it existed, yet its first years' comparison criteria (KDC-4, XA-4) compare windows that reach back into
// them. Those quarters are what its predecessors filed, taken together.
import { quarterPeriod } from '../periods/periods.js';
import { QUARTERLY_METRICS, type ReportCounts, type ReportCountsRecord } from './quarterly-report.js';

/**
 * A link of unit lineage (`unit_lineage`) as the reports follow it: `successorId` began on `effectiveDate`
 * (yyyy-mm-dd) from `predecessorId`. `split` says the predecessor went to more than one successor.
 *
 * @example
 * ```ts
 * const link: ReportLineageLink = { predecessorId: 41, successorId: 907, effectiveDate: '2025-07-01', split: false };
 * ```
 */
export interface ReportLineageLink {
  predecessorId: number;
  successorId: number;
  effectiveDate: string;
  split: boolean;
}

/**
 * Whether a predecessor's report of a quarter stands for a successor that began on `effectiveDate`: the quarter
 * began before that day (the reporting quarter's first day, 15th of the month before; Q3 2025 began on
 * 15/06/2025, so it still belongs to predecessors ended on 01/07/2025 unless the successor filed it).
 *
 * @example
 * ```ts
 * quarterBeganBefore({ year: 2025, quarter: 3 }, '2025-07-01'); // true
 * quarterBeganBefore({ year: 2025, quarter: 4 }, '2025-07-01'); // false
 * ```
 */
export function quarterBeganBefore(quarter: { year: number; quarter: number }, effectiveDate: string): boolean {
  return quarterPeriod(quarter.year, quarter.quarter).from < effectiveDate;
}

/**
 * The reports each of `unitIds` inherits from its predecessors: for every quarter that began before the unit
 * existed (see {@link quarterBeganBefore}) and that it did not file itself, the sum of what its predecessors
 * stand for in that quarter — their own report, or in turn what they inherited from an earlier reorganisation.
 * A quarter none of them reported stays absent. A split's predecessor (one unit to several) is not followed: its
 * counts cannot be divided among the successors, who file those quarters themselves (a report may be filed for
 * any quarter). Only the metrics the summed reports carry are summed; a sum's `submittedAt`, where the parts
 * carry one, is the latest of theirs (the quarter is filed when its last part was). A quarter some of the
 * predecessors did not stand for is still summed from those that did (the comparison reads what was filed), and
 * marked `partial`: the report flags count it filed only when it is whole.
 *
 * `reportsOf` gives a unit's own reports (at least those of the quarters that matter); `links` the lineage
 * reaching back from the units, transitively. Returns only the inherited records, by unit, ordered by quarter;
 * a unit that inherits nothing is absent. Pass a unit's own reports with them to `windowCountsFromReports`.
 *
 * @example
 * ```ts
 * const links = [
 *   { predecessorId: 1, successorId: 3, effectiveDate: '2025-07-01', split: false },
 *   { predecessorId: 2, successorId: 3, effectiveDate: '2025-07-01', split: false },
 * ];
 * const own = new Map([
 *   [1, [{ year: 2025, quarter: 1, counts: { crimes: 2 } }]],
 *   [2, [{ year: 2025, quarter: 1, counts: { crimes: 1 } }]],
 * ]);
 * inheritedReports([3], (id) => own.get(id) ?? [], links).get(3);
 * // [{ year: 2025, quarter: 1, counts: { crimes: 3 } }]
 * ```
 */
export function inheritedReports(
  unitIds: readonly number[],
  reportsOf: (unitId: number) => readonly ReportCountsRecord[],
  links: readonly ReportLineageLink[],
): Map<number, ReportCountsRecord[]> {
  const predecessors = new Map<number, ReportLineageLink[]>();
  for (const link of links) {
    if (link.split) continue;
    const list = predecessors.get(link.successorId);
    if (list) list.push(link);
    else predecessors.set(link.successorId, [link]);
  }
  // what a unit stands for, quarter by quarter (key `year-quarter`): its own reports, then what it inherits
  const standing = new Map<number, Map<string, ReportCountsRecord>>();
  const inherited = new Map<number, Map<string, ReportCountsRecord>>();
  const resolve = (unitId: number, path: ReadonlySet<number>): Map<string, ReportCountsRecord> => {
    const known = standing.get(unitId);
    if (known) return known;
    const own = new Map(reportsOf(unitId).map((r) => [`${r.year}-${r.quarter}`, r]));
    const links = predecessors.get(unitId) ?? [];
    const sums = new Map<string, { record: ReportCountsRecord; parts: number; partial: boolean }>();
    const deeper = new Set(path).add(unitId);
    for (const link of links) {
      if (deeper.has(link.predecessorId)) continue; // a cycle in the lineage would be a data error: not followed
      for (const [key, record] of resolve(link.predecessorId, deeper)) {
        if (own.has(key) || !quarterBeganBefore(record, link.effectiveDate)) continue;
        const sum = sums.get(key);
        if (sum) {
          sum.record = addRecords(sum.record, record);
          sum.parts++;
          sum.partial ||= record.partial === true;
        } else sums.set(key, { record, parts: 1, partial: record.partial === true });
      }
    }
    const gained = new Map<string, ReportCountsRecord>();
    for (const [key, sum] of sums)
      gained.set(key, sum.partial || sum.parts < links.length ? { ...sum.record, partial: true } : sum.record);
    const all = new Map([...own, ...gained]);
    standing.set(unitId, all);
    inherited.set(unitId, gained);
    return all;
  };
  const out = new Map<number, ReportCountsRecord[]>();
  for (const id of unitIds) {
    resolve(id, new Set());
    const gained = [...(inherited.get(id)?.values() ?? [])];
    if (gained.length > 0)
      out.set(
        id,
        gained.sort((a, b) => a.year - b.year || a.quarter - b.quarter),
      );
  }
  return out;
}

// two parts of a quarter: the counts summed; filed when the last part was
function addRecords(a: ReportCountsRecord, b: ReportCountsRecord): ReportCountsRecord {
  const sum: ReportCountsRecord = { year: a.year, quarter: a.quarter, counts: addCounts(a.counts, b.counts) };
  if (a.partial === true || b.partial === true) sum.partial = true;
  const filed = [a.submittedAt, b.submittedAt].filter((x): x is string => x !== undefined).sort();
  const last = filed[filed.length - 1];
  if (last !== undefined) sum.submittedAt = last;
  return sum;
}

function addCounts(a: ReportCounts, b: ReportCounts): ReportCounts {
  const sum: ReportCounts = {};
  for (const metric of QUARTERLY_METRICS) {
    if (a[metric] === undefined && b[metric] === undefined) continue;
    sum[metric] = (a[metric] ?? 0) + (b[metric] ?? 0);
  }
  return sum;
}
