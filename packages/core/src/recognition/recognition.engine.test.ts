import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../catalogue/catalogue.js';
import type { Catalogue, Criterion } from '../catalogue/catalogue.schema.js';
import { TT124_2021 } from '../catalogue/tt124-2021.catalogue.js';
import { TT23_2012 } from '../catalogue/tt23-2012.catalogue.js';
import { isDomainError } from '../errors.js';
import type { WindowCounts } from '../reports/quarterly-report.js';
import type { CriterionAnswer, IncidentRecord } from './assessment.schema.js';
import {
  evaluateArea,
  evaluateUnit,
  incidentsInWindow,
  isManagedByCommune,
  RECOGNITION_RESULT_LABELS,
  summarizeManagedUnits,
  type AssessedUnit,
  type ManagedUnitsSummary,
  type UnitEvaluation,
  type UnitEvaluationInput,
} from './recognition.engine.js';

// ── Fixtures ────────────────────────────────────────────────────────────────────────────────────────

const YEAR = 2022;
const village = (id = 101, areaId = 12): AssessedUnit => ({ id, type: 'KDC', areaId, managingLevel: 'commune' });
const commune = (id = 1, areaId = 12): AssessedUnit => ({ id, type: 'XA', areaId, managingLevel: 'district' });

const GOOD_KDC: Record<string, CriterionAnswer> = {
  'KDC-1': { checks: { resolution: true, plan: true, registration: true }, numerator: 212, denominator: 212 },
  'KDC-2': { checks: { 'carried-out': true } },
  'KDC-4': { checks: { 'other-violations': true, 'offenders-managed': true } },
  'KDC-5': { rating: 'hoan-thanh', checks: { 'no-discipline': true } },
};
const FAILING_KDC5: CriterionAnswer = { rating: 'khong-hoan-thanh', checks: { 'no-discipline': true } };
const GOOD_COUNTS: WindowCounts = { current: { crimes: 1, socialEvils: 0 }, previous: { crimes: 2, socialEvils: 0 } };
const GOOD_XA: Record<string, CriterionAnswer> = {
  'XA-1': { checks: { resolution: true, plan: true, registration: true, model: true } },
  'XA-3': { checks: { 'grasps-situation': true } },
};
const GOOD_CQDN: Record<string, CriterionAnswer> = {
  'CQDN-1': {
    checks: { resolution: true, plan: true, registration: true, 'internal-rules': true, model: true },
    numerator: 40,
    denominator: 40,
  },
  'CQDN-2': { checks: { policy: true, coordination: true } },
  'CQDN-4': { rating: 'hoan-thanh-tot', checks: { 'no-discipline': true } },
  'CQDN-5': { numerator: 7, denominator: 10 },
};
const GOOD_CSGD: Record<string, CriterionAnswer> = {
  'CSGD-1': {
    checks: { resolution: true, plan: true, registration: true, 'internal-rules': true, model: true },
    numerator: 640,
    denominator: 640,
  },
  'CSGD-2': { checks: { policy: true, 'coordination-police': true, 'coordination-parents': true } },
  'CSGD-5': { rating: 'none', checks: { 'no-discipline': true } },
  'CSGD-6': { numerator: 14, denominator: 20 },
};

function kdc(patch: Partial<UnitEvaluationInput> = {}): UnitEvaluationInput {
  return {
    unit: village(),
    year: YEAR,
    registered: true,
    answers: GOOD_KDC,
    counts: GOOD_COUNTS,
    incidents: [],
    ...patch,
  };
}

const outcome = (e: UnitEvaluation, code: string) => e.criteria.find((c) => c.code === code)?.outcome;
const reasons = (e: UnitEvaluation, code: string, lang: 'vi' | 'en' = 'en') =>
  (e.criteria.find((c) => c.code === code)?.reasons ?? []).map((r) => r[lang]).join(' | ');

function managed(
  kdcCounts: { total: number; excluded?: number; registered: number; recognised: number },
  extra: ManagedUnitsSummary['byType'] = {},
): ManagedUnitsSummary {
  const criteriaMet = { 'KDC-2': kdcCounts.total, 'KDC-3': kdcCounts.total, 'KDC-4': kdcCounts.total };
  return { byType: { KDC: { excluded: 0, ...kdcCounts, criteriaMet: { ...criteriaMet } }, ...extra } };
}

