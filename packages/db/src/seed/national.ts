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

// A national-scale dataset across the 2025 reform, deterministic for a given seed. 2023–2024 on the old tree:
// 63 provinces, about 720 districts, 10,035 communes at scale 1, 10 villages and 4 agencies, enterprises and
// schools per commune. On 1 July 2025 the district level ends and every old area and unit ends; 2025–2026 on
// the new tree: 34 provinces (each the merge of one or two old ones), 3,321 communes (each the merge of about
// three old communes of its province), the old communes' villages partly merged (one in ten merged with the
// village before it), each agency, enterprise and school continued by a successor; with the area and unit
// lineage a reorganisation writes. Assessments (answers per criterion, a few failures), incidents and
// quarterly reports for each unit in the years it exists (a successor's from Q3 2025: for the quarters before,
// its first years' windows read what its predecessors filed, through the unit lineage). Names and which old
// province goes into which new one are generated, not the real ones; it exists to measure the system at the
// size of the country, across the reform. Written with multi-row inserts.

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
/** Communes before the reform (1 July 2025). */
export const NATIONAL_COMMUNES_BEFORE_2025 = 10035;
export const NATIONAL_YEARS = [2023, 2024, 2025, 2026] as const;
/** The effective date of the reform in the dataset. */
export const NATIONAL_REFORM_DATE = '2025-07-01';

/** The 63 provinces before the reform (the dataset's grouping of them into the 34 is generated). */
export const PROVINCES_BEFORE_2025 = [
  'Hà Nội',
  'Hồ Chí Minh',
  'Hải Phòng',
  'Đà Nẵng',
  'Cần Thơ',
  'Hà Giang',
  'Cao Bằng',
  'Bắc Kạn',
  'Tuyên Quang',
  'Lào Cai',
  'Điện Biên',
  'Lai Châu',
  'Sơn La',
  'Yên Bái',
  'Hòa Bình',
  'Thái Nguyên',
  'Lạng Sơn',
  'Quảng Ninh',
  'Bắc Giang',
  'Phú Thọ',
  'Vĩnh Phúc',
  'Bắc Ninh',
  'Hải Dương',
  'Hưng Yên',
  'Thái Bình',
  'Hà Nam',
  'Nam Định',
  'Ninh Bình',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Quảng Bình',
  'Quảng Trị',
  'Thừa Thiên Huế',
  'Quảng Nam',
  'Quảng Ngãi',
  'Bình Định',
  'Phú Yên',
  'Khánh Hòa',
  'Ninh Thuận',
  'Bình Thuận',
  'Kon Tum',
  'Gia Lai',
  'Đắk Lắk',
  'Đắk Nông',
  'Lâm Đồng',
  'Bình Phước',
  'Tây Ninh',
  'Bình Dương',
  'Đồng Nai',
  'Bà Rịa – Vũng Tàu',
  'Long An',
  'Tiền Giang',
  'Bến Tre',
  'Trà Vinh',
  'Vĩnh Long',
  'Đồng Tháp',
  'An Giang',
  'Kiên Giang',
  'Hậu Giang',
  'Sóc Trăng',
  'Bạc Liêu',
  'Cà Mau',
] as const;

