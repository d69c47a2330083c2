import { describe, expect, it } from 'vitest';
import { RATING_ABSENT } from '../catalogue/catalogue.schema.js';
import { TT124_2021 } from '../catalogue/tt124-2021.catalogue.js';
import { TT23_2012 } from '../catalogue/tt23-2012.catalogue.js';
import type { CriterionAnswer, IncidentRecord } from './assessment.schema.js';
import { validateAnswers } from './assessment.schema.js';
import { comparedMetrics, passingAnswers } from './passing-answers.js';
import { recognitionAuthority } from './recognition-authority.js';
import {
  evaluateArea,
  evaluateUnit,
  type AssessedUnit,
  type UnitEvaluation,
  type UnitEvaluationInput,
} from './recognition.engine.js';

// The criteria as circular 124/2021 writes them (Articles 4–7, checked 2026-12-01): a pass and a fail for
// each corrected item, the exceptions of KDC-4 (b) and CQDN-3 (đ), and the second 70 % rule at 69.9 % and 70 %.

const YEAR = 2022;
const village: AssessedUnit = { id: 101, type: 'KDC', areaId: 12, managingLevel: 'commune' };
const commune: AssessedUnit = { id: 1, type: 'XA', areaId: 12, managingLevel: 'district' };
const agency: AssessedUnit = { id: 201, type: 'CQ', areaId: 12, managingLevel: 'district', isArmedForces: false };
const enterprise: AssessedUnit = {
  id: 202,
  type: 'DN',
  areaId: 12,
  managingLevel: 'district',
  enterpriseSize: 'medium',
};
const school: AssessedUnit = {
  id: 301,
  type: 'CSGD',
  areaId: 12,
  managingLevel: 'district',
  schoolLevel: 'upper_secondary',
};

const GOOD: Record<'KDC' | 'XA' | 'CQDN' | 'CSGD', Record<string, CriterionAnswer>> = {
  KDC: {
    'KDC-1': { checks: { resolution: true, plan: true, registration: true }, numerator: 180, denominator: 180 },
    'KDC-2': { checks: { 'carried-out': true } },
    'KDC-4': { checks: { 'other-violations': true, 'offenders-managed': true } },
    'KDC-5': { rating: 'hoan-thanh', checks: { 'no-discipline': true } },
  },
  XA: {
    'XA-1': { checks: { resolution: true, plan: true, registration: true, model: true } },
    'XA-3': { checks: { 'grasps-situation': true } },
  },
  CQDN: {
    'CQDN-1': {
      checks: { resolution: true, plan: true, registration: true, 'internal-rules': true, model: true },
      numerator: 60,
      denominator: 60,
    },
    'CQDN-2': { checks: { policy: true, coordination: true } },
    'CQDN-4': { rating: 'hoan-thanh-tot', checks: { 'no-discipline': true } },
    'CQDN-5': { numerator: 7, denominator: 10 },
  },
  CSGD: {
    'CSGD-1': {
      checks: { resolution: true, plan: true, registration: true, 'internal-rules': true, model: true },
      numerator: 900,
      denominator: 900,
    },
    'CSGD-2': { checks: { policy: true, 'coordination-police': true, 'coordination-parents': true } },
    'CSGD-5': { rating: 'tap-the-lao-dong-tien-tien', checks: { 'no-discipline': true } },
    'CSGD-6': { numerator: 12, denominator: 15 },
  },
};
const COUNTS = { current: { crimes: 0, socialEvils: 1 }, previous: { crimes: 1, socialEvils: 1 } };
const MANAGED = {
  byType: {
    KDC: { total: 5, excluded: 0, registered: 5, recognised: 5, criteriaMet: { 'KDC-2': 5, 'KDC-3': 5, 'KDC-4': 5 } },
  },
};

function groupOf(unit: AssessedUnit): keyof typeof GOOD {
  return unit.type === 'CQ' || unit.type === 'DN' ? 'CQDN' : unit.type;
}