function withCriterion(code: string, patch: Partial<Criterion>): Catalogue {
  const copy = JSON.parse(JSON.stringify(TT124_2021)) as { criteria: Criterion[] };
  copy.criteria = copy.criteria.map((c) => (c.code === code ? ({ ...c, ...patch } as Criterion) : c));
  return parseCatalogue({ ...copy, id: 'test-variant' });
}

// ── One village: every criterion kind ───────────────────────────────────────────────────────────────

describe('a village that meets everything', () => {
  it('is Đạt, every criterion met, with reasons in both languages', () => {
    const e = evaluateUnit(kdc());
    expect(e.result).toBe('DAT');
    expect(e.catalogueId).toBe('tt124-2021');
    expect(e.window).toMatchObject({ from: '2021-11-01', to: '2022-10-31' });
    expect(e.criteria.map((c) => [c.code, c.outcome])).toEqual([
      ['KDC-1', 'met'],
      ['KDC-2', 'met'],
      ['KDC-3', 'met'],
      ['KDC-4', 'met'],
      ['KDC-5', 'met'],
    ]);
    for (const c of e.criteria) {
      expect(c.reasons.length).toBeGreaterThan(0);
      for (const r of c.reasons) expect(r.vi.length > 0 && r.en.length > 0).toBe(true);
    }
    expect(e.summary).toEqual({ vi: 'Đạt: đáp ứng cả 5 tiêu chí', en: 'Met: all 5 criteria are met' });
    expect(RECOGNITION_RESULT_LABELS[e.result].vi).toBe('Đạt');
  });
});

describe('requirement (KDC-2, XA-1)', () => {
  it.each([
    ['answered yes', { 'KDC-2': { checks: { 'carried-out': true } } }, 'KDC-2', 'met', 'The requirement is met'],
    ['answered no', { 'KDC-2': { checks: { 'carried-out': false } } }, 'KDC-2', 'not_met', 'Not met: Policies, laws'],
    [
      'item left open (null)',
      { 'KDC-2': { checks: { 'carried-out': null } } },
      'KDC-2',
      'missing',
      'Not answered (counts as not met)',
    ],
    ['not answered at all', { 'KDC-2': undefined }, 'KDC-2', 'missing', 'an unanswered criterion is not met'],
    [
      'answer without checks',
      { 'KDC-2': { note: 'xem biên bản' } },
      'KDC-2',
      'missing',
      'an unanswered criterion is not met',
    ],
    [
      'one of two items no',
      { 'KDC-4': { checks: { 'other-violations': true, 'offenders-managed': false } } },
      'KDC-4',
      'not_met',
      'Not met: Offenders',
    ],
    [
      'one of two items unanswered',
      { 'KDC-4': { checks: { 'other-violations': true } } },
      'KDC-4',
      'missing',
      'Not answered',
    ],
    [
      'a no wins over an unanswered item',
      { 'KDC-4': { checks: { 'other-violations': false } } },
      'KDC-4',
      'not_met',
      'Not met: Other violations',
    ],
  ] as const)('%s', (_what, patch, code, expected, reason) => {
    const e = evaluateUnit(kdc({ answers: { ...GOOD_KDC, ...patch } }));
    expect(outcome(e, code)).toBe(expected);
    expect(reasons(e, code)).toContain(reason);
    expect(e.result).toBe(expected === 'met' ? 'DAT' : 'CHUA_DAT');
  });
});

