import { describe, expect, it } from 'vitest';
import { inheritedReports, quarterBeganBefore, type ReportLineageLink } from './lineage-reports.js';
import { windowCountsFromReports, type ReportCountsRecord } from './quarterly-report.js';

const r = (year: number, quarter: number, crimes: number, meetings = 1): ReportCountsRecord => ({
  year,
  quarter,
  counts: { crimes, meetings },
});
const link = (predecessorId: number, successorId: number, effectiveDate = '2025-07-01', split = false) =>
  ({ predecessorId, successorId, effectiveDate, split }) satisfies ReportLineageLink;

describe('quarterBeganBefore', () => {
  it('takes the reporting quarter’s first day (15th of the month before)', () => {
    expect(quarterBeganBefore({ year: 2025, quarter: 3 }, '2025-07-01')).toBe(true); // began 15/06/2025
    expect(quarterBeganBefore({ year: 2025, quarter: 3 }, '2025-06-15')).toBe(false);
    expect(quarterBeganBefore({ year: 2025, quarter: 4 }, '2025-07-01')).toBe(false);
    expect(quarterBeganBefore({ year: 2025, quarter: 1 }, '2024-12-16')).toBe(true); // began 15/12/2024
  });
});

describe('inheritedReports', () => {
  const own = new Map<number, ReportCountsRecord[]>([
    [1, [r(2024, 4, 2), r(2025, 1, 1), r(2025, 2, 0), r(2025, 3, 1)]],
    [2, [r(2024, 4, 1), r(2025, 1, 3), r(2025, 4, 9)]],
    [3, [r(2025, 4, 0)]],
  ]);
  const reportsOf = (id: number) => own.get(id) ?? [];

  it('sums the predecessors of a merge, quarter by quarter, for the quarters before the successor began', () => {
    const got = inheritedReports([3], reportsOf, [link(1, 3), link(2, 3)]).get(3);
    expect(got).toEqual([
      { year: 2024, quarter: 4, counts: { crimes: 3, meetings: 2 } },
      { year: 2025, quarter: 1, counts: { crimes: 4, meetings: 2 } },
      // only predecessor 1 filed it: summed from what was filed, marked partial (the flags do not count it filed)
      { year: 2025, quarter: 2, counts: { crimes: 0, meetings: 1 }, partial: true },
      { year: 2025, quarter: 3, counts: { crimes: 1, meetings: 1 }, partial: true },
    ]);
    // predecessor 2's Q4 2025 began after the merge: the successor's own (0) stands, not inherited
    // and the successor's own 2025 window now reaches back: Q4 2024 – Q3 2025 all present
    expect(windowCountsFromReports([...reportsOf(3), ...got!], 2025).current).toMatchObject({ crimes: 8 });
  });

  it('lets a successor’s own report of a quarter stand over its predecessors’', () => {
    own.set(4, [r(2025, 1, 7)]);
    const got = inheritedReports([4], reportsOf, [link(1, 4), link(2, 4)]).get(4)!;
    expect(got.map((x) => `${x.year}-${x.quarter}`)).toEqual(['2024-4', '2025-2', '2025-3']);
  });

  it('does not follow a split: its counts cannot be divided among the successors', () => {
    const links = [link(1, 5, '2025-07-01', true), link(1, 6, '2025-07-01', true)];
    expect(inheritedReports([5, 6], reportsOf, links).size).toBe(0);
  });

  it('follows earlier reorganisations: a successor of a successor inherits what its predecessor inherited', () => {
    own.set(7, [r(2025, 4, 0)]); // began 1/7/2025 from 1 and 2; files from Q4 2025
    own.set(8, []); // began 1/1/2026 from 7
    const links = [link(1, 7), link(2, 7), link(7, 8, '2026-01-01')];
    const got = inheritedReports([8], reportsOf, links).get(8)!;
    expect(got.map((x) => [`${x.year}-${x.quarter}`, x.counts.crimes])).toEqual([
      ['2024-4', 3],
      ['2025-1', 4],
      ['2025-2', 0],
      ['2025-3', 1],
      ['2025-4', 0], // 7's own
    ]);
  });

  it('gives nothing to a unit without predecessors, and survives a cycle in bad data', () => {
    expect(inheritedReports([1], reportsOf, []).size).toBe(0);
    const got = inheritedReports([9], reportsOf, [link(1, 9), link(9, 1, '2020-01-01')]).get(9)!;
    expect(got.map((x) => `${x.year}-${x.quarter}`)).toEqual(['2024-4', '2025-1', '2025-2', '2025-3']);
  });
});