function evaluate(
  unit: AssessedUnit,
  patch: {
    answers?: Record<string, CriterionAnswer | undefined>;
    incidents?: IncidentRecord[];
    counts?: UnitEvaluationInput['counts'];
  } = {},
): UnitEvaluation {
  return evaluateUnit(
    {
      unit,
      year: YEAR,
      registered: true,
      answers: { ...GOOD[groupOf(unit)], ...patch.answers },
      incidents: patch.incidents ?? [],
      counts: patch.counts ?? COUNTS,
      ...(unit.type === 'XA' ? { managed: MANAGED } : {}),
    },
    { catalogue: TT124_2021 },
  );
}
const outcome = (e: UnitEvaluation, code: string) => e.criteria.find((c) => c.code === code)?.outcome;
const reasons = (e: UnitEvaluation, code: string, lang: 'vi' | 'en' = 'en') =>
  (e.criteria.find((c) => c.code === code)?.reasons ?? []).map((r) => r[lang]).join(' | ');
const incident = (
  criterionCode: string,
  item: string | null,
  exception: IncidentRecord['exception'] = null,
  occurredOn = '2022-06-01',
): IncidentRecord => ({
  criterionCode,
  item,
  occurredOn,
  description: 'Vụ việc thử',
  exception,
});

it('good answers meet every criterion of every type', () => {
  for (const unit of [village, commune, agency, enterprise, school]) {
    const e = evaluate(unit);
    expect({
      unit: unit.type,
      result: e.result,
      failing: e.criteria.filter((c) => c.outcome !== 'met').map((c) => c.code),
    }).toEqual({ unit: unit.type, result: 'DAT', failing: [] });
  }
});

describe('KDC-1 (Art. 4(1)): households residing in the area register to take part', () => {
  it.each([
    ['all 180 residing households (permanent and temporary) registered', { numerator: 180, denominator: 180 }, 'met'],
    ['179 of 180', { numerator: 179, denominator: 180 }, 'not_met'],
  ])('%s', (_what, figures, expected) => {
    const e = evaluate(village, {
      answers: { 'KDC-1': { checks: { resolution: true, plan: true, registration: true }, ...figures } },
    });
    expect(outcome(e, 'KDC-1')).toBe(expected);
    expect(reasons(e, 'KDC-1', 'vi')).toContain('Số hộ gia đình đang cư trú đăng ký tham gia');
  });
  it('the area needs its plan too', () => {
    expect(
      outcome(
        evaluate(village, {
          answers: {
            'KDC-1': { checks: { resolution: true, plan: false, registration: true }, numerator: 1, denominator: 1 },
          },
        }),
        'KDC-1',
      ),
    ).toBe('not_met');
  });
});

describe('KDC-2 (Art. 4(2))', () => {
  it.each([
    [true, 'met'],
    [false, 'not_met'],
  ])('carried out: %s → %s', (value, expected) => {
    expect(outcome(evaluate(village, { answers: { 'KDC-2': { checks: { 'carried-out': value } } } }), 'KDC-2')).toBe(
      expected,
    );
  });
});

describe('KDC-3 (Art. 4(3)): items a–g, the list ends at g', () => {
  it.each(['a', 'b', 'c', 'd', 'đ', 'e', 'g'])('an incident of item %s fails it', (item) => {
    const e = evaluate(village, { incidents: [incident('KDC-3', item)] });
    expect(outcome(e, 'KDC-3')).toBe('not_met');
  });
  it('no incident: met', () => expect(outcome(evaluate(village), 'KDC-3')).toBe('met'));
  it('words (c), (d) and (g) as the circular does', () => {
    const kdc3 = TT124_2021.criteria.find((c) => c.code === 'KDC-3');
    const text = (letter: string) =>
      kdc3?.kind === 'disqualifying' ? kdc3.items.find((i) => i.letter === letter)?.text.vi : undefined;
    expect(text('c')).toBe('Tuyên truyền, phát triển tín ngưỡng, tôn giáo trái pháp luật');
    expect(text('d')).toContain('khiếu kiện');
    expect(text('g')).toMatch(/^Lôi kéo, kích động, mua chuộc, cưỡng ép người khác tập trung đông người khiếu nại/);
    expect(kdc3?.kind === 'disqualifying' && kdc3.items.at(-1)?.letter).toBe('g');
  });
});

