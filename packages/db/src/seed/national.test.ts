import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client.js';
import { createTestDatabase } from '../testing.js';
import { NATIONAL_REFORM_DATE, seedNational, type NationalReport } from './national.js';

// The national dataset spans the 2025 reform: the old tree (63 provinces, districts, communes) for 2023–2024,
// the new one (34 provinces, no districts) for 2025–2026, with the lineage a reorganisation writes.

let handle: DatabaseHandle;
let report: NationalReport;
beforeAll(async () => {
  handle = await createTestDatabase();
  report = await seedNational(handle.db, { scale: 0.01 });
}, 120_000);
afterAll(() => handle.destroy());

describe('the national dataset across the 2025 reform', () => {
  it('has 63 provinces with districts before, 34 without after, and a third as many communes', async () => {
    expect(report.before).toMatchObject({ provinces: 63, communes: 100 });
    expect(report.before.districts).toBeGreaterThanOrEqual(63);
    expect(report.provinces).toBe(34);
    expect(report.communes).toBeGreaterThanOrEqual(33);
    expect(report.communes).toBeLessThan(report.before.communes / 2);
    const living = await handle.db.selectFrom('areas').select(['level']).where('valid_to', 'is', null).execute();
    expect(new Set(living.map((a) => a.level))).toEqual(new Set(['province', 'commune']));
    const ended = await handle.db.selectFrom('areas').select('valid_to').where('valid_to', 'is not', null).execute();
    expect(new Set(ended.map((a) => a.valid_to))).toEqual(new Set([NATIONAL_REFORM_DATE]));
  });

  it('links every old area and unit to a successor that begins on the reform date', async () => {
    const oldAreas = await handle.db.selectFrom('areas').select('id').where('valid_to', 'is not', null).execute();
    const districts = await handle.db.selectFrom('areas').select('id').where('level', '=', 'district').execute();
    const lineage = await handle.db.selectFrom('area_lineage').select(['predecessor_id', 'successor_id']).execute();
    // every old province and commune has one successor; a district ends with no successor (the level ended)
    expect(lineage).toHaveLength(oldAreas.length - districts.length);
    expect(report.unitLineage).toBe(report.before.units);
    const orphans = await handle.db
      .selectFrom('unit_lineage')
      .innerJoin('units', 'units.id', 'unit_lineage.successor_id')
      .select('units.id')
      .where('units.valid_from', '!=', NATIONAL_REFORM_DATE)
      .execute();
    expect(orphans).toEqual([]);
    // villages partly merged: fewer successors than predecessors
    const villages = await handle.db.selectFrom('units').select(['valid_to']).where('type', '=', 'KDC').execute();
    const before = villages.filter((v) => v.valid_to !== null).length;
    const after = villages.length - before;
    expect(after).toBeLessThan(before);
    expect(after).toBeGreaterThan(before * 0.8);
  });

  it('assesses the old units in 2023–2024 and the new ones in 2025–2026', async () => {
    const rows = await handle.db
      .selectFrom('assessments')
      .innerJoin('units', 'units.id', 'assessments.unit_id')
      .select(['assessments.year', 'units.valid_to'])
      .execute();
    for (const row of rows) expect(row.valid_to === null, `${row.year}`).toBe(row.year >= 2025);
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2023, 2024, 2025, 2026]));
  });
});
