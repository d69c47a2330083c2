import type { AssessmentRecord, CycleStep, RecognitionDecision } from './assessment.js';
import type { CycleAction, CycleStatus } from './cycle.js';
import { DomainError, type LocalizedText } from './errors.js';
import type { RecognitionResult } from './recognition/recognition.engine.js';
import type { Role } from './roles.js';

// The rules of a unit's yearly file that are not the cycle's table (cycle.ts): who may still change its
// answers, what a decision needs, what each step of the cycle records, which answers leave the review list.

/**
 * The states in which a role may change a file's answers: a unit reporter until the file is submitted; an
 * officer also while it is appraised, and a recognised file once an audited unlock has opened it (a locked
 * file is refused before this rule is asked).
 *
 * @example
 * ```ts
 * answerEditableStatuses('unit_reporter'); // ['registered', 'self_assessed']
 * answerEditableStatuses('commune_officer').includes('appraised'); // true
 * ```
 */
export function answerEditableStatuses(role: Role): readonly CycleStatus[] {
  return role === 'unit_reporter'
    ? ['registered', 'self_assessed']
    : ['registered', 'self_assessed', 'submitted', 'appraised', 'recognised'];
}

/**
 * Refuses (CONFLICT) to change the answers of a file in a state where the role no longer may
 * ({@link answerEditableStatuses}).
 *
 * @example
 * ```ts
 * assertAnswersEditable('commune_officer', 'submitted'); // passes
 * assertAnswersEditable('unit_reporter', 'submitted');   // throws CONFLICT
 * ```
 */
export function assertAnswersEditable(role: Role, status: CycleStatus): void {
  if (!answerEditableStatuses(role).includes(status)) {
    throw new DomainError('CONFLICT', {
      vi: 'Hồ sơ ở trạng thái này không còn sửa câu trả lời được.',
      en: 'Answers can no longer be changed in this state.',
    });
  }
}

/**
 * The message of a write naming an older version of a file than the stored one.
 *
 * @example
 * ```ts
 * STALE_FILE.en; // 'Someone else changed this file meanwhile. …'
 * ```
 */
export const STALE_FILE: LocalizedText = {
  vi: 'Hồ sơ vừa được người khác thay đổi. Tải lại để xem bản mới nhất rồi nhập lại thay đổi của bạn.',
  en: 'Someone else changed this file meanwhile. Reload to see the latest version, then make your change again.',
};

/**
 * Refuses (CONFLICT) a change made on an older version of the file than the stored one: a concurrent edit is
 * never silently overwritten.
 *
 * @example
 * ```ts
 * assertFileVersion({ version: 4 }, 4); // passes
 * assertFileVersion({ version: 5 }, 4); // throws CONFLICT
 * ```
 */
export function assertFileVersion(file: Pick<AssessmentRecord, 'version'>, expected: number): void {
  if (file.version !== expected) throw new DomainError('CONFLICT', STALE_FILE);
}

/**
 * Refuses (CONFLICT) to recognise a file, or to lock it again, unless the engine finds the unit Đạt on the data
 * entered: a locked file keeps Đạt (core's `recordedResultOf`), so it must be Đạt when it is locked. On a file
 * still locked the engine's `result` is the recorded one, so the data's own result (`computedResult`) is asked.
 *
 * @example
 * ```ts
 * assertMeetsStandard({ result: 'DAT', summary: { vi: 'Đạt', en: 'Met' } }, 'recognise'); // passes
 * assertMeetsStandard({ result: 'CHUA_DAT', summary: { vi: 'Chưa đạt: không đạt KDC-3', en: 'Not met: KDC-3' } }, 'recognise');
 * // throws CONFLICT "Không thể công nhận: theo dữ liệu đã nhập, đơn vị chưa đạt (Chưa đạt: không đạt KDC-3)."
 * ```
 */
export function assertMeetsStandard(
  evaluation: { result: RecognitionResult; computedResult?: RecognitionResult; summary: LocalizedText } | undefined,
  act: 'recognise' | 'lock',
): void {
  const result = evaluation?.computedResult ?? evaluation?.result;
  if (result === 'DAT') return;
  const verb = act === 'recognise' ? { vi: 'công nhận', en: 'recognise' } : { vi: 'khóa lại', en: 'lock again' };
  throw new DomainError('CONFLICT', {
    vi: `Không thể ${verb.vi}: theo dữ liệu đã nhập, đơn vị chưa đạt (${evaluation?.summary.vi ?? 'không đánh giá được'}).`,
    en: `Cannot ${verb.en}: on the data entered, the unit does not meet the standard (${evaluation?.summary.en ?? 'not evaluated'}).`,
  });
}

/**
 * What a step of the cycle records on a file, besides its new state (the storage maps it to columns): who and
 * when for self-assessing, submitting, appraising (with its note), deciding (with the decision) and revoking
 * (with the reason and document); a recognition locks the file, a refusal or a revocation leaves it open.
 *
 * @example
 * ```ts
 * const stamp: CycleStamp = { status: 'submitted', submitted: { at: '2022-03-01T02:00:00.000Z', by: 3 } };
 * ```
 */
