import { describe, expect, it } from 'vitest';
import { applyCycleAction, availableCycleActions, CYCLE_ACTIONS } from './cycle.js';
import { DomainError } from './errors.js';
import { answerEditableStatuses, assertMeetsStandard, criteriaToReviewAfter, cycleStamp } from './file-rules.js';
import { can, PERMISSIONS } from './permissions.js';
import { assertReportInUnitLife, reportFileYear } from './record-rules.js';

const step = { at: '2022-10-01T02:00:00.000Z', by: 3 };
const decision = { number: '12/QĐ-UBND', date: '2022-11-10', authority: 'UBND xã', certificateNumber: null };

describe('permissions', () => {
  it.each([
    ['viewer', 'data.read', true],
    ['viewer', 'reports.submit', false],
    ['unit_reporter', 'grading.enterScores', true],
    ['unit_reporter', 'grading.verifyScores', false],
    ['commune_officer', 'awards.write', false],
    ['province_officer', 'users.unlock', true], // the accounts of their subtree (the API checks the area)
    ['commune_officer', 'users.unlock', false],
    ['admin', 'users.unlock', true],
  ] as const)('%s / %s → %s', (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });

  it("the cycle's actions take their roles from the table", () => {
    expect(CYCLE_ACTIONS.submit.roles).toBe(PERMISSIONS['assessments.enter']);
    expect(CYCLE_ACTIONS.recognise.roles).toBe(PERMISSIONS['assessments.decide']);
    expect(CYCLE_ACTIONS.revoke.roles).toBe(PERMISSIONS['assessments.revoke']);
  });
});

describe("a file's rules", () => {
  it.each([
    ['unit_reporter', 'submitted', false],
    ['unit_reporter', 'self_assessed', true],
    ['commune_officer', 'appraised', true],
    ['commune_officer', 'not_recognised', false],
  ] as const)('%s may edit answers in %s: %s', (role, status, expected) => {
    expect(answerEditableStatuses(role).includes(status)).toBe(expected);
  });

  it.each([
    ['selfAssess', 'self_assessed', { status: 'self_assessed', selfAssessed: step }],
    ['return', 'self_assessed', { status: 'self_assessed', appraisalNote: 'Bổ sung' }],
    ['appraise', 'appraised', { status: 'appraised', appraised: step, appraisalNote: 'Bổ sung' }],
    ['recognise', 'recognised', { status: 'recognised', decided: { ...step, ...decision }, isLocked: true }],
    ['reject', 'not_recognised', { status: 'not_recognised', decided: { ...step, ...decision }, isLocked: false }],
    ['reopen', 'self_assessed', { status: 'self_assessed', decided: null, appraisalNote: 'Bổ sung', isLocked: false }],
  ] as const)('%s stamps what it records', (action, next, expected) => {
    expect(cycleStamp(action, next, step, { note: 'Bổ sung', decision })).toEqual(expected);
  });

  it('a decision without its number, date and authority is refused', () => {
    expect(() => cycleStamp('recognise', 'recognised', step, { note: null })).toThrow(DomainError);
  });

  it('a refused file is reopened to self-assessed by the officers who decide it, with a reason', () => {
    expect(() => cycleStamp('reopen', 'self_assessed', step, { note: ' ' })).toThrow(DomainError);
    expect(availableCycleActions('not_recognised', 'commune_officer', 'commune')).toEqual(['reopen']);
    expect(availableCycleActions('not_recognised', 'unit_reporter', 'commune')).toEqual([]);
    expect(availableCycleActions('not_recognised', 'commune_officer', 'district')).toEqual([]);
    expect(availableCycleActions('not_recognised', 'province_officer', 'district')).toEqual(['reopen']);
    expect(applyCycleAction('not_recognised', 'reopen', 'admin', 'commune')).toBe('self_assessed');
    expect(() => applyCycleAction('recognised', 'reopen', 'admin', 'commune')).toThrow(DomainError);
  });

  it('recognition needs Đạt on the data (a locked file is asked its computed result)', () => {
    const summary = { vi: 'x', en: 'x' };
    expect(() => assertMeetsStandard({ result: 'DAT', summary }, 'recognise')).not.toThrow();
    expect(() => assertMeetsStandard({ result: 'DAT', computedResult: 'CHUA_DAT', summary }, 'lock')).toThrow(
      /Cannot lock again/,
    );
    expect(() => assertMeetsStandard(undefined, 'recognise')).toThrow(/not evaluated/);
  });

  it('a criterion leaves the review list once its answer changes', () => {
    const file = { criteriaToReview: ['KDC-1', 'KDC-4'], answers: { 'KDC-1': { answer: { numerator: 1 } } } };
    expect(criteriaToReviewAfter(file, { 'KDC-1': { answer: { numerator: 2 } } })).toEqual(['KDC-4']);
    expect(criteriaToReviewAfter(file, { 'KDC-1': { answer: { numerator: 1 } } })).toBeUndefined();
  });

  it.each([
    [2021, 1, 2021],
    [2021, 3, 2021],
    [2021, 4, 2022],
  ])('a report of %i Q%i feeds the file of %i', (year, quarter, expected) => {
    expect(reportFileYear(year, quarter)).toBe(expected);
  });
});

describe('assertReportInUnitLife', () => {
  const village = { name: 'Thôn 1', code: 'KDC-QB-BD-QHOA-1', validTo: '2025-07-01' };
  it('lets an ended unit file the quarters that began before it ended, and refuses the later ones', () => {
    expect(() => assertReportInUnitLife(village, { year: 2025, quarter: 3 })).not.toThrow(); // began 15/06/2025
    const refused = (() => {
      try {
        assertReportInUnitLife(village, { year: 2025, quarter: 4 });
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).text).toEqual({
      vi: 'Thôn 1 (KDC-QB-BD-QHOA-1) đã kết thúc từ 01/07/2025: báo cáo quý 4/2025 do đơn vị kế tiếp nộp.',
      en: "Thôn 1 (KDC-QB-BD-QHOA-1) ended on 01/07/2025: the report of quarter 4/2025 is its successor's to file.",
    });
    expect(() => assertReportInUnitLife({ ...village, validTo: null }, { year: 2030, quarter: 1 })).not.toThrow();
    expect(() => assertReportInUnitLife({ name: 'x', code: 'y' }, { year: 2030, quarter: 1 })).not.toThrow();
  });
});
