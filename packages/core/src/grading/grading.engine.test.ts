import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError, type DomainError } from '../errors.js';
import { gradeSheet, type GradingInput } from './grading.engine.js';
import { GRADE_LABELS, parseSheetTemplate, type SheetTemplate } from './grading.schema.js';
import {
  CQDN_SHEET_TEMPLATE,
  DEFAULT_GRADING_RULES,
  DEFAULT_SHEET_TEMPLATES,
  findSheetTemplate,
  findSheetTemplateForType,
  getSheetTemplate,
  KDC_SHEET_TEMPLATE,
} from './sheet-templates.js';

const items = (t: SheetTemplate) => t.groups.flatMap((g) => g.items);
/** Scores every item at its maximum, then takes `missing` points off the last items, one point at a time. */
function scoresWith(template: SheetTemplate, missing = 0): GradingInput['scores'] {
  const scores: Record<string, { self: number }> = {};
  let left = missing;
  for (const item of [...items(template)].reverse()) {
    const off = Math.min(item.maxPoints, left);
    left -= off;
    scores[item.code] = { self: item.maxPoints - off };
  }
  return scores;
}

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('default sheet templates', () => {
  it.each(DEFAULT_SHEET_TEMPLATES.map((t) => [t.id, t] as const))('%s is valid and sums to 100', (_id, template) => {
    expect(parseSheetTemplate(JSON.parse(JSON.stringify(template)))).toEqual(template);
    expect(items(template).reduce((sum, i) => sum + i.maxPoints, 0)).toBe(100);
  });

  it('cover every unit type', () => {
    expect(['KDC', 'XA', 'CQ', 'DN', 'CSGD'].map((t) => findSheetTemplateForType(t as never)?.id)).toEqual([
      'kdc-510-2022',
      'xa-510-2022',
      'cqdn-510-2022',
      'cqdn-510-2022',
      'cqdn-510-2022', // decision 510 Art. 7: one sheet for agencies, enterprises and schools
    ]);
  });

  it('keeps the retired school sheet findable by id, so stored sheets still open', () => {
    expect(findSheetTemplate('csgd-510-2022')?.id).toBe('csgd-510-2022');
    expect(DEFAULT_SHEET_TEMPLATES.map((t) => t.id)).toEqual(['kdc-510-2022', 'xa-510-2022', 'cqdn-510-2022']);
    expect(CQDN_SHEET_TEMPLATE.deductions.map((d) => d.trigger.criterionCode)).toEqual(['CQDN-3', 'CSGD-3', 'CSGD-4']);
  });

  it('mark only the known agency/enterprise items as verified', () => {
    expect(
      items(CQDN_SHEET_TEMPLATE)
        .filter((i) => i.verified)
        .map((i) => [i.code, i.maxPoints]),
    ).toEqual([
      ['I.1', 3],
      ['II.1', 3],
      ['II.2', 5],
      ['III.1', 1],
    ]);
    for (const t of DEFAULT_SHEET_TEMPLATES.filter((x) => x !== CQDN_SHEET_TEMPLATE))
      expect(items(t).every((i) => !i.verified)).toBe(true);
    expect(DEFAULT_GRADING_RULES.verified).toBe(false);
  });

  it('are found by id', () => {
    expect(findSheetTemplate('xa-510-2022')?.unitTypes).toEqual(['XA']);
    expect(findSheetTemplate('nope')).toBeUndefined();
    expect(getSheetTemplate('kdc-510-2022')).toBe(KDC_SHEET_TEMPLATE);
    expect(caught(() => getSheetTemplate('nope')).code).toBe('NOT_FOUND');
  });
});

describe('parseSheetTemplate refuses a malformed template', () => {
  const copy = () =>
    JSON.parse(JSON.stringify(KDC_SHEET_TEMPLATE)) as SheetTemplate & {
      groups: { items: { maxPoints: number; code: string }[] }[];
    };
  it.each([
    [
      'items that do not sum to 100',
      (t: ReturnType<typeof copy>) => (t.groups[0]!.items[0]!.maxPoints = 6),
      'groups',
      'sum to 101',
    ],
    [
      'a duplicate item code',
      (t: ReturnType<typeof copy>) => (t.groups[1]!.items[0]!.code = 'I.1'),
      'groups.1.items.0.code',
      'Duplicate code: I.1',
    ],
    [
      'bands that do not decrease',
      (t: ReturnType<typeof copy>) =>
        ((t as { rules: unknown }).rules = {
          ...DEFAULT_GRADING_RULES,
          bands: [
            { grade: 'KHA', minimum: 50 },
            { grade: 'XUAT_SAC', minimum: 90 },
            { grade: 'YEU', minimum: 0 },
          ],
        }),
      'rules.bands.1.minimum',
      'must decrease',
    ],
    [
      'no band starting at 0',
      (t: ReturnType<typeof copy>) =>
        ((t as { rules: unknown }).rules = {
          ...DEFAULT_GRADING_RULES,
          bands: [
            { grade: 'XUAT_SAC', minimum: 90 },
            { grade: 'KHA', minimum: 10 },
          ],
        }),
      'rules.bands.1.minimum',
      'start at 0',
    ],
  ])('%s', (_what, mutate, path, problem) => {
    const t = copy();
    mutate(t);
    const error = caught(() => parseSheetTemplate(t));
    expect(error.code).toBe('INVALID');
    expect(error.text.en).toContain(`Invalid sheet template kdc-510-2022: `);
    expect(error.text.en).toContain(`${path}: `);
    expect(error.text.en).toContain(problem);
  });
});

