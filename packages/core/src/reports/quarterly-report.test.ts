import { describe, expect, it } from 'vitest';
import { evaluateUnit } from '../recognition/recognition.engine.js';
import {
  QUARTERLY_METRIC_LABELS,
  QUARTERLY_METRICS,
  windowCountsFromReports,
  type ReportCountsRecord,
} from './quarterly-report.js';

const report = (year: number, quarter: number, crimes: number, socialEvils = 0): ReportCountsRecord => ({
  year,
  quarter,
  counts: {
    crimes,
    socialEvils,
    firesExplosionsAccidents: 0,
    propagandaSessions: 1,
    peopleReached: 10,
    tipOffs: 0,
    newModels: 0,
    meetings: 1,
  },
});

describe('windowCountsFromReports', () => {
  const reports = [
    report(2020, 4, 1),
    report(2021, 1, 1),
    report(2021, 2, 0),
    report(2021, 3, 1), // previous window of 2022: 3 crimes
    report(2021, 4, 0),
    report(2022, 1, 2),
    report(2022, 2, 0),
    report(2022, 3, 0), // current window of 2022: 2 crimes
    report(2022, 4, 9), // due after the KDC window closes: belongs to 2023
  ];

  it('sums Q4 of the year before and Q1–Q3 of the year, against the same quarters a year earlier', () => {
    const counts = windowCountsFromReports(reports, 2022);
    expect(counts.current).toMatchObject({ crimes: 2, socialEvils: 0, propagandaSessions: 4, meetings: 4 });
    expect(counts.previous).toMatchObject({ crimes: 3, propagandaSessions: 4 });
  });

  it('leaves a side out when no report exists, or when one is missing and all are required', () => {
    expect(windowCountsFromReports(reports, 2021)).toEqual({
      current: expect.objectContaining({ crimes: 3 }) as unknown,
    });
    const gap = reports.filter((r) => !(r.year === 2022 && r.quarter === 2));
    expect(windowCountsFromReports(gap, 2022).current?.crimes).toBe(2);
    expect(windowCountsFromReports(gap, 2022, { requireAllQuarters: true }).current).toBeUndefined();
    expect(windowCountsFromReports([], 2022)).toEqual({});
  });

  it('feeds KDC-4: 2 crimes against 3 is not an increase; 9 against 2 is', () => {
    const unit = { id: 1, type: 'KDC', areaId: 1, managingLevel: 'commune' } as const;
    const kdc4 = (year: number) =>
      evaluateUnit({
        unit,
        year,
        registered: true,
        answers: { 'KDC-4': { checks: { 'other-violations': true, 'offenders-managed': true } } },
        counts: windowCountsFromReports(reports, year),
      }).criteria.find((c) => c.code === 'KDC-4')?.outcome;
    expect(kdc4(2022)).toBe('met');
    expect(windowCountsFromReports(reports, 2023).current?.crimes).toBe(9);
    expect(kdc4(2023)).toBe('not_met');
  });

  it('labels every metric in both languages', () => {
    for (const m of QUARTERLY_METRICS) expect(QUARTERLY_METRIC_LABELS[m].vi).not.toBe(QUARTERLY_METRIC_LABELS[m].en);
  });
});
