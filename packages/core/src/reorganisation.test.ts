import { describe, expect, it } from 'vitest';
import { followReorganisation } from './account-placement.js';
import { planReorganisation, type ReorganisationContext } from './reorganisation.js';
import type { Area, Unit } from './units.js';

const area = (id: number, code: string, name: string, level: Area['level'], parentId: number | null): Area => ({
  id,
  code,
  name,
  kind: level === 'commune' ? 'xa' : level === 'district' ? 'thi-xa' : 'tinh',
  level,
  parentId,
  validFrom: '2000-01-01',
  validTo: null,
});
const unit = (id: number, code: string, type: Unit['type'], areaId: number, name = code) => ({
  id,
  code,
  name,
  type,
  areaId,
  managingLevel: type === 'XA' ? ('district' as const) : ('commune' as const),
  validFrom: '1900-01-01',
  validTo: null,
});
const context: ReorganisationContext = {
  areas: [
    area(1, 'P', 'Tỉnh', 'province', null),
    area(2, 'P-T', 'Thị xã', 'district', 1),
    area(3, 'P-T-A', 'A', 'commune', 2),
    area(4, 'P-T-B', 'B', 'commune', 2),
    area(5, 'P-E', 'Trống', 'district', 1),
  ],
  units: [
    unit(10, 'XA-P-T-A', 'XA', 3),
    unit(11, 'KDC-P-T-A-1', 'KDC', 3),
    unit(12, 'KDC-P-T-A-2', 'KDC', 3),
    unit(20, 'XA-P-T-B', 'XA', 4),
    unit(21, 'KDC-P-T-B-1', 'KDC', 4),
    unit(22, 'CQ-9', 'CQ', 4),
    { ...unit(23, 'KDC-P-T-B-2', 'KDC', 4), validTo: '2020-01-01' },
  ],
  areaCodes: new Set(['P', 'P-T', 'P-T-A', 'P-T-B', 'P-E']),
  unitCodes: new Set(['XA-P-T-A', 'KDC-P-T-A-1', 'KDC-P-T-A-2', 'XA-P-T-B', 'KDC-P-T-B-1', 'CQ-9', 'KDC-P-T-B-2']),
};
const legalBasis = { number: '1680/NQ-UBTVQH15', date: '2025-06-16' };

