import { describe, expect, it } from 'vitest';
import { endedPlacement, endedPlacementMessage } from './account-placement.js';

describe('endedPlacement', () => {
  it('is the area (or else the unit) that has ended by today, from the day it ends', () => {
    expect(endedPlacement({ validTo: '2025-07-01' }, { validTo: '2025-07-01' }, '2025-07-01')).toEqual({
      what: 'area',
      since: '2025-07-01',
    });
    expect(endedPlacement({ validTo: '2025-07-01' }, null, '2025-06-30')).toBeNull();
    expect(endedPlacement({ validTo: null }, { validTo: '2024-01-01' }, '2026-03-10')).toEqual({
      what: 'unit',
      since: '2024-01-01',
    });
    expect(endedPlacement(null, null, '2026-03-10')).toBeNull();
    expect(endedPlacementMessage({ what: 'area', since: '2025-07-01' })).toEqual({
      vi: 'Địa bàn đã kết thúc từ 01/07/2025 — hãy chuyển tài khoản sang địa bàn khác',
      en: 'The area ended on 01/07/2025 — move the account to another area',
    });
  });
});
