import { AREA_KIND_LEVEL } from '@antoan/core';
import type { Kysely } from 'kysely';
import { insertAreas } from '../area.repository.js';
import type { Database } from '../schema.js';
import { insertUnits, type NewUnit } from '../unit.repository.js';
import { BA_DON_COMMUNES, BA_DON_PROVINCE, BA_DON_TOWN } from './ba-don.js';

export interface SeedReport {
  seeded: boolean;
  areas: number;
  units: number;
}

/**
 * Loads the demo: Ba Đồn town with its 16 communes and wards, each commune as an assessed unit, and a few
 * of the villages and agencies named in the seed article. Runs in one transaction and only on an empty
 * database, so a second call changes nothing.
 */
export async function seedDemo(db: Kysely<Database>): Promise<SeedReport> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('areas').select('id').limit(1).executeTakeFirst();
    if (existing) return { seeded: false, areas: 0, units: 0 };

    const [province] = await insertAreas(trx, [
      { ...BA_DON_PROVINCE, level: AREA_KIND_LEVEL[BA_DON_PROVINCE.kind], parentId: null, validTo: null },
    ]);
    const [town] = await insertAreas(trx, [
      { ...BA_DON_TOWN, level: AREA_KIND_LEVEL[BA_DON_TOWN.kind], parentId: province!.id, validTo: null },
    ]);
    const communes = await insertAreas(
      trx,
      BA_DON_COMMUNES.map((c) => ({
        ...c,
        level: AREA_KIND_LEVEL[c.kind],
        parentId: town!.id,
        validFrom: BA_DON_TOWN.validFrom,
        validTo: null,
      })),
    );
    const byCode = new Map(communes.map((c) => [c.code, c]));
    const at = (code: string) => byCode.get(code)!.id;

    const units: NewUnit[] = communes.map((c) => ({
      code: `XA-${c.code}`,
      name: `${c.kind === 'phuong' ? 'Phường' : 'Xã'} ${c.name}`,
      type: 'XA',
      areaId: c.id,
      managingLevel: 'district',
    }));
    units.push(
      { code: 'KDC-QB-BD-QPHUC-DONSA', name: 'Tổ dân phố Đơn Sa', type: 'KDC', areaId: at('QB-BD-QPHUC'), managingLevel: 'commune' },
      { code: 'KDC-QB-BD-QVAN-VANPHU', name: 'Thôn Văn Phú', type: 'KDC', areaId: at('QB-BD-QVAN'), managingLevel: 'commune' },
      { code: 'KDC-QB-BD-QTHUY-01', name: 'Thôn Thượng Thủy', type: 'KDC', areaId: at('QB-BD-QTHUY'), managingLevel: 'commune' },
      {
        code: 'CQ-QB-BVBQB',
        name: 'Bệnh viện Đa khoa khu vực Bắc Quảng Bình',
        type: 'CQ',
        areaId: at('QB-BD-BADON'),
        managingLevel: 'province',
      },
    );
    const inserted = await insertUnits(trx, units);
    return { seeded: true, areas: 2 + communes.length, units: inserted.length };
  });
}