describe('gradeSheet', () => {
  it.each([
    [0, true, 100, 'XUAT_SAC'],
    [10, true, 90, 'XUAT_SAC'],
    [11, true, 89, 'KHA'],
    [30, true, 70, 'KHA'],
    [31, true, 69, 'TRUNG_BINH'],
    [50, true, 50, 'TRUNG_BINH'],
    [51, true, 49, 'YEU'],
    [100, true, 0, 'YEU'],
    [0, false, 100, 'KHA'], // Xuất sắc needs the standard met
    [5, null, 95, 'KHA'], // unknown counts as not met
  ])('%i points short, standard met %s → %i, %s', (short, standardMet, total, grade) => {
    const result = gradeSheet(KDC_SHEET_TEMPLATE, { scores: scoresWith(KDC_SHEET_TEMPLATE, short), standardMet });
    expect(result.total).toBe(total);
    expect(result.grade).toBe(grade);
  });

  it('uses the verified score when present, else the self score, else 0', () => {
    const r = gradeSheet(KDC_SHEET_TEMPLATE, {
      scores: {
        ...scoresWith(KDC_SHEET_TEMPLATE),
        'I.1': { self: 5, verified: 2 },
        'I.2': { self: 4, verified: null },
        'I.3': undefined,
      },
      standardMet: true,
    });
    expect(r.items.slice(0, 3).map((i) => [i.code, i.points, i.source])).toEqual([
      ['I.1', 2, 'verified'],
      ['I.2', 4, 'self'],
      ['I.3', 0, 'none'],
    ]);
    expect(r.total).toBe(100 - 3 - 1 - 5);
    expect(r.groups[0]).toEqual({ code: 'I', points: 6, maxPoints: 15 });
    expect(r.explanation.map((e) => e.en)).toContain('Not scored (counted as 0): I.3');
  });

  it('clamps each item to [0, max] and says so', () => {
    const r = gradeSheet(CQDN_SHEET_TEMPLATE, {
      scores: { ...scoresWith(CQDN_SHEET_TEMPLATE), 'II.1': { self: 5 }, 'I.1': { self: -2 } },
      standardMet: true,
    });
    expect(r.items.find((i) => i.code === 'II.1')).toMatchObject({ points: 3, clamped: true });
    expect(r.items.find((i) => i.code === 'I.1')).toMatchObject({ points: 0, clamped: true });
    expect(r.total).toBe(97);
    expect(r.explanation[0]?.vi).toBe('Mục I.1: điểm -2 ngoài khoảng 0–3, tính 0');
    expect(r.explanation[1]?.en).toBe('Item II.1: score 5 outside 0–3, counted as 3');
  });

  it.each([
    ['one KDC-3 incident', [{ criterionCode: 'KDC-3', item: 'e' }], 10, 90],
    [
      'three, capped at 20',
      [{ criterionCode: 'KDC-3' }, { criterionCode: 'KDC-3' }, { criterionCode: 'KDC-3' }],
      20,
      80,
    ],
    ['an incident of another criterion', [{ criterionCode: 'XA-3' }], 0, 100],
  ])('deducts for %s', (_what, incidents, deducted, total) => {
    const r = gradeSheet(KDC_SHEET_TEMPLATE, { scores: scoresWith(KDC_SHEET_TEMPLATE), incidents, standardMet: true });
    expect(r.deductionsTotal).toBe(deducted);
    expect(r.total).toBe(total);
  });

  it('a deduction with listed items only counts those items', () => {
    const template: SheetTemplate = {
      ...KDC_SHEET_TEMPLATE,
      deductions: [{ ...KDC_SHEET_TEMPLATE.deductions[0]!, trigger: { criterionCode: 'KDC-3', items: ['a', 'b'] } }],
    };
    const r = gradeSheet(template, {
      scores: scoresWith(template),
      standardMet: true,
      incidents: [
        { criterionCode: 'KDC-3', item: 'e' },
        { criterionCode: 'KDC-3', item: 'a' },
        { criterionCode: 'KDC-3' },
      ],
    });
    expect(r.deductions).toEqual([{ code: 'D1', incidents: 1, points: 10, title: template.deductions[0]!.title }]);
  });

  it('the total never goes below 0 and the no_deductions precondition works', () => {
    const template: SheetTemplate = {
      ...KDC_SHEET_TEMPLATE,
      deductions: [{ ...KDC_SHEET_TEMPLATE.deductions[0]!, points: 60, maxPoints: null }],
      rules: {
        ...DEFAULT_GRADING_RULES,
        preconditions: [
          {
            grade: 'KHA',
            requires: 'no_deductions',
            text: { vi: 'Không bị trừ điểm', en: 'No deduction' },
            verified: false,
          },
        ],
      },
    };
    const r = gradeSheet(template, {
      scores: scoresWith(template, 30),
      incidents: [{ criterionCode: 'KDC-3' }, { criterionCode: 'KDC-3' }],
    });
    expect(r.total).toBe(0);
    expect(r.grade).toBe('YEU');
    const kha = gradeSheet(template, { scores: scoresWith(template, 30), incidents: [] });
    expect(kha.grade).toBe('KHA');
  });

  it('explains the total and the grade in both languages', () => {
    const r = gradeSheet(KDC_SHEET_TEMPLATE, {
      scores: scoresWith(KDC_SHEET_TEMPLATE, 2.5),
      standardMet: false,
      incidents: [{ criterionCode: 'KDC-3' }],
    });
    expect(r.total).toBe(87.5);
    expect(r.explanation.map((e) => e.vi)).toEqual([
      'Trừ 10 điểm (D1): 1 vụ việc — Xảy ra vụ việc thuộc tiêu chí KDC-3',
      'Tổng điểm 87,5/100 (các mục 97,5, trừ 10): Khá (từ 70 điểm)',
    ]);
    const top = gradeSheet(KDC_SHEET_TEMPLATE, { scores: scoresWith(KDC_SHEET_TEMPLATE), standardMet: false });
    expect(top.bandGrade).toBe('XUAT_SAC');
    expect(top.grade).toBe('KHA');
    expect(top.explanation[0]?.en).toContain('Enough points for Excellent but a condition is not met');
    expect(GRADE_LABELS[top.grade]).toEqual({ vi: 'Khá', en: 'Good' });
  });

  it('adds in hundredths: 0.1 + 0.2 is 0.3', () => {
    const template: SheetTemplate = {
      ...KDC_SHEET_TEMPLATE,
      groups: [
        {
          code: 'A',
          title: { vi: 'A', en: 'A' },
          items: [
            { code: 'A.1', maxPoints: 50, title: { vi: 'a', en: 'a' }, verified: false },
            { code: 'A.2', maxPoints: 50, title: { vi: 'b', en: 'b' }, verified: false },
          ],
        },
      ],
    };
    expect(gradeSheet(template, { scores: { 'A.1': { self: 0.1 }, 'A.2': { self: 0.2 } } }).total).toBe(0.3);
  });

  it('detail: false skips the item list but not the totals', () => {
    const input = { scores: scoresWith(KDC_SHEET_TEMPLATE, 12), standardMet: true };
    const full = gradeSheet(KDC_SHEET_TEMPLATE, input);
    const lean = gradeSheet(KDC_SHEET_TEMPLATE, input, { detail: false });
    expect(lean.items).toEqual([]);
    expect({ ...lean, items: full.items }).toEqual(full);
  });

  it('property: the total stays in [0, 100] and the grade matches the bands, whatever the scores', () => {
    const score = fc.oneof(fc.double({ min: -50, max: 150, noNaN: false }), fc.constant(null), fc.constant(undefined));
    const template = fc.constantFrom(...DEFAULT_SHEET_TEMPLATES);
    fc.assert(
      fc.property(
        template.chain((t) =>
          fc.tuple(
            fc.constant(t),
            fc.tuple(...items(t).map(() => fc.record({ self: score, verified: score }))),
            fc.array(
              fc.record({
                criterionCode: fc.constantFrom('KDC-3', 'XA-3', 'CQDN-3', 'CSGD-4', 'CSGD-5'),
                item: fc.constantFrom(null, 'a'),
              }),
              { maxLength: 5 },
            ),
            fc.option(fc.boolean(), { nil: undefined }),
          ),
        ),
        ([t, scores, incidents, standardMet]) => {
          const r = gradeSheet(t, {
            scores: Object.fromEntries(items(t).map((item, i) => [item.code, scores[i]])),
            incidents,
            standardMet,
          });
          expect(r.total).toBeGreaterThanOrEqual(0);
          expect(r.total).toBeLessThanOrEqual(100);
          expect(Number.isFinite(r.total)).toBe(true);
          for (const item of r.items) {
            expect(item.points).toBeGreaterThanOrEqual(0);
            expect(item.points).toBeLessThanOrEqual(item.maxPoints);
          }
          const band = t.rules.bands.find((b) => r.total >= b.minimum)!;
          expect(r.bandGrade).toBe(band.grade);
          if (r.grade === 'XUAT_SAC') expect(standardMet).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
