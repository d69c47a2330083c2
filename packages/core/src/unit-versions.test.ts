import { describe, expect, it } from 'vitest';
import { applyDatedUnitChange, firstYearOfChange, valuesOn, type DatedUnitValues } from './unit-versions.js';

const values: DatedUnitValues = {
  areaId: 7,
  type: 'DN',
  managingLevel: 'commune',
  isArmedForces: 0,
  enterpriseSize: 'medium',
  schoolLevel: null,
  isMinistryMonitored: 0,
  isRecognitionDelegated: 0,
};
const life = [{ from: '1900-01-01', to: null, values }];

describe('dated unit values', () => {
  it('a move splits the period at its effective date: earlier years keep the old area', () => {
    const moved = applyDatedUnitChange(life, { areaId: 9 }, '2026-03-01');
    expect(moved).toEqual([
      { from: '1900-01-01', to: '2026-03-01', values },
      { from: '2026-03-01', to: null, values: { ...values, areaId: 9 } },
    ]);
    expect(valuesOn(moved, '2025-12-31').areaId).toBe(7);
    expect(valuesOn(moved, '2026-12-31').areaId).toBe(9);
    expect(firstYearOfChange('2026-03-01')).toBe(2026);
  });

  it('an earlier-dated change of another value reaches the later periods without undoing them', () => {
    const moved = applyDatedUnitChange(life, { areaId: 9 }, '2026-03-01');
    const resized = applyDatedUnitChange(moved, { enterpriseSize: 'large' }, '2024-01-01');
    expect(resized.map((p) => [p.from, p.to, p.values.areaId, p.values.enterpriseSize])).toEqual([
      ['1900-01-01', '2024-01-01', 7, 'medium'],
      ['2024-01-01', '2026-03-01', 7, 'large'],
      ['2026-03-01', null, 9, 'large'],
    ]);
  });

  it('a change that restores the earlier values joins the periods again, and one before the start changes all', () => {
    const moved = applyDatedUnitChange(life, { areaId: 9 }, '2026-03-01');
    expect(applyDatedUnitChange(moved, { areaId: 7 }, '2026-03-01')).toEqual(life);
    expect(
      applyDatedUnitChange(moved, { managingLevel: 'district' }, '1800-01-01').map((p) => p.values.managingLevel),
    ).toEqual(['district', 'district']);
  });
});