export interface NationalOptions {
  /** 1 = the whole country (10,035 communes before the reform, 3,321 after); 0.01 ≈ 100 and 33. */
  scale?: number;
  seed?: number;
  /** Villages of an old commune (about 2.7 times as many in a new one, after the partial merge). */
  villagesPerCommune?: number;
  /** Agencies, enterprises and schools of an old commune. */
  institutionsPerCommune?: number;
  /** Called as work advances: a step name, rows done and rows planned for it. */
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface NationalReport {
  provinces: number;
  communes: number;
  units: number;
  /** The old tree (2023–2024). */
  before: { provinces: number; districts: number; communes: number; units: number };
  areaLineage: number;
  unitLineage: number;
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
const COMMUNES_PER_DISTRICT = 14;

interface UnitSpec {
  code: string;
  name: string;
  type: UnitType;
  area_id: number;
  managing_level: ManagingLevel;
}
type Inserted = { id: number; type: UnitType };

/** Generates the dataset into an empty database (refuses one that has areas). Runs in one transaction. */
export async function seedNational(db: Kysely<Database>, options: NationalOptions = {}): Promise<NationalReport> {
  const scale = options.scale ?? 1;
  const rand = random(options.seed ?? 2025);
  const villagesPerCommune = options.villagesPerCommune ?? 10;
  const institutionsPerCommune = options.institutionsPerCommune ?? 4;
  const progress = options.onProgress ?? (() => undefined);
  const oldCommuneCount = Math.max(PROVINCES_BEFORE_2025.length, Math.round(NATIONAL_COMMUNES_BEFORE_2025 * scale));
  const newCommuneTarget = Math.max(PROVINCES_2025.length, Math.round(NATIONAL_COMMUNES * scale));
  const date = NATIONAL_REFORM_DATE;

  return db.transaction().execute(async (trx) => {
    const any = await trx.selectFrom('areas').select('id').limit(1).executeTakeFirst();
    if (any) throw new Error('seedNational needs an empty database');
    const areaRow = (
      code: string,
      name: string,
      kind: AreaKind,
      parentId: number | null,
      validFrom: string,
      validTo: string | null,
    ): NewAreaRow => ({
      code,
      name,
      kind,
      level: AREA_KIND_LEVEL[kind],
      parent_id: parentId,
      valid_from: validFrom,
      valid_to: validTo,
      search_key: foldForSearch(name),
      sort_key: vietnameseSortKey(name),
    });
    const insertAreaRows = async (rows: NewAreaRow[], step: string) => {
      const out: { id: number; code: string }[] = [];
      for (const part of chunk(rows, 500)) {
        out.push(...(await trx.insertInto('areas').values(part).returning(['id', 'code']).execute()));
        progress(step, out.length, rows.length);
      }
      return out;
    };
    const insertUnitRows = async (
      specs: UnitSpec[],
      validFrom: string | null,
      validTo: string | null,
      step: string,
    ) => {
      const out: Inserted[] = [];
      for (const part of chunk(specs, 1000)) {
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
              ...(validFrom !== null && { valid_from: validFrom }),
              valid_to: validTo,
            })),
          )
          .returning(['id', 'type'])
          .execute();
        out.push(...rows);
        progress(step, out.length, specs.length);
      }
      return out;
    };

    // ── The old tree: 63 provinces, their districts, 10,035 communes ────────────────────────────────────
    const oldProvinces = await insertAreaRows(
      PROVINCES_BEFORE_2025.map((name, i) =>
        areaRow(`T${String(i + 1).padStart(2, '0')}`, name, i < 5 ? 'thanh-pho-tw' : 'tinh', null, '1997-01-01', date),
      ),
      'old provinces',
    );
    // old commune k lies in old province k mod 63, in its district floor(position / 14)
    const perProvince = PROVINCES_BEFORE_2025.map(
      (_, p) =>
        Math.floor(oldCommuneCount / PROVINCES_BEFORE_2025.length) +
        (p < oldCommuneCount % PROVINCES_BEFORE_2025.length ? 1 : 0),
    );
    const districtRows: NewAreaRow[] = [];
    const districtKey: string[] = [];
    for (const [p, province] of oldProvinces.entries()) {
      const count = Math.max(1, Math.ceil(required(perProvince[p], 'perProvince') / COMMUNES_PER_DISTRICT));
      for (let d = 0; d < count; d++) {
        const name = `Huyện ${d + 1} – ${required(PROVINCES_BEFORE_2025[p], 'PROVINCES_BEFORE_2025')}`;
        districtRows.push(
          areaRow(
            `${province.code}-H${String(d + 1).padStart(2, '0')}`,
            name,
            'huyen',
            province.id,
            '2008-01-01',
            date,
          ),
        );
        districtKey.push(`${p}/${d}`);
      }
    }
    const districts = await insertAreaRows(districtRows, 'old districts');
    const districtId = new Map(districts.map((d, i) => [required(districtKey[i], 'districtKey'), d.id]));
    const oldCommuneRows: NewAreaRow[] = [];
    const oldCommuneProvince: number[] = [];
    const seen = PROVINCES_BEFORE_2025.map(() => 0);
    for (let c = 0; c < oldCommuneCount; c++) {
      const p = c % PROVINCES_BEFORE_2025.length;
      const position = required(seen[p], 'seen');
      seen[p] = position + 1;
      const kind: AreaKind = c % 5 === 0 ? 'phuong' : 'xa';
      const name = `${kind === 'phuong' ? 'Phường' : 'Xã'} ${position + 1} – ${required(PROVINCES_BEFORE_2025[p], 'PROVINCES_BEFORE_2025')}`;
      const district = mustGet(districtId, `${p}/${Math.floor(position / COMMUNES_PER_DISTRICT)}`, 'districtId');
      oldCommuneRows.push(
        areaRow(
          `${required(oldProvinces[p], 'oldProvinces').code}-X${String(position + 1).padStart(4, '0')}`,
          name,
          kind,
          district,
          '2008-01-01',
          date,
        ),
      );
      oldCommuneProvince.push(p);
    }
    const oldCommunes = await insertAreaRows(oldCommuneRows, 'old communes');

