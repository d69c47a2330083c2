import { describe, expect, it } from 'vitest';
import { isDomainError, type DomainError } from '../errors.js';
import type { UNIT_TYPES } from '../units.js';
import {
  BUILTIN_CATALOGUES,
  criteriaForType,
  extendCatalogue,
  findCatalogue,
  findCatalogueForYear,
  findCriterion,
  incidentTargets,
  getCatalogue,
  getCatalogueForYear,
  listUnverifiedItems,
  parseCatalogue,
} from './catalogue.js';
import type { Criterion } from './catalogue.schema.js';
import { assertEligible, checkEligibility } from './eligibility.js';
import { TT124_2021 } from './tt124-2021.catalogue.js';
import { TT23_2012 } from './tt23-2012.catalogue.js';

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('the shipped catalogues', () => {
  it.each(BUILTIN_CATALOGUES.map((c) => [c.id, c] as const))('%s is valid', (_id, catalogue) => {
    expect(parseCatalogue(clone(catalogue))).toEqual(catalogue);
  });

  it('tt124-2021 has the stable codes of the domain', () => {
    const codes = (type: (typeof UNIT_TYPES)[number]) => criteriaForType(TT124_2021, type).map((c) => c.code);
    expect(codes('KDC')).toEqual(['KDC-1', 'KDC-2', 'KDC-3', 'KDC-4', 'KDC-5']);
    expect(codes('XA')).toEqual(['XA-1', 'XA-2', 'XA-3', 'XA-4']);
    expect(codes('CQ')).toEqual(['CQDN-1', 'CQDN-2', 'CQDN-3', 'CQDN-4', 'CQDN-5']);
    expect(codes('DN')).toEqual(['CQDN-1', 'CQDN-2', 'CQDN-3', 'CQDN-4', 'CQDN-5']);
    expect(codes('CSGD')).toEqual(['CSGD-1', 'CSGD-2', 'CSGD-3', 'CSGD-4', 'CSGD-5', 'CSGD-6']);
    expect(TT124_2021.effectiveFrom).toBe('2022-02-10');
  });

  it('encodes each kind with its parameters', () => {
    const byCode = new Map(TT124_2021.criteria.map((c) => [c.code, c]));
    expect(byCode.get('KDC-1')).toMatchObject({ kind: 'ratio', minimum: 1 });
    expect(byCode.get('KDC-3')).toMatchObject({ kind: 'disqualifying' });
    const kdc3 = byCode.get('KDC-3');
    expect(kdc3?.kind === 'disqualifying' && kdc3.items.map((i) => i.letter)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'đ',
      'e',
      'g',
    ]);
    const kdc4 = byCode.get('KDC-4');
    expect(kdc4?.kind === 'parts' && kdc4.parts.map((p) => p.letter)).toEqual(['a', 'b', 'c', 'd']);
    expect(kdc4?.kind === 'parts' && kdc4.parts[0]?.comparison).toEqual({
      metrics: ['crimes', 'socialEvils'],
      aggregate: 'each',
      maxIncrease: 0,
    });
    expect(kdc4?.kind === 'parts' && kdc4.parts.map((p) => p.incidents?.exceptions)).toEqual([
      undefined,
      ['handled_promptly', 'force_majeure'],
      [],
      ['force_majeure'],
    ]);
    expect(byCode.get('KDC-5')).toMatchObject({ kind: 'rating', absentAllowed: false });
    expect(byCode.get('CQDN-5')).toMatchObject({ kind: 'ratio', minimum: 0.7 });
    expect(byCode.get('CSGD-6')).toMatchObject({ kind: 'ratio', minimum: 0.7 });
    const cqdn3 = byCode.get('CQDN-3');
    expect(cqdn3?.kind === 'disqualifying' && cqdn3.items.map((i) => i.letter)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'đ',
      'e',
      'g',
      'h',
    ]);
    expect(cqdn3?.kind === 'disqualifying' && cqdn3.items.find((i) => i.letter === 'đ')?.exceptions).toEqual([
      'handled_promptly',
      'force_majeure',
    ]);
    const csgd3 = byCode.get('CSGD-3');
    expect(csgd3?.kind === 'disqualifying' && csgd3.items.map((i) => i.letter)).toEqual(['a', 'b', 'c', 'đ', 'e', 'g']);
    expect(byCode.get('XA-2')).toMatchObject({
      kind: 'composite',
      criteria: ['KDC-2', 'KDC-3', 'KDC-4'],
      overTypes: ['KDC'],
      minimumShare: 1,
    });
    expect(byCode.get('XA-4')).toMatchObject({
      kind: 'managed_threshold',
      managedTypes: ['KDC', 'CQ', 'DN', 'CSGD'],
      registeredMinimum: 1,
      recognisedMinimum: 0.7,
    });
  });

  it('tt23-2012 counts villages only in XA-4, without a registration share', () => {
    expect(TT23_2012.criteria.find((c) => c.code === 'XA-4')).toMatchObject({
      managedTypes: ['KDC'],
      registeredMinimum: null,
      recognisedMinimum: 0.7,
      verified: true,
    });
    expect(TT23_2012.effectiveTo).toBe('2022-02-09');
  });

  it('tt124-2021: every criterion was read in Articles 4–7 and names its article, clause (and point)', () => {
    expect(listUnverifiedItems(TT124_2021)).toEqual([]);
    for (const c of TT124_2021.criteria) {
      expect(c.source).toMatch(/^Điều [4-7] khoản [1-6] Thông tư 124\/2021\/TT-BCA$/);
      const items = c.kind === 'disqualifying' ? c.items : c.kind === 'parts' ? c.parts : [];
      for (const item of items)
        if (item.source)
          expect(item.source).toMatch(/^Điều [4-7] khoản [1-6]( điểm [a-hđ])? Thông tư 124\/2021\/TT-BCA$/);
    }
    const kdc3 = TT124_2021.criteria.find((c) => c.code === 'KDC-3');
    expect(kdc3?.kind === 'disqualifying' && kdc3.items.map((i) => i.source)).toEqual(
      ['a', 'b', 'c', 'd', 'đ', 'e', 'g'].map((p) => `Điều 4 khoản 3 điểm ${p} Thông tư 124/2021/TT-BCA`),
    );
    // what stays unknown is said in the catalogue's notes
    expect(TT124_2021.notes?.vi).toContain('48/2025');
  });

  it('tt23-2012: what was read is verified; what stands in says so', () => {
    const tt23 = new Set(listUnverifiedItems(TT23_2012).map((u) => u.path));
    for (const path of ['KDC-1', 'KDC-3/a', 'KDC-4/b', 'KDC-5/no-discipline', 'XA-2', 'CQDN-1', 'CSGD-2'])
      expect(tt23.has(path)).toBe(true);
    for (const path of ['XA-1', 'XA-3', 'XA-4', 'CQDN-3', 'CQDN-3/a']) expect(tt23.has(path)).toBe(false);
    for (const c of TT23_2012.criteria) {
      expect(c.source).toMatch(/^Điều [5-7] Thông tư 23\/2012\/TT-BCA/);
      if (!c.verified) expect(c.note?.vi).toMatch(/^Chưa đối chiếu văn bản/);
    }
    expect(TT23_2012.criteria.find((c) => c.code === 'KDC-2')?.source).toBe(
      'Điều 5 Thông tư 23/2012/TT-BCA (tạm dùng Điều 4 khoản 2 Thông tư 124/2021/TT-BCA)',
    );
    expect(TT23_2012.criteria.find((c) => c.code === 'KDC-1')).toMatchObject({
      kind: 'ratio',
      denominator: { vi: 'Số hộ gia đình thường trú' },
      verified: false,
    });
    const xa3 = TT23_2012.criteria.find((c) => c.code === 'XA-3');
    expect(xa3?.explanation.vi).toContain('Bảo vệ dân phố');
    expect(xa3?.explanation.vi).toContain('cảnh cáo');
    expect(xa3?.explanation.vi).not.toContain('khiển trách');
    expect(TT23_2012.criteria.find((c) => c.code === 'XA-2')).toMatchObject({
      criteria: ['KDC-2', 'KDC-3', 'KDC-4'],
      verified: false,
    });
    expect(TT23_2012.eligibility).toEqual([]); // no exclusion of primary schools or kindergartens
    expect(criteriaForType(TT23_2012, 'CQ').map((c) => c.code)).toEqual(['CQDN-1', 'CQDN-2', 'CQDN-3']);
  });

  it('ties every threshold written in a text to its parameter (a "70 %" in a text is the parameter)', () => {
    for (const catalogue of BUILTIN_CATALOGUES) {
      for (const c of catalogue.criteria) {
        const params =
          c.kind === 'ratio'
            ? [c.minimum]
            : c.kind === 'managed_threshold'
              ? [c.registeredMinimum, c.recognisedMinimum]
              : c.kind === 'composite'
                ? [c.minimumShare]
                : [];
        const percents = params.filter((p): p is number => p !== null).map((p) => Math.round(p * 10000) / 100);
        const texts = [c.title.vi, c.title.en, c.explanation.vi, c.explanation.en];
        if (c.kind === 'ratio') texts.push(c.numerator.vi, c.denominator.vi);
        for (const text of texts) {
          for (const match of text.matchAll(/(\d+(?:[.,]\d+)?)\s?%/g)) {
            const written = Number(match[1]!.replace(',', '.'));
            expect({ code: `${catalogue.id} ${c.code}`, written, params: percents.includes(written) }).toEqual({
              code: `${catalogue.id} ${c.code}`,
              written,
              params: true,
            });
          }
        }
        // and a threshold below 100 % is written somewhere in the title (officials read it there)
        for (const p of percents) if (p < 100) expect(c.title.vi).toContain(`${p}%`);
      }
    }
  });

  it('every text has both languages, the Vietnamese one with diacritics', () => {
    for (const catalogue of BUILTIN_CATALOGUES) {
      for (const c of catalogue.criteria) {
        expect(c.title.vi).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
        expect(c.title.en).not.toBe(c.title.vi);
      }
    }
  });
});

