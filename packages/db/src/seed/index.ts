import { mustGet, required } from '../required.js';
import {
  isReportOnTime,
  addDays,
  AREA_KIND_LEVEL,
  checkEligibility,
  foldForSearch,
  evaluateArea,
  findSheetTemplateForType,
  getCatalogueForYear,
  passingAnswers,
  quarterPeriod,
  type Catalogue,
  type CriterionAnswer,
  type EnterpriseSize,
  type Quarter,
  type SchoolLevel,
  type ReorganisationInput,
  type UnitType,
} from '@antoan/core';
import type { Kysely } from 'kysely';
import { insertAreas } from '../area.repository.js';
import { takeSnapshot, type ScopeFigures } from '../worker/snapshots.repository.js';
import { chunk } from '../chunk.js';
import { listAssessedUnitsByIds, loadEvaluationInputs } from '../evaluation.loader.js';
import type { Database } from '../schema.js';
import { insertUnits, type NewUnit } from '../unit.repository.js';
import { exclusiveTransaction, STARTUP_LOCKS } from '../write-transaction.js';
import {
  BA_DON_COMMUNES,
  BA_DON_PROVINCE,
  BA_DON_REFORM,
  BA_DON_TOWN,
  DEMO_AWARD_ISSUERS,
  DEMO_FAILURES,
  demoInstitutions,
  demoModels,
  demoNumber,
  NAMED_VILLAGES,
} from './ba-don.js';

export interface SeedReport {
  seeded: boolean;
  areas: number;
  units: number;
  assessments: number;
  reports: number;
}

export interface SeedOptions {
  /**
   * Also load the years 2020–2022: per-criterion answers, incidents, quarterly reports, decisions, models,
   * awards and grading sheets (default). Without it: the tree and the units only.
   */
  withHistory?: boolean;
  /**
   * The product's reorganisation operation (services' `reorganise`, in this transaction). With it and the
   * history, the demo also has 2023–2024 on the old tree, carries Ba Đồn through its 1 July 2025 reorganisation
   * (BA_DON_REFORM) through that operation, and has 2025–2026 on the new tree. Without it (the db package's
   * own tests, which cannot reach the services), the demo stops at 2022, before the reform.
   */
  reorganise?: DemoReorganise;
}

/** Performs one reorganisation in the seed's transaction (services' `reorganise`). */
export type DemoReorganise = (trx: Kysely<Database>, input: ReorganisationInput) => Promise<unknown>;

/** The years of the demo before the reform (2023 and 2024 only with the reform). */
export const DEMO_YEARS = [2020, 2021, 2022] as const;
/** The years on the old tree when the demo carries the reform. */
export const DEMO_YEARS_BEFORE_REFORM = [2020, 2021, 2022, 2023, 2024] as const;
/** The years on the new tree (2026, the current year: files registered and answered, not yet decided). */
export const DEMO_YEARS_AFTER_REFORM = [2025, 2026] as const;

/**
 * The catalogue each demo year is assessed with: the law in force (2020 and 2021: 23/2012, whose village
 * criteria 124/2021's stand in for; 2022: 124/2021).
 */
export function demoCatalogue(year: number): Catalogue {
  return getCatalogueForYear(year);
}

/** Ratios over a unit's direct sub-units (the second 70 % rule), answered with sub-unit counts, not staff. */
const SUB_UNIT_RATIOS = new Set(['CQDN-5', 'CSGD-6']);

const villageCode = (communeCode: string, index: number) => `KDC-${communeCode}-${index}`;

/**
 * Loads the demo: Ba Đồn town (Quảng Bình) with its 16 communes and wards, 95 villages and residential
 * groups, 22 agencies, 22 enterprises and 58 schools, and for 2020–2022 the per-criterion answers,
 * incidents and quarterly reports from which the engine computes, under the circular in force (23/2012 for
 * 2020–2021, 124/2021 from 2022), the article's figures for 2021 (15/16, 92/95, 22/22, 22/22, 58/58), the
 * decisions that follow them (dated by Art. 9), 21 models (4 new in 2021) and the awards.
 * One transaction, and only on an empty database: a second call changes nothing, and two processes calling
 * it at once (two servers started together with SEED=demo) load it once (the seed lock: the second waits,
 * then finds the areas).
 */
