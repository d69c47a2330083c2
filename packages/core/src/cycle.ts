import { DomainError, type LocalizedText } from './errors.js';
import { PERMISSIONS } from './permissions.js';
import { recognisableLevels, type Role } from './roles.js';
import type { ManagingLevel } from './units.js';

/**
 * The states of a unit's yearly recognition cycle. `not_registered` is the state of a unit with no
 * assessment for the year (nothing is stored for it).
 *
 * `not_registered → registered → self_assessed → submitted → appraised → recognised | not_recognised`,
 * `recognised → revoked`, and `not_recognised → self_assessed` (a refused file reopened).
 *
 * @example
 * ```ts
 * CYCLE_STATUSES[0]; // 'not_registered'
 * ```
 */
export const CYCLE_STATUSES = [
  'not_registered',
  'registered',
  'self_assessed',
  'submitted',
  'appraised',
  'recognised',
  'not_recognised',
  'revoked',
] as const;

/** One of {@link CYCLE_STATUSES}. @example `const s: CycleStatus = 'submitted';` */
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

/**
 * Names of the states in both languages.
 *
 * @example
 * ```ts
 * CYCLE_STATUS_LABELS.recognised.vi; // 'Đã công nhận'
 * ```
 */
export const CYCLE_STATUS_LABELS: Readonly<Record<CycleStatus, LocalizedText>> = {
  not_registered: { vi: 'Chưa đăng ký', en: 'Not registered' },
  registered: { vi: 'Đã đăng ký', en: 'Registered' },
  self_assessed: { vi: 'Đã tự đánh giá', en: 'Self-assessed' },
  submitted: { vi: 'Đã nộp hồ sơ', en: 'Submitted' },
  appraised: { vi: 'Đã thẩm định', en: 'Appraised' },
  recognised: { vi: 'Đã công nhận', en: 'Recognised' },
  not_recognised: { vi: 'Không công nhận', en: 'Not recognised' },
  revoked: { vi: 'Đã thu hồi', en: 'Revoked' },
};

/**
 * Who may do what in the cycle. `levelBound` actions (appraising, deciding, revoking) also need the role
 * to be one that recognises units of the unit's managing level ({@link recognisableLevels}): a commune
 * officer appraises the commune's villages but not the commune itself.
 *
 * | action          | from                        | to             | roles (core's PERMISSIONS)             |
 * |-----------------|-----------------------------|----------------|----------------------------------------|
 * | `register`      | not_registered              | registered     | reporters and officers                 |
 * | `selfAssess`    | registered                  | self_assessed  | reporters and officers                 |
 * | `submit`        | self_assessed               | submitted      | reporters and officers                 |
 * | `return`        | submitted, appraised        | self_assessed  | officers of the level                  |
 * | `appraise`      | submitted                   | appraised      | officers of the level                  |
 * | `recognise`     | appraised                   | recognised     | officers of the level                  |
 * | `reject`        | appraised                   | not_recognised | officers of the level                  |
 * | `revoke`        | recognised                  | revoked        | admin, province officer                |
 * | `reopen`        | not_recognised              | self_assessed  | officers of the level                  |
 *
 * @example
 * ```ts
 * CYCLE_ACTIONS.submit.to; // 'submitted'
 * ```
 */
export const CYCLE_ACTIONS = {
  register: {
    from: ['not_registered'],
    to: 'registered',
    roles: PERMISSIONS['assessments.enter'],
    levelBound: false,
  },
  selfAssess: {
    from: ['registered'],
    to: 'self_assessed',
    roles: PERMISSIONS['assessments.enter'],
    levelBound: false,
  },
  submit: {
    from: ['self_assessed'],
    to: 'submitted',
    roles: PERMISSIONS['assessments.enter'],
    levelBound: false,
  },
  return: {
    from: ['submitted', 'appraised'],
    to: 'self_assessed',
    roles: PERMISSIONS['assessments.decide'],
    levelBound: true,
  },
  appraise: {
    from: ['submitted'],
    to: 'appraised',
    roles: PERMISSIONS['assessments.decide'],
    levelBound: true,
  },
  recognise: {
    from: ['appraised'],
    to: 'recognised',
    roles: PERMISSIONS['assessments.decide'],
    levelBound: true,
  },
  reject: {
    from: ['appraised'],
    to: 'not_recognised',
    roles: PERMISSIONS['assessments.decide'],
    levelBound: true,
  },
  revoke: { from: ['recognised'], to: 'revoked', roles: PERMISSIONS['assessments.revoke'], levelBound: true },
  // A refusal reopened by the officers who may decide the unit (a mistaken refusal, or one the unit has since
  // answered): the file goes back to self-assessed, to be corrected, submitted, appraised and decided again;
  // the refusal's decision is cleared from the file (the audit log keeps it) and the reason is its note.
  reopen: {
    from: ['not_recognised'],
    to: 'self_assessed',
    roles: PERMISSIONS['assessments.decide'],
    levelBound: true,
  },
} as const satisfies Record<
  string,
  { from: readonly CycleStatus[]; to: CycleStatus; roles: readonly Role[]; levelBound: boolean }
