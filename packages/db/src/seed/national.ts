import { mustGet, required } from '../required.js';
import {
  isReportOnTime,
  type Quarter,
  AREA_KIND_LEVEL,
  passingAnswers,
  foldForSearch,
  TT124_2021,
  vietnameseSortKey,
  type AreaKind,
  type ManagingLevel,
  type UnitType,
} from '@antoan/core';
import type { Kysely } from 'kysely';
import { chunk } from '../chunk.js';
import type { Database, NewAreaRow } from '../schema.js';

// A national-scale dataset, deterministic for a given seed: 34 provinces (the tree after the 2025 reform:
// province → commune), 3,321 communes at scale 1, about 30 villages and 12 agencies, enterprises and schools
// per commune, and three years of assessments (answers per criterion, a few failures), incidents and
// quarterly reports. Names are generated; it exists to measure the system at the size of the country.

export const PROVINCES_2025 = [
  'Hà Nội',
  'Huế',
  'Lai Châu',
  'Điện Biên',
  'Sơn La',
  'Lạng Sơn',
  'Quảng Ninh',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Cao Bằng',
  'Tuyên Quang',
  'Lào Cai',
  'Thái Nguyên',
  'Phú Thọ',
  'Bắc Ninh',
  'Hưng Yên',
  'Hải Phòng',
  'Ninh Bình',
  'Quảng Trị',
  'Đà Nẵng',
  'Quảng Ngãi',
  'Gia Lai',
  'Khánh Hòa',
  'Lâm Đồng',
  'Đắk Lắk',
  'Hồ Chí Minh',
  'Đồng Nai',
  'Tây Ninh',
  'Cần Thơ',
  'Vĩnh Long',
  'Đồng Tháp',
  'Cà Mau',
  'An Giang',
] as const;

export const NATIONAL_COMMUNES = 3321;
export const NATIONAL_YEARS = [2023, 2024, 2025] as const;

