import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import type { CriterionAnswer } from '../recognition/assessment.schema.js';
import { evaluateArea, RECOGNITION_RESULTS, type UnitEvaluationInput } from '../recognition/recognition.engine.js';
import type { AwardRecord, MovementModelRecord } from '../records.schema.js';
import { UNIT_TYPES } from '../units.js';
import { formatPercent, makeRate, reachesShare } from './rate.js';
import {
  computeAwardStatistics,
  computeGradeDistribution,
  computeModelStatistics,
  computeReportCompleteness,
  computeStatistics,
  computeUnitStatistics,
  sumUnitStatistics,
  type UnitResultRecord,
} from './statistics.js';

describe('rates', () => {
  it.each([
    [15, 16, '15/16', 0.9375, 93.75],
    [92, 95, '92/95', 92 / 95, 96.84],
    [22, 22, '22/22', 1, 100],
    [0, 7, '0/7', 0, 0],
    [2, 3, '2/3', 2 / 3, 66.67],
  ])('%i/%i', (n, d, text, value, percentage) => {
    expect(makeRate(n, d)).toEqual({ numerator: n, denominator: d, text, value, percentage });
  });

  it('is null, not 0 % or 100 %, when there is nothing to divide', () => {
    expect(makeRate(0, 0)).toBeNull();
  });

  it.each([
    [3, 2],
    [-1, 2],
    [1.5, 2],
  ])('refuses %s/%s', (n, d) => {
    let error: unknown;
    try {
      makeRate(n, d);
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error) && error.code).toBe('INVALID');
  });

  it.each([
    [7, 10, 0.7, true],
    [699, 1000, 0.7, false],
    [700, 1000, 0.7, true],
    [7, 100, 0.07, true], // 0.07 * 100 is 7.000000000000001 in floating point
    [57, 100, 0.57, true],
    [2, 3, 2 / 3, true],
    [0, 0, 0, false],
  ])('reachesShare(%i, %i, %s) = %s', (n, d, min, ok) => {
    expect(reachesShare(n, d, min)).toBe(ok);
  });

  it('property: reachesShare agrees with exact rational comparison', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.nat(),
        (denominator, minimumTenThousandths, seed) => {
          const numerator = seed % (denominator + 1);
          const minimum = minimumTenThousandths / 10_000;
          const exact = BigInt(numerator) * 10_000n >= BigInt(minimumTenThousandths) * BigInt(denominator);
          expect(reachesShare(numerator, denominator, minimum)).toBe(exact);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('formats percentages per language', () => {
    expect(formatPercent(0.699, 'vi')).toBe('69,9 %');
    expect(formatPercent(0.699, 'en')).toBe('69.9%');
    expect(formatPercent(1, 'vi')).toBe('100 %');
  });
});

describe('unit statistics', () => {
  const records = (
    type: UnitResultRecord['unitType'],
    results: Partial<Record<UnitResultRecord['result'], number>>,
    firstId: number,
  ) => {
    const out: UnitResultRecord[] = [];
    let id = firstId;
    for (const result of RECOGNITION_RESULTS)
      for (let i = 0; i < (results[result] ?? 0); i++) out.push({ unitId: id++, unitType: type, result });
    return out;
  };

  it('counts total / eligible / registered / recognised per type, over the eligible units', () => {
    const s = computeUnitStatistics([
      ...records('DN', { DAT: 5, CHUA_DAT: 2, NOT_REGISTERED: 1, EXCLUDED: 4 }, 1),
      ...records('XA', { DAT: 15, CHUA_DAT: 1 }, 100),
    ]);
    expect(s.byType.DN).toMatchObject({
      total: 12,
      excluded: 4,
      eligible: 8,
      registered: 7,
      notRegistered: 1,
      recognised: 5,
      notRecognised: 2,
    });
    expect(s.byType.DN.recognitionRate?.text).toBe('5/8');
    expect(s.byType.DN.registrationRate?.text).toBe('7/8');
    expect(s.byType.XA.recognitionRate).toEqual({
      numerator: 15,
      denominator: 16,
      text: '15/16',
      value: 0.9375,
      percentage: 93.75,
    });
    expect(s.byType.CSGD).toMatchObject({ total: 0, recognitionRate: null, registrationRate: null });
    expect(s.all).toMatchObject({ total: 28, eligible: 24, recognised: 20 });
  });

  it('refuses a unit counted twice', () => {
    expect(() =>
      computeUnitStatistics([
        { unitId: 1, unitType: 'KDC', result: 'DAT' },
        { unitId: 1, unitType: 'KDC', result: 'DAT' },
      ]),
    ).toThrow(/twice/);
  });

  it('property: rates stay in [0, 1] and the counts add up', () => {
    const record = fc.record({
      unitType: fc.constantFrom(...UNIT_TYPES),
      result: fc.constantFrom(...RECOGNITION_RESULTS),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 200 }), (list) => {
        const s = computeUnitStatistics(list.map((r, i) => ({ ...r, unitId: i + 1 })));
        for (const t of [...UNIT_TYPES.map((type) => s.byType[type]), s.all]) {
          expect(t.eligible + t.excluded).toBe(t.total);
          expect(t.registered + t.notRegistered).toBe(t.eligible);
          expect(t.recognised + t.notRecognised).toBe(t.registered);
          for (const rate of [t.recognitionRate, t.registrationRate]) {
            if (t.eligible === 0) expect(rate).toBeNull();
            else {
              expect(rate!.value).toBeGreaterThanOrEqual(0);
              expect(rate!.value).toBeLessThanOrEqual(1);
              expect(rate!.percentage).toBeGreaterThanOrEqual(0);
              expect(rate!.percentage).toBeLessThanOrEqual(100);
              expect(rate!.text).toBe(`${rate!.numerator}/${rate!.denominator}`);
            }
          }
        }
        expect(s.all.total).toBe(list.length);
      }),
    );
  });
});