describe('planReorganisation', () => {
  it('a merge ends both communes and their living units, numbers the villages on, and makes one commune unit', () => {
    const plan = planReorganisation(
      {
        kind: 'merge',
        effectiveDate: '2025-07-01',
        legalBasis,
        predecessorIds: [3, 4],
        successors: [{ code: 'P-T-AB', name: 'AB', kind: 'xa', parentId: 2 }],
      },
      context,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.note).toBe('1680/NQ-UBTVQH15 ngày 16/06/2025');
    expect(plan.endAreas.map((a) => a.id)).toEqual([3, 4]);
    expect(plan.endUnits.map((u) => u.id)).toEqual([10, 11, 12, 20, 21, 22]); // 23 had already ended
    expect(plan.newUnits.map((u) => [u.code, u.name, u.from])).toEqual([
      ['XA-P-T-AB', 'Xã AB', null],
      ['KDC-P-T-AB-1', 'KDC-P-T-A-1', 11],
      ['KDC-P-T-AB-2', 'KDC-P-T-A-2', 12],
      ['KDC-P-T-AB-3', 'KDC-P-T-B-1', 21],
      ['CQ-9-2025', 'CQ-9', 22],
    ]);
    expect(plan.unitLineage.filter((l) => l.successorCode === 'XA-P-T-AB').map((l) => l.predecessorId)).toEqual([
      10, 20,
    ]);
    expect(plan.lineage).toEqual([
      { predecessorId: 3, successorCode: 'P-T-AB', event: 'merge' },
      { predecessorId: 4, successorCode: 'P-T-AB', event: 'merge' },
    ]);
  });

  it('a second reorganisation replaces the year an earlier one gave a code, instead of stacking years', () => {
    // after the 2025 merge: CQ-9 ended and CQ-9-2025 lives in AB; in 2027 AB is renamed
    const after2025: ReorganisationContext = {
      areas: [...context.areas, { ...area(5, 'P-T-AB', 'AB', 'commune', 2), validFrom: '2025-07-01' }],
      units: [
        { ...unit(30, 'CQ-9-2025', 'CQ', 5), validFrom: '2025-07-01' },
        { ...unit(31, 'CQ-7-2025-2', 'CQ', 5), validFrom: '2025-07-01' },
        { ...unit(32, 'DN-2019', 'DN', 5), validFrom: '2025-07-01' },
        { ...unit(33, 'CQ-8-2027', 'CQ', 5), validFrom: '2025-07-01' },
      ],
      areaCodes: new Set([...context.areaCodes, 'P-T-AB']),
      unitCodes: new Set([
        ...context.unitCodes,
        'CQ-9-2025',
        'CQ-7',
        'CQ-7-2025',
        'CQ-7-2025-2',
        'DN-2019',
        'CQ-8',
        'CQ-8-2027',
        'CQ-9-2027',
      ]),
    };
    const plan = planReorganisation(
      {
        kind: 'rename',
        effectiveDate: '2027-01-01',
        legalBasis,
        predecessorIds: [5],
        successors: [{ code: 'P-T-ABC', name: 'ABC', kind: 'xa', parentId: 2 }],
      },
      after2025,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.newUnits.map((u) => [u.code, u.from])).toEqual([
      ['CQ-9-2027-2', 30], // CQ-9-2027 is taken: still unique
      ['CQ-7-2027', 31], // the collision number of 2025 goes with its year
      ['DN-2019-2027', 32], // DN is no unit's code: 2019 is part of the code, not a year given
      ['CQ-8-2027-2', 33], // the same year again: numbered on
    ]);
  });

  it('a split gives each new commune its own commune unit and the villages assigned to it', () => {
    const plan = planReorganisation(
      {
        kind: 'split',
        effectiveDate: '2026-01-01',
        legalBasis,
        predecessorIds: [3],
        successors: [
          { code: 'P-T-A1', name: 'A1', kind: 'xa', parentId: 2 },
          { code: 'P-T-A2', name: 'A2', kind: 'phuong', parentId: 2 },
        ],
        unitAssignments: { '12': 1 },
      },
      context,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.newUnits.map((u) => [u.code, u.areaCode])).toEqual([
      ['XA-P-T-A1', 'P-T-A1'],
      ['XA-P-T-A2', 'P-T-A2'],
      ['KDC-P-T-A1-1', 'P-T-A1'],
      ['KDC-P-T-A2-1', 'P-T-A2'],
    ]);
    expect(plan.newUnits[1]!.name).toBe('Phường A2');
    // the commune's officer follows to the first new commune, the village's reporter with the village
    const { follow, leftBehind } = followReorganisation(plan, [
      { id: 1, username: 'xa.a', role: 'commune_officer', areaId: 3, unitId: null },
      { id: 2, username: 'thon.2', role: 'unit_reporter', areaId: 3, unitId: 12 },
      { id: 3, username: 'xa.b', role: 'commune_officer', areaId: 4, unitId: null }, // not touched
    ]);
    expect(leftBehind).toEqual([]);
    expect(follow.map((f) => [f.account.username, f.toAreaCode, f.toUnitCode])).toEqual([
      ['xa.a', 'P-T-A1', null],
      ['thon.2', 'P-T-A2', 'KDC-P-T-A2-1'],
    ]);
  });

  it('leaves the accounts of a dissolved area on it and says why, in both languages', () => {
    const plan = planReorganisation(
      { kind: 'dissolve', effectiveDate: '2025-07-01', legalBasis, predecessorIds: [5], successors: [] },
      context,
    );
    expect(plan.errors).toEqual([]);
    const { follow, leftBehind } = followReorganisation(plan, [
      { id: 7, username: 'huyen.trong', role: 'province_officer', areaId: 5, unitId: null },
    ]);
    expect(follow).toEqual([]);
    expect(leftBehind).toEqual([
      {
        username: 'huyen.trong',
        role: 'province_officer',
        place: 'Thị xã Trống',
        reason: {
          vi: 'Thị xã Trống kết thúc từ 01/07/2025 mà không có địa bàn kế tiếp: tài khoản vẫn gắn với địa bàn đã kết thúc, chỉ còn xem được số liệu của địa bàn trước ngày đó. Hãy chuyển tài khoản sang địa bàn khác.',
          en: 'Town Trống ends on 01/07/2025 with no successor: the account stays on the ended area and can only read its figures from before that day. Move the account to another area.',
        },
      },
    ]);
  });

  it('says every reason a request cannot be done', () => {
    const plan = planReorganisation(
      {
        kind: 'merge',
        effectiveDate: '2025-07-01',
        legalBasis,
        predecessorIds: [2, 3],
        successors: [{ code: 'P-T-A', name: 'X', kind: 'xa', parentId: 3 }],
      },
      context,
    );
    expect(plan.errors.map((e) => e.vi)).toEqual([
      'Các địa bàn cũ phải cùng một cấp.',
      'Thị xã Thị xã còn 2 địa bàn trực thuộc ngày 01/07/2025 (Xã A, Xã B): chuyển các địa bàn đó trước.',
      'Mã địa bàn "P-T-A" đã có.',
      '"X": loại Xã không cùng cấp với địa bàn cũ.',
      '"X": địa bàn cấp trên không hợp lệ ngày 01/07/2025.',
    ]);
    expect(plan.endUnits).toEqual([]);
    expect(
      planReorganisation(
        { kind: 'dissolve', effectiveDate: '2025-07-01', legalBasis, predecessorIds: [4], successors: [] },
        context,
      ).errors[0]?.vi,
    ).toBe('Xã B còn 3 đơn vị ngày 01/07/2025: chuyển các đơn vị đó trước.');
    // an area a later reorganisation already ended is not rewritten by an earlier one
    const ended = { ...context, areas: context.areas.map((a) => (a.id === 3 ? { ...a, validTo: '2025-07-01' } : a)) };
    const again = planReorganisation(
      {
        kind: 'rename',
        effectiveDate: '2024-03-01',
        legalBasis,
        predecessorIds: [3],
        successors: [{ code: 'P-T-A2', name: 'A2', kind: 'xa', parentId: 2 }],
      },
      ended,
    );
    expect(again.errors.map((e) => e.vi)).toEqual(['Xã A đã kết thúc ngày 01/07/2025: không sắp xếp lại được.']);
  });
});