describe('KDC-4 (Art. 4(4)): four parts a–d, all required', () => {
  it.each([
    [
      '(a) crimes up on the previous window',
      { counts: { current: { crimes: 2, socialEvils: 0 }, previous: { crimes: 1, socialEvils: 0 } } },
      'not_met',
      'Item (a): Crimes: 2, up 1',
    ],
    [
      '(a) other violations not contained',
      { answers: { 'KDC-4': { checks: { 'other-violations': false, 'offenders-managed': true } } } },
      'not_met',
      'Item (a): Not met: Other violations',
    ],
    [
      '(b) a serious crime',
      { incidents: [incident('KDC-4', 'b')] },
      'not_met',
      'Item (b): Incident on 2022-06-01, item (b)',
    ],
    [
      '(b) a serious crime promptly detected, handled and reported',
      { incidents: [incident('KDC-4', 'b', 'handled_promptly')] },
      'met',
      'not counted: promptly detected, handled and reported',
    ],
    [
      '(b) force majeure',
      { incidents: [incident('KDC-4', 'b', 'force_majeure')] },
      'met',
      'not counted: force majeure',
    ],
    ['(c) a new hot spot', { incidents: [incident('KDC-4', 'c')] }, 'not_met', 'Item (c): Incident'],
    [
      '(c) a hot spot "handled promptly" is no exception',
      { incidents: [incident('KDC-4', 'c', 'handled_promptly')] },
      'not_met',
      'Item (c): Incident',
    ],
    [
      '(c) offenders not managed',
      { answers: { 'KDC-4': { checks: { 'other-violations': true, 'offenders-managed': false } } } },
      'not_met',
      'Item (c): Not met: Offenders',
    ],
    ['(d) a fatal labour accident', { incidents: [incident('KDC-4', 'd')] }, 'not_met', 'Item (d): Incident'],
    [
      '(d) force majeure',
      { incidents: [incident('KDC-4', 'd', 'force_majeure')] },
      'met',
      'not counted: force majeure',
    ],
    [
      '(d) "handled promptly" does not excuse an accident',
      { incidents: [incident('KDC-4', 'd', 'handled_promptly')] },
      'not_met',
      'Item (d): Incident',
    ],
    ['an incident naming no part', { incidents: [incident('KDC-4', null)] }, 'not_met', 'Incident on 2022-06-01'],
    [
      'a serious crime outside the window',
      { incidents: [incident('KDC-4', 'b', null, '2022-11-01')] },
      'met',
      'Item (b): No incident',
    ],
    ['every part holds', {}, 'met', 'Item (d): No incident'],
  ] as const)('%s → %s', (_what, patch, expected, reason) => {
    const e = evaluate(village, patch as Parameters<typeof evaluate>[1]);
    expect(outcome(e, 'KDC-4')).toBe(expected);
    expect(reasons(e, 'KDC-4')).toContain(reason);
    expect(e.result).toBe(expected === 'met' ? 'DAT' : 'CHUA_DAT');
  });

  it('says the exception in Vietnamese', () => {
    const e = evaluate(village, { incidents: [incident('KDC-4', 'b', 'handled_promptly')] });
    expect(reasons(e, 'KDC-4', 'vi')).toContain('Điểm b: Vụ việc ngày 01/06/2022, điểm b');
    expect(reasons(e, 'KDC-4', 'vi')).toContain('không tính: đã kịp thời phát hiện, xử lý và báo cáo ngay');
  });

  it('a handled serious crime keeps the commune whole (XA-2 reads KDC-4)', () => {
    const inputs = (exception: IncidentRecord['exception']): UnitEvaluationInput[] => [
      { unit: commune, year: YEAR, registered: true, answers: GOOD.XA },
      {
        unit: village,
        year: YEAR,
        registered: true,
        answers: GOOD.KDC,
        counts: COUNTS,
        incidents: [incident('KDC-4', 'b', exception)],
      },
    ];
    expect(outcome(evaluateArea(inputs('handled_promptly'), { catalogue: TT124_2021 })[0]!, 'XA-2')).toBe('met');
    expect(outcome(evaluateArea(inputs(null), { catalogue: TT124_2021 })[0]!, 'XA-2')).toBe('not_met');
  });
});