describe('ratio (KDC-1: residing households registered / residing households must reach 100 %)', () => {
  const ratio = (
    numerator: number | undefined,
    denominator: number | undefined,
    checks = { resolution: true, plan: true, registration: true },
  ) => ({
    'KDC-1': {
      checks,
      ...(numerator === undefined ? {} : { numerator }),
      ...(denominator === undefined ? {} : { denominator }),
    },
  });
  it.each([
    ['212/212', ratio(212, 212), 'met', 'Residing households registered to take part: 212/212 (100%), reaches 100%'],
    ['211/212', ratio(211, 212), 'not_met', '211/212 (99.53%), below 100%'],
    ['0/212', ratio(0, 212), 'not_met', '0/212 (0%), below 100%'],
    ['no households at all', ratio(0, 0), 'missing', 'Households residing in the area (permanent and temporary) is 0'],
    [
      '121 of 120 households (a typing error, not 100 %)',
      ratio(121, 120),
      'missing',
      '(121) exceeds households residing',
    ],
    ['no figures', ratio(undefined, undefined), 'missing', 'No figures'],
    ['numerator only', ratio(5, undefined), 'missing', 'No figures'],
    [
      '100 % but no resolution',
      ratio(212, 212, { resolution: false, plan: true, registration: true }),
      'not_met',
      'Not met: The party cell',
    ],
    [
      '100 % but registration unanswered',
      ratio(212, 212, { resolution: true, plan: true } as never),
      'missing',
      'Not answered',
    ],
  ] as const)('%s', (_what, answers, expected, reason) => {
    const e = evaluateUnit(kdc({ answers: { ...GOOD_KDC, ...answers } }));
    expect(outcome(e, 'KDC-1')).toBe(expected);
    expect(reasons(e, 'KDC-1')).toContain(reason);
  });

  it('says it in Vietnamese with a decimal comma', () => {
    const e = evaluateUnit(kdc({ answers: { ...GOOD_KDC, ...ratio(211, 212) } }));
    expect(reasons(e, 'KDC-1', 'vi')).toBe(
      'Số hộ gia đình đang cư trú đăng ký tham gia: 211/212 (99,53 %), chưa đạt mức 100 %',
    );
  });
});

describe('disqualifying list (KDC-3): incidents in the window', () => {
  const at = (occurredOn: string, item: string | null = 'e', criterionCode = 'KDC-3'): IncidentRecord[] => [
    { criterionCode, item, occurredOn, description: 'Tranh chấp đất đai kéo dài' },
  ];
  it.each([
    ['on 31/10 (last day of the 2022 window)', 2022, at('2022-10-31'), 'not_met'],
    ['on 1/11 (first day of the 2023 window)', 2022, at('2022-11-01'), 'met'],
    ['on 1/11, seen from 2023', 2023, at('2022-11-01'), 'not_met'],
    ['on 1/11/2021 (first day of the 2022 window)', 2022, at('2021-11-01'), 'not_met'],
    ['on 31/10/2021 (previous window)', 2022, at('2021-10-31'), 'met'],
    ['without an item letter', 2022, at('2022-05-01', null), 'not_met'],
    ['with a letter not in the list', 2022, at('2022-05-01', 'x'), 'not_met'],
    ['of another criterion', 2022, at('2022-05-01', 'a', 'CQDN-3'), 'met'],
  ] as const)('an incident %s (year %i)', (_what, year, incidents, expected) => {
    const e = evaluateUnit(kdc({ year, incidents, counts: GOOD_COUNTS }));
    expect(outcome(e, 'KDC-3')).toBe(expected);
  });

  it('a disqualifier with everything else met makes the village Chưa đạt, and says why', () => {
    const e = evaluateUnit(kdc({ incidents: at('2022-10-31') }));
    expect(e.result).toBe('CHUA_DAT');
    expect(e.criteria.filter((c) => c.outcome !== 'met').map((c) => c.code)).toEqual(['KDC-3']);
    expect(reasons(e, 'KDC-3', 'vi')).toBe(
      'Vụ việc ngày 31/10/2022, điểm e (Mâu thuẫn, tranh chấp phức tạp, kéo dài trong nhân dân): Tranh chấp đất đai kéo dài',
    );
    expect(reasons(e, 'KDC-3')).toBe(
      'Incident on 2022-10-31, item (e) (Complicated, long-running disputes among residents): Tranh chấp đất đai kéo dài',
    );
    expect(e.summary).toEqual({ vi: 'Chưa đạt: không đạt KDC-3', en: 'Not met: KDC-3 not met' });
  });

  it('lists at most five incidents, oldest first, then how many more', () => {
    const incidents = [
      '2022-09-01',
      '2022-01-05',
      '2022-03-01',
      '2022-04-01',
      '2022-05-01',
      '2022-06-01',
      '2022-07-01',
    ].map((d) => at(d)[0]!);
    const e = evaluateUnit(kdc({ incidents }));
    const list = e.criteria.find((c) => c.code === 'KDC-3')!.reasons;
    expect(list).toHaveLength(6);
    expect(list[0]!.en).toContain('2022-01-05');
    expect(list[5]!.en).toBe('and 2 more incidents');
  });

  it('an incident of XA-3 without a letter still fails it (a stray incident of a criterion with parts)', () => {
    const e = evaluateUnit({
      unit: commune(),
      year: YEAR,
      registered: true,
      answers: GOOD_XA,
      incidents: [{ criterionCode: 'XA-3', occurredOn: '2022-11-15' }],
      managed: managed({ total: 10, registered: 10, recognised: 10 }),
    });
    expect(outcome(e, 'XA-3')).toBe('not_met');
    expect(e.result).toBe('CHUA_DAT');
    const next = evaluateUnit({
      ...{
        unit: commune(),
        year: YEAR,
        registered: true,
        answers: GOOD_XA,
        managed: managed({ total: 10, registered: 10, recognised: 10 }),
      },
      incidents: [{ criterionCode: 'XA-3', occurredOn: '2022-11-16' }],
    });
    expect(outcome(next, 'XA-3')).toBe('met');
    expect(next.result).toBe('DAT');
  });
});

