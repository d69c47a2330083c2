import { describe, expect, it } from 'vitest';
import { TT124_2021 } from '../catalogue/tt124-2021.catalogue.js';
import { assessmentAnswersInputSchema, criterionAnswerSchema, validateAnswers } from './assessment.schema.js';

describe('answer schemas', () => {
  it.each([
    [{ checks: { resolution: true, registration: null }, numerator: 5, denominator: 5 }, true],
    [{ checks: { 'carried-out': true }, note: 'Biên bản họp ngày 15/3' }, true],
    [{}, true],
    [{ numerator: -1 }, false],
    [{ numerator: 1.5 }, false],
    [{ checks: { x: 'yes' } }, false],
    [{ colour: 'red' }, false],
  ])('%j valid: %s', (value, ok) => {
    expect(criterionAnswerSchema.safeParse(value).success).toBe(ok);
  });

  it('validates the input of saving answers', () => {
    expect(
      assessmentAnswersInputSchema.safeParse({
        unitId: 1,
        year: 2022,
        answers: { 'KDC-1': { numerator: 1, denominator: 2 } },
      }).success,
    ).toBe(true);
    expect(assessmentAnswersInputSchema.safeParse({ unitId: 1, year: 2022, answers: { 'kdc 1': {} } }).success).toBe(
      false,
    );
  });
});

describe('validateAnswers against a catalogue', () => {
  it.each([
    [
      'good answers',
      'KDC',
      {
        'KDC-1': { checks: { resolution: true }, numerator: 4, denominator: 4 },
        'KDC-2': { checks: { 'carried-out': false } },
      },
      [],
    ],
    ['a code of another unit type', 'KDC', { 'XA-1': { checks: {} } }, ['answers.XA-1']],
    ['an unknown code', 'KDC', { 'KDC-9': { checks: {} } }, ['answers.KDC-9']],
    ['a criterion computed from data', 'KDC', { 'KDC-3': { checks: {} } }, ['answers.KDC-3']],
    ['an unknown checklist key', 'KDC', { 'KDC-2': { checks: { done: true } } }, ['answers.KDC-2.checks.done']],
    ['a ratio on a requirement', 'KDC', { 'KDC-2': { numerator: 1 } }, ['answers.KDC-2.numerator']],
    [
      'a numerator above its denominator',
      'CQ',
      { 'CQDN-1': { numerator: 5, denominator: 4 } },
      ['answers.CQDN-1.numerator'],
    ],
  ] as const)('%s', (_what, type, answers, paths) => {
    const errors = validateAnswers(TT124_2021, type, answers);
    expect(errors.map((e) => e.path)).toEqual(paths);
    for (const e of errors) expect(e.message.vi.length > 0 && e.message.en.length > 0).toBe(true);
  });
});