describe('the Ba Đồn figures of 2021, through the engine', () => {
  const GOOD_KDC: Record<string, CriterionAnswer> = {
    'KDC-1': { checks: { resolution: true, registration: true }, numerator: 120, denominator: 120 },
    'KDC-2': { checks: { 'carried-out': true } },
    'KDC-4': { checks: { 'other-violations': true, 'offenders-managed': true } },
    'KDC-5': { rating: 'hoan-thanh', checks: { 'no-discipline': true } },
  };
  // 2021 falls under 23/2012: CQDN-1, CQDN-2 (stand-ins) and its own CQDN-3 list; no CQDN-4/5
  const GOOD_CQDN: Record<string, CriterionAnswer> = {
    'CQDN-1': {
      checks: { resolution: true, plan: true, registration: true, 'internal-rules': true, model: true },
      numerator: 30,
      denominator: 30,
    },
    'CQDN-2': { checks: { policy: true, coordination: true } },
  };
  const GOOD_CSGD: Record<string, CriterionAnswer> = {
    'CSGD-1': {
      checks: { resolution: true, plan: true, registration: true, 'internal-rules': true, model: true },
      numerator: 500,
      denominator: 500,
    },
    'CSGD-2': { checks: { policy: true, 'coordination-police': true, 'coordination-parents': true } },
    'CSGD-5': { rating: 'none', checks: { 'no-discipline': true } },
    'CSGD-6': { numerator: 10, denominator: 12 },
  };

  function baDon(): UnitEvaluationInput[] {
    const year = 2021;
    const inputs: UnitEvaluationInput[] = [];
    let id = 1;
    // 16 communes and wards, 95 villages (6 each, 5 in the last); 3 villages of the first commune fail
    // KDC-1 (not every household pledged), which takes that commune to 3/6 recognised, below 70 %.
    for (let c = 0; c < 16; c++) {
      const areaId = 1000 + c;
      inputs.push({
        unit: { id: id++, type: 'XA', areaId, managingLevel: 'district' },
        year,
        registered: true,
        answers: {
          'XA-1': { checks: { resolution: true, plan: true, registration: true } },
          'XA-3': { checks: { 'advanced-unit': true, 'no-discipline': true } },
        },
      });
      for (let v = 0; v < (c === 15 ? 5 : 6); v++) {
        const fails = c === 0 && v < 3;
        inputs.push({
          unit: { id: id++, type: 'KDC', areaId, managingLevel: 'commune' },
          year,
          registered: true,
          answers: fails ? { ...GOOD_KDC, 'KDC-1': { ...GOOD_KDC['KDC-1'], numerator: 118 } } : GOOD_KDC,
          counts: { current: { crimes: 0, socialEvils: 0 }, previous: { crimes: 1, socialEvils: 0 } },
        });
      }
    }
    for (const [type, n, answers] of [
      ['CQ', 22, GOOD_CQDN],
      ['DN', 22, GOOD_CQDN],
      ['CSGD', 58, GOOD_CSGD],
    ] as const) {
      for (let i = 0; i < n; i++) {
        inputs.push({
          unit: {
            id: id++,
            type,
            areaId: 1000 + (i % 16),
            managingLevel: 'district',
            enterpriseSize: 'medium',
            schoolLevel: 'upper_secondary',
          },
          year,
          registered: true,
          answers,
        });
      }
    }
    return inputs;
  }

  it('15/16 communes, 92/95 villages, 22/22 agencies, 22/22 enterprises, 58/58 schools; 21 models, 4 new', () => {
    // 2021 is assessed under 23/2012, the circular in force (villages only in XA-4; primary schools assessed)
    const results = evaluateArea(baDon());
    expect(results.every((r) => r.catalogueId === 'tt23-2012')).toBe(true);
    const models: MovementModelRecord[] = Array.from({ length: 23 }, (_, i) => ({
      id: i + 1,
      name: `Mô hình ${i + 1}`,
      category: i % 2 ? 'tu-quan' : 'phong-chong-phao-no',
      areaId: 1000,
      hostUnitId: null,
      startedOn: i < 4 ? `2021-0${i + 1}-15` : '2019-05-01',
      stoppedOn: i >= 21 ? '2021-06-30' : null,
      sites: 2,
      teams: 1,
      isAdvancedExample: i === 0,
    }));
    const stats = computeStatistics({ year: 2021, units: results, models });
    const text = (type: (typeof UNIT_TYPES)[number]) => stats.units?.byType[type].recognitionRate?.text;
    expect([text('XA'), text('KDC'), text('CQ'), text('DN'), text('CSGD')]).toEqual([
      '15/16',
      '92/95',
      '22/22',
      '22/22',
      '58/58',
    ]);
    expect(stats.models).toMatchObject({
      operating: 21,
      newInYear: 4,
      stoppedInYear: 2,
      sites: 42,
      teams: 21,
      advancedExamples: 1,
    });
  });
});