describe('comparison (KDC-4 a): crimes and social evils not up on the previous window', () => {
  it.each([
    ['both equal', { crimes: 1, socialEvils: 1 }, { crimes: 1, socialEvils: 1 }, 'met'],
    ['both down', { crimes: 0, socialEvils: 0 }, { crimes: 3, socialEvils: 2 }, 'met'],
    ['crimes up by one', { crimes: 2, socialEvils: 0 }, { crimes: 1, socialEvils: 0 }, 'not_met'],
    ['social evils up, crimes down', { crimes: 0, socialEvils: 1 }, { crimes: 5, socialEvils: 0 }, 'not_met'],
    ['zero now, no previous data', { crimes: 0, socialEvils: 0 }, undefined, 'met'],
    ['some now, no previous data', { crimes: 1, socialEvils: 0 }, undefined, 'missing'],
    ['a metric missing now', { crimes: 0 }, { crimes: 0, socialEvils: 0 }, 'missing'],
    ['no counts for the window', undefined, { crimes: 0, socialEvils: 0 }, 'missing'],
  ] as const)('%s', (_what, current, previous, expected) => {
    const counts: WindowCounts = {};
    if (current) counts.current = current;
    if (previous) counts.previous = previous;
    const e = evaluateUnit(kdc({ counts }));
    expect(outcome(e, 'KDC-4')).toBe(expected);
  });

  it('explains the increase', () => {
    const e = evaluateUnit(
      kdc({ counts: { current: { crimes: 3, socialEvils: 0 }, previous: { crimes: 1, socialEvils: 0 } } }),
    );
    expect(reasons(e, 'KDC-4', 'vi')).toContain(
      'Điểm a: Số vụ phạm tội: 3, tăng 2 so với kỳ trước (1) | Điểm a: Số vụ tệ nạn xã hội: 0',
    );
    expect(reasons(e, 'KDC-4')).toContain(
      'Item (a): Crimes: 3, up 2 on the previous window (1) | Item (a): Social-evil cases: 0',
    );
  });

  it.each([
    [
      'each, allowed increase 1: crimes +1',
      { aggregate: 'each', maxIncrease: 1 },
      { crimes: 2, socialEvils: 0 },
      { crimes: 1, socialEvils: 0 },
      'met',
    ],
    [
      'each, allowed increase 1: crimes +2',
      { aggregate: 'each', maxIncrease: 1 },
      { crimes: 3, socialEvils: 0 },
      { crimes: 1, socialEvils: 0 },
      'not_met',
    ],
    [
      'sum: crimes +1, social evils −1',
      { aggregate: 'sum', maxIncrease: 0 },
      { crimes: 2, socialEvils: 0 },
      { crimes: 1, socialEvils: 1 },
      'met',
    ],
    [
      'sum: total up',
      { aggregate: 'sum', maxIncrease: 0 },
      { crimes: 2, socialEvils: 1 },
      { crimes: 1, socialEvils: 1 },
      'not_met',
    ],
    [
      'sum: a previous metric missing',
      { aggregate: 'sum', maxIncrease: 0 },
      { crimes: 2, socialEvils: 1 },
      { crimes: 5 },
      'missing',
    ],
    [
      'each over a third metric',
      { metrics: ['crimes', 'socialEvils', 'firesExplosionsAccidents'] },
      { crimes: 0, socialEvils: 0, firesExplosionsAccidents: 1 },
      { crimes: 0, socialEvils: 0, firesExplosionsAccidents: 0 },
      'not_met',
    ],
  ] as const)('parameterised: %s', (_what, patch, current, previous, expected) => {
    const kdc4 = TT124_2021.criteria.find((c) => c.code === 'KDC-4')!;
    if (kdc4.kind !== 'parts') throw new Error('KDC-4 has parts');
    const [a, ...rest] = kdc4.parts;
    const catalogue = withCriterion('KDC-4', {
      parts: [{ ...a!, comparison: { ...a!.comparison!, ...patch } }, ...rest],
    });
    const e = evaluateUnit(kdc({ counts: { current, previous } }), { catalogue });
    expect(outcome(e, 'KDC-4')).toBe(expected);
  });
});