describe('planReorganisation: establishing, and dissolving into another area (the 2025 province merge)', () => {
  // province 5 emptied (its communes moved out), province 6 established only in 2026
  const provinces: ReorganisationContext = {
    ...context,
    areas: [
      ...context.areas,
      area(5, 'Q', 'Q', 'province', null),
      { ...area(6, 'R', 'R', 'province', null), validFrom: '2026-01-01' },
    ],
    areaCodes: new Set([...context.areaCodes, 'Q', 'R']),
  };
  const establish = (successors: { code: string; name: string; kind: Area['kind']; parentId: number | null }[]) =>
    planReorganisation(
      { kind: 'establish', effectiveDate: '2025-07-01', legalBasis, predecessorIds: [], successors },
      provinces,
    );
  const dissolve = (id: number, intoId: number, effectiveDate = '2025-07-01') =>
    planReorganisation(
      { kind: 'dissolve', effectiveDate, legalBasis, predecessorIds: [id], successors: [], intoId },
      provinces,
    );

  it('establishes a province with no former area: nothing ends, no lineage, no unit', () => {
    const plan = establish([{ code: 'N', name: 'Mới', kind: 'tinh', parentId: null }]);
    expect(plan.errors).toEqual([]);
    expect(plan.newAreas).toEqual([{ code: 'N', name: 'Mới', kind: 'tinh', level: 'province', parentId: null }]);
    expect([plan.endAreas, plan.lineage, plan.endUnits, plan.newUnits]).toEqual([[], [], [], []]);
    // a commune under an existing district, by its own kind's level
    expect(establish([{ code: 'P-T-C', name: 'C', kind: 'phuong', parentId: 2 }]).errors).toEqual([]);
  });

  it('refuses to establish with a code taken, a wrong parent, or a former area', () => {
    expect(establish([{ code: 'P', name: 'Trùng', kind: 'tinh', parentId: null }]).errors).toEqual([
      { vi: 'Mã địa bàn "P" đã có.', en: 'The area code "P" is taken.', field: 'successors' },
    ]);
    expect(establish([{ code: 'P-T-C', name: 'C', kind: 'xa', parentId: null }]).errors.map((e) => e.en)).toEqual([
      '"C": the parent area is not valid on 2025-07-01.',
    ]);
    const withFormer = planReorganisation(
      {
        kind: 'establish',
        effectiveDate: '2025-07-01',
        legalBasis,
        predecessorIds: [5],
        successors: [{ code: 'N', name: 'Mới', kind: 'tinh', parentId: null }],
      },
      provinces,
    );
    expect(withFormer.errors.map((e) => e.vi)).toEqual([
      'Thành lập mới: không có địa bàn cũ, bỏ chọn các địa bàn cũ (muốn thay địa bàn cũ thì dùng sáp nhập, chia tách hoặc đổi tên).',
    ]);
    expect(withFormer.newAreas).toEqual([]);
  });

  it('dissolves an emptied province into another one: it ends, and the lineage (merge) goes to that one', () => {
    const plan = dissolve(5, 1);
    expect(plan.errors).toEqual([]);
    expect(plan.endAreas.map((a) => a.id)).toEqual([5]);
    expect(plan.newAreas).toEqual([]);
    expect(plan.lineage).toEqual([{ predecessorId: 5, successorCode: 'P', successorId: 1, event: 'merge' }]);
    // without intoId a dissolution stays an end with no successor (a district level abolished)
    expect(
      planReorganisation(
        { kind: 'dissolve', effectiveDate: '2025-07-01', legalBasis, predecessorIds: [5], successors: [] },
        provinces,
      ).lineage,
    ).toEqual([]);
  });

  it('refuses to dissolve into itself, into an area of another level or not living that day, or an area not empty', () => {
    const reasons = (plan: ReturnType<typeof dissolve>) => plan.errors.map(({ vi, en, field }) => [field, vi, en]);
    expect(reasons(dissolve(5, 5))).toEqual([
      [
        'into',
        'Tỉnh Q không thể giải thể vào chính nó: chọn địa bàn khác tiếp nhận.',
        'Q cannot be dissolved into itself: choose another area to take it over.',
      ],
    ]);
    expect(reasons(dissolve(5, 2))).toEqual([
      [
        'into',
        'Thị xã Thị xã không cùng cấp với Tỉnh Q: chỉ giải thể vào địa bàn cùng cấp.',
        'Thị xã is not of the level of Q: an area is dissolved into one of its own level.',
      ],
    ]);
    expect(reasons(dissolve(5, 6))).toEqual([
      [
        'into',
        'Tỉnh R không có hiệu lực ngày 01/07/2025: không tiếp nhận được (thành lập địa bàn đó trước).',
        'R does not exist on 2025-07-01: it cannot take the area over (establish it first).',
      ],
    ]);
    expect(dissolve(5, 6, '2026-01-01').errors).toEqual([]);
    // the province that still has its district is not dissolved into another
    expect(dissolve(1, 5).errors.map((e) => e.field)).toEqual(['predecessors']);
    const merge = planReorganisation(
      {
        kind: 'merge',
        effectiveDate: '2025-07-01',
        legalBasis,
        predecessorIds: [3, 4],
        successors: [{ code: 'P-T-AB', name: 'AB', kind: 'xa', parentId: 2 }],
        intoId: 1,
      },
      provinces,
    );
    expect(merge.errors.map((e) => e.en)).toEqual(['Merge: only a dissolution takes an area to go into.']);
  });
});