describe('KDC-5 (Art. 4(5)): the grassroots forces rated "hoàn thành nhiệm vụ" or better, nobody disciplined', () => {
  it.each([
    ['hoan-thanh-xuat-sac', true, 'met'],
    ['hoan-thanh-tot', true, 'met'],
    ['hoan-thanh', true, 'met'],
    ['khong-hoan-thanh', true, 'not_met'],
    ['hoan-thanh', false, 'not_met'],
    [RATING_ABSENT, true, 'not_met'],
  ])('rated %s, nobody disciplined: %s → %s', (rating, noDiscipline, expected) => {
    const e = evaluate(village, { answers: { 'KDC-5': { rating, checks: { 'no-discipline': noDiscipline } } } });
    expect(outcome(e, 'KDC-5')).toBe(expected);
  });
  it('a missing rating is missing, and says so', () => {
    const e = evaluate(village, { answers: { 'KDC-5': { checks: { 'no-discipline': true } } } });
    expect(outcome(e, 'KDC-5')).toBe('missing');
    expect(reasons(e, 'KDC-5', 'vi')).toContain(
      'Chưa có kết quả xếp loại của lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở',
    );
  });
  it('explains a failing rating with the levels that pass', () => {
    const e = evaluate(village, {
      answers: { 'KDC-5': { rating: 'khong-hoan-thanh', checks: { 'no-discipline': true } } },
    });
    expect(reasons(e, 'KDC-5', 'vi')).toContain(
      'xếp loại "Không hoàn thành nhiệm vụ", cần "Hoàn thành xuất sắc nhiệm vụ" hoặc "Hoàn thành tốt nhiệm vụ" hoặc "Hoàn thành nhiệm vụ"',
    );
  });
});

describe('XA-3 (Art. 5(3)): both halves', () => {
  it.each([
    ['the police grasp the situation, nobody disciplined', { 'grasps-situation': true }, [], 'met'],
    ['the police did not advise in time', { 'grasps-situation': false }, [], 'not_met'],
    ['a member disciplined', { 'grasps-situation': true }, [incident('XA-3', 'b', null, '2022-11-15')], 'not_met'],
    [
      'a member disciplined after the window',
      { 'grasps-situation': true },
      [incident('XA-3', 'b', null, '2022-11-16')],
      'met',
    ],
  ] as const)('%s → %s', (_what, checks, incidents, expected) => {
    expect(outcome(evaluate(commune, { answers: { 'XA-3': { checks } }, incidents: [...incidents] }), 'XA-3')).toBe(
      expected,
    );
  });
});

describe('CQDN-3 (Art. 6(3)): items a–h', () => {
  it.each(['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h'])('an incident of item %s fails it', (item) => {
    expect(outcome(evaluate(agency, { incidents: [incident('CQDN-3', item)] }), 'CQDN-3')).toBe('not_met');
  });
  it.each([
    ['đ', 'handled_promptly', 'met'],
    ['đ', 'force_majeure', 'met'],
    ['đ', null, 'not_met'],
    ['g', 'handled_promptly', 'not_met'],
    ['d', 'force_majeure', 'not_met'],
  ] as const)('item %s with exception %s → %s', (item, exception, expected) => {
    const e = evaluate(enterprise, { incidents: [incident('CQDN-3', item, exception)] });
    expect(outcome(e, 'CQDN-3')).toBe(expected);
    expect(e.result).toBe(expected === 'met' ? 'DAT' : 'CHUA_DAT');
  });
  it('no incident: met', () => expect(outcome(evaluate(agency), 'CQDN-3')).toBe('met'));
});

describe('CQDN-4 and CSGD-5 (Art. 6(4), 7(5)): the security force rated "Tập thể lao động tiên tiến" or "Hoàn thành tốt nhiệm vụ" or better', () => {
  it.each([
    ['tap-the-lao-dong-xuat-sac', true, 'met'],
    ['tap-the-lao-dong-tien-tien', true, 'met'],
    ['hoan-thanh-tot', true, 'met'],
    ['hoan-thanh', true, 'not_met'],
    ['khong-hoan-thanh', true, 'not_met'],
    ['hoan-thanh-tot', false, 'not_met'],
    [RATING_ABSENT, true, 'met'], // "where one exists"
  ])('rated %s, nobody disciplined at "cảnh cáo" or above: %s → %s', (rating, noDiscipline, expected) => {
    const answer = { rating, checks: { 'no-discipline': noDiscipline } };
    expect(outcome(evaluate(agency, { answers: { 'CQDN-4': answer } }), 'CQDN-4')).toBe(expected);
    expect(outcome(evaluate(school, { answers: { 'CSGD-5': answer } }), 'CSGD-5')).toBe(expected);
  });
  it('an unknown rating is refused by validateAnswers and missing in the engine', () => {
    expect(validateAnswers(TT124_2021, 'CQ', { 'CQDN-4': { rating: 'tot' } }).map((e) => e.path)).toEqual([
      'answers.CQDN-4.rating',
    ]);
    expect(
      validateAnswers(TT124_2021, 'CQ', { 'CQDN-4': { rating: 'none', checks: { 'no-discipline': true } } }),
    ).toEqual([]);
    expect(validateAnswers(TT124_2021, 'KDC', { 'KDC-5': { rating: 'none' } }).map((e) => e.path)).toEqual([
      'answers.KDC-5.rating',
    ]);
    expect(
      validateAnswers(TT124_2021, 'KDC', {
        'KDC-4': { checks: { 'other-violations': true, 'offenders-managed': true } },
      }),
    ).toEqual([]);
    expect(validateAnswers(TT124_2021, 'KDC', { 'KDC-3': { checks: {} } }).map((e) => e.path)).toEqual([
      'answers.KDC-3',
    ]);
    expect(
      outcome(
        evaluate(agency, { answers: { 'CQDN-4': { rating: 'tot', checks: { 'no-discipline': true } } } }),
        'CQDN-4',
      ),
    ).toBe('missing');
  });
});