// ── A commune: managed threshold and composite ──────────────────────────────────────────────────────

describe('managed threshold (XA-4): 100 % registered and at least 70 % recognised', () => {
  const xa = (summary: ManagedUnitsSummary | undefined, catalogue: Catalogue = TT124_2021) =>
    evaluateUnit(
      { unit: commune(), year: YEAR, registered: true, answers: GOOD_XA, ...(summary ? { managed: summary } : {}) },
      { catalogue },
    );

  it.each([
    ['7 of 10 recognised', managed({ total: 10, registered: 10, recognised: 7 }), 'met'],
    ['6 of 10 recognised', managed({ total: 10, registered: 10, recognised: 6 }), 'not_met'],
    ['699 of 1000 (69.9 %)', managed({ total: 1000, registered: 1000, recognised: 699 }), 'not_met'],
    ['700 of 1000 (70 %)', managed({ total: 1000, registered: 1000, recognised: 700 }), 'met'],
    ['all recognised but one not registered', managed({ total: 10, registered: 9, recognised: 9 }), 'not_met'],
    [
      '2 excluded do not count: 7 of 10 eligible',
      managed({ total: 12, excluded: 2, registered: 10, recognised: 7 }),
      'met',
    ],
    [
      'agencies count too: 7/10 villages + 0/3 schools = 7/13',
      managed(
        { total: 10, registered: 10, recognised: 7 },
        { CSGD: { total: 3, excluded: 0, registered: 3, recognised: 0, criteriaMet: {} } },
      ),
      'not_met',
    ],
    ['no eligible unit at all', managed({ total: 2, excluded: 2, registered: 0, recognised: 0 }), 'missing'],
    ['no summary of managed units', undefined, 'missing'],
  ] as const)('%s', (_what, summary, expected) => {
    expect(outcome(xa(summary), 'XA-4')).toBe(expected);
  });

  it('explains the shares in both languages', () => {
    const e = xa(managed({ total: 1000, registered: 1000, recognised: 699 }));
    expect(reasons(e, 'XA-4', 'vi')).toBe(
      'Đã đăng ký 1000/1000 (100 %), đạt mức 100 % | Đạt tiêu chuẩn 699/1000 (69,9 %), chưa đạt mức tối thiểu 70 %',
    );
    expect(reasons(e, 'XA-4')).toBe(
      'Registered 1000/1000 (100%), reaches 100% | Recognised 699/1000 (69.9%), below the minimum 70%',
    );
  });

  it('under tt23-2012 only villages count and registration is not required', () => {
    const summary = managed(
      { total: 10, registered: 7, recognised: 7 },
      { CQ: { total: 5, excluded: 0, registered: 0, recognised: 0, criteriaMet: {} } },
    );
    expect(outcome(xa(summary, TT23_2012), 'XA-4')).toBe('met');
    expect(outcome(xa(summary, TT124_2021), 'XA-4')).toBe('not_met');
  });

  it('the 70 % is a parameter', () => {
    const catalogue = withCriterion('XA-4', { recognisedMinimum: 0.6 });
    expect(outcome(xa(managed({ total: 10, registered: 10, recognised: 6 }), catalogue), 'XA-4')).toBe('met');
  });
});

