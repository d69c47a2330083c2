import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyCycleAction,
  availableCycleActions,
  CYCLE_ACTION_NAMES,
  CYCLE_STATUSES,
  type CycleAction,
  type CycleStatus,
} from './cycle.js';
import { isDomainError } from './errors.js';
import { ROLES } from './roles.js';
import { MANAGING_LEVELS } from './units.js';

describe('the recognition cycle', () => {
  it('walks a village from not registered to recognised, then revoked', () => {
    const steps: Array<[CycleAction, CycleStatus]> = [
      ['register', 'registered'],
      ['selfAssess', 'self_assessed'],
      ['submit', 'submitted'],
      ['appraise', 'appraised'],
      ['recognise', 'recognised'],
    ];
    let status: CycleStatus = 'not_registered';
    for (const [action, expected] of steps) {
      status = applyCycleAction(
        status,
        action,
        action === 'recognise' || action === 'appraise' ? 'commune_officer' : 'unit_reporter',
        'commune',
      );
      expect(status).toBe(expected);
    }
    expect(applyCycleAction(status, 'revoke', 'province_officer', 'commune')).toBe('revoked');
  });

  it.each([
    [
      'registered',
      'recognise',
      'admin',
      'commune',
      'CONFLICT',
      'Không thể công nhận: hồ sơ đang ở trạng thái "Đã đăng ký".',
    ],
    [
      'recognised',
      'register',
      'admin',
      'commune',
      'CONFLICT',
      'Không thể đăng ký: hồ sơ đang ở trạng thái "Đã công nhận".',
    ],
    [
      'submitted',
      'appraise',
      'unit_reporter',
      'commune',
      'FORBIDDEN',
      'Vai trò của bạn không được thẩm định đơn vị này.',
    ],
    [
      'appraised',
      'recognise',
      'commune_officer',
      'district',
      'FORBIDDEN',
      'Vai trò của bạn không được công nhận đơn vị này.',
    ],
    [
      'recognised',
      'revoke',
      'commune_officer',
      'commune',
      'FORBIDDEN',
      'Vai trò của bạn không được thu hồi công nhận đơn vị này.',
    ],
    ['registered', 'register', 'viewer', 'commune', 'FORBIDDEN', 'Vai trò của bạn không được đăng ký đơn vị này.'],
  ] as const)('%s --%s by %s (%s) is %s', (status, action, role, level, code, message) => {
    try {
      applyCycleAction(status, action, role, level);
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe(code);
      expect(isDomainError(error) && error.text.vi).toBe(message);
    }
  });

  it('offers exactly the actions that apply (property over every state, role and level)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CYCLE_STATUSES),
        fc.constantFrom(...ROLES),
        fc.constantFrom(...MANAGING_LEVELS),
        fc.constantFrom(...CYCLE_ACTION_NAMES),
        (status, role, level, action) => {
          const offered = availableCycleActions(status, role, level).includes(action);
          let succeeded = true;
          try {
            applyCycleAction(status, action, role, level);
          } catch {
            succeeded = false;
          }
          expect(succeeded).toBe(offered);
        },
      ),
    );
  });

  it('never lets a viewer change anything', () => {
    for (const status of CYCLE_STATUSES) {
      for (const level of MANAGING_LEVELS) expect(availableCycleActions(status, 'viewer', level)).toEqual([]);
    }
  });
});