    // ── The new tree: 34 provinces (old province p → new province newOf(p)), 3,321 communes ──────────────
    const newOf = (p: number) => (p < 58 ? Math.floor(p / 2) : p - 29);
    const provinces = await insertAreaRows(
      PROVINCES_2025.map((name, i) =>
        areaRow(`P${String(i + 1).padStart(2, '0')}`, name, i % 6 === 0 ? 'thanh-pho-tw' : 'tinh', null, date, null),
      ),
      'provinces',
    );
    // each new province's old communes, split into consecutive groups of about three: a group → a new commune
    const oldOfNew = PROVINCES_2025.map(() => [] as number[]);
    for (let c = 0; c < oldCommunes.length; c++)
      required(oldOfNew[newOf(required(oldCommuneProvince[c], 'p'))], 'oldOfNew').push(c);
    // how many new communes each new province gets: its share of the target, by largest remainder (exactly
    // the target in all, at least one each)
    const quota = oldOfNew.map((members) => (members.length * newCommuneTarget) / oldCommunes.length);
    const counts = quota.map((q) => Math.max(1, Math.floor(q)));
    const byRemainder = quota.map((q, p) => [q - Math.floor(q), p] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let i = 0, left = newCommuneTarget - counts.reduce((a, b) => a + b, 0); left > 0; i++, left--) {
      const p = required(byRemainder[i % byRemainder.length], 'byRemainder')[1];
      counts[p] = required(counts[p], 'counts') + 1;
    }
    const groups: { province: number; members: number[] }[] = [];
    for (const [p, members] of oldOfNew.entries()) {
      const count = Math.min(members.length, required(counts[p], 'counts'));
      for (let g = 0; g < count; g++)
        groups.push({
          province: p,
          members: members.slice(
            Math.floor((g * members.length) / count),
            Math.floor(((g + 1) * members.length) / count),
          ),
        });
    }
    const newCommuneRows = groups.map((group, c) => {
      const province = required(provinces[group.province], 'provinces');
      const kind: AreaKind = c % 4 === 0 ? 'phuong' : 'xa';
      const name = `${kind === 'phuong' ? 'Phường' : 'Xã'} ${c + 1} – ${required(PROVINCES_2025[group.province], 'PROVINCES_2025')}`;
      return areaRow(`${province.code}-C${String(c + 1).padStart(4, '0')}`, name, kind, province.id, date, null);
    });
    const communes = await insertAreaRows(newCommuneRows, 'communes');
    const legal = { note: 'Sắp xếp năm 2025 (dữ liệu sinh ngẫu nhiên)', effective_date: date };
    const areaLineage = [
      ...oldProvinces.map((old, p) => ({
        predecessor_id: old.id,
        successor_id: required(provinces[newOf(p)], 'provinces').id,
        event: p < 58 ? ('merge' as const) : ('rename' as const),
        ...legal,
      })),
      ...groups.flatMap((group, g) =>
        group.members.map((c) => ({
          predecessor_id: required(oldCommunes[c], 'oldCommunes').id,
          successor_id: required(communes[g], 'communes').id,
          event: group.members.length > 1 ? ('merge' as const) : ('rename' as const),
          ...legal,
        })),
      ),
    ];
    for (const part of chunk(areaLineage, 1000)) await trx.insertInto('area_lineage').values(part).execute();

