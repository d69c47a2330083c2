import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRADES, type Grade } from '../grading/grading.schema.js';
import { DEFAULT_REPORTING_SETTINGS, quarterPeriod, type Quarter } from '../periods/periods.js';
import { RECOGNITION_RESULTS, type RecognitionResult } from '../recognition/recognition.engine.js';
import { AWARD_KINDS, type AwardKind } from '../records.schema.js';
import { UNIT_TYPES, type UnitType } from '../units.js';
import {
  awardStatisticsFromCounts,
  catalogueForUnitYear,
  dueQuarters,
  gradeDistributionFromCounts,
  isReportOnTime,
  reportCompletenessFromCounts,
  reportFlags,
  summarizeResultTotals,
  summaryCatalogue,
  unitStatisticsFromCounts,
} from './area-summary.js';
import {
  computeAwardStatistics,
  computeGradeDistribution,
  computeReportCompleteness,
  computeUnitStatistics,
} from './statistics.js';

function countBy<T, K extends string>(items: readonly T[], key: (item: T) => K): Map<K, { item: T; count: number }> {
  const out = new Map<K, { item: T; count: number }>();
  for (const item of items) {
    const k = key(item);
    const entry = out.get(k);
    if (entry) entry.count++;
    else out.set(k, { item, count: 1 });
  }
  return out;
}

const unitArb = fc.record({
  unitType: fc.constantFrom<UnitType>(...UNIT_TYPES),
  result: fc.constantFrom<RecognitionResult>(...RECOGNITION_RESULTS),
  grade: fc.option(fc.constantFrom<Grade>(...GRADES), { nil: null }),
});

describe('the summary from counts agrees with the summary from one record per unit', () => {
  it('units, grades, awards: for any set of records, counting first gives the same figures', () => {
    fc.assert(
      fc.property(
        fc.array(unitArb, { maxLength: 60 }),
        fc.array(
          fc.record({
            kind: fc.constantFrom<AwardKind>(...AWARD_KINDS),
            recipientKind: fc.constantFrom('collective' as const, 'individual' as const),
            issuer: fc.constantFrom(
              'Giám đốc Công an tỉnh',
              ' Giám đốc Công an tỉnh ',
              'Chủ tịch UBND thị xã',
              'Bộ trưởng',
            ),
          }),
          { maxLength: 20 },
        ),
        (units, awards) => {
          const records = units.map((u, i) => ({ unitId: i + 1, unitType: u.unitType, result: u.result }));
          const unitCounts = [...countBy(units, (u) => `${u.unitType}|${u.result}`).values()].map(
            ({ item, count }) => ({ unitType: item.unitType, result: item.result, count }),
          );
          expect(unitStatisticsFromCounts(unitCounts)).toEqual(computeUnitStatistics(records));

          const graded = units.flatMap((u) => (u.grade ? [{ unitType: u.unitType, grade: u.grade }] : []));
          const gradeCounts = [...countBy(graded, (g) => `${g.unitType}|${g.grade}`).values()].map(
            ({ item, count }) => ({ ...item, count }),
          );
          expect(gradeDistributionFromCounts(gradeCounts)).toEqual(computeGradeDistribution(graded));

          const awardCounts = [...countBy(awards, (a) => `${a.kind}|${a.recipientKind}|${a.issuer}`).values()].map(
            ({ item, count }) => ({ ...item, count }),
          );
          expect(awardStatisticsFromCounts(awardCounts)).toEqual(
            computeAwardStatistics(
              awards.map((a) => ({ ...a, year: 2021 })),
              2021,
            ),
          );
        },
      ),
    );
  });

  it('report completeness: per-quarter counts give the records’ figures, and the missing count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.array(
          fc.record({
            unit: fc.integer({ min: 1, max: 12 }),
            quarter: fc.constantFrom<Quarter>(1, 2, 3, 4),
            late: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        (n, filed) => {
          const quarters = dueQuarters(2021, '2022-01-10');
          const units = Array.from({ length: n }, (_, i) => ({ unitId: i + 1 }));
          // one report per unit and quarter (the table is unique on them), on the due date or the day after
          const reports = [
            ...countBy(
              filed.filter((r) => r.unit <= n),
              (r) => `${r.unit}|${r.quarter}`,
            ).values(),
          ].map(({ item }) => {
            const due = quarterPeriod(2021, item.quarter, DEFAULT_REPORTING_SETTINGS).dueDate;
            return {
              unitId: item.unit,
              year: 2021,
              quarter: item.quarter,
              submittedAt: item.late ? `${due}T17:00:00.000Z` : `${due}T16:59:00.000Z`,
            };
          });
          const reference = computeReportCompleteness({ units, quarters, reports });
          const counts = quarters.map((q) => {
            const own = reports.filter((r) => r.quarter === q.quarter);
            return {
              ...q,
              submitted: own.length,
              onTime: own.filter((r) => isReportOnTime(r.submittedAt, r.year, r.quarter)).length,
            };
          });
          const fromCounts = reportCompletenessFromCounts({
            reportingUnits: n,
            quarters: counts,
            missing: reference.missing.slice(0, 200),
          });
          expect(fromCounts).toEqual({
            ...reference,
            missing: reference.missing.slice(0, 200),
            missingCount: reference.missing.length,
          });
        },
      ),
    );
  });
});