export interface NationalOptions {
  /** 1 = the whole country (3,321 communes); 0.01 ≈ 33 communes. */
  scale?: number;
  seed?: number;
  villagesPerCommune?: number;
  institutionsPerCommune?: number;
  /** Called as work advances: a step name, rows done and rows planned for it. */
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface NationalReport {
  provinces: number;
  communes: number;
  units: number;
  assessments: number;
  answers: number;
  reports: number;
  incidents: number;
}

/** mulberry32: a small, fast, seedable PRNG, so the same seed gives the same country everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSTITUTION_TYPES: UnitType[] = ['CQ', 'DN', 'CSGD'];
const INSTITUTION_NAMES: Record<string, string> = { CQ: 'Cơ quan', DN: 'Công ty', CSGD: 'Trường THCS' };

/** Generates the dataset into an empty database (refuses one that has areas). Runs in one transaction. */
export async function seedNational(db: Kysely<Database>, options: NationalOptions = {}): Promise<NationalReport> {
  const scale = options.scale ?? 1;
  const rand = random(options.seed ?? 2025);
  const villagesPerCommune = options.villagesPerCommune ?? 30;
  const institutionsPerCommune = options.institutionsPerCommune ?? 12;
  const progress = options.onProgress ?? (() => undefined);
  const totalCommunes = Math.max(PROVINCES_2025.length, Math.round(NATIONAL_COMMUNES * scale));

  return db.transaction().execute(async (trx) => {
    const any = await trx.selectFrom('areas').select('id').limit(1).executeTakeFirst();
    if (any) throw new Error('seedNational needs an empty database');

    // Areas: provinces, then communes spread evenly over them.
    const provinceRows = await trx
      .insertInto('areas')
      .values(
        PROVINCES_2025.map((name, i) => ({
          code: `P${String(i + 1).padStart(2, '0')}`,
          name,
          kind: i % 6 === 0 ? 'thanh-pho-tw' : 'tinh',
          level: 'province',
          parent_id: null,
          valid_from: '2025-07-01',
          valid_to: null,
          search_key: foldForSearch(name),
          sort_key: vietnameseSortKey(name),
        })),
      )
      .returning(['id', 'code'])
      .execute();
    const communeValues: NewAreaRow[] = [];
    for (let c = 0; c < totalCommunes; c++) {
      const province = required(provinceRows[c % provinceRows.length], 'provinceRows');
      const kind: AreaKind = c % 4 === 0 ? 'phuong' : 'xa';
      const name = `${kind === 'phuong' ? 'Phường' : 'Xã'} ${Math.floor(c / provinceRows.length) + 1} – ${PROVINCES_2025[c % provinceRows.length]}`;
      communeValues.push({
        code: `${province.code}-C${String(c + 1).padStart(4, '0')}`,
        name,
        kind: kind,
        level: AREA_KIND_LEVEL[kind],
        parent_id: province.id,
        valid_from: '2025-07-01',
        valid_to: null,
        search_key: foldForSearch(name),
        sort_key: vietnameseSortKey(name),
      });
    }
    const communes: { id: number; code: string }[] = [];
    for (const part of chunk(communeValues, 500)) {
      communes.push(...(await trx.insertInto('areas').values(part).returning(['id', 'code']).execute()));
      progress('areas', communes.length, totalCommunes);
    }

    // Units: the commune itself, its villages and its institutions.
    const unitValues: { code: string; name: string; type: UnitType; area_id: number; managing_level: ManagingLevel }[] =
      [];
    for (const commune of communes) {
      unitValues.push({
        code: `XA-${commune.code}`,
        name: `UBND ${commune.code}`,
        type: 'XA',
        area_id: commune.id,
        managing_level: 'province' as const,
      });
      for (let v = 1; v <= villagesPerCommune; v++) {
        unitValues.push({
          code: `KDC-${commune.code}-${v}`,
          name: `Thôn ${v} ${commune.code}`,
          type: 'KDC',
          area_id: commune.id,
          managing_level: 'commune' as const,
        });
      }
      for (let i = 0; i < institutionsPerCommune; i++) {
        const type = required(INSTITUTION_TYPES[i % 3], 'INSTITUTION_TYPES');
        unitValues.push({
          code: `${type}-${commune.code}-${i + 1}`,
          name: `${INSTITUTION_NAMES[type]} số ${i + 1} ${commune.code}`,
          type,
          area_id: commune.id,
          managing_level: i % 2 === 0 ? 'commune' : 'province',
        });
      }
    }
    const units: { id: number; type: UnitType }[] = [];
    for (const part of chunk(unitValues, 1000)) {
      const rows = await trx
        .insertInto('units')
        .values(
          part.map((u) => ({
            ...u,
            search_key: foldForSearch(`${u.name} ${u.code}`),
            sort_key: vietnameseSortKey(u.name),
            is_armed_forces: 0,
            enterprise_size: u.type === 'DN' ? 'medium' : null,
            school_level: u.type === 'CSGD' ? 'lower_secondary' : null,
          })),
        )
        .returning(['id', 'type'])
        .execute();
      units.push(...rows);
      progress('units', units.length, unitValues.length);
    }

    // Quarterly reports Q4 of the year before the first year, then every quarter of the three years.
    const quarters: [number, number][] = [[NATIONAL_YEARS[0] - 1, 4]];
    for (const year of NATIONAL_YEARS) for (const q of [1, 2, 3, 4]) quarters.push([year, q]);
    let reports = 0;
    const reportTotal = units.length * quarters.length;
    for (const part of chunk(units, 400)) {
      const rows = [];
      for (const unit of part) {
        const crimes = unit.type === 'KDC' ? Math.floor(rand() * 2) : 0;
        for (const [year, quarter] of quarters) {
          rows.push({
            unit_id: unit.id,
            year,
            quarter,
            crimes,
            social_evils: 0,
            fires_explosions_accidents: 0,
            propaganda_sessions: 1 + Math.floor(rand() * 5),
            people_reached: 20 + Math.floor(rand() * 500),
            tip_offs: Math.floor(rand() * 3),
            new_models: 0,
            meetings: 1 + Math.floor(rand() * 3),
            notes: null,
            submitted_at: `${year}-${String(quarter * 3).padStart(2, '0')}-10T02:00:00.000Z`,
            submitted_by: null,
          });
        }
      }
      for (const rowsPart of chunk(rows, 800)) {
        await trx
          .insertInto('quarterly_reports')
          .values(
            rowsPart.map((r) => ({
              ...r,
              on_time: isReportOnTime(r.submitted_at, r.year, r.quarter as Quarter) ? 1 : 0,
            })),
          )
          .execute();
      }
      reports += rows.length;
      progress('reports', reports, reportTotal);
    }

    // Assessments with full answers; about 3 % of villages fail one criterion, 0.5 % have an incident.
    const answerJson = new Map<UnitType, [string, string][]>(
      (['KDC', 'XA', 'CQ', 'DN', 'CSGD'] as UnitType[]).map((type) => [
        type,
        Object.entries(passingAnswers(TT124_2021, type, (c) => (c.minimum < 1 ? 10 : 200))).map(([code, a]) => [
          code,
          JSON.stringify(a),
        ]),
      ]),
    );
    const failedRatio = JSON.stringify({
      checks: { resolution: true, plan: true, registration: true },
      numerator: 199,
      denominator: 200,
    });
    let assessments = 0;
    let answers = 0;
    let incidents = 0;
    for (const year of NATIONAL_YEARS) {
      for (const part of chunk(units, 1000)) {
        const rows = await trx
          .insertInto('assessments')
          .values(
            part.map((u) => ({
              unit_id: u.id,
              year,
              catalogue_id: TT124_2021.id,
              status: 'registered',
              registered_at: `${year}-03-01T02:00:00.000Z`,
              registered_by: null,
            })),
          )
          .returning(['id', 'unit_id'])
          .execute();
        const typeOf = new Map(part.map((u) => [u.id, u.type]));
        const answerRows = [];
        const incidentRows = [];
        for (const row of rows) {
          const type = mustGet(typeOf, row.unit_id, 'typeOf');
          const fails = type === 'KDC' && rand() < 0.03;
          for (const [code, value] of mustGet(answerJson, type, 'answerJson')) {
            answerRows.push({
              assessment_id: row.id,
              criterion_code: code,
              value: fails && code === 'KDC-1' ? failedRatio : value,
              evidence_note: null,
              evidence_links: '[]',
            });
          }
          if (type === 'KDC' && rand() < 0.005) {
            incidentRows.push({
              unit_id: row.unit_id,
              occurred_on: `${year}-06-15`,
              criterion_code: 'KDC-3',
              item: 'e',
              description: 'Tranh chấp kéo dài',
              created_at: `${year}-06-16T02:00:00.000Z`,
              created_by: null,
            });
          }
        }
        for (const answersPart of chunk(answerRows, 1500))
          await trx.insertInto('assessment_answers').values(answersPart).execute();
        if (incidentRows.length > 0) await trx.insertInto('incidents').values(incidentRows).execute();
        assessments += rows.length;
        answers += answerRows.length;
        incidents += incidentRows.length;
        progress(`assessments ${year}`, assessments - (year - NATIONAL_YEARS[0]) * units.length, units.length);
      }
    }
    return {
      provinces: provinceRows.length,
      communes: communes.length,
      units: units.length,
      assessments,
      answers,
      reports,
      incidents,
    };
  });
}