describe('composite (XA-2): KDC-2, KDC-3 and KDC-4 hold across the commune', () => {
  const xa2 = (criteriaMet: Record<string, number>, total = 10) =>
    outcome(
      evaluateUnit({
        unit: commune(),
        year: YEAR,
        registered: true,
        answers: GOOD_XA,
        managed: { byType: { KDC: { total, excluded: 0, registered: total, recognised: total, criteriaMet } } },
      }),
      'XA-2',
    );
  it.each([
    ['all villages meet all three', { 'KDC-2': 10, 'KDC-3': 10, 'KDC-4': 10 }, 'met'],
    ['one village fails KDC-3', { 'KDC-2': 10, 'KDC-3': 9, 'KDC-4': 10 }, 'not_met'],
    ['no village meets KDC-4', { 'KDC-2': 10, 'KDC-3': 10 }, 'not_met'],
    [
      'only KDC-1 and KDC-5 fail somewhere (not part of XA-2)',
      { 'KDC-1': 3, 'KDC-2': 10, 'KDC-3': 10, 'KDC-4': 10, 'KDC-5': 1 },
      'met',
    ],
  ] as const)('%s', (_what, criteriaMet, expected) => {
    expect(xa2(criteriaMet)).toBe(expected);
  });

  it('is missing without villages', () => {
    expect(xa2({}, 0)).toBe('missing');
  });
});

// ── Eligibility, registration, catalogue choice ─────────────────────────────────────────────────────

describe('excluded and unregistered units', () => {
  it.each([
    [
      { id: 7, type: 'DN', areaId: 12, managingLevel: 'commune', enterpriseSize: 'small' },
      GOOD_CQDN,
      'small-micro-enterprises',
    ],
    [
      { id: 8, type: 'CQ', areaId: 12, managingLevel: 'province', isArmedForces: true },
      GOOD_CQDN,
      'armed-forces-agencies',
    ],
    [
      { id: 9, type: 'CSGD', areaId: 12, managingLevel: 'commune', schoolLevel: 'kindergarten' },
      GOOD_CSGD,
      'primary-preschool-creche',
    ],
  ] as const)('%j is excluded by %s, whatever its answers', (unit, answers, ruleId) => {
    const e = evaluateUnit({ unit, year: YEAR, registered: true, answers });
    expect(e.result).toBe('EXCLUDED');
    expect(e.exclusion?.ruleId).toBe(ruleId);
    expect(e.criteria).toEqual([]);
    expect(e.summary.vi).toMatch(/^Không thuộc diện: /);
    expect(RECOGNITION_RESULT_LABELS.EXCLUDED.vi).toBe('Không thuộc diện');
  });

  it.each([
    [{ id: 7, type: 'DN', areaId: 12, managingLevel: 'commune', enterpriseSize: 'medium' }, GOOD_CQDN],
    [{ id: 9, type: 'CSGD', areaId: 12, managingLevel: 'commune', schoolLevel: 'upper_secondary' }, GOOD_CSGD],
    [{ id: 8, type: 'CQ', areaId: 12, managingLevel: 'district', isArmedForces: false }, GOOD_CQDN],
  ] as const)('%j meets the standard with good answers', (unit, answers) => {
    expect(evaluateUnit({ unit, year: YEAR, registered: true, answers }).result).toBe('DAT');
  });

  it('a unit that did not register is Chưa đăng ký, its criteria still reported', () => {
    const e = evaluateUnit(kdc({ registered: false }));
    expect(e.result).toBe('NOT_REGISTERED');
    expect(e.criteria.every((c) => c.outcome === 'met')).toBe(true);
    expect(e.summary.en).toBe('Did not register for the standard in 2022');
    expect(RECOGNITION_RESULT_LABELS.NOT_REGISTERED.vi).toBe('Chưa đăng ký');
  });

  it('evaluates each year under the catalogue in force, or the one given', () => {
    expect(evaluateUnit(kdc({ year: 2021 })).catalogueId).toBe('tt23-2012');
    expect(evaluateUnit(kdc({ year: 2021 }), { catalogue: TT124_2021 }).catalogueId).toBe('tt124-2021');
    expect(() => evaluateUnit(kdc({ year: 2005 }))).toThrow(/No catalogue/);
  });

  it('results are frozen and shared (copy before changing)', () => {
    // shared within one evaluation (its memo): core keeps no state between calls
    const [a, b] = evaluateArea([kdc(), kdc({ unit: village(102) })]) as [UnitEvaluation, UnitEvaluation];
    expect(a.criteria[1]).toBe(b.criteria[1]);
    expect(Object.isFrozen(a.criteria[1])).toBe(true);
    expect(a.unitId).not.toBe(b.unitId);
  });
});

