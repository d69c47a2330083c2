import { buildAreaTree, type Area } from '@antoan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client.js';
import { insertAreas, listAreasOn, getArea } from './area.repository.js';
import { seedDemo } from './seed/index.js';
import { createTestDatabase } from './testing.js';
import { insertUnits, listUnits } from './unit.repository.js';

let handle: DatabaseHandle;
let areas: Area[];
const idOf = (name: string) => areas.find((a) => a.name === name)!.id;

beforeAll(async () => {
  handle = await createTestDatabase();
  const report = await seedDemo(handle.db, { withHistory: false });
  expect(report).toMatchObject({ seeded: true, areas: 18, units: 213 });
  areas = await listAreasOn(handle.db, '2021-12-31');
});
afterAll(() => handle.destroy());

describe('the demo seed', () => {
  it('runs once: a second call changes nothing', async () => {
    const before = await handle.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(await seedDemo(handle.db)).toEqual({ seeded: false, areas: 0, units: 0, assessments: 0, reports: 0 });
    const after = await handle.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('builds Ba Đồn town with its 16 communes and wards in Vietnamese order', () => {
    const tree = buildAreaTree(areas, '2021-12-31');
    expect(tree.map((n) => n.name)).toEqual(['Quảng Bình']);
    const town = tree[0]!.children[0]!;
    expect(town.name).toBe('Ba Đồn');
    expect(town.children).toHaveLength(16);
    expect(town.children.slice(0, 3).map((c) => c.name)).toEqual(['Ba Đồn', 'Quảng Hải', 'Quảng Hòa']);
  });
});

describe('listUnits', () => {
  const base = { page: 1, pageSize: 50 };

  it('finds "Xã Quảng Thủy" from "xa quang thuy" and "Tổ dân phố Đơn Sa" from "TO DAN PHO DON SA"', async () => {
    const thuy = await listUnits(handle.db, { ...base, search: 'xa quang thuy' }, '2021-12-31');
    expect(thuy.items.map((u) => u.name)).toEqual(['Xã Quảng Thủy']);
    const donSa = await listUnits(handle.db, { ...base, search: 'TO DAN PHO DON SA' }, '2021-12-31');
    expect(donSa.items.map((u) => u.name)).toEqual(['Tổ dân phố Đơn Sa']);
    const nfd = await listUnits(handle.db, { ...base, search: 'Tổ dân phố Đơn Sa'.normalize('NFD') }, '2021-12-31');
    expect(nfd.total).toBe(1);
  });

  it('treats % and _ in a search as plain characters', async () => {
    expect((await listUnits(handle.db, { ...base, search: '%' }, '2021-12-31')).total).toBe(0);
    expect((await listUnits(handle.db, { ...base, search: '_' }, '2021-12-31')).total).toBe(0);
  });

  it('filters by an area subtree and by type, and pages', async () => {
    const town = await listUnits(handle.db, { ...base, areaId: idOf('Quảng Bình') }, '2021-12-31');
    expect(town.total).toBe(213);
    const commune = await listUnits(
      handle.db,
      { ...base, areaId: areas.find((a) => a.code === 'QB-BD-QPHUC')!.id, types: ['KDC', 'XA'] },
      '2021-12-31',
    );
    expect(commune.items.map((u) => u.name)).toEqual([
      'Phường Quảng Phúc',
      'Tổ dân phố 2',
      'Tổ dân phố 3',
      'Tổ dân phố 4',
      'Tổ dân phố 5',
      'Tổ dân phố 6',
      'Tổ dân phố 7',
      'Tổ dân phố Đơn Sa',
    ]);
    const villages = await listUnits(handle.db, { ...base, types: ['KDC'] }, '2021-12-31');
    expect(villages.total).toBe(95);
    const page2 = await listUnits(handle.db, { page: 2, pageSize: 15, types: ['XA'] }, '2021-12-31');
    expect(page2).toMatchObject({ total: 16, page: 2, pageSize: 15 });
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0]!.name).toBe('Xã Quảng Văn');
    expect(page2.items[0]!.code).toBe('XA-QB-BD-QVAN');
  });

  it('reads the subtree as it was on the date (dated tree)', async () => {
    const province = await getArea(handle.db, idOf('Quảng Bình'));
    const [oldDistrict, newCommune] = await insertAreas(handle.db, [
      {
        code: 'T-OLD',
        name: 'Huyện Cũ',
        kind: 'huyen',
        level: 'district',
        parentId: province.id,
        validFrom: '2010-01-01',
        validTo: '2025-07-01',
      },
      {
        code: 'T-NEW',
        name: 'Xã Mới',
        kind: 'xa',
        level: 'commune',
        parentId: province.id,
        validFrom: '2025-07-01',
        validTo: null,
      },
    ]);
    const [oldCommune] = await insertAreas(handle.db, [
      {
        code: 'T-OLDC',
        name: 'Xã Cũ',
        kind: 'xa',
        level: 'commune',
        parentId: oldDistrict!.id,
        validFrom: '2010-01-01',
        validTo: '2025-07-01',
      },
    ]);
    await insertUnits(handle.db, [
      { code: 'T-U1', name: 'Thôn Cũ', type: 'KDC', areaId: oldCommune!.id, managingLevel: 'commune' },
      { code: 'T-U2', name: 'Thôn Mới', type: 'KDC', areaId: newCommune!.id, managingLevel: 'commune' },
    ]);
    const names = async (date: string) =>
      (
        await listUnits(
          handle.db,
          { page: 1, pageSize: 500, areaId: province.id, search: 'thon', types: ['KDC'] },
          date,
        )
      ).items.map((u) => u.name);
    const in2021 = await names('2021-12-31');
    expect(in2021).toContain('Thôn Cũ');
    expect(in2021).not.toContain('Thôn Mới');
    const in2026 = await names('2026-01-01');
    expect(in2026).toContain('Thôn Mới');
    expect(in2026).not.toContain('Thôn Cũ');
    expect((await listAreasOn(handle.db, '2026-01-01')).map((a) => a.name)).not.toContain('Huyện Cũ');
  });
});
