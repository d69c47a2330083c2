import { computeModelStatistics } from '@antoan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client.js';
import { listAreasOn } from './area.repository.js';
import { listModels } from './records.repository.js';
import { seedDemo } from './seed/index.js';
import { aggregateModelFigures } from './statistics.repository.js';
import { createTestDatabase } from './testing.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
}, 60_000);
afterAll(() => handle.destroy());

describe('aggregateModelFigures (one SQL aggregate)', () => {
  it('agrees with core computeModelStatistics for every area and year of the demo', async () => {
    const areas = await listAreasOn(handle.db, '2021-12-31');
    let compared = 0;
    for (const year of [2019, 2020, 2021, 2022]) {
      for (const area of [undefined, ...areas]) {
        const asOf = `${year}-12-31`;
        const sql = await aggregateModelFigures(handle.db, { areaId: area?.id, year, asOf });
        const rows = await listModels(handle.db, { areaId: area?.id, date: asOf });
        const { byCategory: _ignored, ...core } = computeModelStatistics(rows, year, asOf);
        expect(sql).toEqual(core);
        compared++;
      }
    }
    expect(compared).toBe(4 * 19);
  });

  it('gives the demo town 21 models operating at the end of 2021, 4 of them new', async () => {
    const town = (await listAreasOn(handle.db, '2021-12-31')).find((a) => a.code === 'QB-BD')!;
    expect(await aggregateModelFigures(handle.db, { areaId: town.id, year: 2021, asOf: '2021-12-31' })).toMatchObject({
      operating: 21,
      newInYear: 4,
    });
  });
});
