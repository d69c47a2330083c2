import { passingAnswers, TT124_2021, UNIT_TYPE_LABELS } from '@antoan/core';
import { getUnit } from '@antoan/db';
import { verifyResults } from '@antoan/services';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestEnvironment, type ApiTestEnvironment } from './testing.js';

// Issue 13: random sequences of changes through the API, at the edges of the windows (incidents on 31/10, 1/11,
// 15/11 and 16/11; reports of Q4 of the year before), with answers changed, villages moved between communes,
// enterprises made small (excluded) and two changes sent at once; after each sequence a full recompute from raw
// data finds no difference with what is stored. Refused changes (a locked year, a bad answer) are part of the
// sequences: they must change nothing. Files are unlocked and locked again between changes: a locked file keeps
// its result (issue 15), an edit that would move it is refused. On SQLite, and on PostgreSQL when DATABASE_URL
// is set.

let env: ApiTestEnvironment;
const VILLAGES = [
  'KDC-QB-BD-QTHUY-1',
  'KDC-QB-BD-QTHUY-2',
  'KDC-QB-BD-QTHUY-3',
  'KDC-QB-BD-QVAN-1',
  'KDC-QB-BD-QVAN-2',
];
const COMMUNES = ['QB-BD-QTHUY', 'QB-BD-QVAN'];
const quiet = {
  crimes: 0,
  socialEvils: 0,
  firesExplosionsAccidents: 0,
  propagandaSessions: 1,
  peopleReached: 50,
  tipOffs: 0,
  newModels: 0,
  meetings: 1,
};

beforeAll(async () => {
  env = await createApiTestEnvironment({ withHistory: true });
  // 2023 files for the villages (their 2021 and 2022 files are recognised and locked)
  const admin = env.callerFor('admin');
  for (const code of VILLAGES) {
    const unitId = env.unitId(code);
    const record = await admin.assessments.register({ unitId, year: 2023 });
    const answers = Object.fromEntries(
      Object.entries(passingAnswers(TT124_2021, 'KDC', () => 100)).map(([c, answer]) => [
        c,
        { answer, evidence: { note: null, links: [] } },
      ]),
    );
    await admin.assessments.saveAnswers({ unitId, year: 2023, version: record.version, answers });
  }
}, 120_000);
afterAll(() => env.destroy());

type Op =
  | { kind: 'incident'; village: number; date: string; item: 'a' | 'e' }
  | { kind: 'deleteIncident'; pick: number }
  | { kind: 'report'; village: number; year: 2022 | 2023; quarter: 1 | 2 | 3 | 4; crimes: number }
  | { kind: 'answers'; village: number; met: boolean }
  | { kind: 'move'; village: number; commune: number }
  | { kind: 'smallEnterprise'; pick: number; unlockFirst: boolean }
  | { kind: 'together'; a: number; b: number; date: string }
  | { kind: 'lock'; unit: number; locked: boolean };

// files whose lock the sequences open and close (2022: recognised and locked in the demo)
const LOCKABLE = ['XA-QB-BD-QTHUY', 'XA-QB-BD-QVAN', 'KDC-QB-BD-QTHUY-1', 'KDC-QB-BD-QVAN-2'];

const EDGE_DATES = [
  '2022-10-31',
  '2022-11-01',
  '2022-11-15',
  '2022-11-16',
  '2023-10-31',
  '2023-11-01',
  '2023-11-15',
  '2023-11-16',
];
const village = fc.integer({ min: 0, max: VILLAGES.length - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('incident' as const),
    village,
    date: fc.constantFrom(...EDGE_DATES),
    item: fc.constantFrom('a' as const, 'e' as const),
  }),
  fc.record({ kind: fc.constant('deleteIncident' as const), pick: fc.nat(20) }),
  fc.record({
    kind: fc.constant('report' as const),
    village,
    year: fc.constantFrom(2022 as const, 2023 as const),
    quarter: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
    crimes: fc.nat(5),
  }),
  fc.record({ kind: fc.constant('answers' as const), village, met: fc.boolean() }),
  fc.record({ kind: fc.constant('move' as const), village, commune: fc.integer({ min: 0, max: COMMUNES.length - 1 }) }),
  fc.record({ kind: fc.constant('smallEnterprise' as const), pick: fc.nat(21), unlockFirst: fc.boolean() }),
  fc.record({ kind: fc.constant('together' as const), a: village, b: village, date: fc.constantFrom(...EDGE_DATES) }),
  fc.record({
    kind: fc.constant('lock' as const),
    unit: fc.integer({ min: 0, max: LOCKABLE.length - 1 }),
    locked: fc.boolean(),
  }),
);