export async function seedDemo(db: Kysely<Database>, options: SeedOptions = {}): Promise<SeedReport> {
  return exclusiveTransaction(db, { key: STARTUP_LOCKS.seed }, async (trx) => {
    const existing = await trx.selectFrom('areas').select('id').limit(1).executeTakeFirst();
    if (existing) return { seeded: false, areas: 0, units: 0, assessments: 0, reports: 0 };
    // A year "stored" while the database was empty (a worker that started first) holds no unit: forget it, so
    // that the results of the data loaded now are computed.
    // (A database migrated only part-way, as a migration's test makes, has no such tables yet.)
    const tables = new Set((await trx.introspection.getTables()).map((t) => t.name));
    for (const table of ['unit_results', 'area_result_totals', 'result_years'] as const)
      if (tables.has(table)) await trx.deleteFrom(table).execute();

    const [province] = await insertAreas(trx, [
      { ...BA_DON_PROVINCE, level: AREA_KIND_LEVEL[BA_DON_PROVINCE.kind], parentId: null, validTo: null },
    ]);
    const [town] = await insertAreas(trx, [
      {
        ...BA_DON_TOWN,
        level: AREA_KIND_LEVEL[BA_DON_TOWN.kind],
        parentId: required(province, 'the province').id,
        validTo: null,
      },
    ]);
    const communes = await insertAreas(
      trx,
      BA_DON_COMMUNES.map(({ code, name, kind }) => ({
        code,
        name,
        kind,
        level: AREA_KIND_LEVEL[kind],
        parentId: required(town, 'the town').id,
        validFrom: BA_DON_TOWN.validFrom,
        validTo: null,
      })),
    );
    const areaOf = new Map(communes.map((c) => [c.code, c.id]));

    const units: NewUnit[] = [];
    const people = new Map<string, number>();
    for (const commune of BA_DON_COMMUNES) {
      units.push({
        code: `XA-${commune.code}`,
        name: `${commune.kind === 'phuong' ? 'Phường' : 'Xã'} ${commune.name}`,
        type: 'XA',
        areaId: mustGet(areaOf, commune.code, 'areaOf'),
        managingLevel: 'district',
      });
      for (let i = 1; i <= commune.villages; i++) {
        const named = NAMED_VILLAGES[commune.code];
        const name = named?.index === i ? named.name : `${commune.kind === 'phuong' ? 'Tổ dân phố' : 'Thôn'} ${i}`;
        const code = villageCode(commune.code, i);
        units.push({
          code,
          name,
          type: 'KDC',
          areaId: mustGet(areaOf, commune.code, 'areaOf'),
          managingLevel: 'commune',
        });
        people.set(code, demoNumber(code.length * 31 + i * 7 + commune.villages, 120, 420));
      }
    }
    const institutions = demoInstitutions();
    const attributes = new Map<string, { enterpriseSize?: EnterpriseSize; schoolLevel?: SchoolLevel }>();
    for (const spec of institutions) {
      units.push({
        code: spec.code,
        name: spec.name,
        type: spec.type,
        areaId: mustGet(areaOf, spec.communeCode, 'areaOf'),
        managingLevel: spec.managingLevel,
      });
      people.set(spec.code, spec.people);
      attributes.set(spec.code, {
        ...(spec.enterpriseSize ? { enterpriseSize: spec.enterpriseSize } : {}),
        ...(spec.schoolLevel ? { schoolLevel: spec.schoolLevel } : {}),
      });
    }
    const inserted = await insertUnits(trx, units);
    for (const spec of institutions) {
      if (spec.enterpriseSize || spec.schoolLevel) {
        await trx
          .updateTable('units')
          .set({ enterprise_size: spec.enterpriseSize ?? null, school_level: spec.schoolLevel ?? null })
          .where('code', '=', spec.code)
          .execute();
      }
    }
    const idOf = new Map(inserted.map((u) => [u.code, u.id]));
    const base = { areas: 2 + communes.length, units: inserted.length };
    if (options.withHistory === false) return { seeded: true, ...base, assessments: 0, reports: 0 };

    const titleOf = new Map(
      BA_DON_COMMUNES.map((c) => [
        mustGet(areaOf, c.code, 'areaOf'),
        `${c.kind === 'phuong' ? 'phường' : 'xã'} ${c.name}`,
      ]),
    );
    const reform = options.reorganise;
    const oldYears = reform ? DEMO_YEARS_BEFORE_REFORM : DEMO_YEARS;
    let reports = await seedReports(
      trx,
      inserted.map((u) => ({ id: u.id, code: u.code, type: u.type })),
      demoQuarters({ year: 2018, quarter: 4 }, reform ? { year: 2025, quarter: 2 } : { year: 2022, quarter: 4 }),
    );
    let assessments = 0;
    for (const year of oldYears) {
      // only the units the year's catalogue assesses register (from 2022 no primary school or kindergarten)
      const catalogue = demoCatalogue(year);
      const eligible = inserted.filter(
        (u) => checkEligibility({ type: u.type, ...attributes.get(u.code) }, catalogue).eligible,
      );
      assessments += await seedYear(trx, year, eligible, people, titleOf, { decide: true, province: 'Quảng Bình' });
    }
    await seedModelsAndAwards(trx, areaOf, idOf, required(town, 'the town').id);
    if (!reform) return { seeded: true, ...base, assessments, reports };

    const after = await seedReform(trx, reform, {
      provinceId: required(province, 'the province').id,
      townId: required(town, 'the town').id,
      areaOf,
      people,
      attributes,
    });
    reports += after.reports;
    assessments += after.assessments;
    return { seeded: true, areas: base.areas + after.areas, units: base.units + after.units, assessments, reports };
  });
}