describe('models, awards, grades', () => {
  const model = (startedOn: string, stoppedOn: string | null, category = 'tu-quan'): MovementModelRecord => ({
    id: 1,
    name: 'Mô hình',
    category,
    areaId: 1,
    hostUnitId: null,
    startedOn,
    stoppedOn,
    sites: 3,
    teams: 2,
    isAdvancedExample: false,
  });

  it('counts models on a date: a snapshot at a quarter end ignores later ones', () => {
    const models = [
      model('2020-01-01', null),
      model('2022-02-01', null, 'phao'),
      model('2022-05-01', null),
      model('2019-01-01', '2022-03-01'),
    ];
    expect(computeModelStatistics(models, 2022)).toMatchObject({
      asOf: '2022-12-31',
      operating: 3,
      newInYear: 2,
      stoppedInYear: 1,
      sites: 9,
      teams: 6,
    });
    const q1 = computeModelStatistics(models, 2022, '2022-03-14');
    expect(q1).toMatchObject({ operating: 2, newInYear: 1, stoppedInYear: 1 });
    expect(q1.byCategory).toEqual([
      { category: 'phao', operating: 1, newInYear: 1, sites: 3, teams: 2 },
      { category: 'tu-quan', operating: 1, newInYear: 0, sites: 3, teams: 2 },
    ]);
  });

  it('counts awards of the year by kind, recipient and issuer', () => {
    const award = (
      kind: AwardRecord['kind'],
      issuer: string,
      year = 2021,
      recipientKind: AwardRecord['recipientKind'] = 'collective',
    ) => ({ kind, issuer, year, recipientKind });
    const s = computeAwardStatistics(
      [
        award('giay_khen', 'Giám đốc Công an tỉnh Quảng Bình'),
        award('giay_khen', 'Giám đốc Công an tỉnh Quảng Bình', 2021, 'individual'),
        award('giay_khen', 'Chủ tịch UBND thị xã Ba Đồn'),
        award('bang_khen', 'Chủ tịch UBND thị xã Ba Đồn'),
        award('bang_khen', 'Bộ trưởng Bộ Công an'),
        award('giay_khen', 'Chủ tịch UBND thị xã Ba Đồn', 2020),
      ],
      2021,
    );
    expect(s).toMatchObject({ total: 5, collective: 4, individual: 1, byKind: { giay_khen: 3, bang_khen: 2 } });
    expect(s.byIssuer.map((i) => [i.issuer, i.total])).toEqual([
      ['Chủ tịch UBND thị xã Ba Đồn', 2],
      ['Giám đốc Công an tỉnh Quảng Bình', 2],
      ['Bộ trưởng Bộ Công an', 1],
    ]);
  });

  it('distributes grades per type', () => {
    const d = computeGradeDistribution([
      { unitType: 'KDC', grade: 'XUAT_SAC' },
      { unitType: 'KDC', grade: 'KHA' },
      { unitType: 'XA', grade: 'KHA' },
    ]);
    expect(d.total).toBe(3);
    expect(d.all).toEqual({ XUAT_SAC: 1, KHA: 2, TRUNG_BINH: 0, YEU: 0 });
    expect(d.byType.KDC).toEqual({ XUAT_SAC: 1, KHA: 1, TRUNG_BINH: 0, YEU: 0 });
  });
});