describe('CQDN-5 and CSGD-6 (Art. 6(5), 7(6)): at least 70 % of the direct sub-units rated well', () => {
  it.each([
    [699, 1000, 'not_met'],
    [700, 1000, 'met'],
    [7, 10, 'met'],
    [6, 10, 'not_met'],
    [0, 0, 'missing'],
  ])('%i of %i sub-units → %s', (numerator, denominator, expected) => {
    expect(outcome(evaluate(enterprise, { answers: { 'CQDN-5': { numerator, denominator } } }), 'CQDN-5')).toBe(
      expected,
    );
    expect(outcome(evaluate(school, { answers: { 'CSGD-6': { numerator, denominator } } }), 'CSGD-6')).toBe(expected);
  });
  it('says 69.9 % in Vietnamese', () => {
    const e = evaluate(enterprise, { answers: { 'CQDN-5': { numerator: 699, denominator: 1000 } } });
    expect(reasons(e, 'CQDN-5', 'vi')).toContain('699/1000 (69,9 %), chưa đạt mức 70 %');
  });
});

describe('CSGD-1…4 (Art. 7(1)–(4))', () => {
  it.each([
    [
      'CSGD-1: 100 % of staff, teachers and learners briefed',
      { 'CSGD-1': { ...GOOD.CSGD['CSGD-1'], numerator: 900, denominator: 900 } },
      'CSGD-1',
      'met',
    ],
    [
      'CSGD-1: one learner not briefed',
      { 'CSGD-1': { ...GOOD.CSGD['CSGD-1'], numerator: 899, denominator: 900 } },
      'CSGD-1',
      'not_met',
    ],
    [
      'CSGD-1: no internal rules on managing learners',
      {
        'CSGD-1': {
          ...GOOD.CSGD['CSGD-1'],
          checks: { resolution: true, plan: true, registration: true, 'internal-rules': false, model: true },
        },
      },
      'CSGD-1',
      'not_met',
    ],
    [
      'CSGD-2: coordination with the parents’ association',
      { 'CSGD-2': { checks: { policy: true, 'coordination-police': true, 'coordination-parents': true } } },
      'CSGD-2',
      'met',
    ],
    [
      'CSGD-2: no coordination with the parents’ association',
      { 'CSGD-2': { checks: { policy: true, 'coordination-police': true, 'coordination-parents': false } } },
      'CSGD-2',
      'not_met',
    ],
  ] as const)('%s', (_what, answers, code, expected) => {
    expect(outcome(evaluate(school, { answers }), code)).toBe(expected);
  });
  it.each(['a', 'b', 'c', 'đ', 'e', 'g'])('CSGD-3: an incident of Art. 6(3) item %s fails it', (item) => {
    expect(outcome(evaluate(school, { incidents: [incident('CSGD-3', item)] }), 'CSGD-3')).toBe('not_met');
  });
  it('CSGD-3: a serious crime promptly handled does not fail it', () => {
    expect(outcome(evaluate(school, { incidents: [incident('CSGD-3', 'đ', 'handled_promptly')] }), 'CSGD-3')).toBe(
      'met',
    );
  });
  it.each(['a', 'b', 'c'])('CSGD-4: school violence, a crime or a disciplined social evil (%s) fails it', (item) => {
    expect(outcome(evaluate(school, { incidents: [incident('CSGD-4', item)] }), 'CSGD-4')).toBe('not_met');
  });
  it('CSGD-3 and CSGD-4 hold without incidents', () => {
    const e = evaluate(school);
    expect([outcome(e, 'CSGD-3'), outcome(e, 'CSGD-4')]).toEqual(['met', 'met']);
  });
});