describe('parseCatalogue refuses a malformed catalogue, naming the path and the problem', () => {
  const withCriterion = (index: number, patch: Partial<Record<string, unknown>>) => {
    const c = clone(TT124_2021) as unknown as { criteria: Record<string, unknown>[] };
    c.criteria[index] = { ...c.criteria[index], ...patch };
    return c;
  };
  const kdc1 = TT124_2021.criteria.findIndex((c) => c.code === 'KDC-1');
  const kdc3 = TT124_2021.criteria.findIndex((c) => c.code === 'KDC-3');
  const xa2 = TT124_2021.criteria.findIndex((c) => c.code === 'XA-2');
  const xa4 = TT124_2021.criteria.findIndex((c) => c.code === 'XA-4');

  it.each([
    [
      'a date in the wrong format',
      { ...clone(TT124_2021), effectiveFrom: '10/02/2022' },
      'effectiveFrom',
      'YYYY-MM-DD',
    ],
    ['an end before the start', { ...clone(TT124_2021), effectiveTo: '2020-01-01' }, 'effectiveTo', 'before'],
    ['a ratio minimum above 1', withCriterion(kdc1, { minimum: 1.5 }), `criteria.${kdc1}.minimum`, ''],
    ['a bad criterion code', withCriterion(kdc1, { code: 'kdc 1' }), `criteria.${kdc1}.code`, 'KDC-1'],
    ['an unknown kind', withCriterion(kdc1, { kind: 'vibes' }), `criteria.${kdc1}.kind`, ''],
    [
      'a duplicate code (reported at the second one)',
      withCriterion(kdc1, { code: 'KDC-2' }),
      `criteria.${kdc1 + 1}.code`,
      'Duplicate criterion code: KDC-2',
    ],
    ['a missing English title', withCriterion(kdc1, { title: { vi: 'Tiêu chí' } }), `criteria.${kdc1}.title.en`, ''],
    [
      'a letter that is not a legal item letter',
      withCriterion(kdc3, { items: [{ letter: 'f', text: { vi: 'x', en: 'x' }, verified: true }] }),
      `criteria.${kdc3}.items.0.letter`,
      'đ',
    ],
    [
      'a composite over an unknown criterion',
      withCriterion(xa2, { criteria: ['KDC-9'] }),
      `criteria.${xa2}.criteria.0`,
      'No criterion KDC-9',
    ],
    ['a composite over a composite', withCriterion(xa2, { criteria: ['XA-4'] }), `criteria.${xa2}.criteria.0`, 'XA-4'],
    [
      'a managed threshold on villages',
      withCriterion(xa4, { unitTypes: ['KDC'] }),
      `criteria.${xa4}.unitTypes`,
      'communes (XA) only',
    ],
    ['a threshold above 100 %', withCriterion(xa4, { recognisedMinimum: 7 }), `criteria.${xa4}.recognisedMinimum`, ''],
    ['an unknown field', withCriterion(xa4, { colour: 'red' }), `criteria.${xa4}`, ''],
    [
      'an eligibility value that does not suit its attribute',
      { ...clone(TT124_2021), eligibility: [{ ...clone(TT124_2021.eligibility[1]!), values: ['primary'] }] },
      'eligibility.0.values.0',
      'enterpriseSize',
    ],
    [
      'a unit type without criteria',
      { ...clone(TT124_2021), criteria: clone(TT124_2021.criteria).filter((c) => !c.unitTypes.includes('CSGD')) },
      'criteria',
      'No criterion for unit type CSGD',
    ],
  ])('%s', (_what, value, path, problem) => {
    const error = caught(() => parseCatalogue(value));
    expect(error.code).toBe('INVALID');
    expect(error.text.en).toContain('Invalid catalogue tt124-2021');
    expect(error.text.en).toContain(`${path}:`);
    expect(error.text.en).toContain(problem);
    expect(error.text.vi).toContain('không hợp lệ');
    expect(error.text.vi).toContain(`${path}:`);
  });

  it('refuses something that is not a catalogue at all', () => {
    expect(caught(() => parseCatalogue('tt124')).code).toBe('INVALID');
    expect(caught(() => parseCatalogue(null)).text.en).toContain('(root)');
  });
});