describe('report completeness', () => {
  it('counts expected, submitted, on time (Vietnam time) and lists the missing ones', () => {
    const c = computeReportCompleteness({
      units: [{ unitId: 1 }, { unitId: 2 }, { unitId: 3 }],
      quarters: [
        { year: 2022, quarter: 2 },
        { year: 2022, quarter: 1 },
      ],
      reports: [
        { unitId: 1, year: 2022, quarter: 1, submittedAt: '2022-03-20T16:59:00Z' }, // 23:59 on the due date in Vietnam
        { unitId: 2, year: 2022, quarter: 1, submittedAt: '2022-03-20T17:00:00Z' }, // 00:00 on the 21st: late
        { unitId: 2, year: 2022, quarter: 1, submittedAt: '2022-03-25' }, // a second filing counts once
        { unitId: 1, year: 2022, quarter: 2, submittedAt: '2022-06-01' },
        { unitId: 9, year: 2022, quarter: 2, submittedAt: '2022-06-01' }, // not expected: ignored
        { unitId: 1, year: 2022, quarter: 3, submittedAt: '2022-09-01' }, // quarter not asked: ignored
      ],
    });
    expect(c).toMatchObject({ expected: 6, submitted: 3, onTime: 2, late: 1 });
    expect(c.missing).toEqual([
      { unitId: 3, year: 2022, quarter: 1 },
      { unitId: 2, year: 2022, quarter: 2 },
      { unitId: 3, year: 2022, quarter: 2 },
    ]);
    expect(c.submissionRate?.text).toBe('3/6');
    expect(c.onTimeRate?.text).toBe('2/6');
    expect(c.byQuarter).toEqual([
      { year: 2022, quarter: 1, dueDate: '2022-03-20', expected: 3, submitted: 2, onTime: 1 },
      { year: 2022, quarter: 2, dueDate: '2022-06-20', expected: 3, submitted: 1, onTime: 1 },
    ]);
  });

  it('follows the due-date setting and has no rate when nothing is expected', () => {
    const input = {
      units: [{ unitId: 1 }],
      quarters: [{ year: 2022, quarter: 1 as const }],
      reports: [{ unitId: 1, year: 2022, quarter: 1, submittedAt: '2022-03-18' }],
    };
    expect(computeReportCompleteness(input).onTime).toBe(1);
    expect(
      computeReportCompleteness({
        ...input,
        settings: { dueDaysAfterCutoff: 2, reminderDaysBefore: 1, escalationGraceDays: 3 },
      }).onTime,
    ).toBe(0);
    expect(computeReportCompleteness({ ...input, units: [] })).toMatchObject({
      expected: 0,
      submissionRate: null,
      onTimeRate: null,
    });
  });

  it('computeStatistics leaves out what was not given', () => {
    const s = computeStatistics({ year: 2022, grades: [] });
    expect(s).toEqual({
      year: 2022,
      grades: { total: 0, all: { XUAT_SAC: 0, KHA: 0, TRUNG_BINH: 0, YEU: 0 }, byType: expect.any(Object) as unknown },
    });
  });
});

describe('sumUnitStatistics', () => {
  it('adds each type’s counts and computes the rates again from the sums', () => {
    const a = computeUnitStatistics([
      { unitId: 1, unitType: 'XA', result: 'DAT' },
      { unitId: 2, unitType: 'KDC', result: 'DAT' },
      { unitId: 3, unitType: 'KDC', result: 'EXCLUDED' },
    ]);
    const b = computeUnitStatistics([
      { unitId: 4, unitType: 'XA', result: 'CHUA_DAT' },
      { unitId: 5, unitType: 'KDC', result: 'NOT_REGISTERED' },
    ]);
    const sum = sumUnitStatistics([a, b]);
    expect(sum.byType.XA).toMatchObject({ total: 2, eligible: 2, registered: 2, recognised: 1 });
    expect(sum.byType.XA.recognitionRate?.text).toBe('1/2');
    expect(sum.byType.KDC).toMatchObject({ total: 3, excluded: 1, eligible: 2, registered: 1, notRegistered: 1 });
    expect(sum.byType.KDC.recognitionRate?.percentage).toBe(50);
    expect(sum.byType.DN.recognitionRate).toBeNull();
    expect(sum.all).toMatchObject({ total: 5, recognised: 2 });
    expect(sumUnitStatistics([a])).toEqual(a);
  });
});