>;

/** One of the keys of {@link CYCLE_ACTIONS}. @example `const a: CycleAction = 'appraise';` */
export type CycleAction = keyof typeof CYCLE_ACTIONS;

/** Every {@link CycleAction}. @example `CYCLE_ACTION_NAMES.includes('revoke'); // true` */
export const CYCLE_ACTION_NAMES = Object.keys(CYCLE_ACTIONS) as CycleAction[];

const ACTION_LABELS: Readonly<Record<CycleAction, LocalizedText>> = {
  register: { vi: 'đăng ký', en: 'register' },
  selfAssess: { vi: 'hoàn thành tự đánh giá', en: 'complete the self-assessment' },
  submit: { vi: 'nộp hồ sơ', en: 'submit' },
  return: { vi: 'trả lại hồ sơ', en: 'return the file' },
  appraise: { vi: 'thẩm định', en: 'appraise' },
  recognise: { vi: 'công nhận', en: 'recognise' },
  reject: { vi: 'không công nhận', en: 'refuse recognition' },
  revoke: { vi: 'thu hồi công nhận', en: 'revoke the recognition' },
  reopen: { vi: 'mở lại hồ sơ không được công nhận', en: 'reopen the refused file' },
};

/**
 * The actions a role may take now on a unit's assessment in a given state (for showing only the
 * buttons that will work).
 *
 * @example
 * ```ts
 * availableCycleActions('submitted', 'commune_officer', 'commune'); // ['return', 'appraise']
 * availableCycleActions('submitted', 'unit_reporter', 'commune');   // []
 * ```
 */
export function availableCycleActions(status: CycleStatus, role: Role, managingLevel: ManagingLevel): CycleAction[] {
  return CYCLE_ACTION_NAMES.filter((action) => {
    const rule = CYCLE_ACTIONS[action];
    return (
      (rule.from as readonly CycleStatus[]).includes(status) &&
      (rule.roles as readonly Role[]).includes(role) &&
      (!rule.levelBound || recognisableLevels(role).includes(managingLevel))
    );
  });
}

/**
 * The state after an action, or a {@link DomainError}: `CONFLICT` when the action does not apply to the
 * current state (with a message saying what the state is), `FORBIDDEN` when the role may not take it.
 *
 * @example
 * ```ts
 * applyCycleAction('appraised', 'recognise', 'commune_officer', 'commune'); // 'recognised'
 * applyCycleAction('registered', 'recognise', 'admin', 'commune');
 * // throws CONFLICT: "Không thể công nhận: hồ sơ đang ở trạng thái Đã đăng ký"
 * ```
 */
export function applyCycleAction(
  status: CycleStatus,
  action: CycleAction,
  role: Role,
  managingLevel: ManagingLevel,
): CycleStatus {
  const rule = CYCLE_ACTIONS[action];
  const label = ACTION_LABELS[action];
  if (
    !(rule.roles as readonly Role[]).includes(role) ||
    (rule.levelBound && !recognisableLevels(role).includes(managingLevel))
  ) {
    throw new DomainError('FORBIDDEN', {
      vi: `Vai trò của bạn không được ${label.vi} đơn vị này.`,
      en: `Your role may not ${label.en} for this unit.`,
    });
  }
  if (!(rule.from as readonly CycleStatus[]).includes(status)) {
    const state = CYCLE_STATUS_LABELS[status];
    throw new DomainError('CONFLICT', {
      vi: `Không thể ${label.vi}: hồ sơ đang ở trạng thái "${state.vi}".`,
      en: `Cannot ${label.en}: the file is "${state.en}".`,
    });
  }
  return rule.to;
}

/**
 * The result a file keeps whatever later data say: a recognised, locked file is Đạt by its decision (recognition
 * is refused unless the engine finds the unit Đạt, and only a recognised file is locked). Later incidents,
 * reports or changes to the units it counts do not move it, nor the figures that count it, until an audited
 * unlock or revocation; the engine shows what the data would give beside it (`computedResult`). Any other file
 * follows its data.
 *
 * @example
 * ```ts
 * recordedResultOf({ status: 'recognised', isLocked: true });  // 'DAT'
 * recordedResultOf({ status: 'recognised', isLocked: false }); // undefined (opened for correction)
 * recordedResultOf({ status: 'submitted', isLocked: false });  // undefined
 * ```
 */
export function recordedResultOf(file: { status: CycleStatus; isLocked: boolean }): 'DAT' | undefined {
  return file.isLocked && file.status === 'recognised' ? 'DAT' : undefined;
}