describe('extendCatalogue', () => {
  const firecrackers: Criterion = {
    code: 'QB-KDC-6',
    kind: 'requirement',
    unitTypes: ['KDC'],
    verified: true,
    title: { vi: 'Không có pháo nổ dịp Tết', en: 'No firecrackers at Tết' },
    explanation: { vi: 'Không có vụ đốt pháo nổ trong dịp Tết Nguyên đán', en: 'No firecracker incident during Tết' },
    checklist: [{ key: 'no-firecrackers', verified: true, text: { vi: 'Không có pháo nổ', en: 'No firecrackers' } }],
  };
  const extension = {
    id: 'tt124-2021+quang-binh',
    legalBasis: { vi: 'Quyết định của UBND tỉnh Quảng Bình', en: "Decision of Quảng Bình's People's Committee" },
    criteria: [firecrackers],
  };

  it("adds a province's criterion and keeps every base criterion", () => {
    const qb = extendCatalogue(TT124_2021, extension);
    expect(qb.id).toBe('tt124-2021+quang-binh');
    expect(qb.extends).toBe('tt124-2021');
    expect(qb.criteria.map((c) => c.code)).toEqual([...TT124_2021.criteria.map((c) => c.code), 'QB-KDC-6']);
    expect(criteriaForType(qb, 'KDC').map((c) => c.code)).toContain('QB-KDC-6');
    expect(qb.effectiveFrom).toBe(TT124_2021.effectiveFrom);
    expect(qb.legalBasis.vi).toContain('Quảng Bình');
    expect(TT124_2021.criteria).toHaveLength(20); // the base is untouched
  });

  it('may only add: redefining a base criterion is refused', () => {
    const error = caught(() =>
      extendCatalogue(TT124_2021, { ...extension, criteria: [{ ...firecrackers, code: 'KDC-3' }] }),
    );
    expect(error.code).toBe('INVALID');
    expect(error.text.en).toContain('criteria.0.code');
    expect(error.text.en).toContain('KDC-3 already exists');
  });

  it('validates the result like any catalogue', () => {
    const error = caught(() =>
      extendCatalogue(TT124_2021, { ...extension, criteria: [{ ...firecrackers, checklist: [] }] }),
    );
    expect(error.text.en).toMatch(/criteria\.20\.checklist/);
  });

  it('can be selected for a year when listed after the base', () => {
    const qb = extendCatalogue(TT124_2021, extension);
    expect(findCatalogueForYear(2023, [...BUILTIN_CATALOGUES, qb])?.id).toBe('tt124-2021+quang-binh');
  });
});