describe('circular 23/2012 (years up to 2021)', () => {
  const in2021 = (unit: AssessedUnit, answers: Record<string, CriterionAnswer>, incidents: IncidentRecord[] = []) =>
    evaluateUnit(
      { unit, year: 2021, registered: true, answers, incidents, counts: COUNTS, managed: MANAGED },
      { catalogue: TT23_2012 },
    );
  const XA23 = {
    'XA-1': { checks: { resolution: true, plan: true, registration: true } },
    'XA-3': { checks: { 'advanced-unit': true, 'no-discipline': true } },
  };

  it.each([
    [{ 'advanced-unit': true, 'no-discipline': true }, 'met'],
    [{ 'advanced-unit': false, 'no-discipline': true }, 'not_met'],
    [{ 'advanced-unit': true, 'no-discipline': false }, 'not_met'],
  ])(
    'XA-3 (police and "Bảo vệ dân phố" "Đơn vị tiên tiến", nobody disciplined at "cảnh cáo" or above) %j → %s',
    (checks, expected) => {
      expect(outcome(in2021({ ...commune }, { ...XA23, 'XA-3': { checks } }), 'XA-3')).toBe(expected);
    },
  );

  it.each([
    [190, 190, 'met'],
    [188, 190, 'not_met'],
  ])(
    'KDC-1 keeps 23/2012’s wording: %i of %i permanent households pledged → %s',
    (numerator, denominator, expected) => {
      const e = in2021(village, {
        ...GOOD.KDC,
        'KDC-1': { checks: { resolution: true, registration: true }, numerator, denominator },
      });
      expect(outcome(e, 'KDC-1')).toBe(expected);
      expect(reasons(e, 'KDC-1', 'vi')).toContain(`Số hộ gia đình thường trú ký cam kết: ${numerator}/${denominator}`);
    },
  );

  it('assesses primary schools and kindergartens (no exclusion under 23/2012)', () => {
    for (const schoolLevel of ['primary', 'kindergarten'] as const) {
      const e = in2021({ ...school, schoolLevel }, GOOD.CSGD);
      expect(e.result).toBe('DAT');
    }
    expect(evaluate({ ...school, schoolLevel: 'primary' }).result).toBe('EXCLUDED');
  });

  it.each([
    ['b', 'not_met'],
    ['đ', 'not_met'],
  ])('CQDN-3 keeps 23/2012’s list (item %s: theft of high-value assets, staff crime) → %s', (item, expected) => {
    const answers = { 'CQDN-1': GOOD.CQDN['CQDN-1']!, 'CQDN-2': GOOD.CQDN['CQDN-2']! };
    expect(
      outcome(in2021(agency, answers, [incident('CQDN-3', item, 'handled_promptly', '2021-06-01')]), 'CQDN-3'),
    ).toBe(expected);
    expect(in2021(agency, answers).result).toBe('DAT');
  });
});

describe('passingAnswers and comparedMetrics', () => {
  it.each([village, commune, agency, enterprise, school])(
    'passingAnswers meet every answerable criterion of %j',
    (unit) => {
      const answers = passingAnswers(TT124_2021, unit.type, () => 10);
      const e = evaluateUnit(
        { unit, year: YEAR, registered: true, answers, counts: COUNTS, managed: MANAGED },
        { catalogue: TT124_2021 },
      );
      expect(e.result).toBe('DAT');
      expect(validateAnswers(TT124_2021, unit.type, answers)).toEqual([]);
    },
  );
  it('comparedMetrics reads the comparisons inside parts', () => {
    expect(comparedMetrics(TT124_2021)).toEqual(['crimes', 'socialEvils']);
    expect(comparedMetrics(TT23_2012)).toEqual(['crimes', 'socialEvils']);
  });
});