    // ── Units: old ones end on the reform's date, their successors begin on it ──────────────────────────
    const oldSpecs: UnitSpec[] = [];
    for (const commune of oldCommunes) {
      oldSpecs.push({
        code: `XA-${commune.code}`,
        name: `UBND ${commune.code}`,
        type: 'XA',
        area_id: commune.id,
        managing_level: 'district',
      });
      for (let v = 1; v <= villagesPerCommune; v++)
        oldSpecs.push({
          code: `KDC-${commune.code}-${v}`,
          name: `Thôn ${v} ${commune.code}`,
          type: 'KDC',
          area_id: commune.id,
          managing_level: 'commune',
        });
      for (let i = 0; i < institutionsPerCommune; i++) {
        const type = required(INSTITUTION_TYPES[i % 3], 'INSTITUTION_TYPES');
        oldSpecs.push({
          code: `${type}-${commune.code}-${i + 1}`,
          name: `${INSTITUTION_NAMES[type]} số ${i + 1} ${commune.code}`,
          type,
          area_id: commune.id,
          managing_level: i % 2 === 0 ? 'commune' : 'province',
        });
      }
    }
    const oldUnits = await insertUnitRows(oldSpecs, null, date, 'old units');
    const perOldCommune = 1 + villagesPerCommune + institutionsPerCommune;
    // successors: a commune unit per new commune; villages numbered on, one in ten merged with the one before
    const newSpecs: UnitSpec[] = [];
    const successorOf: number[] = []; // old unit index → new spec index
    for (const [g, group] of groups.entries()) {
      const commune = required(communes[g], 'communes');
      const xa = newSpecs.length;
      newSpecs.push({
        code: `XA-${commune.code}`,
        name: `UBND ${commune.code}`,
        type: 'XA',
        area_id: commune.id,
        managing_level: 'province',
      });
      let village = 0;
      let seenVillages = 0;
      let institution = 0;
      for (const c of group.members) {
        const base = c * perOldCommune;
        successorOf[base] = xa;
        for (let v = 0; v < villagesPerCommune; v++) {
          seenVillages++;
          if (seenVillages % 10 === 0 && village > 0) {
            successorOf[base + 1 + v] = newSpecs.length - 1; // merged with the village before it
            continue;
          }
          village++;
          successorOf[base + 1 + v] = newSpecs.length;
          newSpecs.push({
            code: `KDC-${commune.code}-${village}`,
            name: `Thôn ${village} ${commune.code}`,
            type: 'KDC',
            area_id: commune.id,
            managing_level: 'commune',
          });
        }
        for (let i = 0; i < institutionsPerCommune; i++) {
          const old = required(oldSpecs[base + 1 + villagesPerCommune + i], 'oldSpecs');
          institution++;
          successorOf[base + 1 + villagesPerCommune + i] = newSpecs.length;
          newSpecs.push({
            code: `${old.type}-${commune.code}-${institution}`,
            name: `${INSTITUTION_NAMES[old.type]} số ${institution} ${commune.code}`,
            type: old.type,
            area_id: commune.id,
            managing_level: old.managing_level,
          });
        }
      }
    }
    const newUnits = await insertUnitRows(newSpecs, date, null, 'units');
    const unitLineage = oldUnits.map((old, i) => ({
      predecessor_id: old.id,
      successor_id: required(newUnits[required(successorOf[i], 'successorOf')], 'newUnits').id,
      ...legal,
    }));
    for (const part of chunk(unitLineage, 2000)) await trx.insertInto('unit_lineage').values(part).execute();

    // ── Quarterly reports: old units Q4 2022 – Q2 2025, new units Q4 2023 – Q4 2026 ────────────────────
    const quartersFrom = (first: [number, number], last: [number, number]) => {
      const out: [number, number][] = [];
      for (let [y, q] = first; y < last[0] || (y === last[0] && q <= last[1]); q === 4 ? ((q = 1), y++) : q++)
        out.push([y, q]);
      return out;
    };
    let reports = 0;
    const writeReports = async (units: Inserted[], quarters: [number, number][], step: string) => {
      const total = units.length * quarters.length;
      let done = 0;
      for (const part of chunk(units, 400)) {
        const rows = [];
        for (const unit of part) {
          const crimes = unit.type === 'KDC' ? Math.floor(rand() * 2) : 0;
          for (const [year, quarter] of quarters) {
            const submitted_at = `${year}-${String(quarter * 3).padStart(2, '0')}-10T02:00:00.000Z`;
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
              submitted_at,
              submitted_by: null,
              on_time: isReportOnTime(submitted_at, year, quarter as Quarter) ? 1 : 0,
            });
          }
        }
        for (const rowsPart of chunk(rows, 800)) await trx.insertInto('quarterly_reports').values(rowsPart).execute();
        done += rows.length;
        progress(step, done, total);
      }
      reports += done;
    };
    await writeReports(oldUnits, quartersFrom([2022, 4], [2025, 2]), 'reports (old tree)');
    await writeReports(newUnits, quartersFrom([2025, 3], [2026, 4]), 'reports (new tree)');

    // ── Assessments with full answers; about 3 % of villages fail one criterion, 0.5 % have an incident ─
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
      const units = year < 2025 ? oldUnits : newUnits;
      let done = 0;
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
            // in the reform's year, after it (the old units have ended by then)
            const occurred = year === 2025 ? '2025-09-15' : `${year}-06-15`;
            incidentRows.push({
              unit_id: row.unit_id,
              occurred_on: occurred,
              criterion_code: 'KDC-3',
              item: 'e',
              description: 'Tranh chấp kéo dài',
              created_at: `${occurred}T02:00:00.000Z`,
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
        done += rows.length;
        progress(`assessments ${year}`, done, units.length);
      }
    }
    return {
      provinces: provinces.length,
      communes: communes.length,
      units: newUnits.length,
      before: {
        provinces: oldProvinces.length,
        districts: districts.length,
        communes: oldCommunes.length,
        units: oldUnits.length,
      },
      areaLineage: areaLineage.length,
      unitLineage: unitLineage.length,
      assessments,
      answers,
      reports,
      incidents,
    };
  });
}