export interface CycleStamp {
  status: CycleStatus;
  selfAssessed?: CycleStep;
  submitted?: CycleStep;
  appraised?: CycleStep;
  /** The appraisal's note (set by appraising, by returning the file, and by reopening a refused one: the reason). */
  appraisalNote?: string | null;
  /** The decision; null clears it (a refused file reopened). */
  decided?: (CycleStep & RecognitionDecision) | null;
  revoked?: CycleStep & { reason: string; document: string };
  isLocked?: boolean;
}

const DECISION_REQUIRED: LocalizedText = {
  vi: 'Cần số, ngày, cơ quan ban hành quyết định.',
  en: 'The decision number, date and authority are required.',
};
const REOPEN_REASON_REQUIRED: LocalizedText = {
  vi: 'Cần ghi lý do mở lại hồ sơ.',
  en: 'The reason for reopening the file is required.',
};
const REVOCATION_REQUIRED: LocalizedText = {
  vi: 'Cần lý do và văn bản thu hồi.',
  en: 'The reason and the revoking document are required.',
};

/**
 * Whether an action of the cycle needs a note (its reason): reopening a refused file does; for the others
 * (appraising, returning) a note is optional. The form asks for it, and {@link cycleStamp} refuses without it.
 *
 * @example
 * ```ts
 * cycleActionNeedsNote('reopen'); // true
 * cycleActionNeedsNote('appraise'); // false
 * ```
 */
export function cycleActionNeedsNote(action: CycleAction): boolean {
  return action === 'reopen';
}

/**
 * The {@link CycleStamp} of an action that leads to `next` (from `applyCycleAction`), taken by `by` at `at`
 * (ISO timestamp). A decision without its number, date and authority, or a revocation without its reason and
 * document, is INVALID (the input schema refuses them first).
 *
 * @example
 * ```ts
 * cycleStamp('appraise', 'appraised', { at: '2022-10-01T02:00:00.000Z', by: 3 }, { note: 'Đủ hồ sơ' });
 * // { status: 'appraised', appraised: { at: '2022-10-01T02:00:00.000Z', by: 3 }, appraisalNote: 'Đủ hồ sơ' }
 * cycleStamp('recognise', 'recognised', step, { note: null, decision }).isLocked; // true
 * cycleStamp('reopen', 'self_assessed', step, { note: 'Đã bổ sung minh chứng' }).decided; // null
 * ```
 */
export function cycleStamp(
  action: CycleAction,
  next: CycleStatus,
  step: CycleStep,
  details: {
    note: string | null;
    decision?: RecognitionDecision | undefined;
    revocation?: { reason: string; document: string } | undefined;
  },
): CycleStamp {
  switch (action) {
    case 'register':
      return { status: next };
    case 'selfAssess':
      return { status: next, selfAssessed: step };
    case 'submit':
      return { status: next, submitted: step };
    case 'appraise':
      return { status: next, appraised: step, appraisalNote: details.note };
    case 'return':
      return { status: next, appraisalNote: details.note };
    case 'recognise':
    case 'reject':
      if (!details.decision) throw new DomainError('INVALID', DECISION_REQUIRED);
      return { status: next, decided: { ...step, ...details.decision }, isLocked: action === 'recognise' };
    case 'revoke':
      if (!details.revocation) throw new DomainError('INVALID', REVOCATION_REQUIRED);
      return { status: next, revoked: { ...step, ...details.revocation }, isLocked: false };
    case 'reopen':
      if (cycleActionNeedsNote(action) && !details.note?.trim())
        throw new DomainError('INVALID', REOPEN_REASON_REQUIRED);
      return { status: next, decided: null, appraisalNote: details.note, isLocked: false };
  }
}

/**
 * The criteria still to review after saving answers: a criterion flagged by a catalogue correction leaves the
 * list once its answer changes (the SPA sends every answer of the file: one sent unchanged was not looked at
 * again). `undefined` when the list does not change.
 *
 * @example
 * ```ts
 * const file = { criteriaToReview: ['KDC-1', 'KDC-4'], answers: { 'KDC-1': { answer: { numerator: 1 } } } };
 * criteriaToReviewAfter(file, { 'KDC-1': { answer: { numerator: 2 } } }); // ['KDC-4']
 * criteriaToReviewAfter(file, { 'KDC-1': { answer: { numerator: 1 } } }); // undefined
 * ```
 */
export function criteriaToReviewAfter(
  file: { criteriaToReview: readonly string[]; answers: Readonly<Record<string, { answer: unknown }>> },
  saved: Readonly<Record<string, { answer: unknown }>>,
): string[] | undefined {
  const answered = new Set(
    Object.entries(saved)
      .filter(([code, entry]) => JSON.stringify(entry.answer) !== JSON.stringify(file.answers[code]?.answer))
      .map(([code]) => code),
  );
  const toReview = file.criteriaToReview.filter((code) => !answered.has(code));
  return toReview.length === file.criteriaToReview.length ? undefined : toReview;
}