describe('who recognises (Art. 10)', () => {
  it.each([
    ['a village', { type: 'KDC', managingLevel: 'commune' }, '2022-11-14', 'commune', false, true],
    [
      'a commune before the 2025 reform',
      { type: 'XA', managingLevel: 'district' },
      '2022-11-19',
      'district',
      false,
      true,
    ],
    [
      'a commune after it (48/2025, not found)',
      { type: 'XA', managingLevel: 'district' },
      '2025-11-19',
      'province',
      false,
      false,
    ],
    ['a district agency', { type: 'CQ', managingLevel: 'district' }, '2022-11-19', 'district', false, true],
    [
      'a district agency, delegated one level down',
      { type: 'CQ', managingLevel: 'district', isRecognitionDelegated: true },
      '2022-11-19',
      'commune',
      true,
      true,
    ],
    [
      'a provincial school, delegated, before the reform',
      { type: 'CSGD', managingLevel: 'province', isRecognitionDelegated: true },
      '2022-11-19',
      'district',
      true,
      true,
    ],
    [
      'a provincial school, delegated, after it (no district)',
      { type: 'CSGD', managingLevel: 'province', isRecognitionDelegated: true },
      '2025-11-19',
      'commune',
      true,
      true,
    ],
    [
      'an enterprise a department of the Ministry monitors',
      { type: 'DN', managingLevel: 'province', isMinistryMonitored: true, isRecognitionDelegated: true },
      '2022-11-19',
      'ministry',
      false,
      true,
    ],
    [
      'a village is never delegated',
      { type: 'KDC', managingLevel: 'commune', isRecognitionDelegated: true },
      '2022-11-14',
      'commune',
      false,
      true,
    ],
  ] as const)('%s → %s', (_what, unit, date, level, delegated, verified) => {
    const authority = recognitionAuthority(unit, date);
    expect(authority).toMatchObject({ level, delegated, verified, source: 'Điều 10 Thông tư 124/2021/TT-BCA' });
    if (!verified) expect(authority.note?.vi).toContain('48/2025');
  });

  it('a district agency delegated to the commune counts in its XA-4 ("được giao quản lý")', () => {
    const delegatedAgency = {
      id: 700,
      type: 'CQ' as const,
      areaId: 12,
      managingLevel: 'district' as const,
      isArmedForces: false,
      isRecognitionDelegated: true,
    };
    const inputs = (registered: boolean): UnitEvaluationInput[] => [
      { unit: commune, year: YEAR, registered: true, answers: GOOD.XA },
      { unit: village, year: YEAR, registered: true, answers: GOOD.KDC, counts: COUNTS },
      { unit: delegatedAgency, year: YEAR, registered, answers: GOOD.CQDN },
    ];
    const xa4 = (registered: boolean) =>
      evaluateArea(inputs(registered), { catalogue: TT124_2021 })[0]!.criteria.find((c) => c.code === 'XA-4');
    expect(xa4(true)?.outcome).toBe('met');
    expect(xa4(false)?.outcome).toBe('not_met'); // 100 % must register
    expect(xa4(false)?.reasons[0]?.en).toContain('Registered 1/2');
  });

  it('after the 2025 reform a provincial school delegated to the commune counts in its XA-4, as it is recognised there', () => {
    const school = {
      id: 701,
      type: 'CSGD' as const,
      areaId: 12,
      managingLevel: 'province' as const,
      isArmedForces: false,
      schoolLevel: 'upper_secondary' as const,
      isRecognitionDelegated: true,
    };
    const xa4 = (year: number) =>
      evaluateArea(
        [
          { unit: commune, year, registered: true, answers: GOOD.XA },
          { unit: village, year, registered: true, answers: GOOD.KDC, counts: COUNTS },
          { unit: school, year, registered: false },
        ],
        { catalogue: TT124_2021 },
      )[0]!.criteria.find((c) => c.code === 'XA-4');
    // 2022: one level below the province is the district, so the school is not the commune's: 1/1 registered
    expect(xa4(2022)?.outcome).toBe('met');
    // 2025: no district any more, so the delegation goes to the commune, whose 100 % registration it now misses
    expect(recognitionAuthority(school, '2025-11-19').level).toBe('commune');
    expect(xa4(2025)?.outcome).toBe('not_met');
    expect(xa4(2025)?.reasons[0]?.en).toContain('Registered 1/2');
  });
});