/**
 * Ba Đồn's 1 July 2025 reorganisation (BA_DON_REFORM), done through the product's operation as a user would
 * (lineage, successor units numbered on, officers following), then 2025 and 2026 on the new tree: reports from
 * Q3 2025, files of 2025 decided, files of 2026 registered and answered, a few models and awards.
 *
 * In the order the operation needs (it ends an area only when nothing is left below it): the new province is
 * established (no former area), the 16 communes merge into 4 under it, the town is dissolved (the district
 * level ended), then the emptied Quảng Bình and the former Quảng Trị (empty in the demo) are dissolved into the
 * new province, which writes their lineage (merge), so that a 2026-vs-2024 comparison of the province is
 * composed of Quảng Bình.
 */
async function seedReform(
  trx: Kysely<Database>,
  reorganise: DemoReorganise,
  context: {
    provinceId: number;
    townId: number;
    areaOf: ReadonlyMap<string, number>;
    people: Map<string, number>;
    attributes: ReadonlyMap<string, { enterpriseSize?: EnterpriseSize; schoolLevel?: SchoolLevel }>;
  },
): Promise<{ areas: number; units: number; assessments: number; reports: number }> {
  const r = BA_DON_REFORM;
  const date = r.effectiveDate;
  const [formerQt] = await insertAreas(trx, [
    {
      code: r.province.formerCode,
      name: r.province.formerName,
      kind: 'tinh',
      level: 'province',
      parentId: null,
      validFrom: r.province.formerValidFrom,
      validTo: null,
    },
  ]);
  const areaId = async (code: string) =>
    (await trx.selectFrom('areas').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  await reorganise(trx, {
    kind: 'establish',
    effectiveDate: date,
    legalBasis: r.province.legalBasis,
    predecessorIds: [],
    successors: [{ code: r.province.code, name: r.province.name, kind: 'tinh', parentId: null }],
  });
  const newProvinceId = await areaId(r.province.code);
  for (const commune of r.communes) {
    await reorganise(trx, {
      kind: 'merge',
      effectiveDate: date,
      legalBasis: r.communesLegalBasis,
      predecessorIds: commune.from.map((code) => mustGet(context.areaOf, code, 'areaOf')),
      successors: [{ code: commune.code, name: commune.name, kind: commune.kind, parentId: newProvinceId }],
    });
  }
  await reorganise(trx, {
    kind: 'dissolve',
    effectiveDate: date,
    legalBasis: r.districtsEnd,
    predecessorIds: [context.townId],
    successors: [],
  });
  for (const former of [context.provinceId, required(formerQt, 'the former Quảng Trị').id])
    await reorganise(trx, {
      kind: 'dissolve',
      effectiveDate: date,
      legalBasis: r.province.legalBasis,
      predecessorIds: [former],
      successors: [],
      intoId: newProvinceId,
    });

  // the units of the new tree, with the people and attributes of the unit each succeeds
  const newUnits = await trx
    .selectFrom('units')
    .select(['id', 'code', 'type', 'area_id', 'enterprise_size', 'school_level'])
    .where('valid_from', '=', date)
    .orderBy('id')
    .execute();
  const predecessorCode = new Map(
    (
      await trx
        .selectFrom('unit_lineage')
        .innerJoin('units', 'units.id', 'unit_lineage.predecessor_id')
        .select(['unit_lineage.successor_id', 'units.code'])
        .where('unit_lineage.effective_date', '=', date)
        .orderBy('units.id')
        .execute()
    ).map((row) => [row.successor_id, row.code]),
  );
  for (const unit of newUnits) {
    const from = predecessorCode.get(unit.id);
    context.people.set(unit.code, (from === undefined ? undefined : context.people.get(from)) ?? 150);
  }
  const predecessorId = new Map(
    (
      await trx
        .selectFrom('unit_lineage')
        .select(['predecessor_id', 'successor_id'])
        .where('effective_date', '=', date)
        .orderBy('predecessor_id')
        .execute()
    ).map((l) => [l.successor_id, l.predecessor_id]),
  );
  const units = newUnits.map((u) => ({ id: u.id, code: u.code, type: u.type, areaId: u.area_id }));
  const reports = await seedReports(
    trx,
    units.map((u) => ({ ...u, countsOf: u.type === 'XA' ? undefined : predecessorId.get(u.id) })),
    demoQuarters({ year: 2025, quarter: 3 }, { year: 2026, quarter: 3 }),
  );
  const titleOf = new Map<number, string>();
  for (const c of r.communes) titleOf.set(await areaId(c.code), `${c.kind === 'phuong' ? 'phường' : 'xã'} ${c.name}`);
  let assessments = 0;
  for (const year of DEMO_YEARS_AFTER_REFORM) {
    const catalogue = demoCatalogue(year);
    const eligible = units.filter((u) => {
      const row = newUnits.find((n) => n.id === u.id);
      return checkEligibility(
        {
          type: u.type,
          ...(row?.enterprise_size ? { enterpriseSize: row.enterprise_size as EnterpriseSize } : {}),
          ...(row?.school_level ? { schoolLevel: row.school_level as SchoolLevel } : {}),
        },
        catalogue,
      ).eligible;
    });
    assessments += await seedYear(trx, year, eligible, context.people, titleOf, {
      decide: year < 2026,
      province: r.province.name,
    });
  }
  await seedModelsAndAwardsAfterReform(trx, titleOf, newUnits);
  return { areas: 2 + r.communes.length, units: newUnits.length, assessments, reports };
}

/** Every quarter from `first` to `last`, both included. */
function demoQuarters(
  first: { year: number; quarter: Quarter },
  last: { year: number; quarter: Quarter },
): { year: number; quarter: Quarter }[] {
  const quarters: { year: number; quarter: Quarter }[] = [];
  for (
    let year = first.year, quarter: number = first.quarter;
    year < last.year || (year === last.year && quarter <= last.quarter);
  ) {
    quarters.push({ year, quarter: quarter as Quarter });
    quarter++;
    if (quarter > 4) {
      quarter = 1;
      year++;
    }
  }
  return quarters;
}

/** Two models begun under the new tree and the 2025 awards of the new province's police director. */
async function seedModelsAndAwardsAfterReform(
  db: Kysely<Database>,
  titleOf: ReadonlyMap<number, string>,
  units: readonly { id: number; code: string; type: string; area_id: number }[],
) {
  const areaIds = [...titleOf.keys()];
  const [badon, bacGianh, namGianh, namBaDon] = areaIds;
  const models = [
    {
      name: 'Tổ công nghệ số cộng đồng phòng, chống lừa đảo trên không gian mạng',
      category: 'Tự quản',
      area_id: required(bacGianh, 'Bắc Gianh'),
      started_on: '2025-09-15',
    },
    {
      name: 'Liên kết bảo vệ an ninh, trật tự hai bờ sông Gianh',
      category: 'Liên kết',
      area_id: required(namGianh, 'Nam Gianh'),
      started_on: '2026-03-20',
    },
  ];
  await db
    .insertInto('models')
    .values(
      models.map((m) => ({
        ...m,
        host_unit_id: null,
        stopped_on: null,
        sites: 4,
        teams: 4,
        is_advanced_example: 0,
        search_key: foldForSearch(m.name),
      })),
    )
    .execute();
  const collective = [badon, namBaDon].map((id, i) => {
    const areaIdOf = required(id, 'commune');
    const commune = units.find((u) => u.type === 'XA' && u.area_id === areaIdOf);
    return {
      kind: 'giay_khen',
      recipient_kind: 'collective' as const,
      area_id: areaIdOf,
      unit_id: commune?.id ?? null,
      recipient_name: `Công an ${mustGet(titleOf, areaIdOf, 'titleOf')}`,
      issuer: 'Giám đốc Công an tỉnh Quảng Trị',
      year: 2025,
      decision_number: `${1210 + i}/QĐ-CAT-PV01`,
      decision_date: '2026-03-25',
    };
  });
  await db.insertInto('awards').values(collective).execute();
}

/**
 * Answers that meet every answerable criterion of the unit's type under `catalogue`: checks yes, ratings
 * passing, ratios full (people briefed / people; sub-units rated well / a few sub-units).
 */
function fullAnswers(
  catalogue: Catalogue,
  type: UnitType,
  people: number,
  seed: number,
): Record<string, CriterionAnswer> {
  const answers = passingAnswers(catalogue, type, (c) =>
    SUB_UNIT_RATIOS.has(c.code) ? demoNumber(seed, 4, 12) : people,
  );
  // sub-units: not all of them rated well, but at least 70 %
  for (const code of SUB_UNIT_RATIOS) {
    const a = answers[code];
    if (a?.denominator) answers[code] = { ...a, numerator: Math.ceil(a.denominator * 0.8) };
  }
  return answers;
}

async function seedYear(
  db: Kysely<Database>,
  year: number,
  units: readonly { id: number; code: string; type: UnitType; areaId: number }[],
  people: Map<string, number>,
  titleOf: ReadonlyMap<number, string>,
  options: { decide: boolean; province: string },
): Promise<number> {
  const catalogue = demoCatalogue(year);
  const failures = new Map((DEMO_FAILURES[year] ?? []).map((f) => [villageCode(f.village, f.index), f.how]));
  const registeredAt = `${year}-03-${String(10 + (year % 10)).padStart(2, '0')}T02:00:00.000Z`;
  const rows = await db
    .insertInto('assessments')
    .values(
      units.map((u) => ({
        unit_id: u.id,
        year,
        catalogue_id: catalogue.id,
        status: 'registered',
        registered_at: registeredAt,
        registered_by: null,
      })),
    )
    .returning(['id', 'unit_id'])
    .execute();
  const assessmentOf = new Map(rows.map((r) => [r.unit_id, r.id]));

  const answerRows: {
    assessment_id: number;
    criterion_code: string;
    value: string;
    evidence_note: string | null;
    evidence_links: string;
  }[] = [];
  for (const unit of units) {
    const answers = fullAnswers(catalogue, unit.type, people.get(unit.code) ?? 100, unit.id + year);
    const how = failures.get(unit.code);
    if (how === 'pledges' && answers['KDC-1'])
      answers['KDC-1'] = { ...answers['KDC-1'], numerator: (answers['KDC-1'].denominator ?? 190) - 2 };
    if (how === 'forces' && answers['KDC-5']) answers['KDC-5'] = { ...answers['KDC-5'], rating: 'khong-hoan-thanh' };
    for (const [code, answer] of Object.entries(answers)) {
      answerRows.push({
        assessment_id: mustGet(assessmentOf, unit.id, 'assessmentOf'),
        criterion_code: code,
        value: JSON.stringify(answer),
        evidence_note: code.endsWith('-1')
          ? `Nghị quyết, kế hoạch và bản đăng ký quý I/${year}`
          : code === 'KDC-5' || code === 'CQDN-4' || code === 'CSGD-5'
            ? `Quyết định xếp loại năm ${year}`
            : SUB_UNIT_RATIOS.has(code)
              ? `Quyết định công nhận danh hiệu thi đua năm ${year} của các phòng, ban, tổ`
              : null,
        evidence_links: '[]',
      });
    }
    if (how === 'dispute') {
      await db
        .insertInto('incidents')
        .values({
          unit_id: unit.id,
          occurred_on: `${year}-08-12`,
          criterion_code: 'KDC-3',
          item: 'e',
          description: 'Tranh chấp đất đai giữa các hộ dân kéo dài, phức tạp',
          created_at: `${year}-08-13T03:00:00.000Z`,
          created_by: null,
        })
        .execute();
    }
    if (how === 'crimes') {
      // Three more offences in Q2 than in any quarter the year before: KDC-4 (containment) fails.
      await db
        .updateTable('quarterly_reports')
        .set((eb) => ({ crimes: eb('crimes', '+', 3) }))
        .where('unit_id', '=', unit.id)
        .where('year', '=', year)
        .where('quarter', '=', 2)
        .execute();
    }
  }
  for (const part of chunk(answerRows, 300)) await db.insertInto('assessment_answers').values(part).execute();

  // The decisions follow the results the engine computes from those answers, incidents and reports (the
  // current year's files are answered, not yet decided).
  if (!options.decide) return rows.length;
  const assessed = await listAssessedUnitsByIds(
    db,
    units.map((u) => u.id),
  );
  const evaluations = evaluateArea(
    await loadEvaluationInputs(db, assessed, year, { areaId: undefined, date: `${year}-12-31` }),
    { catalogue },
  );
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const assessedById = new Map(assessed.map((u) => [u.id, u]));
  for (const evaluation of evaluations) {
    const unit = mustGet(assessedById, evaluation.unitId, 'assessedById');
    const met = evaluation.result === 'DAT';
    // from 1 July 2025 there is no district level: what the town decided, the commune decides
    const authority =
      unit.managingLevel === 'commune' || (year >= 2025 && unit.managingLevel === 'district')
        ? `UBND ${titleOf.get(unit.areaId) ?? 'xã'}`
        : unit.managingLevel === 'province'
          ? `UBND tỉnh ${options.province}`
          : 'UBND thị xã Ba Đồn';
    // Art. 9(1) of 124/2021: villages are decided before 15 November (their window closes 31 October), the
    // others before 20 November (window closes 15 November)
    const days =
      unit.type === 'KDC'
        ? { self: '11-01', submitted: '11-03', appraised: '11-08', decided: '11-12' }
        : { self: '11-16', submitted: '11-17', appraised: '11-18', decided: '11-19' };
    await db
      .updateTable('assessments')
      .set({
        status: met ? 'recognised' : 'not_recognised',
        is_locked: met ? 1 : 0,
        self_assessed_at: `${year}-${days.self}T02:00:00.000Z`,
        submitted_at: `${year}-${days.submitted}T02:00:00.000Z`,
        appraised_at: `${year}-${days.appraised}T02:00:00.000Z`,
        appraisal_note: met ? null : evaluation.summary.vi,
        decided_at: `${year}-${days.decided}T02:00:00.000Z`,
        decision_number: `${(evaluation.unitId % 97) + 1}/QĐ-${unit.managingLevel === 'commune' ? 'UBND' : 'UBND-TX'}`,
        decision_date: `${year}-${days.decided}`,
        decision_authority: authority,
        certificate_number: met ? `GCN-${year}-${codeOf.get(unit.id)}` : null,
        version: 5,
      })
      .where('unit_id', '=', unit.id)
      .where('year', '=', year)
      .execute();
  }

  // Grading sheets of the communes: self scores near the maximum, verified a little lower.
  const xaTemplate = findSheetTemplateForType('XA');
  if (xaTemplate) {
    for (const unit of units.filter((u) => u.type === 'XA')) {
      const sheet = await db
        .insertInto('grading_sheets')
        .values({
          unit_id: unit.id,
          year,
          template_id: xaTemplate.id,
          updated_at: `${year}-11-28T02:00:00.000Z`,
          updated_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const items = xaTemplate.groups.flatMap((g) => g.items);
      await db
        .insertInto('grading_scores')
        .values(
          items.map((item, i) => {
            const share = demoNumber(unit.id * 13 + i + year, 70, 100) / 100;
            return {
              sheet_id: sheet.id,
              item_code: item.code,
              self_score: item.maxPoints,
              verified_score: Math.round(item.maxPoints * share * 2) / 2,
              note: null,
            };
          }),
        )
        .execute();
    }
  }
  return rows.length;
}

/**
 * Quarterly reports Q4 2018 – Q4 2022, mostly on time; a few late, and three missing for Q4 2022. KDC-4 compares
 * a window's counts with the previous window's, so 2020 needs the window before it (Q4 2018 – Q3 2019): without
 * it every village failed KDC-4 in 2020 and with them every commune (the dashboard's "0/16 in 2020").
 */
async function seedReports(
  db: Kysely<Database>,
  units: readonly { id: number; code: string; type: UnitType; countsOf?: number }[],
  quarters: readonly { year: number; quarter: Quarter }[],
): Promise<number> {
  const rows = [];
  for (const [u, unit] of units.entries()) {
    for (const [q, { year, quarter }] of quarters.entries()) {
      if (year === 2022 && quarter === 4 && u % 71 === 5) continue;
      const period = quarterPeriod(year, quarter);
      const late = (u + q) % 37 === 0;
      const day = late ? addDays(period.dueDate, 4) : addDays(period.dueDate, -2);
      const seed = unit.id * 17 + q;
      rows.push({
        unit_id: unit.id,
        year,
        quarter,
        // a successor keeps its predecessor's level of crime (`countsOf`), so the reform moves no KDC-4
        crimes: unit.type === 'KDC' || unit.type === 'XA' ? demoNumber(unit.countsOf ?? unit.id, 0, 1) : 0,
        social_evils: unit.type === 'KDC' ? demoNumber((unit.countsOf ?? unit.id) + 1, 0, 1) : 0,
        fires_explosions_accidents: 0,
        propaganda_sessions: demoNumber(seed, 1, 6),
        people_reached: demoNumber(seed + 3, 40, 600),
        tip_offs: demoNumber(seed + 5, 0, 3),
        new_models: 0,
        meetings: demoNumber(seed + 7, 1, 4),
        notes: null,
        submitted_at: `${day}T02:00:00.000Z`,
        submitted_by: null,
      });
    }
  }
  for (const part of chunk(rows, 200)) {
    await db
      .insertInto('quarterly_reports')
      .values(part.map((r) => ({ ...r, on_time: isReportOnTime(r.submitted_at, r.year, r.quarter) ? 1 : 0 })))
      .execute();
  }
  return rows.length;
}

async function seedModelsAndAwards(
  db: Kysely<Database>,
  areaOf: Map<string, number>,
  idOf: Map<string, number>,
  townId: number,
) {
  await db
    .insertInto('models')
    .values(
      demoModels().map((m) => ({
        name: m.name,
        category: m.category,
        area_id: m.communeCode ? mustGet(areaOf, m.communeCode, 'areaOf') : townId,
        host_unit_id: m.hostUnitCode ? (idOf.get(m.hostUnitCode) ?? null) : null,
        started_on: m.startedOn,
        stopped_on: m.stoppedOn,
        sites: m.sites,
        teams: m.teams,
        is_advanced_example: m.isAdvancedExample ? 1 : 0,
        search_key: foldForSearch(m.name),
      })),
    )
    .execute();
  const awards = [
    ...['QB-BD-QTHUY', 'QB-BD-QPHUC', 'QB-BD-QVAN', 'QB-BD-BADON'].map((code, i) => ({
      kind: 'giay_khen',
      recipient_kind: 'collective' as const,
      area_id: mustGet(areaOf, code, 'areaOf'),
      unit_id: idOf.get(`XA-${code}`) ?? null,
      recipient_name: `Công an ${
        required(
          BA_DON_COMMUNES.find((c) => c.code === code),
          'commune',
        ).kind === 'phuong'
          ? 'phường'
          : 'xã'
      } ${
        required(
          BA_DON_COMMUNES.find((c) => c.code === code),
          'commune',
        ).name
      }`,
      issuer: DEMO_AWARD_ISSUERS.police,
      year: 2021,
      decision_number: `${410 + i}/QĐ-CAT-PV01`,
      decision_date: '2022-03-30',
    })),
    ...['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'].map((name, i) => ({
      kind: 'giay_khen',
      recipient_kind: 'individual' as const,
      area_id: townId,
      unit_id: null,
      recipient_name: name,
      issuer: DEMO_AWARD_ISSUERS.police,
      year: 2021,
      decision_number: `${420 + i}/QĐ-CAT-PV01`,
      decision_date: '2022-03-30',
    })),
    ...['QB-BD-QTHO', 'QB-BD-QLOC', 'QB-BD-QTRUNG', 'QB-BD-QHOA', 'QB-BD-QSON'].map((code, i) => ({
      kind: 'giay_khen',
      recipient_kind: 'collective' as const,
      area_id: mustGet(areaOf, code, 'areaOf'),
      unit_id: idOf.get(`XA-${code}`) ?? null,
      recipient_name: `Ban Chỉ đạo phong trào ${
        required(
          BA_DON_COMMUNES.find((c) => c.code === code),
          'commune',
        ).name
      }`,
      issuer: DEMO_AWARD_ISSUERS.town,
      year: 2021,
      decision_number: `${150 + i}/QĐ-UBND`,
      decision_date: '2022-04-04',
    })),
  ];
  await db.insertInto('awards').values(awards).execute();
}
export * from './national.js';

/**
 * Freezes the statistics of every quarter of the demo's decided years (2020-Q1 … 2022-Q4, or … 2025-Q4 with the reform), as the worker does at each
 * quarter's end, so the trend charts have a history on the first start. Each is a normal snapshot run:
 * running it again changes nothing. `figures` is the services' computeScopeSummaries (stored results first).
 */
export async function seedDemoSnapshots(db: Kysely<Database>, now: Date, figures: ScopeFigures): Promise<number> {
  // the demo's decided years (2020–2022, or 2020–2025 with the reform; 2026 is the current year)
  const years = (
    await db
      .selectFrom('assessments')
      .select('year')
      .distinct()
      .where('status', 'in', ['recognised', 'not_recognised'])
      .orderBy('year')
      .execute()
  ).map((r) => r.year);
  let taken = 0;
  for (const year of years) {
    for (const quarter of [1, 2, 3, 4]) {
      const result = await takeSnapshot(db, { periodKey: `${year}-Q${quarter}`, now, owner: 'seed:demo', figures });
      if (result.status === 'done') taken++;
    }
  }
  return taken;
}