describe('the summary from result totals (what the stored results are counted into)', () => {
  it('equals the figures computed from one record per unit and one report per filed quarter', () => {
    const models = {
      asOf: '2021-12-31',
      operating: 0,
      newInYear: 0,
      stoppedInYear: 0,
      sites: 0,
      teams: 0,
      advancedExamples: 0,
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ unit: unitArb, filed: fc.integer({ min: 0, max: 15 }), late: fc.integer({ min: 0, max: 15 }) }),
          { maxLength: 40 },
        ),
        (rows) => {
          const quarters = dueQuarters(2021, '2021-11-01'); // Q1–Q3 due
          const reports = rows.flatMap((r, i) =>
            ([1, 2, 3, 4] as Quarter[]).flatMap((quarter) => {
              if (!(r.filed & (1 << (quarter - 1)))) return [];
              const due = quarterPeriod(2021, quarter, DEFAULT_REPORTING_SETTINGS).dueDate;
              return [
                {
                  unitId: i + 1,
                  year: 2021,
                  quarter,
                  submittedAt: r.late & (1 << (quarter - 1)) ? `${due}T17:00:00.000Z` : `${due}T10:00:00.000Z`,
                },
              ];
            }),
          );
          const totals = rows.map((r, i) => {
            const flags = reportFlags(reports, 2021).get(i + 1) ?? { filed: 0, onTime: 0 };
            const bits = (n: number) => [0, 1, 2, 3].map((q) => (n >> q) & 1) as [number, number, number, number];
            return {
              unitType: r.unit.unitType,
              result: r.unit.result,
              catalogueId: 'tt124-2021',
              grade: r.unit.grade,
              units: 1,
              filed: bits(flags.filed),
              onTime: bits(flags.onTime),
            };
          });
          const summary = summarizeResultTotals({
            areaId: 1,
            year: 2021,
            today: '2021-11-01',
            totals,
            awards: [],
            models,
            missing: [],
          });
          expect(summary.units).toEqual(
            computeUnitStatistics(
              rows.map((r, i) => ({ unitId: i + 1, unitType: r.unit.unitType, result: r.unit.result })),
            ),
          );
          expect(summary.grades).toEqual(
            computeGradeDistribution(
              rows.flatMap((r) => (r.unit.grade ? [{ unitType: r.unit.unitType, grade: r.unit.grade }] : [])),
            ),
          );
          const reporting = rows.flatMap((r, i) => (r.unit.result === 'EXCLUDED' ? [] : [{ unitId: i + 1 }]));
          const { missing, ...reference } = computeReportCompleteness({ units: reporting, quarters, reports });
          expect(summary.reports).toEqual({ ...reference, missing: [], missingCount: missing.length });
        },
      ),
    );
  });
});

describe('the catalogue of a (unit, year)', () => {
  it.each([
    ['tt124-2021', 2021, 'tt124-2021', 'the file chose it'],
    [undefined, 2021, 'tt23-2012', 'no file: the one in force'],
    [null, 2023, 'tt124-2021', 'no file: the one in force'],
    ['nope', 2023, 'tt124-2021', 'an unknown catalogue: the one in force'],
  ])('%s in %i → %s (%s)', (file, year, expected, _why) => {
    expect(catalogueForUnitYear(file, year).id).toBe(expected);
  });

  it('labels a summary with the catalogue most registered units used, ties to the smaller id, else the one in force', () => {
    expect(
      summaryCatalogue(
        [
          { catalogueId: 'tt124-2021', count: 9 },
          { catalogueId: 'tt23-2012', count: 2 },
        ],
        2021,
      ).id,
    ).toBe('tt124-2021');
    expect(
      summaryCatalogue(
        [
          { catalogueId: 'tt23-2012', count: 3 },
          { catalogueId: 'tt124-2021', count: 3 },
        ],
        2023,
      ).id,
    ).toBe('tt124-2021');
    expect(summaryCatalogue([], 2021).id).toBe('tt23-2012');
  });
});

describe('on time', () => {
  it('is decided on the Vietnam date of the submission against the due date', () => {
    const due = quarterPeriod(2021, 1, DEFAULT_REPORTING_SETTINGS).dueDate;
    expect(isReportOnTime(`${due}T16:59:59.000Z`, 2021, 1)).toBe(true);
    expect(isReportOnTime(`${due}T17:00:00.000Z`, 2021, 1)).toBe(false);
  });
});