// ── An area bottom-up ───────────────────────────────────────────────────────────────────────────────

describe('evaluateArea: communes after the units they manage', () => {
  function communeWithVillages(
    passing: number,
    failing: number,
    extra: UnitEvaluationInput[] = [],
  ): UnitEvaluationInput[] {
    const inputs: UnitEvaluationInput[] = [{ unit: commune(1, 12), year: YEAR, registered: true, answers: GOOD_XA }];
    for (let i = 0; i < passing + failing; i++) {
      inputs.push(
        kdc({
          unit: village(100 + i, 12),
          answers: i < passing ? GOOD_KDC : { ...GOOD_KDC, 'KDC-5': FAILING_KDC5 },
        }),
      );
    }
    return [...inputs, ...extra];
  }
  const xaResult = (results: UnitEvaluation[]) => results.find((r) => r.unitType === 'XA')!;

  it.each([
    [7, 3, 'met', 'DAT'],
    [6, 4, 'not_met', 'CHUA_DAT'],
    [10, 0, 'met', 'DAT'],
  ])('%i passing and %i failing villages → XA-4 %s, commune %s', (passing, failing, xa4, result) => {
    const results = evaluateArea(communeWithVillages(passing, failing));
    expect(outcome(xaResult(results), 'XA-4')).toBe(xa4);
    expect(outcome(xaResult(results), 'XA-2')).toBe('met'); // KDC-5 is not part of XA-2
    expect(xaResult(results).result).toBe(result);
    expect(xaResult(results).managed?.byType.KDC).toMatchObject({
      total: passing + failing,
      registered: passing + failing,
      recognised: passing,
    });
  });

  it('a village incident on 31/10 fails XA-2; on 1/11 it belongs to the next year', () => {
    const incidentOn = (date: string) => {
      const inputs = communeWithVillages(10, 0);
      inputs[1] = { ...inputs[1]!, incidents: [{ criterionCode: 'KDC-3', item: 'a', occurredOn: date }] };
      return xaResult(evaluateArea(inputs));
    };
    expect(outcome(incidentOn('2022-10-31'), 'XA-2')).toBe('not_met');
    expect(reasons(incidentOn('2022-10-31'), 'XA-2')).toContain(
      'KDC-3: 9/10 residential area meet it (90%), needs 100%',
    );
    expect(incidentOn('2022-10-31').result).toBe('CHUA_DAT');
    expect(outcome(incidentOn('2022-11-01'), 'XA-2')).toBe('met');
    expect(incidentOn('2022-11-01').result).toBe('DAT');
  });

  it('counts commune-managed agencies, enterprises and schools, not those of the district or province', () => {
    const failingSchool = (id: number, managingLevel: 'commune' | 'district'): UnitEvaluationInput => ({
      unit: { id, type: 'CSGD', areaId: 12, managingLevel, schoolLevel: 'upper_secondary' },
      year: YEAR,
      registered: false,
      answers: GOOD_CSGD,
    });
    const district = evaluateArea(communeWithVillages(7, 3, [failingSchool(900, 'district')]));
    expect(outcome(xaResult(district), 'XA-4')).toBe('met');
    const local = evaluateArea(communeWithVillages(7, 3, [failingSchool(900, 'commune')]));
    expect(outcome(xaResult(local), 'XA-4')).toBe('not_met'); // one managed unit did not register
    expect(reasons(xaResult(local), 'XA-4')).toContain('Registered 10/11');
  });

  it('excluded children leave the denominator', () => {
    const excludedSchools = [901, 902, 903].map<UnitEvaluationInput>((id) => ({
      unit: { id, type: 'CSGD', areaId: 12, managingLevel: 'commune', schoolLevel: 'primary' },
      year: YEAR,
      registered: false,
    }));
    const results = evaluateArea(communeWithVillages(7, 3, excludedSchools));
    expect(outcome(xaResult(results), 'XA-4')).toBe('met');
    expect(xaResult(results).managed?.byType.CSGD).toMatchObject({ total: 3, excluded: 3 });
  });

  it('keeps communes apart and returns results in input order', () => {
    const a = communeWithVillages(10, 0);
    const b = communeWithVillages(2, 8).map((input) => ({
      ...input,
      unit: { ...input.unit, id: input.unit.id + 10_000, areaId: 13 },
    }));
    const inputs = [...b, ...a].reverse();
    const results = evaluateArea(inputs);
    expect(results.map((r) => r.unitId)).toEqual(inputs.map((i) => i.unit.id));
    expect(results.find((r) => r.unitId === 1)?.result).toBe('DAT');
    expect(results.find((r) => r.unitId === 10_001)?.result).toBe('CHUA_DAT');
  });

  it('a commune without any village or managed unit has XA-2 and XA-4 missing', () => {
    const [result] = evaluateArea([{ unit: commune(), year: YEAR, registered: true, answers: GOOD_XA }]);
    expect(outcome(result!, 'XA-2')).toBe('missing');
    expect(outcome(result!, 'XA-4')).toBe('missing');
    expect(result!.result).toBe('CHUA_DAT');
  });

  it.each([
    ['the same unit twice', [kdc(), kdc()], 'appears twice'],
    [
      'two communes on the same area',
      [
        { unit: commune(1), year: YEAR, registered: true },
        { unit: commune(2), year: YEAR, registered: true },
      ],
      'share the area',
    ],
  ])('refuses %s', (_what, inputs, message) => {
    let error: unknown;
    try {
      evaluateArea(inputs);
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error) && error.code).toBe('INVALID');
    expect(String((error as Error).message)).toContain(message);
  });

  it('summarizeManagedUnits gives evaluateUnit the same result as evaluateArea', () => {
    const inputs = communeWithVillages(7, 3);
    const results = evaluateArea(inputs);
    const managedSummary = summarizeManagedUnits(results.filter((r) => r.unitType !== 'XA'));
    const alone = evaluateUnit({ ...inputs[0]!, managed: managedSummary });
    expect(alone).toEqual(xaResult(results));
  });

  it('isManagedByCommune', () => {
    expect(isManagedByCommune({ type: 'KDC', managingLevel: 'district' })).toBe(true);
    expect(isManagedByCommune({ type: 'DN', managingLevel: 'commune' })).toBe(true);
    expect(isManagedByCommune({ type: 'DN', managingLevel: 'province' })).toBe(false);
    expect(isManagedByCommune({ type: 'XA', managingLevel: 'commune' })).toBe(false);
  });

  it('incidentsInWindow keeps the incidents of the year', () => {
    const incidents = [
      { criterionCode: 'KDC-3', occurredOn: '2022-10-31' },
      { criterionCode: 'KDC-3', occurredOn: '2022-11-01' },
    ];
    expect(incidentsInWindow(incidents, 'KDC', 2022)).toEqual([incidents[0]]);
    expect(incidentsInWindow(incidents, 'XA', 2022)).toEqual(incidents);
  });
});