/** Runs one change; a refusal (locked year, stale version, …) is an outcome like any other. */
async function run(op: Op): Promise<string> {
  const admin = env.callerFor('admin');
  const attempt = async (what: () => Promise<unknown>) => {
    try {
      await what();
      return 'done';
    } catch {
      return 'refused';
    }
  };
  switch (op.kind) {
    case 'incident':
      return attempt(() =>
        admin.incidents.create({
          unitId: env.unitId(VILLAGES[op.village]!),
          occurredOn: op.date,
          criterionCode: 'KDC-3',
          item: op.item,
          description: 'thử',
          exception: null,
        }),
      );
    case 'deleteIncident': {
      const rows = await env.handle.db.selectFrom('incidents').select('id').orderBy('id').execute();
      if (rows.length === 0) return 'nothing';
      return attempt(() => admin.incidents.delete({ incidentId: rows[op.pick % rows.length]!.id }));
    }
    case 'report':
      return attempt(() =>
        admin.reports.submit({
          unitId: env.unitId(VILLAGES[op.village]!),
          year: op.year,
          quarter: op.quarter,
          counts: { ...quiet, crimes: op.crimes },
          notes: null,
        }),
      );
    case 'answers': {
      const unitId = env.unitId(VILLAGES[op.village]!);
      const file = await admin.assessments.get({ unitId, year: 2023 });
      const kdc1 = passingAnswers(TT124_2021, 'KDC', () => 100)['KDC-1']!;
      const answer = op.met ? kdc1 : { ...kdc1, numerator: 90 };
      return attempt(() =>
        admin.assessments.saveAnswers({
          unitId,
          year: 2023,
          version: file.record!.version,
          answers: { 'KDC-1': { answer, evidence: { note: null, links: [] } } },
        }),
      );
    }
    case 'move': {
      const unit = await getUnit(env.handle.db, env.unitId(VILLAGES[op.village]!));
      return importUnits([`${unit.code},${unit.name},${UNIT_TYPE_LABELS.KDC.vi},${COMMUNES[op.commune]},,,,`]);
    }
    case 'smallEnterprise': {
      const enterprises = await env.handle.db
        .selectFrom('units')
        .select('id')
        .where('type', '=', 'DN')
        .orderBy('id')
        .execute();
      const unit = await getUnit(env.handle.db, enterprises[op.pick % enterprises.length]!.id);
      const area = await env.handle.db
        .selectFrom('areas')
        .select('code')
        .where('id', '=', unit.areaId)
        .executeTakeFirstOrThrow();
      if (op.unlockFirst) {
        // its recognised files are locked: open them (audited), or the import is refused (issue 15)
        for (const year of [2021, 2022]) {
          const file = (await admin.assessments.get({ unitId: unit.id, year })).record;
          if (file?.isLocked)
            await admin.assessments.setLocked({
              unitId: unit.id,
              year,
              version: file.version,
              isLocked: false,
              reason: 'thử',
            });
        }
      }
      const level = { commune: 'Cấp xã', district: 'Cấp huyện', province: 'Cấp tỉnh' }[unit.managingLevel];
      return importUnits([`${unit.code},${unit.name},${UNIT_TYPE_LABELS.DN.vi},${area.code},${level},,Nhỏ,`]);
    }
    case 'together': {
      const [a, b] = await Promise.all(
        [op.a, op.b].map((v) =>
          attempt(() =>
            admin.incidents.create({
              unitId: env.unitId(VILLAGES[v]!),
              occurredOn: op.date,
              criterionCode: 'KDC-3',
              item: 'e',
              description: 'cùng lúc',
              exception: null,
            }),
          ),
        ),
      );
      return `${a}+${b}`;
    }
    case 'lock': {
      const unitId = env.unitId(LOCKABLE[op.unit]!);
      const file = (await admin.assessments.get({ unitId, year: 2022 })).record!;
      if (file.isLocked === op.locked) return 'nothing';
      return attempt(() =>
        admin.assessments.setLocked({ unitId, year: 2022, version: file.version, isLocked: op.locked, reason: 'thử' }),
      );
    }
  }
}

async function importUnits(rows: string[]): Promise<string> {
  const header =
    'Mã đơn vị *,Tên đơn vị *,Loại đơn vị *,Mã địa bàn *,Cấp quản lý,Thuộc lực lượng vũ trang,Quy mô doanh nghiệp,Cấp học';
  const contentBase64 = Buffer.from(`\uFEFF${[header, ...rows].join('\n')}\n`, 'utf8').toString('base64');
  try {
    const result = await env.callerFor('admin').imports.commit({ format: 'csv', fileName: 'thu.csv', contentBase64 });
    return result.applied ? 'done' : `refused (${result.errors.length} errors)`;
  } catch {
    // it would move a recognised, locked file (issue 15): refused as a whole
    return 'refused (locked file)';
  }
}

describe('stored results under random sequences of changes', { timeout: 300_000 }, () => {
  it('equal a full recompute after every sequence', async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 3, maxLength: 8 }), async (ops) => {
        for (const op of ops) {
          const outcome = `${op.kind}: ${await run(op)}`;
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        }
        const report = await verifyResults(env.handle.db, { now: new Date('2024-01-15T03:00:00Z') });
        expect(report.differences, JSON.stringify(ops)).toEqual([]);
        expect(report.totals).toBe(0);
        expect(report.reportTimes).toBe(0);
      }),
      { numRuns: 40, seed: 20261201 },
    );
    // the sequences did change things (and had some refused): a run of only refusals would prove nothing
    const done = [...outcomes].filter(([k]) => k.endsWith(': done')).reduce((n, [, v]) => n + v, 0);
    expect(done).toBeGreaterThan(20);
    console.log(`stored-results fuzz: ${[...outcomes].map(([k, v]) => `${k} ×${v}`).join(', ')}`);
  });
});