describe('catalogue selection', () => {
  it.each([
    [2013, 'tt23-2012'],
    [2021, 'tt23-2012'],
    [2022, 'tt124-2021'],
    [2030, 'tt124-2021'],
  ])('year %i is assessed under %s', (year, id) => {
    expect(getCatalogueForYear(year).id).toBe(id);
  });

  it('has nothing before 2012', () => {
    expect(findCatalogueForYear(2011)).toBeUndefined();
    expect(caught(() => getCatalogueForYear(2011)).code).toBe('NOT_FOUND');
  });

  it('finds by id', () => {
    expect(findCatalogue('tt23-2012')).toBe(TT23_2012);
    expect(findCatalogue('nope')).toBeUndefined();
    expect(getCatalogue('tt124-2021')).toBe(TT124_2021);
    expect(caught(() => getCatalogue('nope')).code).toBe('NOT_FOUND');
  });
});

describe('eligibility', () => {
  it.each([
    [{ type: 'CQ', isArmedForces: true }, 'armed-forces-agencies'],
    [{ type: 'CQ', isArmedForces: false }, null],
    [{ type: 'CQ' }, null],
    [{ type: 'DN', enterpriseSize: 'micro' }, 'small-micro-enterprises'],
    [{ type: 'DN', enterpriseSize: 'small' }, 'small-micro-enterprises'],
    [{ type: 'DN', enterpriseSize: 'medium' }, null],
    [{ type: 'DN', enterpriseSize: null }, null],
    [{ type: 'CSGD', schoolLevel: 'primary' }, 'primary-preschool-creche'],
    [{ type: 'CSGD', schoolLevel: 'kindergarten' }, 'primary-preschool-creche'],
    [{ type: 'CSGD', schoolLevel: 'creche' }, 'primary-preschool-creche'],
    [{ type: 'CSGD', schoolLevel: 'preschool' }, 'primary-preschool-creche'],
    [{ type: 'CSGD', schoolLevel: 'lower_secondary' }, null],
    [{ type: 'CSGD', schoolLevel: 'upper_secondary' }, null],
    [{ type: 'KDC', isArmedForces: true }, null], // the rule is for agencies only
    [{ type: 'DN', isArmedForces: true }, null],
  ] as const)('%j → %s', (unit, ruleId) => {
    const result = checkEligibility(unit, TT124_2021);
    if (ruleId === null) {
      expect(result).toEqual({ eligible: true });
    } else {
      expect(result).toMatchObject({ eligible: false, ruleId });
      expect(!result.eligible && result.reason.vi.length > 10 && result.reason.en.length > 10).toBe(true);
    }
  });

  it('assertEligible gives a clear error when an excluded unit registers', () => {
    const error = caught(() =>
      assertEligible({ type: 'DN', enterpriseSize: 'micro', name: 'Công ty TNHH Minh Phát' }, TT124_2021),
    );
    expect(error.code).toBe('INVALID');
    expect(error.text.vi).toBe(
      'Công ty TNHH Minh Phát (Doanh nghiệp) không thể đăng ký: Doanh nghiệp nhỏ và doanh nghiệp siêu nhỏ không thuộc diện xét công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
    );
    expect(error.text.en).toContain('Small and micro enterprises');
    expect(() => assertEligible({ type: 'DN', enterpriseSize: 'large' }, TT124_2021)).not.toThrow();
  });
});

describe('incidentTargets', () => {
  it('lists what an incident may name, with the exceptions each admits', () => {
    const targets = (code: string) =>
      incidentTargets(findCriterion(TT124_2021, code)!)?.map((t) => `${t.letter}:${t.exceptions.join('+')}`);
    expect(targets('KDC-3')).toEqual(['a:', 'b:', 'c:', 'd:', 'đ:', 'e:', 'g:']);
    expect(targets('KDC-4')).toEqual(['b:handled_promptly+force_majeure', 'c:', 'd:force_majeure']);
    expect(targets('XA-3')).toEqual(['b:']);
    expect(targets('CQDN-3')?.find((t) => t.startsWith('đ'))).toBe('đ:handled_promptly+force_majeure');
    expect(targets('KDC-5')).toBeUndefined();
    expect(targets('KDC-2')).toBeUndefined();
  });
});
